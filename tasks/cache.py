"""Per-document result cache, keyed by content and by everything that decides the output.

A key combines the document's bytes (sha256) and path, the versions of code, rules,
taxonomy, gazetteer and dictionary, and the recurring lines this document shares with
others of the run (cleaning uses them as evidence). Entries are immutable files; the
folder is safe to delete at any time: a miss only costs a recomputation.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path

from tasks.records import SourceDocument

CACHE_FORMAT = 1


def document_key(doc: SourceDocument, recurring: frozenset[str], versions: dict[str, str]) -> str:
    """The cache key of one document's results."""
    shared = sorted(line.strip() for line in doc.lines if line.strip() in recurring)
    payload = json.dumps(
        [CACHE_FORMAT, doc.source_file, doc.sha256, doc.encoding, sorted(versions.items()), shared],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _entry_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / f"{key}.pickle"


def load(cache_dir: Path, key: str):
    """The cached result for `key`, or None on a miss or an unreadable entry."""
    path = _entry_path(cache_dir, key)
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        # A torn or stale entry is just a miss; it will be rewritten.
        return None


def store(cache_dir: Path, key: str, result) -> None:
    """Write an entry atomically (temp file + rename), so readers never see half an entry."""
    path = _entry_path(cache_dir, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
