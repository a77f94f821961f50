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


def default_cache_dir(output_dir: str | Path) -> Path:
    """Where per-document results go unless told otherwise: OUTPUT/.cache."""
    return Path(output_dir) / ".cache"


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


def run_signature(inputs: list[tuple[str, str, int]], versions: dict[str, str]) -> str:
    """One hash of every input file (path, sha256, bytes) and every component version of a run."""
    payload = json.dumps([CACHE_FORMAT, sorted(map(list, inputs)), sorted(versions.items())], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def unchanged_since_latest(manifest: dict | None, inputs: list[tuple[str, str, int]], versions: dict[str, str]) -> bool:
    """True when the latest version's manifest was built from these very inputs by these very components.

    The pipeline is deterministic, so such a run would only rebuild the same content: callers skip
    processing, validation and publishing altogether (the cheapest possible no-change rerun).
    """
    if not manifest:
        return False
    try:
        built_from = [(i["source_file"], i["sha256"], i["bytes"]) for i in manifest["inputs"]]
        # The git commit is recorded for provenance only; the code fingerprint decides.
        built_with = {k: v for k, v in manifest["pipeline"]["versions"].items() if k != "git_commit"}
    except (KeyError, TypeError, AttributeError):
        return False
    return run_signature(built_from, built_with) == run_signature(inputs, versions)


def unchanged_by_fingerprint(manifest: dict | None, inputs: list[tuple[str, str, int]], independent: dict[str, str]) -> bool:
    """unchanged_since_latest from versions.independent_component_versions(): the components the
    code fingerprint implies are taken from the manifest, which is sound when the fingerprints match,
    and unchanged_since_latest compares the fingerprints."""
    from tasks.versions import IMPLIED_BY_CODE

    try:
        implied = {k: v for k, v in manifest["pipeline"]["versions"].items() if k in IMPLIED_BY_CODE}
    except (KeyError, TypeError, AttributeError):
        return False
    return unchanged_since_latest(manifest, inputs, {**independent, **implied})


def raw_inputs(input_dir: Path) -> list[tuple[str, str, int]] | None:
    """(source_file, sha256, bytes) of every input file as tasks/ingest.py records it, from the bytes alone.

    None when a file needs ingest's judgement for its record (a symlink or special file is
    recorded without a checksum; an unreadable one too): only ingest can tell then.
    """
    from tasks.ingest import discover, relative_name

    inputs = []
    try:
        for path in discover(Path(input_dir)):
            if path.is_symlink() or not path.is_file():
                return None
            data = path.read_bytes()
            inputs.append((relative_name(path, input_dir), hashlib.sha256(data).hexdigest(), len(data)))
    except OSError:
        return None
    return inputs


def latest_manifest(dataset_dir: Path) -> dict | None:
    """The manifest of the dataset's LATEST version, or None before the first release or when unreadable."""
    from tasks.manifest import MANIFEST_NAME
    from tasks.publish_naming import latest_version

    version = latest_version(dataset_dir)
    if version is None:
        return None
    try:
        return json.loads((Path(dataset_dir) / version / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
