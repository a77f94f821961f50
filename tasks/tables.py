"""Arrow tables from step rows, always with the explicit schemas of tasks/schema.py."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks import dedup
from tasks.memory import release_memory
from tasks.records import Reject
from tasks.schema import ARTICLES_SCHEMA, LINES_SCHEMA, REJECTS_SCHEMA


# Rows are converted this many at a time: the Python lists of one column chunk are transient, so
# peak memory no longer grows with a whole column of Python objects on top of the rows themselves.
CHUNK_ROWS = 4096
MIN_RUN_ROWS = 8  # sorting slices runs of consecutive rows when they average this many rows, else takes rows


def _table(rows: list[dict], schema: pa.Schema, version: str, chunk_rows: int = CHUNK_ROWS) -> pa.Table:
    return pa.Table.from_batches(_batches(rows, schema, version, chunk_rows), schema=schema)


def _batches(rows: list[dict], schema: pa.Schema, version: str | None, chunk_rows: int = CHUNK_ROWS) -> list[pa.RecordBatch]:
    # The rows become one struct array each chunk: Arrow reads the dicts in C++, with no Python
    # pass per column; a key missing from a row is a null, as row.get would give.
    row_type = pa.struct([field for field in schema if field.name != "dataset_version"])
    batches = []
    for start in range(0, len(rows), chunk_rows):
        columns = pa.array(rows[start : start + chunk_rows], type=row_type).flatten()
        versions = pa.array([version] * len(columns[0]) if version is not None else pa.nulls(len(columns[0])), pa.string())
        batches.append(pa.RecordBatch.from_arrays(columns + [versions], schema=schema))
    return batches


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


class TableBuilder:
    """The articles and lines tables built from results a batch of documents at a time.

    Each batch's rows become Arrow record batches as soon as it arrives, so a run never holds
    the Python rows of the whole corpus (they cost ~10x their Arrow size). `finish` sorts as
    articles_table and lines_table do and fills in the version and the duplicate marks.
    """

    def __init__(self) -> None:
        self.article_batches: list[pa.RecordBatch] = []
        self.line_batches: list[pa.RecordBatch] = []
        self.first_lines: list[int] = []  # per article, its first source line: the sort key of articles_table
        self.sketches: list[dedup.Sketches] = []  # per batch, what duplicate marking needs of its texts
        self.results: list = []  # the DocumentResults without their rows (stage and rule counts)

    def add(self, results: Iterable) -> TableBuilder:
        """Convert the rows of these DocumentResults; keep only their counts."""
        results = list(results)
        article_rows = [row for r in results for row in r.article_rows]
        self.first_lines.extend((row["source_lines"][:1] or [0])[0] for row in article_rows)
        self.article_batches += _batches(article_rows, ARTICLES_SCHEMA, None)
        # Texts are sketched as they arrive: with workers still running, this overlaps their work.
        self.sketches.append(dedup.sketch_texts([row.get("text") for row in article_rows]))
        self.line_batches += _batches([row for r in results for row in r.line_rows], LINES_SCHEMA, None)
        self.results += [replace(r, article_rows=[], line_rows=[]) for r in results]
        return self

    def merge(self, other: TableBuilder) -> TableBuilder:
        """Take in what `other` converted (a worker converts its own batch, so only Arrow travels back)."""
        self.article_batches += other.article_batches
        self.line_batches += other.line_batches
        self.first_lines += other.first_lines
        self.sketches += other.sketches
        self.results += other.results
        release_memory()  # the worker's Python rows of this batch are gone
        return self

    @property
    def article_count(self) -> int:
        return len(self.first_lines)

    def lines_by_role(self) -> dict[str, int]:
        """Lines per role, in role order."""
        counts = Counter()
        for batch in self.line_batches:
            counts.update(dict(zip(*(c.to_pylist() for c in pc.value_counts(batch.column("role")).flatten()))))
        return dict(sorted(counts.items()))

    def finish(self, version: str, rejects: Iterable[Reject], previous=()) -> dict[str, pa.Table]:
        """articles, lines and rejects tables of `version`; articles marked against `previous` (tasks/dedup.py)."""
        articles = pa.Table.from_batches(self.article_batches, schema=ARTICLES_SCHEMA)
        first = pa.array(self.first_lines, pa.int64())
        sketches = dedup.concat_sketches(self.sketches)
        self.article_batches, self.first_lines, self.sketches = [], [], []
        marks = dedup.duplicate_marks(articles.column("article_id").to_pylist(), sketches, previous=previous)
        del sketches
        articles = _set(articles, "duplicate_of", [m.duplicate_of for m in marks])
        articles = _set(articles, "near_duplicate_score", [m.near_duplicate_score for m in marks])
        articles = _set(articles, "dataset_version", [version] * articles.num_rows)
        keys = pa.table({"f": articles.column("source_file"), "l": first, "a": articles.column("article_id")})
        articles = _ordered(articles, keys)
        lines = pa.Table.from_batches(self.line_batches, schema=LINES_SCHEMA)
        self.line_batches = []
        lines = _set(lines, "dataset_version", [version] * lines.num_rows)
        lines = _ordered(lines, lines.select(["source_file", "line_no"]))
        finished = {"articles": articles, "lines": lines, "rejects": rejects_table(rejects, version)}
        del articles, lines, keys, first, marks
        release_memory()  # the unsorted batches and the sketches
        return finished


def _ordered(table: pa.Table, keys: pa.Table) -> pa.Table:
    """`table` sorted by the columns of `keys` (UTF-8 byte order is Python's str order).

    Rows arrive a document at a time, so the order is mostly runs of consecutive rows: those are
    sliced (no copy) rather than taken row by row.
    """
    indices = pc.sort_indices(keys, sort_keys=[(name, "ascending") for name in keys.column_names]).to_numpy()
    breaks = np.flatnonzero(np.diff(indices) != 1) + 1
    if len(breaks) == 0:
        return table
    if len(breaks) > len(indices) // MIN_RUN_ROWS:
        return table.take(indices)
    starts, ends = np.concatenate([[0], breaks]), np.concatenate([breaks, [len(indices)]])
    return pa.concat_tables([table.slice(indices[s], e - s) for s, e in zip(starts.tolist(), ends.tolist())])


def _set(table: pa.Table, name: str, values: list) -> pa.Table:
    i = table.schema.get_field_index(name)
    field = table.schema.field(i)
    return table.set_column(i, field, pa.array(values, field.type))
