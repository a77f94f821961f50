"""Validation in a process of its own, started early so that Great Expectations' import overlaps the build.

Importing GX takes seconds of CPU (about 6 s on a slow 2-core machine). A thread in the build's
process could not hide it: imports hold the GIL, so the import and the document processing took
turns. A second process imports GX on the other core while the build starts Prefect and processes
documents; when the tables are ready they go to it as Arrow IPC files (memory-mapped there, not
pickled) and the ValidationOutcome comes back. The child serves one request after another until
the build's process closes its end of the pipe (at exit, or `close_validator`), so a test session
imports GX once.

The child replies on a private copy of its stdout; its own stdout is pointed at stderr, so what GX
or pandas print cannot corrupt the replies.
"""
from __future__ import annotations

import atexit
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pyarrow as pa

VALIDATED_TABLES = ("articles", "lines", "rejects")
_lock = threading.Lock()
_child: subprocess.Popen | None = None


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
    global _child
    with _lock:
        child, _child = _child, None
    if child is not None:
        child.stdin.close()
        child.wait()
        child.stdout.close()


atexit.register(close_validator)


def validate_in_child(tables: dict[str, pa.Table], **arguments):
    """tasks.validate.validate_tables(articles, lines, rejects=..., **arguments), run in the validation process."""
    start_validator()
    with tempfile.TemporaryDirectory(prefix="zhpress-validate-") as folder:
        paths = {}
        for name in VALIDATED_TABLES:
            paths[name] = str(Path(folder, f"{name}.arrow"))
            with pa.OSFile(paths[name], "wb") as sink, pa.ipc.new_file(sink, tables[name].schema) as writer:
                writer.write_table(tables[name])
        with _lock:
            child = _child
            try:
                pickle.dump((paths, arguments), child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                child.stdin.flush()
                status, value = pickle.load(child.stdout)
            except (BrokenPipeError, EOFError) as error:
                raise ValidatorError(f"the validation process ended unexpectedly (exit code {child.poll()}): {error}") from error
    if status != "ok":
        raise ValidatorError(f"validation failed in its process:\n{value}")
    return value


def serve() -> None:
    """The validation process: answer (table paths, arguments) requests until the input closes."""
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # as tasks/validate_gx.py: no network
    import great_expectations  # noqa: F401 - the seconds of import this process exists to spend early

    from tasks.validate import validate_tables

    requests = sys.stdin.buffer
    while True:
        try:
            paths, arguments = pickle.load(requests)
        except EOFError:
            # Nothing to clean up (the reports are closed); tearing down GX's modules took a second.
            replies.close()
            os._exit(0)
        try:
            tables = {name: pa.ipc.open_file(pa.memory_map(path)).read_all() for name, path in paths.items()}
            reply = ("ok", validate_tables(tables["articles"], tables["lines"], rejects=tables["rejects"], **arguments))
            del tables
        except Exception:  # noqa: BLE001 - the parent raises it with this traceback
            import traceback

            reply = ("error", traceback.format_exc())
        pickle.dump(reply, replies, protocol=pickle.HIGHEST_PROTOCOL)
        replies.flush()
