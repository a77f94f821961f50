"""The content fingerprint of a version's tables and the digest of each article row, from Arrow columns.

Every value is encoded as self-delimiting bytes by Arrow compute kernels, a column at a time
(no Python object per value): a string or binary as `<bytes>:<bytes>` (a netstring without
the comma), a number, boolean or date as the netstring of Arrow's text form (shortest
round-trip for floats), a list as `<count>[` and its items, a struct as `{` and its fields,
a null as `~`. A row is the concatenation of its columns in schema order, leaving out
`dataset_version`; rows are taken in the order of the table's key. The encoding depends only on
the values and types, never on chunks, row groups, dictionary encoding or string offsets width,
so a table in memory and the same table read back from Parquet give the same digests.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.memory import release_memory

VOLATILE_COLUMNS = ("dataset_version",)  # differ between versions of the same content
TABLE_KEYS = {"articles": ("article_id",), "lines": ("source_file", "line_no"), "rejects": ("source_file",)}
CONTENT_FORMAT = "arrow-netstring-1"  # in each table's header: names the encoding above
BATCH_ROWS = 512  # rows encoded at a time: the intermediate arrays of a batch stay ~100 MB at 20 MB
# Rows taken into key order at a time. Arrow's take on a chunked column concatenates its chunks on
# every call (tables are built a few documents per chunk): at 20 MB, 512 rows at a time cost 0.65 s;
# 1024 is as fast as 2048 and keeps the digest's peak at ~90 MiB instead of ~130.
TAKE_ROWS = 2 * BATCH_ROWS
NULL = b"~"


def _bytes(value: bytes) -> pa.Scalar:
    return pa.scalar(value, pa.large_binary())


class ContentDigest(NamedTuple):
    """The content fingerprint of a set of tables and, per article_id, the digest of its row."""

    fingerprint: str
    article_digests: dict[str, str]


def content_digest(tables: dict[str, pa.Table]) -> ContentDigest:
    """Fingerprint of all tables and the row digest of every article, in one pass over each table.

    Fingerprint: SHA-256 over, per table in name order, the canonical JSON of its header
    (`{"table", "columns", "format"}`) and a newline, then its encoded rows in key order. An
    article's row digest is the SHA-256 of its encoded row alone.
    """
    digest, articles = hashlib.sha256(), {}
    for name in sorted(tables):
        table = tables[name]
        columns = [[f.name, type_name(f.type)] for f in table.schema if f.name not in VOLATILE_COLUMNS]
        header = {"table": name, "columns": columns, "format": CONTENT_FORMAT}
        digest.update(json.dumps(header, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n")
        for batch, rows in encoded_batches(name, table):
            _update(digest, rows)
            if name == "articles":
                articles.update(_row_digests(batch.column("article_id").to_pylist(), rows))
    release_memory()  # the encoded batches: ~100 MiB at 20 MB that the next steps would not reuse
    return ContentDigest("sha256:" + digest.hexdigest(), articles)


def content_fingerprint(tables: dict[str, pa.Table]) -> str:
    """SHA-256 over the tables' schemas and rows, independent of version name and time."""
    return content_digest(tables).fingerprint


def row_digests(name: str, table: pa.Table, key: str) -> dict[str, str]:
    """key value -> SHA-256 of the row's content, to tell which rows changed between versions."""
    found = {}
    for batch, rows in encoded_batches(name, table):
        found.update(_row_digests(batch.column(key).to_pylist(), rows))
    return found


def type_name(kind: pa.DataType) -> str:
    """The name of a type as the content sees it: no list item names (Parquet reads `item` back as
    `element`), dictionaries as their values."""
    if pa.types.is_dictionary(kind):
        return type_name(kind.value_type)
    if pa.types.is_list(kind) or pa.types.is_large_list(kind):
        return f"{'large_' if pa.types.is_large_list(kind) else ''}list<{type_name(kind.value_type)}>"
    if pa.types.is_struct(kind):
        return "struct<" + ", ".join(f"{f.name}: {type_name(f.type)}" for f in kind) + ">"
    return str(kind)


def encoded_batches(name: str, table: pa.Table) -> Iterator[tuple[pa.Table, pa.LargeBinaryArray]]:
    """(rows, their encodings) a batch at a time, in the order of the table's key, volatile columns left out."""
    keep = [c for c in table.column_names if c not in VOLATILE_COLUMNS]
    keys = [k for k in TABLE_KEYS.get(name, ()) if k in keep]
    table = table.select(keep)
    order = None
    if keys and table.num_rows > 1:
        key_columns = [table.column(k) for k in keys]
        key_columns = [c.cast(c.type.value_type) if pa.types.is_dictionary(c.type) else c for c in key_columns]
        order = pc.sort_indices(pa.table(dict(zip(keys, key_columns))), sort_keys=[(k, "ascending") for k in keys])
        if pc.all(pc.equal(order, pa.array(np.arange(len(order), dtype=np.uint64)))).as_py():
            order = None  # already in key order: zero-copy slices
    for taken_start in range(0, table.num_rows, TAKE_ROWS):
        taken = table.slice(taken_start, TAKE_ROWS) if order is None else table.take(order.slice(taken_start, TAKE_ROWS))
        for start in range(0, taken.num_rows, BATCH_ROWS):
            batch = taken.slice(start, BATCH_ROWS).combine_chunks()
            columns = [_encode(column.chunk(0) if column.num_chunks else pa.array([], column.type)) for column in batch.columns]
            rows = pc.binary_join_element_wise(*columns, _bytes(b"")) if columns else pa.repeat(_bytes(b""), batch.num_rows)
            yield batch, rows
        del taken, batch, rows
        release_memory()  # the pool keeps freed pages: without this the digest's RSS grew twice its live bytes


def _encode(array: pa.Array) -> pa.Array:
    """Each value of `array` as self-delimiting bytes (large_binary, no nulls)."""
    kind = array.type
    if pa.types.is_dictionary(kind):
        return _encode(array.dictionary_decode())
    if pa.types.is_null(kind):
        return pa.repeat(_bytes(NULL), len(array))
    if pa.types.is_list(kind) or pa.types.is_large_list(kind) or pa.types.is_fixed_size_list(kind):
        items = _encode(pc.list_flatten(array))
        counts = pc.fill_null(pc.list_value_length(array), 0).cast(pa.int64()).to_numpy(zero_copy_only=False)
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        joined = pc.binary_join(pa.LargeListArray.from_arrays(pa.array(offsets), items), _bytes(b""))
        counted = pc.binary_join_element_wise(pc.cast(pa.array(counts), pa.large_string()).cast(pa.large_binary()), joined, _bytes(b"["))
        return _nulls_as_mark(array, counted)
    if pa.types.is_struct(kind):
        fields = [_encode(pc.struct_field(array, [i])) for i in range(kind.num_fields)]
        joined = pc.binary_join_element_wise(pa.repeat(_bytes(b"{"), len(array)), *fields, _bytes(b""))
        return _nulls_as_mark(array, joined)
    if pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        body = array.cast(pa.large_binary())
    else:  # numbers, booleans, dates, times: Arrow's text form
        body = array.cast(pa.large_string()).cast(pa.large_binary())
    length = pc.binary_length(body).cast(pa.large_string()).cast(pa.large_binary())
    return pc.fill_null(pc.binary_join_element_wise(length, body, _bytes(b":")), _bytes(NULL))


def _nulls_as_mark(array: pa.Array, encoded: pa.Array) -> pa.Array:
    if array.null_count == 0:
        return encoded
    return pc.if_else(array.is_valid(), encoded, _bytes(NULL))


def _update(digest, rows: pa.LargeBinaryArray) -> None:
    """Feed the concatenated encodings of `rows` to `digest` straight from the Arrow buffers."""
    if len(rows) == 0:
        return
    offsets = np.frombuffer(rows.buffers()[1], dtype=np.int64)[rows.offset : rows.offset + len(rows) + 1]
    digest.update(memoryview(rows.buffers()[2])[offsets[0] : offsets[-1]])


def _row_digests(keys: list, rows: pa.LargeBinaryArray) -> dict:
    return {key: hashlib.sha256(row).hexdigest() for key, row in zip(keys, rows.to_pylist())}
