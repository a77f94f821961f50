"""`zhpress evaluate`: score a build (or a published version) against gold annotations.

Without a version, the documents the gold files name are found in the source
folders, copied into a temporary input folder and built with the same
per-document chain as `zhpress build` (tasks.pipeline.process_document).
The metrics live in eval_metrics; the printed report in eval_report.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import pandas as pd

from zhpress.eval_articles import normalize_name
from zhpress.eval_build import build_documents, find_source, source_non_blank_lines
from zhpress.eval_metrics import DocumentScore, aggregate, score_document
from zhpress.eval_report import format_report
from zhpress.eval_tables import as_list, as_records
from zhpress.eval_taxonomy import theme_name_codes

__all__ = ["run_evaluate", "format_report", "score_document", "aggregate", "load_gold", "DocumentScore"]

ARTICLES_FILE = "articles.parquet"
LINES_FILE = "lines.parquet"
LATEST_FILE = "LATEST"


def load_gold(gold_dir: Path) -> list[dict]:
    """Every gold annotation (*.json) of a folder, by file name."""
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(Path(gold_dir).glob("*.json"))]


def run_evaluate(
    gold_dir: Path | None,
    source_dirs: Sequence[Path],
    version_path: Path | None = None,
    labelled: Path | None = None,
) -> dict:
    """Scores as a JSON-ready dict: `overall`, `by_kind`, `documents`, `problems`, `labelled`."""
    result: dict = {"mode": None, "version": None, "overall": None, "by_kind": {}, "documents": [], "problems": []}
    if gold_dir is not None:
        result.update(_evaluate_gold(Path(gold_dir), [Path(d) for d in source_dirs], version_path))
    if labelled is not None:
        result["labelled"] = _evaluate_labelled(Path(labelled))
    return result


def _evaluate_gold(gold_dir: Path, source_dirs: list[Path], version_path: Path | None) -> dict:
    golds = load_gold(gold_dir)
    problems: list[str] = [] if golds else [f"no gold annotation (*.json) in {gold_dir}"]
    sources = {gold["seed"]: find_source(gold["seed"], source_dirs) for gold in golds}
    if source_dirs or version_path is None:
        problems += [f"{seed}: not found in the source folders" for seed, path in sources.items() if path is None]
    else:
        problems.append("no --sources: non-blank lines are taken from the gold files")
    found = [path for path in sources.values() if path is not None]
    if version_path is not None:
        version = _resolve_version(Path(version_path))
        absent = [name for name in (LINES_FILE, ARTICLES_FILE) if not (version / name).is_file()]
        if absent:
            return {"mode": "version", "version": str(version), "problems": [f"no {', '.join(absent)} in {version}"]}
        lines, articles = _read_version(version)
        mode, version_name = "version", str(version)
    else:
        lines, articles, build_problems = build_documents(found)
        problems += build_problems
        mode, version_name = "build", None
    theme_codes = {**_codes_from_predictions(articles), **theme_name_codes()}
    lines_of, articles_of = _by_file_name(lines), _by_file_name(articles)
    scores = []
    for gold in golds:
        seed, source = gold["seed"], sources[gold["seed"]]
        non_blank = source_non_blank_lines(source) if source is not None else None
        scores.append(score_document(gold, lines_of.get(seed, []), articles_of.get(seed, []), non_blank, theme_codes))
    summary = aggregate(scores)
    return {
        "mode": mode,
        "version": version_name,
        "overall": summary["overall"],
        "by_kind": summary["by_kind"],
        "documents": [score.to_dict() for score in scores],
        "problems": problems,
    }


def _resolve_version(path: Path) -> Path:
    """A version folder; a dataset folder stands for the version its LATEST names."""
    if not (path / LINES_FILE).is_file() and (path / LATEST_FILE).is_file():
        return path / (path / LATEST_FILE).read_text(encoding="utf-8").strip()
    return path


def _read_version(version: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.read_parquet(version / LINES_FILE), pd.read_parquet(version / ARTICLES_FILE)


def _by_file_name(table) -> dict[str, list[dict]]:
    """Rows grouped by the file name of their source_file (gold files name seeds by file name)."""
    groups: dict[str, list[dict]] = {}
    for row in as_records(table):
        groups.setdefault(PurePosixPath(str(row.get("source_file", ""))).name, []).append(row)
    return groups


def _codes_from_predictions(articles) -> dict[str, str]:
    """Name -> code pairs that the predicted themes carry, for when the taxonomy file is missing."""
    codes: dict[str, str] = {}
    for row in as_records(articles):
        for label in as_list(row.get("themes")):
            if label.get("code") and label.get("label"):
                codes.setdefault(normalize_name(label["label"]), label["code"])
    return codes


def _evaluate_labelled(path: Path) -> dict:
    """Theme accuracy on labelled articles, from the themes step's own evaluator."""
    try:
        from tasks.themes import evaluate_labelled
    except ImportError as error:
        return {"error": f"tasks.themes.evaluate_labelled is not available: {error}"}
    return _plain(evaluate_labelled(path))


def _plain(value):
    """A JSON-ready copy of an evaluator's result (dataclasses, tuples, numpy numbers)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(item) for item in value]
    if hasattr(value, "item") and callable(value.item):
        return value.item()
    return value
