"""The validation gate: Great Expectations 1.x suites from expectations/*.json on the tables of a run.

Each expectation carries a severity (GX's own `severity` field, copied into `meta`):
a failed "critical" one blocks publishing, a failed "warning" one is recorded.
The frames and their helper columns are built in tasks/validate_frames.py, GX runs in
tasks/validate_gx.py, and the report (results.json, Data Docs index) in validate_report/validate_docs.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa

from tasks.schema import ACTIONS, PUBLISHED_ROLES
from tasks.memory import release_memory
from tasks.validate_docs import write_docs_index
from tasks.validate_frames import articles_frame, cjk_ratio, lines_frame, run_frame
from tasks.validate_gx import run_suites
from tasks.validate_report import SEVERITY_CRITICAL, SEVERITY_WARNING, ValidationOutcome, write_outcome
from tasks.validate_suites import EXPECTATIONS_DIR, SUITE_NAMES, load_suite_dicts

__all__ = [
    "EXPECTATIONS_DIR", "SUITE_NAMES", "SEVERITY_CRITICAL", "SEVERITY_WARNING", "DEFAULT_MAX_REJECT_RATE",
    "ValidationOutcome", "load_suite_dicts", "validate_tables", "articles_frame", "lines_frame", "run_frame", "cjk_ratio",
]

DEFAULT_MAX_REJECT_RATE = 0.5  # rejected files / files found: above it the reader or the input is broken, not a few files


def validate_tables(
    articles: pa.Table,
    lines: pa.Table,
    ingested_line_count: int,
    rejects: pa.Table,
    report_dir: Path,
    allowed_theme_codes: set[str],
    gazetteer_adcodes: set[str],
    max_reject_rate: float = DEFAULT_MAX_REJECT_RATE,
    document_count: int | None = None,
    previous_article_ids: Iterable[str] = (),
) -> ValidationOutcome:
    """Run every suite; write the Data Docs (report_dir/index.html) and report_dir/results.json.

    `document_count` is the number of files found (documents read + files rejected), the
    denominator of the reject rate; `previous_article_ids` are the ids of the previous published
    version, which `duplicate_of` may name.
    """
    report_dir = Path(report_dir).resolve()
    report_dir.mkdir(parents=True, exist_ok=True)
    previous_article_ids = list(previous_article_ids)  # may be an iterator: read once, now
    # Built one at a time as their suites run: the articles' and the lines' texts are never both in memory.
    frames = {
        "articles": lambda: articles_frame(articles, set(allowed_theme_codes), set(gazetteer_adcodes), previous_article_ids),
        "lines": lambda: lines_frame(lines, set(articles.column("article_id").to_pylist())),
        "rejects": lambda: rejects.select(["source_file", "reason"]).to_pandas(),
        "run": lambda: run_frame(lines, rejects, document_count),
    }
    parameters = {
        "allowed_theme_codes": sorted(allowed_theme_codes),
        "published_roles": list(PUBLISHED_ROLES),
        "actions": list(ACTIONS),
        "ingested_line_count": int(ingested_line_count),
        "max_reject_rate": float(max_reject_rate),
    }
    results = run_suites(load_suite_dicts(), frames, parameters, report_dir)
    release_memory()  # the frames' Python strings: publishing starts from the tables alone
    outcome = write_outcome(results, report_dir, parameters)
    write_docs_index(report_dir, results, outcome.success, parameters)
    return outcome
