"""Versioned, atomic publishing of a dataset: `<output>/<dataset>/<version>/` plus LATEST.

A version is written into a hidden staging folder, verified, fsynced and renamed
into place; LATEST is replaced last. Published folders are never modified (their
files are made read-only). A run blocked by validation keeps its report under
`rejected/` and touches neither LATEST nor any version.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks import card, manifest, review
from tasks.schema import ARTICLES_SCHEMA, LINES_SCHEMA, REJECTS_SCHEMA

LATEST = "LATEST"
LOCK_FILE = ".lock"
REJECTED_DIR = "rejected"
VALIDATION_DIR = "validation"
REVIEW_DIR = "review"
CHANGES_JSON = "changes.json"
DATASET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
VERSION_NAME = re.compile(r"^(\d{4})\.(\d{2})\.(\d{2})(?:\.(\d+))?$")
SCHEMAS = {"articles": ARTICLES_SCHEMA, "lines": LINES_SCHEMA, "rejects": REJECTS_SCHEMA}
# Low-cardinality columns: dictionary encoding makes them small and fast to filter.
DICTIONARY_COLUMNS = {
    "articles": ["source_file", "primary_theme", "primary_region", "dateline_source", "source_name", "published_at", "dataset_version"],
    "lines": ["source_file", "role", "action", "reason", "dataset_version"],
    "rejects": ["reason", "dataset_version"],
}
ROW_GROUP_ROWS = {"articles": 10_000, "lines": 100_000}  # articles carry long texts and token lists
DEFAULT_ROW_GROUP_ROWS = 50_000
ZSTD_LEVEL = 9

_held_locks: dict[Path, int] = {}
_locks_guard = threading.Lock()


def validate_dataset_name(name: str) -> str:
    """The name itself if it is a safe folder name (no path separators, no '..'); else ValueError."""
    if not DATASET_NAME.match(name or "") or ".." in name:
        raise ValueError(f"invalid dataset name {name!r}: use letters, digits, '.', '_' or '-' (at most 64)")
    return name


def dataset_path(output_dir: Path, name: str) -> Path:
    """`<output_dir>/<name>`, refusing names that would escape output_dir."""
    root = Path(output_dir).resolve()
    path = (root / validate_dataset_name(name)).resolve()
    if path.parent != root:
        raise ValueError(f"dataset {name!r} escapes {root}")
    return path


def version_key(name: str) -> tuple[int, ...]:
    """Sort key of a version name: 2026.11.21 < 2026.11.21.1 < 2026.11.21.10 < 2026.11.22."""
    match = VERSION_NAME.match(name)
    if not match:
        raise ValueError(f"not a version name: {name!r}")
    year, month, day, serial = match.groups()
    return int(year), int(month), int(day), int(serial or 0)


def published_versions(dataset_dir: Path) -> list[str]:
    """Names of the published versions, oldest first (hidden staging folders and rejected/ excluded)."""
    if not Path(dataset_dir).is_dir():
        return []
    names = [p.name for p in Path(dataset_dir).iterdir() if p.is_dir() and VERSION_NAME.match(p.name)]
    return sorted(names, key=version_key)


def next_version_name(dataset_dir: Path, today: date) -> str:
    """Today's date as YYYY.MM.DD, or YYYY.MM.DD.N for the N-th further release of the day."""
    base = f"{today.year:04d}.{today.month:02d}.{today.day:02d}"
    taken = {v for v in published_versions(dataset_dir) if v == base or v.startswith(base + ".")}
    if base not in taken:
        return base
    return f"{base}.{max(version_key(v)[3] for v in taken) + 1}"


def latest_version(dataset_dir: Path) -> str | None:
    """The version named by LATEST, or None before the first release."""
    path = Path(dataset_dir) / LATEST
    if not path.is_file():
        return None
    name = path.read_text(encoding="utf-8").strip()
    return name if VERSION_NAME.match(name) and (Path(dataset_dir) / name).is_dir() else None


def latest_fingerprint(dataset_dir: Path) -> str | None:
    """Content fingerprint of the LATEST version, or None when there is none."""
    version = latest_version(dataset_dir)
    if version is None:
        return None
    data = json.loads((Path(dataset_dir) / version / manifest.MANIFEST_NAME).read_text(encoding="utf-8"))
    return data.get("content_fingerprint")


@contextmanager
def dataset_lock(dataset_dir: Path) -> Iterator[None]:
    """Exclusive lock on `<dataset_dir>/.lock` across processes; re-entrant within one process."""
    dataset_dir = Path(dataset_dir).resolve()
    dataset_dir.mkdir(parents=True, exist_ok=True)
    with _locks_guard:
        if dataset_dir in _held_locks:
            _held_locks[dataset_dir] += 1
            held = True
        else:
            held = False
    if held:
        try:
            yield
        finally:
            with _locks_guard:
                _held_locks[dataset_dir] -= 1
        return
    fd = os.open(dataset_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with _locks_guard:
            _held_locks[dataset_dir] = 1
        yield
    finally:
        with _locks_guard:
            _held_locks.pop(dataset_dir, None)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def write_parquet(name: str, table: pa.Table, path: Path) -> None:
    """One table as Parquet: explicit schema (with column descriptions), zstd, dictionary-encoded low-cardinality columns."""
    schema = SCHEMAS.get(name, table.schema)
    table = table.select(schema.names).cast(schema)
    dictionary = [c for c in DICTIONARY_COLUMNS.get(name, []) if c in schema.names]
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=ZSTD_LEVEL,
        use_dictionary=dictionary,
        row_group_size=ROW_GROUP_ROWS.get(name, DEFAULT_ROW_GROUP_ROWS),
        write_statistics=True,
        write_page_index=True,
    )


def _fsync_tree(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        _fsync(path)
    _fsync(folder)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _make_read_only(folder: Path) -> None:
    for path in folder.rglob("*"):
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
    _fsync(Path(dataset_dir))


def publish_version(
    dataset_dir: Path,
    version: str,
    tables: dict[str, pa.Table],
    input_files: list[tuple[str, str, int]],
    validation,
    report_dir: Path,
    pipeline_info: dict,
) -> Path:
    """Publish `tables` as `<dataset_dir>/<version>/` and point LATEST at it; return the version folder.

    `validation` is the ValidationOutcome of these tables (must be a success); the
    report in `report_dir` is moved into `<version>/validation/`.
    """
    from tasks.verify import verify_version

    if not validation.success:
        raise ValueError(f"validation failed, refusing to publish {version}: {validation.critical_failures}")
    version_key(version)
    dataset_dir = Path(dataset_dir).resolve()
    with dataset_lock(dataset_dir):
        target = dataset_dir / version
        if target.exists():
            raise FileExistsError(f"version {version} already exists in {dataset_dir}")
        staging = dataset_dir / f".staging-{version}-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            _stage(staging, dataset_dir, version, tables, input_files, validation, Path(report_dir), pipeline_info)
            problems = verify_version(staging)
            if problems:
                raise RuntimeError(f"staged version {version} does not verify: {problems}")
            _make_read_only(staging)
            _fsync_tree(staging)
            os.rename(staging, target)
            _fsync(dataset_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        write_latest(dataset_dir, version)
    shutil.rmtree(report_dir, ignore_errors=True)
    return target


def _stage(staging, dataset_dir, version, tables, input_files, validation, report_dir, pipeline_info) -> None:
    table_files = {name: f"{name}.parquet" for name in tables}
    for name, table in tables.items():
        write_parquet(name, table, staging / table_files[name])
    previous = latest_version(dataset_dir)
    previous_articles = pq.read_table(dataset_dir / previous / "articles.parquet") if previous else None
    changes = manifest.article_changes(previous_articles, tables["articles"], previous)
    manifest.write_json(staging / CHANGES_JSON, changes)
    card.write_changes_markdown(staging, version, changes, tables["articles"])
    shutil.copytree(report_dir, staging / VALIDATION_DIR)
    review.render_review(tables["articles"], tables["lines"], staging / REVIEW_DIR, validation.warnings)
    validation_block = {
        "success": validation.success,
        "summary": validation.summary,
        "critical_failures": validation.critical_failures,
        "warnings": validation.warnings,
        "results": f"{VALIDATION_DIR}/results.json",
        "data_docs": f"{VALIDATION_DIR}/index.html",
    }
    fingerprint = manifest.content_fingerprint(tables)
    dataset = dataset_dir.name
    card.write_card(staging, dataset, version, tables, validation_block, pipeline_info, changes, len(input_files))
    card.write_croissant(staging, dataset, version, tables, table_files)
    data = manifest.build_manifest(
        dataset=dataset, version=version, folder=staging, tables=tables, table_files=table_files,
        input_files=input_files, validation=validation_block, pipeline_info=pipeline_info,
        fingerprint=fingerprint, changes=changes,
    )
    manifest.write_json(staging / manifest.MANIFEST_NAME, data)


def reject_run(dataset_dir: Path, version: str, report_dir: Path, validation=None) -> Path:
    """Keep a blocked run's report under `<dataset_dir>/rejected/<version>[-<time>]/`; LATEST is not touched."""
    rejected_root = Path(dataset_dir) / REJECTED_DIR
    rejected_root.mkdir(parents=True, exist_ok=True)
    target = rejected_root / version
    if target.exists():
        target = rejected_root / f"{version}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S%fZ}"
    shutil.move(str(report_dir), str(target))
    note = {"version": version, "rejected_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    if validation is not None:
        note.update(critical_failures=validation.critical_failures, warnings=validation.warnings, summary=validation.summary)
    (target / "rejection.json").write_text(json.dumps(note, ensure_ascii=False, indent=2), encoding="utf-8")
    return target
