"""Versioned, atomic publishing of a dataset: `<output>/<dataset>/<version>/` plus LATEST.

A version is written into a hidden staging folder, verified, fsynced and renamed
into place; LATEST is replaced last. Published folders are never modified (their
files are made read-only). A run blocked by validation is kept under `rejected/`
(tasks/publish_rejected.py) and touches neither LATEST nor any version.
Names live in publish_naming, the lock in publish_lock, file writing in publish_files.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks import card, manifest, review
from tasks.publish_files import fsync, fsync_tree, make_read_only, start_tables, write_latest
# Re-exported below: flows/build.py and the tests reach the dataset-folder names through tasks.publish.
from tasks.publish_lock import LOCK_FILE, DatasetLocked, dataset_lock  # noqa: F401
from tasks.publish_naming import (  # noqa: F401
    CHANGES_JSON, LATEST, REJECTED_DIR, REVIEW_DIR, VALIDATION_DIR, VERSION_NAME, dataset_path,
    latest_fingerprint, latest_version, next_version_name, published_versions, validate_dataset_name, version_key,
)
from tasks.publish_rejected import reject_run  # noqa: F401
from tasks.memory import release_memory
from tasks.verify import verify_version

PUBLISH_THREADS = 2  # the writer of the largest table and one for the others, the previous version and hashing


def publish_version(
    dataset_dir: Path,
    version: str,
    tables: dict[str, pa.Table],
    input_files: list[tuple[str, str, int]],
    validation,
    report_dir: Path,
    pipeline_info: dict,
    lock_timeout: float | None = None,
    content: manifest.ContentDigest | None = None,
    review_pages: Callable[[], Path] | None = None,
) -> Path:
    """Publish `tables` as `<dataset_dir>/<version>/` and point LATEST at it; return the version folder.

    `validation` is the ValidationOutcome of these tables (must be a success); the
    report in `report_dir` is moved into `<version>/validation/`. Another process
    publishing the same dataset is waited for (at most `lock_timeout` seconds, then DatasetLocked).
    `content` is manifest.content_digest(tables) when the caller already computed it.
    `review_pages`, when given, returns a folder of review pages rendered elsewhere (on the same
    file system), which is moved in; it is called last, so the pages render beside the staging.
    """
    if not validation.success:
        raise ValueError(f"validation failed, refusing to publish {version}: {validation.critical_failures}")
    version_key(version)
    dataset_dir = Path(dataset_dir).resolve()
    with dataset_lock(dataset_dir, timeout=lock_timeout):
        target = dataset_dir / version
        if target.exists():
            raise FileExistsError(f"version {version} already exists in {dataset_dir}")
        staging = dataset_dir / f".staging-{version}-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        try:
            _stage(staging, dataset_dir, version, tables, input_files, validation, Path(report_dir), pipeline_info, content, review_pages)
            problems = verify_version(staging, deep=False)  # just written and hashed here
            if problems:
                raise RuntimeError(f"staged version {version} does not verify: {problems}")
            make_read_only(staging)
            fsync_tree(staging)
            os.rename(staging, target)
            fsync(dataset_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        write_latest(dataset_dir, version)
    shutil.rmtree(report_dir, ignore_errors=True)
    return target


def remove_leftovers(dataset_dir: Path) -> list[str]:
    """Delete hidden staging and report folders of killed runs; call only while holding the lock.

    Every run stages under the lock, so a staging folder seen by the lock holder belongs to a
    run that died; it was never visible as a version.
    """
    removed = []
    for leftover in sorted(Path(dataset_dir).glob(".staging-*")) + sorted(Path(dataset_dir).glob(".report-*")):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
            removed.append(leftover.name)
    return removed


def _stage(staging, dataset_dir, version, tables, input_files, validation, report_dir, pipeline_info, content, review_pages) -> None:
    # Two threads: Parquet writing, reading the previous version and hashing release the GIL,
    # so they run beside the review pages and the card, which are Python.
    release_memory()  # what validation left: the review pages and Parquet writers start from the tables alone
    with ThreadPoolExecutor(max_workers=PUBLISH_THREADS, thread_name_prefix="publish") as pool:
        writing = start_tables(pool, staging, tables)
        previous = latest_version(dataset_dir)
        previous_digests = pool.submit(_previous_digests, dataset_dir, previous)
        content = content or manifest.content_digest(tables)
        if review_pages is None:
            review.render_review(tables["articles"], tables["lines"], staging / REVIEW_DIR, validation.warnings, pool)
            release_memory()  # the review blocks' Python rows
        shutil.copytree(report_dir, staging / VALIDATION_DIR)
        previous_articles, before = previous_digests.result()
        changes = manifest.article_changes(previous_articles, tables["articles"], previous, content.article_digests, before)
        del previous_articles
        manifest.write_json(staging / CHANGES_JSON, changes)
        card.write_changes_markdown(staging, version, changes, tables["articles"])
        validation_block = {
            "success": validation.success,
            "summary": validation.summary,
            "critical_failures": validation.critical_failures,
            "warnings": validation.warnings,
            "results": f"{VALIDATION_DIR}/results.json",
            "data_docs": f"{VALIDATION_DIR}/index.html",
        }
        dataset = dataset_dir.name
        card.write_card(staging, dataset, version, tables, validation_block, pipeline_info, changes, len(input_files))
        table_files = {name: writing[name].result() for name in tables}
        release_memory()  # the Parquet writer's buffers
        card.write_croissant(staging, dataset, version, tables, table_files)
        if review_pages is not None:  # the manifest hashes every file: the pages must be in place
            os.rename(review_pages(), staging / REVIEW_DIR)
        data = manifest.build_manifest(
            dataset=dataset, version=version, folder=staging, tables=tables, table_files=table_files,
            input_files=input_files, validation=validation_block, pipeline_info=pipeline_info,
            fingerprint=content.fingerprint, changes=changes, pool=pool,
        )
    manifest.write_json(staging / manifest.MANIFEST_NAME, data)


def _previous_digests(dataset_dir: Path, previous: str | None) -> tuple[pa.Table | None, dict[str, str]]:
    """The previous version's articles and their row digests (none for a first version)."""
    if previous is None:
        return None, {}
    articles = pq.read_table(dataset_dir / previous / "articles.parquet")
    return articles, manifest.row_digests("articles", articles, "article_id")
