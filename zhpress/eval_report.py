"""The printed report of `zhpress evaluate`: metric tables overall, per kind and per document."""
from __future__ import annotations

import unicodedata

from zhpress.eval_names import (
    ARTICLE_EXACT, B3_F1, B3_PRECISION, B3_RECALL, BODY_LINES_KEPT, HEADLINE_ACCURACY, JOINS_PRECISION,
    JOINS_RECOVERED, LINES_ACCOUNTED, METRICS, NON_CONTENT_PRECISION, NON_CONTENT_RECALL, REGION_HIT,
    REGION_WITHIN, REPORTER_ACCURACY, THEME_HIT, THEME_WITHIN,
)

TITLES = {
    LINES_ACCOUNTED: "lines accounted for",
    NON_CONTENT_PRECISION: "non-content precision",
    NON_CONTENT_RECALL: "non-content recall",
    BODY_LINES_KEPT: "gold body lines kept",
    ARTICLE_EXACT: "article exact match",
    B3_PRECISION: "B-cubed precision",
    B3_RECALL: "B-cubed recall",
    B3_F1: "B-cubed F1",
    JOINS_RECOVERED: "joins recovered",
    JOINS_PRECISION: "joins precision",
    HEADLINE_ACCURACY: "headline accuracy",
    REPORTER_ACCURACY: "reporter accuracy",
    THEME_HIT: "primary theme hit",
    THEME_WITHIN: "primary theme in gold themes",
    REGION_HIT: "primary region hit",
    REGION_WITHIN: "primary region in gold regions",
}
# Short column heads of the per-document table.
SHORT = {
    LINES_ACCOUNTED: "lines", NON_CONTENT_PRECISION: "ncP", NON_CONTENT_RECALL: "ncR", BODY_LINES_KEPT: "body",
    ARTICLE_EXACT: "exact", B3_F1: "B3F1", JOINS_RECOVERED: "joins", HEADLINE_ACCURACY: "head",
    REPORTER_ACCURACY: "repo", THEME_HIT: "theme", REGION_HIT: "region", REGION_WITHIN: "reg~",
}
# Counts that are sums of per-line fractions, not whole items: shown as rates only.
FRACTIONAL = (B3_PRECISION, B3_RECALL, B3_F1)


def format_report(result: dict) -> str:
    """A readable report of `run_evaluate`'s result."""
    out: list[str] = []
    if result.get("overall"):
        source = f"version {result['version']}" if result.get("mode") == "version" else "a fresh build of the sources"
        out.append(f"Gold evaluation of {source}: {result['overall']['documents']} documents, "
                   f"{result['overall']['gold_articles']} gold articles, "
                   f"{result['overall']['predicted_articles']} predicted articles")
        if result.get("problems"):
            out += ["", "Problems", *(f"  {problem}" for problem in result["problems"])]
        out += ["", *_metric_table(result)]
        out += ["", "Per document", *_document_table(result["documents"])]
        out += _misses(result["documents"])
    elif result.get("problems"):
        out += ["Problems", *(f"  {problem}" for problem in result["problems"])]
    if "labelled" in result:
        out += ["", *_labelled(result["labelled"])]
    return "\n".join(out)


def _cell(rate: float | None, count: list | None = None, name: str = "") -> str:
    if rate is None:
        return "-"
    if count is None or name in FRACTIONAL:
        return f"{rate:.3f}"
    return f"{rate:.3f} ({int(count[0])}/{int(count[1])})"


def _metric_table(result: dict) -> list[str]:
    groups = [("overall", result["overall"])] + list(result.get("by_kind", {}).items())
    rows = [["metric", *(name for name, _ in groups)]]
    for metric in METRICS:
        cells = [_cell(group["rates"].get(metric), group["counts"].get(metric), metric) for _, group in groups]
        rows.append([TITLES[metric], *cells])
    rows.append(["documents", *(str(g["documents"]) for _, g in groups)])
    rows.append(["articles gold/predicted", *(f"{g['gold_articles']}/{g['predicted_articles']}" for _, g in groups)])
    return _align(rows)


def _document_table(documents: list[dict]) -> list[str]:
    rows = [["document", "kind", "arts", *SHORT.values()]]
    for document in documents:
        rates = document["rates"]
        articles = f"{len(document['articles'])}/{document['predicted_articles']}"
        rows.append([document["seed"], document["kind"], articles, *(_cell(rates.get(m)) for m in SHORT)])
    return _align(rows)


def _misses(documents: list[dict]) -> list[str]:
    """Per document: its problems, then one line per gold article that missed something, saying what."""
    out = []
    for document in documents:
        lines = [f"    {problem}" for problem in document["problems"]]
        for article in document["articles"]:
            notes = _article_notes(article)
            if notes:
                lines.append(f"    {article['gold_id']}: " + "; ".join(notes))
        if lines:
            out += [f"  {document['seed']}", *lines]
    return ["", "Differences from gold", *out] if out else []


def _article_notes(article: dict) -> list[str]:
    outcomes = article["outcomes"]
    if article["predicted_id"] is None:
        return ["no predicted article shares a line"]
    notes = []
    if not outcomes[ARTICLE_EXACT]:
        notes.append(f"lines missing [{_numbers(article['missing_lines'])}] extra [{_numbers(article['extra_lines'])}]")
    if article["missed_joins"]:
        notes.append(f"joins missed {article['missed_joins']}")
    if not outcomes[HEADLINE_ACCURACY]:
        notes.append(f"headline {article['predicted_headline']!r} != {article['headline']!r}")
    if not outcomes[REPORTER_ACCURACY]:
        notes.append(f"reporters {article['predicted_reporters']} != {article['reporters']}")
    if outcomes[THEME_HIT] is False:
        notes.append(f"theme {article['predicted_theme']} vs {article['themes']}")
    if outcomes[REGION_HIT] is False:
        notes.append(f"region {article['predicted_region']} vs {article['regions']}")
    return notes


def _numbers(numbers: list[int], limit: int = 10) -> str:
    return ", ".join(map(str, numbers[:limit])) + (f", ... ({len(numbers)} in all)" if len(numbers) > limit else "")


def _labelled(labelled: dict) -> list[str]:
    """The themes step's evaluator result: top-level figures, then a table per nested mapping."""
    out = ["Labelled articles (tasks.themes.evaluate_labelled)"]
    for key, value in labelled.items():
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            columns = list(dict.fromkeys(k for v in value.values() for k in v))
            # Figures first, nested breakdowns (e.g. predicted codes) last.
            columns.sort(key=lambda c: any(isinstance(v.get(c), dict) for v in value.values()))
            rows = [[key, *columns]] + [[str(name), *(_scalar(v.get(c)) for c in columns)] for name, v in value.items()]
            out += [f"  {row}" for row in _align(rows)]
        else:
            out.append(f"  {key}: {_scalar(value)}")
    return out


def _scalar(value, limit: int = 4) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, dict):
        shown = ", ".join(f"{k} {_scalar(v)}" for k, v in list(value.items())[:limit])
        return shown + (", ..." if len(value) > limit else "")
    return "-" if value is None else str(value)


def _width(text: str) -> int:
    """Terminal columns of text: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _align(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths)).rstrip() for row in rows]
