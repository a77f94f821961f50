"""Handing memory freed by a finished step back to the operating system; sparing the garbage collector
the objects that live as long as the process."""
from __future__ import annotations

import ctypes
import ctypes.util
import gc

import pyarrow as pa


def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None).malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to trim
        return None


_MALLOC_TRIM = _malloc_trim()


def release_memory() -> None:
    """Hand the memory freed by the step that just ended back to the operating system.

    Both allocators keep freed memory for reuse: Arrow's pool (mimalloc by default) and glibc's
    malloc, which holds the Python rows and strings. Between steps that memory is fragmented by
    what stays alive, so peak RSS added up the leftovers of every step (~+250 MiB at 20 MB).
    Costs a few milliseconds.
    """
    pa.default_memory_pool().release_unused()
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


_frozen = False


def freeze_long_lived() -> None:
    """Exempt every object alive now from the cyclic garbage collector's passes; once per process.

    Called once a worker has processed its first document: the imports, jieba's table, the lexicons,
    the gazetteer and the orchestrator's own state then make most of the heap and live as long as
    the process, yet every full collection walked them again (in a build's process, Prefect's objects
    too). Over 267 documents outside Prefect the collector took 0.41 s of CPU unfrozen, 0.11 s frozen.
    Reference counting frees objects as before; only cycles among the frozen ones would stay until exit.
    """
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True
