"""Scores of one document's published rows against its gold annotation, and their sums.

Every metric is kept as a (numerator, denominator) pair so that documents add
up to micro averages; a rate is only computed when a report asks for it.
Gold format: ../shared/gold/README.md.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from tasks.schema import ACTION_DROPPED
from zhpress.eval_articles import best_match, bcubed_sums, compare_article, gold_article_lines, normalize_name
from zhpress.eval_names import (
    ARTICLE_EXACT, B3_F1, B3_PRECISION, B3_RECALL, BODY_LINES_KEPT, HEADLINE_ACCURACY, JOINS_PRECISION,
    JOINS_RECOVERED, KINDS, LINES_ACCOUNTED, METRICS, NON_CONTENT_PRECISION, NON_CONTENT_RECALL, REGION_HIT,
    REGION_WITHIN, REPORTER_ACCURACY, THEME_HIT, THEME_WITHIN,
)
from zhpress.eval_tables import PredictedDocument, as_records, predicted_document, rows_of_document


@dataclass
class DocumentScore:
    """Metric counts of one gold document, plus per-article details and problems found."""

    seed: str
    kind: str
    counts: dict[str, tuple[float, float]] = field(default_factory=dict)  # metric -> (numerator, denominator)
    articles: list[dict] = field(default_factory=list)  # one per gold article: match, outcomes, differences
    problems: list[str] = field(default_factory=list)
    predicted_articles: int = 0

    def rates(self) -> dict[str, float | None]:
        """Metric -> rate in [0, 1], None when the metric has nothing to count here."""
        return rates(self.counts)

    def to_dict(self) -> dict:
        """A JSON-ready dict: seed, kind, rates, counts, per-article details and problems."""
        return {
            "seed": self.seed,
            "kind": self.kind,
            "predicted_articles": self.predicted_articles,
            "rates": self.rates(),
            "counts": {name: list(pair) for name, pair in self.counts.items()},
            "articles": self.articles,
            "problems": self.problems,
        }


def rates(counts: Mapping[str, tuple[float, float]]) -> dict[str, float | None]:
    """Rates of (numerator, denominator) counts, with B-cubed F1 from its precision and recall."""
    out = {name: (num / den if den else None) for name, (num, den) in counts.items()}
    precision, recall = out.get(B3_PRECISION), out.get(B3_RECALL)
    if precision is not None and recall is not None:
        out[B3_F1] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {name: out.get(name) for name in METRICS}


def gold_non_blank_lines(gold: dict) -> set[int]:
    """Non-blank lines as the gold files them (every one is boilerplate or in one article)."""
    lines = set(gold.get("boilerplate_lines", []))
    for article in gold.get("articles", []):
        lines |= gold_article_lines(article)
    return lines


def score_document(
    gold: dict,
    lines: pd.DataFrame | list[dict],
    articles: pd.DataFrame | list[dict],
    non_blank_lines: set[int] | None = None,
    theme_codes: Mapping[str, str] | None = None,
) -> DocumentScore:
    """Score the predicted rows of the gold's `seed` document (rows of other files are ignored).

    `non_blank_lines` are the source's non-blank line numbers (default: the gold's lines);
    `theme_codes` maps normalised IPTC English names to codes (eval_taxonomy.theme_name_codes);
    without it a gold theme name is compared with the predicted primary theme's label.
    """
    seed = gold["seed"]
    line_rows = rows_of_document(as_records(lines), seed)
    document = predicted_document(line_rows, rows_of_document(as_records(articles), seed))
    score = DocumentScore(seed=seed, kind=gold.get("kind", "unknown"), predicted_articles=len(document.articles))
    expected = gold_non_blank_lines(gold)
    if non_blank_lines is not None and set(non_blank_lines) != expected:
        # The annotation is out of step with the source: trust the source, and say so.
        differing = sorted(expected ^ set(non_blank_lines))
        score.problems.append(f"gold and source disagree on non-blank lines: {_short(differing)}")
        expected = set(non_blank_lines)
    _score_lines(score, gold, document, expected)
    _score_articles(score, gold, document, dict(theme_codes or {}))
    if theme_codes:
        unknown = sorted({name for a in gold.get("articles", []) for name in a.get("themes", [])
                          if normalize_name(name) not in theme_codes})
        if unknown:
            score.problems.append(f"gold theme names without an IPTC code: {', '.join(unknown)}")
    return score


def aggregate(scores: Iterable[DocumentScore]) -> dict:
    """Micro averages over all documents and per document kind, with the summed counts."""
    scores = list(scores)
    kinds = [kind for kind in KINDS if any(s.kind == kind for s in scores)]
    kinds += sorted({s.kind for s in scores} - set(kinds))
    return {
        "overall": _group(scores),
        "by_kind": {kind: _group([s for s in scores if s.kind == kind]) for kind in kinds},
    }


def _group(scores: list[DocumentScore]) -> dict:
    counts: dict[str, tuple[float, float]] = {}
    for score in scores:
        for name, (num, den) in score.counts.items():
            total_num, total_den = counts.get(name, (0, 0))
            counts[name] = (total_num + num, total_den + den)
    return {
        "documents": len(scores),
        "gold_articles": sum(len(s.articles) for s in scores),
        "predicted_articles": sum(s.predicted_articles for s in scores),
        "rates": rates(counts),
        "counts": {name: list(pair) for name, pair in counts.items()},
    }


def _score_lines(score: DocumentScore, gold: dict, document: PredictedDocument, expected: set[int]) -> None:
    once = sum(1 for n in expected if len(document.line_rows.get(n, [])) == 1)
    score.counts[LINES_ACCOUNTED] = (once, len(expected))
    twice = sorted(n for n, rows in document.line_rows.items() if len(rows) > 1)
    extra = sorted(set(document.line_rows) - expected)
    missing = sorted(expected - set(document.line_rows))
    for label, numbers in (("lines with several rows", twice), ("rows for blank or absent lines", extra),
                           ("non-blank lines without a row", missing)):
        if numbers:
            score.problems.append(f"{label}: {_short(numbers)}")
    owner = document.article_of_line()
    disagree = sorted(n for n, rows in document.line_rows.items() if n in owner
                      and any(row.get("article_id") != owner[n] for row in rows))
    if disagree:
        label = "lines whose article_id is not the article holding them"
        score.problems.append(f"{label}: {_short(disagree)}")
    outside = sorted(n for article in document.articles for n in article.outside_source_lines)
    if outside:
        score.problems.append(f"article lines missing from their article's source_lines: {_short(outside)}")
    predicted = document.non_content_lines()
    boilerplate = set(gold.get("boilerplate_lines", []))
    hits = len(predicted & boilerplate)
    score.counts[NON_CONTENT_PRECISION] = (hits, len(predicted))
    score.counts[NON_CONTENT_RECALL] = (hits, len(boilerplate))
    in_text = {n for article in document.articles for n in article.lines}
    dropped = {n for n, rows in document.line_rows.items() if any(r.get("action") == ACTION_DROPPED for r in rows)}
    body = [n for article in gold.get("articles", []) for n in article.get("body_lines", [])]
    lost = sorted(n for n in body if n not in in_text or n in dropped)
    score.counts[BODY_LINES_KEPT] = (len(body) - len(lost), len(body))
    if lost:
        score.problems.append(f"gold body lines lost from the text: {_short(lost)}")


def _score_articles(score: DocumentScore, gold: dict, document: PredictedDocument, theme_codes: dict) -> None:
    gold_articles = gold.get("articles", [])
    precision_sum, recall_sum, line_count = bcubed_sums(gold_articles, document.article_of_line())
    score.counts[B3_PRECISION] = (precision_sum, line_count)
    score.counts[B3_RECALL] = (recall_sum, line_count)
    tally = {name: [0, 0] for name in (ARTICLE_EXACT, HEADLINE_ACCURACY, REPORTER_ACCURACY, JOINS_RECOVERED,
                                       THEME_HIT, THEME_WITHIN, REGION_HIT, REGION_WITHIN)}
    for gold_article in gold_articles:
        match = best_match(gold_article_lines(gold_article), document.articles)
        detail = compare_article(gold_article, match, document.articles, theme_codes)
        score.articles.append(detail)
        for name, outcome in detail["outcomes"].items():
            if outcome is not None:
                tally[name][0] += int(outcome)
                tally[name][1] += 1
        # Joins count one by one: an article may hold several.
        tally[JOINS_RECOVERED][0] += sum(detail["join_outcomes"])
        tally[JOINS_RECOVERED][1] += len(detail["join_outcomes"])
    for name, (num, den) in tally.items():
        score.counts[name] = (num, den)
    predicted_joins = {pair for article in document.articles for pair in article.joins}
    gold_joins = {(int(a), int(b)) for article in gold_articles for a, b in article.get("joins", [])}
    score.counts[JOINS_PRECISION] = (len(predicted_joins & gold_joins), len(predicted_joins))


def _short(numbers: list[int], limit: int = 12) -> str:
    shown = ", ".join(map(str, numbers[:limit]))
    return shown + (f" ... ({len(numbers)} in all)" if len(numbers) > limit else "")
