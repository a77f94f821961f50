"""Writing a version's files durably: Parquet with the explicit schemas, fsync, read-only files, LATEST."""
from __future__ import annotations

import os
import stat
from concurrent.futures import Executor, Future
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks.publish_naming import LATEST
from tasks.schema import ARTICLES_SCHEMA, LINES_SCHEMA, REJECTS_SCHEMA

SCHEMAS = {"articles": ARTICLES_SCHEMA, "lines": LINES_SCHEMA, "rejects": REJECTS_SCHEMA}
# Low-cardinality columns: dictionary encoding makes them small and fast to filter. Items of
# list columns are named by their Parquet path (`<column>.list.element[.<field>]`): tokens,
# labels and evidence repeat across articles, and their dictionaries halve those columns.
DICTIONARY_COLUMNS = {
    "articles": [
        "source_file", "primary_theme", "primary_region", "dateline_source", "source_name", "published_at", "dataset_version",
        "tokens.list.element", "reporters.list.element", "editors.list.element", "countries.list.element",
        "themes.list.element.code", "themes.list.element.label", "topics.list.element.code", "topics.list.element.label",
        "regions.list.element.adcode", "regions.list.element.name", "regions.list.element.level",
        "quality_flags.list.element.flag", "theme_evidence.list.element", "region_evidence.list.element",
    ],
    "lines": ["source_file", "role", "action", "reason", "dataset_version"],
    "rejects": ["reason", "dataset_version"],
}
ROW_GROUP_ROWS = {"articles": 10_000, "lines": 100_000}  # articles carry long texts and token lists
DEFAULT_ROW_GROUP_ROWS = 50_000
# zstd's default level: with the dictionaries above, the 20 MB benchmark's tables take the same
# 11.3 MB as level 9 without them, written in 0.3 s instead of 1.3 s.
ZSTD_LEVEL = 3


def write_parquet(name: str, table: pa.Table, path: Path) -> None:
    """One table as Parquet: explicit schema (with column descriptions), zstd, dictionary-encoded low-cardinality columns."""
    schema = SCHEMAS.get(name, table.schema)
    table = table.select(schema.names).cast(schema)
    dictionary = [c for c in DICTIONARY_COLUMNS.get(name, []) if c.split(".", 1)[0] in schema.names]
    rows = ROW_GROUP_ROWS.get(name, DEFAULT_ROW_GROUP_ROWS)
    with pq.ParquetWriter(path, table.schema, compression="zstd", compression_level=ZSTD_LEVEL, use_dictionary=dictionary,
                          write_statistics=True, write_page_index=True) as writer:
        # One chunk per row group: pages then break where the rows do, not where the batches that
        # built the table did, so the file's bytes follow its content whatever the workers and batches.
        for start in range(0, table.num_rows, rows) or (0,):
            writer.write_table(table.slice(start, rows).combine_chunks(), row_group_size=rows)


def write_tables(folder: Path, tables: dict[str, pa.Table]) -> dict[str, str]:
    """Every table as `<folder>/<name>.parquet`; name -> file name."""
    files = {name: f"{name}.parquet" for name in tables}
    for name, table in tables.items():
        write_parquet(name, table, Path(folder) / files[name])
    return files


def start_tables(pool: Executor, folder: Path, tables: dict[str, pa.Table]) -> dict[str, Future]:
    """Write every table as `<folder>/<name>.parquet` on `pool`; name -> future of its file name.

    Parquet encoding and compression release the GIL: on a thread pool the tables are written
    while the caller renders the card and the review pages. One job writes them one after the
    other, largest first: a writer holds its row group's buffers (~35 MiB for the 20 MB benchmark's
    articles), two at once added to the peak beside the review pages, and writing takes a
    fraction of the review's time, so the pool's other thread stays free for the pages.
    """
    order = sorted(tables, key=lambda n: -tables[n].nbytes)
    futures: dict[str, Future] = {name: Future() for name in order}

    def write_all() -> None:
        for i, name in enumerate(order):
            try:
                write_parquet(name, tables[name], Path(folder) / f"{name}.parquet")
            except BaseException as error:  # this table and the ones not written fail with it
                for rest in order[i:]:
                    futures[rest].set_exception(error)
                raise
            futures[name].set_result(f"{name}.parquet")

    pool.submit(write_all)
    return futures


def fsync_tree(folder: Path) -> None:
    """fsync the files at the top of `folder` and every folder under it, deepest first, then `folder`.

    The top holds what a version is (Parquet tables, manifest, card, changes); files in subfolders
    (review pages, Data Docs) are rendered views of those tables that can be rebuilt
    (tasks/review.render_review_for_version), so they are not fsynced one by one: one fsync per file
    cost seconds on large corpora (a page per document).
    """
    folder = Path(folder)
    for path in sorted(folder.iterdir()):
        if path.is_file():
            fsync(path)
    for path in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        fsync(path)
    fsync(folder)


def fsync(path: Path) -> None:
    """Flush one file or folder to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_read_only(folder: Path) -> None:
    """Published files are never modified: drop the write permission of every file."""
    for path in Path(folder).rglob("*"):
        if path.is_file():
            path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def write_latest(dataset_dir: Path, version: str) -> None:
    """Point LATEST at `version` atomically: write a temporary file, fsync, os.replace."""
    temporary = Path(dataset_dir) / f".{LATEST}.{os.getpid()}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(version + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, Path(dataset_dir) / LATEST)
    fsync(Path(dataset_dir))
