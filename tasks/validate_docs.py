"""The Data Docs front page: every suite and every expectation with success, severity and observed value.

GX's own index only lists the validation runs; the observed values are one click away.
This index.html shows them all on one page and links each suite to GX's page (GX's index
stays as gx-index.html). Observed values can hold input text (unexpected examples), so
the page is rendered by Jinja2 with autoescape and a Content-Security-Policy.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from tasks.validate_gx import GX_INDEX, suite_pages
from tasks.validate_report import SEVERITY_CRITICAL, expected_text, observed_text, severity, target

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "validate_index.html.j2"


def expectation_rows(suite: str, validation: dict) -> list[dict]:
    """One row per expectation of a suite's result, in suite order, ready for the template."""
    rows = []
    for result in validation["results"]:
        config = result["expectation_config"]
        rows.append(
            {
                "type": config["type"], "target": target(result), "expected": expected_text(result),
                "severity": severity(result), "success": bool(result["success"]),
                "observed": observed_text(suite, result), "why": (config.get("meta") or {}).get("why", ""),
            }
        )
    return rows


def suite_views(results: dict[str, dict], pages: dict[str, str]) -> list[dict]:
    """Per suite: name, counts, link to GX's page and the expectation rows."""
    views = []
    for suite, validation in results.items():
        rows = expectation_rows(suite, validation)
        failed = [r for r in rows if not r["success"]]
        views.append(
            {
                "name": suite, "page": pages.get(suite), "rows": rows, "evaluated": len(rows),
                "failed": len(failed), "critical_failed": sum(r["severity"] == SEVERITY_CRITICAL for r in failed),
            }
        )
    return views


def write_docs_index(report_dir: Path, results: dict[str, dict], success: bool, parameters: dict) -> Path:
    """Write report_dir/index.html for the results of every suite; return its path."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    html = env.get_template(TEMPLATE).render(
        success=success,
        suites=suite_views(results, suite_pages(report_dir)),
        parameters={k: v for k, v in parameters.items() if not isinstance(v, list)},  # long sets are on the rows
        gx_index=GX_INDEX,
    )
    path = report_dir / "index.html"
    path.write_text(html, encoding="utf-8")
    return path
