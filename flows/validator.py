"""Validation in a process of its own, started early so that Great Expectations' import overlaps the build.

Importing GX takes seconds of CPU (about 6 s on a slow 2-core machine). A thread in the build's
process could not hide it: imports hold the GIL, so the import and the document processing took
turns. A second process imports GX on the other core while the build starts Prefect and processes
documents; when the tables are ready they go to it as Arrow IPC files (memory-mapped there, not
pickled) and the ValidationOutcome comes back. The child serves one request after another until
the build's process closes its end of the pipe (at exit, or `close_validator`), so a test session
imports GX once. With several workers the same process then renders the review pages
(tasks/review.py) while the build's process writes the Parquet files and the card.

The child replies on a private copy of its stdout; its own stdout is pointed at stderr, so what GX
or pandas print cannot corrupt the replies.
"""
from __future__ import annotations

import atexit
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pyarrow as pa

VALIDATED_TABLES = ("articles", "lines", "rejects")
_lock = threading.Lock()
_child: subprocess.Popen | None = None
_pending_review: tuple[tempfile.TemporaryDirectory, Path] | None = None  # its reply not read yet
REVIEW_WRITER_THREADS = 2  # page files are written while the next page renders
CLOSE_TIMEOUT_S = 120  # a review render left running finishes well within this


class ValidatorError(RuntimeError):
    """The validation process failed or died: the message carries its traceback or exit code."""


def start_validator() -> None:
    """Start the validation process now (it imports GX at once), unless one is running."""
    global _child
    with _lock:
        if _child is None or _child.poll() is not None:
            # The parent's import path, so the child runs the same code (-P: not the working folder's).
            environment = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
            _child = subprocess.Popen([sys.executable, "-P", "-c", "from flows.validator import serve; serve()"],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment)


def close_validator() -> None:
    """End the validation process (it exits when its input closes)."""
    global _child, _pending_review
    with _lock:
        child, _child = _child, None
        if _pending_review is not None:
            _pending_review[0].cleanup()
            _pending_review = None
    if child is not None:
        child.stdin.close()
        try:
            child.wait(timeout=CLOSE_TIMEOUT_S)
        except subprocess.TimeoutExpired:  # stuck: an exit must not hang on it
            child.kill()
            child.wait()
        child.stdout.close()


atexit.register(close_validator)


def validate_in_child(tables: dict[str, pa.Table], review_dir: Path | None = None, **arguments):
    """tasks.validate.validate_tables(articles, lines, rejects=..., **arguments), run in the validation process.

    With a `review_dir`, the process goes on, once the outcome is back and a success, to render the
    review pages (tasks/review.py) into it while this process publishes; `review_pages_from_child`
    waits for them.
    """
    global _pending_review
    start_validator()
    folder = tempfile.TemporaryDirectory(prefix="zhpress-validate-")
    try:
        paths = {}
        for name in VALIDATED_TABLES:
            paths[name] = str(Path(folder.name, f"{name}.arrow"))
            with pa.OSFile(paths[name], "wb") as sink, pa.ipc.new_file(sink, tables[name].schema) as writer:
                writer.write_table(tables[name])
        with _lock:
            _collect_review()  # pages nobody waited for: their reply comes first
            status, value = _exchange((paths, arguments, None if review_dir is None else str(review_dir)))
            if status == "ok" and review_dir is not None and value.success:
                _pending_review, folder = (folder, Path(review_dir)), None  # the tables stay for the pages
    finally:
        if folder is not None:
            folder.cleanup()
    if status != "ok":
        raise ValidatorError(f"validation failed in its process:\n{value}")
    return value


def review_pages_from_child() -> Path:
    """The folder of review pages the validation process rendered after the last validation."""
    with _lock:
        collected = _collect_review()
    if collected is None:
        raise ValidatorError("no review pages were asked of the validation process")
    (status, value), review_dir = collected
    if status != "ok":
        raise ValidatorError(f"review pages failed in the validation process:\n{value}")
    return review_dir


def discard_review() -> None:
    """Wait for review pages nobody will publish, and delete them."""
    with _lock:
        collected = _collect_review()
    if collected is not None:
        shutil.rmtree(collected[1], ignore_errors=True)


def _collect_review() -> tuple[tuple[str, object], Path] | None:
    # Under _lock. Replies come in order: the reply about pages asked for is read before the next
    # request's, whether or not anyone waits for the pages.
    global _pending_review
    if _pending_review is None:
        return None
    (folder, review_dir), _pending_review = _pending_review, None
    try:
        return _receive(), review_dir
    finally:
        folder.cleanup()


def _exchange(request) -> tuple[str, object]:
    try:
        pickle.dump(request, _child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        _child.stdin.flush()
    except BrokenPipeError as error:
        raise _ended(error) from error
    return _receive()


def _receive() -> tuple[str, object]:
    try:
        return pickle.load(_child.stdout)
    except (EOFError, pickle.UnpicklingError) as error:  # died before or while replying
        raise _ended(error) from error


def _ended(error: Exception) -> ValidatorError:
    return ValidatorError(f"the validation process ended unexpectedly (exit code {_child.poll()}): {error}")


def serve() -> None:
    """The validation process: answer (table paths, arguments) requests until the input closes."""
    # Ctrl-C reaches the whole process group: the build's process decides, this one ends when its input closes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # as tasks/validate_gx.py: no network
    import great_expectations  # noqa: F401 - the seconds of import this process exists to spend early

    from tasks.validate import validate_tables

    requests = sys.stdin.buffer
    while True:
        try:
            paths, arguments, review_dir = pickle.load(requests)
        except EOFError:
            # Nothing to clean up (the reports are closed); tearing down GX's modules took a second.
            replies.close()
            os._exit(0)
        tables = {name: pa.ipc.open_file(pa.memory_map(path)).read_all() for name, path in paths.items()}
        outcome = _answer(replies, lambda: validate_tables(tables["articles"], tables["lines"], rejects=tables["rejects"], **arguments))
        if review_dir is not None and outcome is not None and outcome.success:
            _answer(replies, lambda: _render_review(tables, review_dir, outcome.warnings))
        del tables


def _answer(replies, work):
    """Run work() and reply ("ok", its value) or ("error", the traceback); the value, or None."""
    try:
        value = work()
        reply = ("ok", value)
    except Exception:  # noqa: BLE001 - the parent raises it with this traceback
        import traceback

        value, reply = None, ("error", traceback.format_exc())
    pickle.dump(reply, replies, protocol=pickle.HIGHEST_PROTOCOL)
    replies.flush()
    return value


def _render_review(tables: dict[str, pa.Table], review_dir: str, warnings: list[str]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from tasks.review import render_review

    with ThreadPoolExecutor(max_workers=REVIEW_WRITER_THREADS, thread_name_prefix="review") as pool:
        render_review(tables["articles"], tables["lines"], Path(review_dir), warnings, pool)
