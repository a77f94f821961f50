"""The validation gate: Great Expectations 1.x suites from expectations/*.json on the tables of a run.

Each expectation carries a severity (GX's own `severity` field, copied into `meta`):
a failed "critical" one blocks publishing, a failed "warning" one is recorded.
GX checks scalar columns only, so list columns are first turned into helper columns
(counts, or the offending codes joined in a string, null when none).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tasks.schema import ACTIONS, ARTICLE_ROLES, PUBLISHED_ROLES

EXPECTATIONS_DIR = Path(__file__).resolve().parents[1] / "expectations"
SUITE_NAMES = ("articles", "lines", "rejects", "run")
SEVERITY_CRITICAL = "critical"
SEVERITY_WARNING = "warning"
DEFAULT_MAX_REJECT_RATE = 0.5  # rejected files / files found: above it the reader or the input is broken, not a few files
RESULT_FORMAT = "SUMMARY"  # observed values and up to 20 unexpected examples, not every unexpected row
ID_COLUMNS = {"articles": ["article_id"], "lines": ["source_file", "line_no"], "rejects": ["source_file"]}  # name failing rows
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
ADCODE = re.compile(r"^[0-9]{6}$")
EXPECTED_KEYS = ("value", "min_value", "max_value", "value_set", "regex", "mostly")  # shown in failure messages


@dataclass
class ValidationOutcome:
    """What the gate decided: `success` is False when any critical expectation failed."""

    success: bool
    critical_failures: list[str]
    warnings: list[str]
    results_path: Path
    docs_index_path: Path
    summary: dict[str, dict[str, int]] = field(default_factory=dict)  # suite -> evaluated, passed, failed

    def to_dict(self) -> dict:
        """JSON-ready form for the manifest (paths as strings)."""
        data = asdict(self)
        data["results_path"], data["docs_index_path"] = str(self.results_path), str(self.docs_index_path)
        return data


def load_suite_dicts(expectations_dir: Path = EXPECTATIONS_DIR) -> dict[str, dict]:
    """The suites as JSON dicts; every expectation must name its severity."""
    suites = {}
    for name in SUITE_NAMES:
        data = json.loads((expectations_dir / f"{name}.json").read_text(encoding="utf-8"))
        for exp in data["expectations"]:
            severity = exp.get("severity")
            if severity not in (SEVERITY_CRITICAL, SEVERITY_WARNING):
                raise ValueError(f"{name}.json: {exp['type']} has no severity critical|warning")
            exp["meta"] = {**exp.get("meta", {}), "severity": severity}
        suites[name] = data
    return suites


def _joined(values: list[str]) -> str | None:
    return ",".join(values) if values else None


def articles_frame(articles: pa.Table, allowed_theme_codes: set[str], gazetteer_adcodes: set[str]) -> pd.DataFrame:
    """The article columns GX checks, plus scalar helper columns derived from text and list columns."""
    texts = articles.column("text").to_pylist()
    frame = articles.select(
        ["article_id", "text", "char_count", "is_complete", "primary_theme", "primary_region", "dataset_version"]
    ).to_pandas()
    frame["char_count_matches_text"] = [
        (t is not None and n == len(t)) for t, n in zip(texts, articles.column("char_count").to_pylist())
    ]
    # The published cjk_ratio where the table has one (what users get), else measured here; None for empty text.
    published = _optional_column(articles, "cjk_ratio")
    frame["cjk_ratio"] = [
        None if not (t or "").strip() else r if r is not None else _cjk_ratio(t) for t, r in zip(texts, published)
    ]
    frame["quality_score"] = _optional_column(articles, "quality_score")
    frame["duplicate_of"] = _optional_column(articles, "duplicate_of")
    frame["complete_has_text"] = [
        (bool(t and t.strip()) if complete else None) for t, complete in zip(texts, articles.column("is_complete").to_pylist())
    ]
    frame["complete_has_headline"] = [
        (bool(h and h.strip()) if complete else None)
        for h, complete in zip(articles.column("headline").to_pylist(), articles.column("is_complete").to_pylist())
    ]
    frame["token_count_derived"] = pc.fill_null(pc.list_value_length(articles.column("tokens")), 0).to_numpy()
    frame["source_line_count"] = pc.fill_null(pc.list_value_length(articles.column("source_lines")), 0).to_numpy()
    theme_codes = [[t["code"] for t in themes or []] for themes in articles.column("themes").to_pylist()]
    frame["theme_codes_outside_taxonomy"] = [_joined([c for c in codes if c not in allowed_theme_codes]) for codes in theme_codes]
    adcodes = [
        [r["adcode"] for r in regions or []] + ([primary] if primary else [])
        for regions, primary in zip(articles.column("regions").to_pylist(), articles.column("primary_region").to_pylist())
    ]
    frame["adcodes_not_six_digits"] = [_joined([str(c) for c in codes if not ADCODE.match(str(c or ""))]) for codes in adcodes]
    frame["adcodes_outside_gazetteer"] = [_joined(sorted({c for c in codes if c not in gazetteer_adcodes})) for codes in adcodes]
    return frame


def _optional_column(table: pa.Table, name: str) -> list:
    """A column's values, or nulls when the table predates the column."""
    return table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows


def _cjk_ratio(text: str | None) -> float | None:
    """Share of CJK characters among non-space characters; None for empty text (checked elsewhere)."""
    visible = "".join((text or "").split())
    return len(CJK.findall(visible)) / len(visible) if visible else None


def lines_frame(lines: pa.Table, article_ids: set[str]) -> pd.DataFrame:
    """The line columns GX checks, plus helper columns linking lines to articles."""
    frame = lines.select(
        ["source_file", "line_no", "text", "role", "action", "article_id", "reason", "content_score", "dataset_version"]
    ).to_pandas()
    ids, roles = lines.column("article_id").to_pylist(), lines.column("role").to_pylist()
    frame["article_id_outside_articles"] = [i if i is not None and i not in article_ids else None for i in ids]
    frame["dropped_without_reason"] = [
        a == "dropped" and not (r or "").strip()
        for a, r in zip(lines.column("action").to_pylist(), lines.column("reason").to_pylist())
    ]
    frame["article_role_without_article"] = [r in ARTICLE_ROLES and i is None for r, i in zip(roles, ids)]
    return frame.drop(columns=["reason"])


def run_frame(lines: pa.Table, rejects: pa.Table, document_count: int | None) -> pd.DataFrame:
    """One row describing the run: files found, rejected, published, and the reject rate."""
    published = len(pc.unique(lines.column("source_file"))) if lines.num_rows else 0
    found = document_count if document_count is not None else published + rejects.num_rows
    rate = rejects.num_rows / found if found else 1.0
    return pd.DataFrame(
        {"documents_found": [found], "documents_rejected": [rejects.num_rows], "documents_published": [published], "reject_rate": [rate]}
    )


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
) -> ValidationOutcome:
    """Run every suite; write Data Docs (report_dir/index.html) and report_dir/results.json."""
    report_dir = Path(report_dir).resolve()
    report_dir.mkdir(parents=True, exist_ok=True)
    frames = {
        "articles": articles_frame(articles, set(allowed_theme_codes), set(gazetteer_adcodes)),
        "lines": lines_frame(lines, set(articles.column("article_id").to_pylist())),
        "rejects": rejects.select(["source_file", "reason"]).to_pandas(),
        "run": run_frame(lines, rejects, document_count),
    }
    parameters = {
        "allowed_theme_codes": sorted(allowed_theme_codes),
        "published_roles": list(PUBLISHED_ROLES),
        "actions": list(ACTIONS),
        "ingested_line_count": int(ingested_line_count),
        "max_reject_rate": float(max_reject_rate),
    }
    results = _run_gx(load_suite_dicts(), frames, parameters, report_dir)
    return _outcome(results, report_dir, parameters)


def _run_gx(suites: dict[str, dict], frames: dict[str, pd.DataFrame], parameters: dict, report_dir: Path) -> dict[str, dict]:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx  # lazy: importing GX costs seconds
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.add_data_docs_site(
        "zhpress",
        {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(report_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    source = context.data_sources.add_pandas("zhpress")
    definitions = []
    for name, suite_dict in suites.items():
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
        suite = gx.ExpectationSuite(**suite_dict)
        if len(suite.expectations) != len(suite_dict["expectations"]):  # GX logs and drops invalid ones
            raise ValueError(f"expectations/{name}.json: {len(suite_dict['expectations']) - len(suite.expectations)} invalid expectations")
        suite = context.suites.add(suite)
        definitions.append(context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite)))
    results = {}
    for definition in definitions:
        # One checkpoint per table: a checkpoint's batch_parameters are shared by all its definitions.
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name=f"zhpress-{definition.name}",
                validation_definitions=[definition],
                result_format=_result_format(definition.name),
            )
        )
        run = checkpoint.run(batch_parameters={"dataframe": frames[definition.name]}, expectation_parameters=parameters)
        for validation in run.run_results.values():
            results[definition.name] = validation.to_json_dict()
    context.build_data_docs(site_names=["zhpress"])
    _prune_unreferenced_static(report_dir)
    return results


def _prune_unreferenced_static(report_dir: Path) -> None:
    """Drop GX's bundled static files that no page links to (~4 MB of fonts and GIFs per version)."""
    pages = "".join(p.read_text(encoding="utf-8", errors="replace") for p in report_dir.rglob("*.html"))
    for path in (report_dir / "static").rglob("*"):
        if path.is_file() and path.name not in pages:
            path.unlink()
    for folder in sorted((report_dir / "static").rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _result_format(suite: str) -> dict:
    if suite not in ID_COLUMNS:
        return {"result_format": RESULT_FORMAT}
    return {"result_format": RESULT_FORMAT, "unexpected_index_column_names": ID_COLUMNS[suite]}


def _describe(suite: str, result: dict) -> str:
    config, outcome = result["expectation_config"], result.get("result") or {}
    kwargs = config.get("kwargs", {})
    target = kwargs.get("column") or ",".join(kwargs.get("column_list") or []) or "table"
    if result.get("exception_info", {}).get("raised_exception"):
        observed = "error: " + str(result["exception_info"].get("exception_message"))[:200]
    elif "observed_value" in outcome:
        observed = f"observed {outcome['observed_value']}"
    else:
        examples = (outcome.get("partial_unexpected_list") or [])[:5]
        observed = f"{outcome.get('unexpected_count')} unexpected ({outcome.get('unexpected_percent', 0):.1f}%), e.g. {examples}"
        rows = [_row_name(suite, r) for r in (outcome.get("partial_unexpected_index_list") or [])[:5]]
        if rows and any(r not in examples for r in rows):
            observed += f" in rows {rows}"
    expected = ", ".join(f"{k}={_short(kwargs[k])}" for k in EXPECTED_KEYS if kwargs.get(k) is not None)
    return f"{suite}: {config['type']}({target}{'; ' + expected if expected else ''}) {observed}"


def _row_name(suite: str, index) -> str:
    if not isinstance(index, dict):
        return str(index)
    return ":".join(str(index.get(c)) for c in ID_COLUMNS.get(suite, index))


def _short(value) -> str:
    if isinstance(value, list) and len(value) > 5:
        return f"[{', '.join(map(str, value[:5]))}, ... {len(value)} values]"
    return str(value)


def _outcome(results: dict[str, dict], report_dir: Path, parameters: dict) -> ValidationOutcome:
    critical, warnings, summary = [], [], {}
    for suite, validation in results.items():
        failed = [r for r in validation["results"] if not r["success"]]
        summary[suite] = {"evaluated": len(validation["results"]), "passed": len(validation["results"]) - len(failed), "failed": len(failed)}
        for result in failed:
            severity = result["expectation_config"].get("severity") or result["expectation_config"]["meta"].get("severity")
            (warnings if severity == SEVERITY_WARNING else critical).append(_describe(suite, result))
    results_path = report_dir / "results.json"
    document = {
        "success": not critical, "critical_failures": critical, "warnings": warnings,
        "summary": summary, "parameters": parameters, "suites": results,
    }
    results_path.write_text(json.dumps(document, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return ValidationOutcome(not critical, critical, warnings, results_path, report_dir / "index.html", summary)
