"""One writer per dataset: an exclusive flock on `<dataset>/.lock`, across processes.

The lock file names the process holding it, so a publish that gives up waiting can say who holds it.
flock is released by the kernel when its holder dies: a crashed run never leaves a stale lock.
"""
from __future__ import annotations

import errno
import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".lock"
POLL_SECONDS = 0.05  # how often a waiter with a timeout retries

# Re-entrant within a process (not a thread): the flow holds the lock while its publish task,
# which Prefect may run on another thread, takes it again.
_held_locks: dict[Path, int] = {}
_locks_guard = threading.Lock()


class DatasetLocked(TimeoutError):
    """Another process kept the dataset locked for longer than the caller would wait."""


@contextmanager
def dataset_lock(dataset_dir: Path, timeout: float | None = None) -> Iterator[None]:
    """Exclusive lock on `<dataset_dir>/.lock`; waits for it, or at most `timeout` seconds (DatasetLocked)."""
    dataset_dir = Path(dataset_dir).resolve()
    dataset_dir.mkdir(parents=True, exist_ok=True)
    with _locks_guard:
        held = dataset_dir in _held_locks
        if held:
            _held_locks[dataset_dir] += 1
    if held:
        try:
            yield
        finally:
            with _locks_guard:
                _held_locks[dataset_dir] -= 1
        return
    fd = os.open(dataset_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, dataset_dir, timeout)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        with _locks_guard:
            _held_locks[dataset_dir] = 1
        try:
            yield
        finally:
            with _locks_guard:
                _held_locks.pop(dataset_dir, None)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, dataset_dir: Path, timeout: float | None) -> None:
    if timeout is None:
        fcntl.flock(fd, fcntl.LOCK_EX)
        return
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
        if time.monotonic() >= deadline:
            raise DatasetLocked(
                f"{dataset_dir} is being written by another process (pid {lock_holder(dataset_dir) or '?'}); "
                f"gave up after {timeout:g} s: run again when it has finished"
            )
        time.sleep(POLL_SECONDS)


def lock_holder(dataset_dir: Path) -> int | None:
    """Pid written by the process that last took the lock (it may have finished since)."""
    try:
        return int((Path(dataset_dir) / LOCK_FILE).read_text(encoding="ascii").strip() or 0) or None
    except (OSError, ValueError):
        return None
