"""Blocked runs: their report and tables kept under `<dataset>/rejected/` for reviewers, never published.

A rejected run is laid out like a version (tables at the top, the report in validation/)
so the same tools read it (`zhpress report`, pandas, DuckDB), but it has no manifest, is
never named by LATEST and is never listed as a version.
"""
from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from tasks.publish_files import write_tables
from tasks.publish_naming import REJECTED_DIR, VALIDATION_DIR, version_key

REJECTION_NOTE = "rejection.json"


def reject_run(
    dataset_dir: Path, version: str, report_dir: Path, validation=None, tables: dict[str, pa.Table] | None = None
) -> Path:
    """Keep a blocked run under `<dataset_dir>/rejected/<version>[-<time>]/`; return that folder.

    The report folder is moved into the validation/ subfolder, `tables` (the articles, lines and
    rejects that failed) are written beside it as Parquet, and rejection.json says why.
    LATEST and the published versions are not touched.
    """
    version_key(version)
    rejected_root = Path(dataset_dir) / REJECTED_DIR
    rejected_root.mkdir(parents=True, exist_ok=True)
    now = datetime.now(timezone.utc)
    target = rejected_root / version
    if target.exists():
        target = rejected_root / f"{version}-{now:%Y%m%dT%H%M%S%fZ}"
    # Staged under a hidden name and renamed, so a reviewer never opens a half-written run.
    staging = rejected_root / f".staging-{target.name}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        shutil.copytree(report_dir, staging / VALIDATION_DIR)
        files = write_tables(staging, tables or {})
        note = {"version": version, "rejected_at": now.isoformat(timespec="seconds"), "tables": sorted(files.values())}
        if validation is not None:
            note.update(critical_failures=validation.critical_failures, warnings=validation.warnings, summary=validation.summary)
        (staging / REJECTION_NOTE).write_text(json.dumps(note, ensure_ascii=False, indent=2), encoding="utf-8")
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # the report stays where it was
        raise
    shutil.rmtree(report_dir, ignore_errors=True)
    return target
