"""Arrow tables from step rows, always with the explicit schemas of tasks/schema.py."""
from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from tasks.records import Reject
from tasks.schema import ARTICLES_SCHEMA, LINES_SCHEMA, REJECTS_SCHEMA


# Rows are converted this many at a time: the Python lists of one column chunk are transient, so
# peak memory no longer grows with a whole column of Python objects on top of the rows themselves.
CHUNK_ROWS = 4096


def _table(rows: list[dict], schema: pa.Schema, version: str, chunk_rows: int = CHUNK_ROWS) -> pa.Table:
    names = [name for name in schema.names if name != "dataset_version"]
    batches = []
    for start in range(0, len(rows), chunk_rows):
        chunk = rows[start : start + chunk_rows]
        columns = {name: [row.get(name) for row in chunk] for name in names}
        columns["dataset_version"] = [version] * len(chunk)
        batches.append(pa.RecordBatch.from_pydict(columns, schema=schema))
    return pa.Table.from_batches(batches, schema=schema)


def articles_table(rows: list[dict], version: str) -> pa.Table:
    """The articles table, sorted by source file then first source line for stable output."""
    ordered = sorted(rows, key=lambda r: (r["source_file"], r["source_lines"][:1] or [0], r["article_id"]))
    return _table(ordered, ARTICLES_SCHEMA, version)


def lines_table(rows: list[dict], version: str) -> pa.Table:
    """The lines table, sorted by (source_file, line_no)."""
    ordered = sorted(rows, key=lambda r: (r["source_file"], r["line_no"]))
    return _table(ordered, LINES_SCHEMA, version)


def rejects_table(rejects: Iterable[Reject], version: str) -> pa.Table:
    """The rejects table: one row per input file that could not be processed."""
    rows = [
        {"source_file": r.source_file, "sha256": r.sha256, "bytes": r.byte_count, "reason": r.reason}
        for r in sorted(rejects, key=lambda r: r.source_file)
    ]
    return _table(rows, REJECTS_SCHEMA, version)
