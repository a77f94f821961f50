"""What the gate decided, in words: observed values, failure lines, results.json and the ValidationOutcome."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tasks.validate_gx import ID_COLUMNS
from tasks.validate_suites import SEVERITY_CRITICAL, SEVERITY_WARNING

EXPECTED_KEYS = ("value", "min_value", "max_value", "value_set", "regex", "mostly")  # shown in failure messages
EXAMPLES_SHOWN = 5


@dataclass
class ValidationOutcome:
    """What the gate decided: `success` is False when any critical expectation failed."""

    success: bool
    critical_failures: list[str]
    warnings: list[str]
    results_path: Path
    docs_index_path: Path
    summary: dict[str, dict[str, int]] = field(default_factory=dict)  # suite -> evaluated, passed, failed


def severity(result: dict) -> str:
    """The severity an expectation result was declared with (critical unless it says warning)."""
    config = result["expectation_config"]
    declared = config.get("severity") or (config.get("meta") or {}).get("severity")
    return SEVERITY_WARNING if declared == SEVERITY_WARNING else SEVERITY_CRITICAL


def target(result: dict) -> str:
    """The column(s) an expectation looks at, or 'table'."""
    kwargs = result["expectation_config"].get("kwargs", {})
    return kwargs.get("column") or ",".join(kwargs.get("column_list") or []) or "table"


def expected_text(result: dict) -> str:
    """The expectation's bounds and sets, shortened: 'min_value=0, max_value=1'."""
    kwargs = result["expectation_config"].get("kwargs", {})
    return ", ".join(f"{k}={_short(kwargs[k])}" for k in EXPECTED_KEYS if kwargs.get(k) is not None)


def observed_text(suite: str, result: dict) -> str:
    """What GX observed: the aggregate value, or how many rows were unexpected, with examples and row keys."""
    outcome = result.get("result") or {}
    if result.get("exception_info", {}).get("raised_exception"):
        return "error: " + str(result["exception_info"].get("exception_message"))[:200]
    if "observed_value" in outcome:
        return f"observed {_short(outcome['observed_value'])}"
    if "unexpected_count" not in outcome:
        return "no observed value"
    examples = (outcome.get("partial_unexpected_list") or [])[:EXAMPLES_SHOWN]
    text = f"{outcome.get('unexpected_count')} unexpected ({outcome.get('unexpected_percent') or 0:.1f}%) of {outcome.get('element_count')}"
    if examples:
        text += f", e.g. {examples}"
    rows = [_row_name(suite, r) for r in (outcome.get("partial_unexpected_index_list") or [])[:EXAMPLES_SHOWN]]
    if rows and any(r not in examples for r in rows):
        text += f" in rows {rows}"
    return text


def describe(suite: str, result: dict) -> str:
    """One line naming a failed expectation, its bounds and what was observed."""
    expected = expected_text(result)
    return f"{suite}: {result['expectation_config']['type']}({target(result)}{'; ' + expected if expected else ''}) {observed_text(suite, result)}"


def _row_name(suite: str, index) -> str:
    if not isinstance(index, dict):
        return str(index)
    return ":".join(str(index.get(c)) for c in ID_COLUMNS.get(suite, index))


def _short(value) -> str:
    if isinstance(value, list) and len(value) > EXAMPLES_SHOWN:
        return f"[{', '.join(map(str, value[:EXAMPLES_SHOWN]))}, ... {len(value)} values]"
    return str(value)


def write_outcome(results: dict[str, dict], report_dir: Path, parameters: dict) -> ValidationOutcome:
    """Sort failures by severity, write report_dir/results.json, and return the outcome."""
    critical, warnings, summary = [], [], {}
    for suite, validation in results.items():
        failed = [r for r in validation["results"] if not r["success"]]
        summary[suite] = {"evaluated": len(validation["results"]), "passed": len(validation["results"]) - len(failed), "failed": len(failed)}
        for result in failed:
            (warnings if severity(result) == SEVERITY_WARNING else critical).append(describe(suite, result))
    results_path = report_dir / "results.json"
    document = {
        "success": not critical, "critical_failures": critical, "warnings": warnings,
        "summary": summary, "parameters": parameters, "suites": results,
    }
    results_path.write_text(json.dumps(document, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return ValidationOutcome(not critical, critical, warnings, results_path, report_dir / "index.html", summary)
