"""The manifest of a published version: checksums, schemas, and a fingerprint of the table contents.

The content fingerprint (tasks/manifest_content.py) is a SHA-256 over a canonical encoding
of the rows (rows sorted by each table's key), leaving out `dataset_version`: two runs that
produce the same data have the same fingerprint whatever their version name or time, so an
unchanged rerun publishes nothing.
"""
from __future__ import annotations

import hashlib
import json
from concurrent.futures import Executor
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

# Re-exported: flows/build.py and the tests reach the content digests through tasks.manifest.
from tasks.manifest_content import (  # noqa: F401
    TABLE_KEYS, VOLATILE_COLUMNS, ContentDigest, content_digest, content_fingerprint, row_digests,
)

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
HASH_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(HASH_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def schema_description(schema: pa.Schema) -> list[dict]:
    """Columns of an Arrow schema with type, nullability and description, for the manifest and the card."""
    return [
        {
            "name": f.name,
            "type": str(f.type),
            "nullable": f.nullable,
            "description": (f.metadata or {}).get(b"description", b"").decode("utf-8"),
        }
        for f in schema
    ]


def describe_files(folder: Path, parquet_rows: dict[str, int], pool: Executor | None = None) -> list[dict]:
    """Every file under `folder` but the manifest: relative path, bytes, sha256, and rows for tables.

    With a thread `pool`, files are hashed on it (hashlib releases the GIL on large reads).
    """
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).as_posix() != MANIFEST_NAME)
    digests = (pool.map if pool is not None else map)(file_sha256, paths)
    files = []
    for path, digest in zip(paths, digests):
        relative = path.relative_to(folder).as_posix()
        entry = {"path": relative, "bytes": path.stat().st_size, "sha256": digest}
        if relative in parquet_rows:
            entry["rows"] = parquet_rows[relative]
        files.append(entry)
    return files


def build_manifest(
    *,
    dataset: str,
    version: str,
    folder: Path,
    tables: dict[str, pa.Table],
    table_files: dict[str, str],
    input_files: list[tuple[str, str, int]],
    validation: dict,
    pipeline_info: dict,
    fingerprint: str,
    changes: dict,
    pool: Executor | None = None,
) -> dict:
    """The manifest of the version being staged in `folder` (all other files already written); files hashed on `pool`."""
    return {
        "manifest_format": MANIFEST_FORMAT,
        "dataset": dataset,
        "version": version,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "pipeline": pipeline_info,
        "inputs": [{"source_file": f, "sha256": s, "bytes": b} for f, s, b in sorted(input_files)],
        "tables": {
            name: {"path": table_files[name], "rows": table.num_rows, "columns": schema_description(table.schema)}
            for name, table in tables.items()
        },
        "outputs": describe_files(folder, {table_files[n]: t.num_rows for n, t in tables.items()}, pool),
        "validation": validation,
        "content_fingerprint": fingerprint,
        "changes": {k: (len(v) if isinstance(v, list) else v) for k, v in changes.items()},
    }


def write_json(path: Path, data: dict) -> None:
    """UTF-8 JSON, human-readable, keys in insertion order."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def article_changes(
    previous: pa.Table | None,
    current: pa.Table,
    previous_version: str | None,
    current_digests: dict[str, str] | None = None,
    previous_digests: dict[str, str] | None = None,
) -> dict:
    """Articles added, removed and changed (same article_id, other content) since the previous version.

    `current_digests` / `previous_digests` are the row digests of `current` / `previous` when already
    computed (ContentDigest.article_digests, row_digests). Only the changed articles are turned into
    Python rows, to name the columns that differ.
    """
    before = previous_digests if previous_digests is not None else (
        row_digests("articles", previous, "article_id") if previous is not None else {}
    )
    after = current_digests if current_digests is not None else row_digests("articles", current, "article_id")
    changed_ids = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    changed = []
    if changed_ids:
        old, new = _rows_by_id(previous, changed_ids), _rows_by_id(current, changed_ids)
        changed = [
            {"article_id": k, "columns": sorted(c for c in new[k] if old[k].get(c) != new[k].get(c))} for k in changed_ids
        ]
    return {
        "previous_version": previous_version,
        "added": sorted(after.keys() - before.keys()),
        "removed": sorted(before.keys() - after.keys()),
        "changed": changed,
        "unchanged": len(after) - len(changed) - len(after.keys() - before.keys()),
    }


def _rows_by_id(articles: pa.Table, ids: list[str]) -> dict[str, dict]:
    """article_id -> its row (volatile columns left out), for the given ids only."""
    keep = [c for c in articles.column_names if c not in VOLATILE_COLUMNS]
    wanted = articles.select(keep).filter(pc.is_in(articles.column("article_id"), value_set=pa.array(ids, pa.string())))
    return {row["article_id"]: row for row in wanted.to_pylist()}
