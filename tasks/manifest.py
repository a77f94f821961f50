"""The manifest of a published version: checksums, schemas, and a fingerprint of the table contents.

The content fingerprint is a SHA-256 over a canonical serialisation of the rows
(JSON with sorted keys, rows sorted by each table's key), leaving out
`dataset_version`: two runs that produce the same data have the same
fingerprint whatever their version name or time, so an unchanged rerun publishes nothing.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
VOLATILE_COLUMNS = ("dataset_version",)  # differ between versions of the same content
TABLE_KEYS = {"articles": ("article_id",), "lines": ("source_file", "line_no"), "rejects": ("source_file",)}
HASH_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(HASH_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _canonical(row: dict) -> bytes:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def content_rows(name: str, table: pa.Table, chunk_rows: int = 1000) -> Iterator[dict]:
    """The rows of a table in canonical order (by its key), without the volatile columns.

    Rows are taken a chunk at a time through the sort permutation: no sorted copy of the whole table.
    """
    keep = [c for c in table.column_names if c not in VOLATILE_COLUMNS]
    keys = [k for k in TABLE_KEYS.get(name, ()) if k in keep]
    table = table.select(keep)
    if keys and table.num_rows:
        order = pc.sort_indices(table.select(keys), sort_keys=[(k, "ascending") for k in keys])
        if not pc.all(pc.equal(order, pa.array(range(len(order)), order.type))).as_py():
            for start in range(0, len(order), chunk_rows):
                yield from table.take(order.slice(start, chunk_rows)).to_pylist()
            return
    for batch in table.to_batches(max_chunksize=chunk_rows):
        yield from batch.to_pylist()


class ContentDigest(NamedTuple):
    """The content fingerprint of a set of tables and, per article_id, the digest of its row."""

    fingerprint: str
    article_digests: dict[str, str]


def content_digest(tables: dict[str, pa.Table]) -> ContentDigest:
    """Fingerprint and article row digests in one pass over the rows (each row is serialised once).

    Fingerprint: SHA-256 over, per table in name order, the canonical JSON of its schema
    (`{"table", "columns"}`) and of every row (sorted keys, rows sorted by the table's key),
    each followed by a newline; `dataset_version` is left out. An article's row digest is the
    SHA-256 of its canonical row alone. Both depend only on the values, never on the machine or run.
    """
    digest, articles = hashlib.sha256(), {}
    for name in sorted(tables):
        table = tables[name]
        columns = [[f.name, str(f.type)] for f in table.schema if f.name not in VOLATILE_COLUMNS]
        digest.update(_canonical({"table": name, "columns": columns}) + b"\n")
        keep_rows = name == "articles"
        for row in content_rows(name, table):
            encoded = _canonical(row)
            digest.update(encoded + b"\n")
            if keep_rows:
                articles[row["article_id"]] = hashlib.sha256(encoded).hexdigest()
    return ContentDigest("sha256:" + digest.hexdigest(), articles)


def content_fingerprint(tables: dict[str, pa.Table]) -> str:
    """SHA-256 over the tables' schemas and rows, independent of version name and time."""
    return content_digest(tables).fingerprint


def row_digests(name: str, table: pa.Table, key: str) -> dict[str, str]:
    """key value -> SHA-256 of the row's content, to tell which rows changed between versions."""
    return {row[key]: hashlib.sha256(_canonical(row)).hexdigest() for row in content_rows(name, table)}


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


def describe_files(folder: Path, parquet_rows: dict[str, int]) -> list[dict]:
    """Every file under `folder` but the manifest: relative path, bytes, sha256, and rows for tables."""
    files = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if relative == MANIFEST_NAME:
            continue
        entry = {"path": relative, "bytes": path.stat().st_size, "sha256": file_sha256(path)}
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
) -> dict:
    """The manifest of the version being staged in `folder` (all other files already written)."""
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
        "outputs": describe_files(folder, {table_files[n]: t.num_rows for n, t in tables.items()}),
        "validation": validation,
        "content_fingerprint": fingerprint,
        "changes": {k: (len(v) if isinstance(v, list) else v) for k, v in changes.items()},
    }


def write_json(path: Path, data: dict) -> None:
    """UTF-8 JSON, human-readable, keys in insertion order."""
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def article_changes(
    previous: pa.Table | None, current: pa.Table, previous_version: str | None, current_digests: dict[str, str] | None = None
) -> dict:
    """Articles added, removed and changed (same article_id, other content) since the previous version.

    `current_digests` are the row digests of `current` when already computed (ContentDigest.article_digests).
    """
    before = row_digests("articles", previous, "article_id") if previous is not None else {}
    after = current_digests if current_digests is not None else row_digests("articles", current, "article_id")
    changed_ids = sorted(k for k in before.keys() & after.keys() if before[k] != after[k])
    changed = []
    if changed_ids:
        wanted = set(changed_ids)
        old = {r["article_id"]: r for r in content_rows("articles", previous) if r["article_id"] in wanted}
        new = {r["article_id"]: r for r in content_rows("articles", current) if r["article_id"] in wanted}
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
