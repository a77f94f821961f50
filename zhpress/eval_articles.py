"""Gold articles against predicted articles: B-cubed over lines, and per-article outcomes.

A gold article is compared with the predicted article sharing most of its lines.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

from zhpress.eval_names import (
    ARTICLE_EXACT, HEADLINE_ACCURACY, REGION_HIT, REGION_WITHIN, REPORTER_ACCURACY, THEME_HIT, THEME_WITHIN,
)
from zhpress.eval_tables import PredictedArticle


def gold_article_lines(article: dict) -> frozenset[int]:
    """Every source line of a gold article: headline, byline and body lines."""
    parts = ("headline_lines", "byline_lines", "body_lines")
    return frozenset(n for part in parts for n in article.get(part, []))


def normalize_headline(text: str | None) -> str:
    """Compare headlines regardless of whitespace and full/half punctuation width."""
    folded = unicodedata.normalize("NFKC", text or "")
    return "".join(folded.split())


def normalize_name(name: str | None) -> str:
    """A theme name or label folded for comparison."""
    return unicodedata.normalize("NFKC", name or "").strip().casefold()


def bcubed_sums(gold_articles: list[dict], owner: dict[int, str]) -> tuple[float, float, int]:
    """Sums of per-line B-cubed precision and recall over lines of gold articles.

    Predicted clusters are restricted to those lines; a line in no predicted article is a singleton.
    """
    gold_of = {n: i for i, article in enumerate(gold_articles) for n in gold_article_lines(article)}
    predicted_of = {n: owner.get(n, f"singleton:{n}") for n in gold_of}
    gold_size = Counter(gold_of.values())
    predicted_size = Counter(predicted_of.values())
    shared = Counter((gold_of[n], predicted_of[n]) for n in gold_of)
    precision_sum = sum(shared[gold_of[n], predicted_of[n]] / predicted_size[predicted_of[n]] for n in gold_of)
    recall_sum = sum(shared[gold_of[n], predicted_of[n]] / gold_size[gold_of[n]] for n in gold_of)
    return precision_sum, recall_sum, len(gold_of)


def best_match(lines: frozenset[int], articles: list[PredictedArticle]) -> PredictedArticle | None:
    """The predicted article sharing most lines with a gold article (first in order on ties)."""
    best, best_overlap = None, 0
    for article in articles:
        overlap = len(lines & article.lines)
        if overlap > best_overlap:
            best, best_overlap = article, overlap
    return best


def compare_article(gold_article: dict, match: PredictedArticle | None, articles: list[PredictedArticle],
                    theme_codes: dict) -> dict:
    """Outcomes (exact match, headline, reporters, theme, region; None when not countable) and differences."""
    lines = gold_article_lines(gold_article)
    joins = [(int(a), int(b)) for a, b in gold_article.get("joins", [])]
    predicted_joins = match.joins if match else set()
    themes = gold_article.get("themes", [])
    regions = [region["adcode"] for region in gold_article.get("regions", [])]
    theme_label = _theme_label(match) if match else None
    theme_hits = [_theme_matches(name, match, theme_label, theme_codes) for name in themes]
    region = match.primary_region if match else None
    outcomes = {
        ARTICLE_EXACT: any(article.lines == lines for article in articles),
        HEADLINE_ACCURACY: bool(match)
        and normalize_headline(match.headline) == normalize_headline(gold_article.get("headline")),
        REPORTER_ACCURACY: bool(match) and _names(match.reporters) == _names(gold_article.get("reporters", [])),
        THEME_HIT: theme_hits[0] if themes else None,
        THEME_WITHIN: any(theme_hits) if themes else None,
        REGION_HIT: region == regions[0] if regions else None,
        REGION_WITHIN: region in regions if regions else None,
    }
    detail = {
        "gold_id": gold_article.get("id"),
        "predicted_id": match.article_id if match else None,
        "headline": gold_article.get("headline", ""),
        "predicted_headline": match.headline if match else None,
        "reporters": list(gold_article.get("reporters", [])),
        "predicted_reporters": list(match.reporters) if match else None,
        "missing_lines": sorted(lines - match.lines) if match else sorted(lines),
        "extra_lines": sorted(match.lines - lines) if match else [],
        "missed_joins": [list(pair) for pair in joins if pair not in predicted_joins],
        "themes": list(themes),
        "predicted_theme": match.primary_theme if match else None,
        "regions": regions,
        "predicted_region": region,
        "outcomes": outcomes,
        "join_outcomes": [pair in predicted_joins for pair in joins],
    }
    return detail


def _theme_label(article: PredictedArticle) -> str | None:
    for label in article.themes:
        if label.get("code") == article.primary_theme:
            return label.get("label")
    return None


def _theme_matches(name: str, match: PredictedArticle | None, label: str | None, theme_codes: dict) -> bool:
    """A gold theme name matches the predicted primary theme by code, or failing that by label."""
    if match is None or match.primary_theme is None:
        return False
    code = theme_codes.get(normalize_name(name))
    if code is not None:
        return code == match.primary_theme
    return label is not None and normalize_name(label) == normalize_name(name)


def _names(names: list[str]) -> set[str]:
    return {"".join(unicodedata.normalize("NFKC", str(name)).split()) for name in names} - {""}


