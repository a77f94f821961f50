"""Counts and distributions the dataset card reports: themes, regions, duplicates, quality signals."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pyarrow as pa

QUANTILES = (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0)
SCORE_THRESHOLDS = (0.3, 0.5, 0.7, 0.9)  # "articles at or above": a starting point for users' own filters


def theme_counts(articles: pa.Table) -> list[tuple[str, str, int]]:
    """(code, label, articles) by primary theme, most frequent first; label from the themes column."""
    return _primary_counts(articles, "themes", "code", "label", "primary_theme")


def region_counts(articles: pa.Table) -> list[tuple[str, str, int]]:
    """(adcode, name, articles) by primary region, most frequent first."""
    return _primary_counts(articles, "regions", "adcode", "name", "primary_region")


def _primary_counts(articles: pa.Table, entries: str, key: str, label: str, primary: str) -> list[tuple[str, str, int]]:
    """(key, label, articles) by the `primary` column; labels from the first `entries` struct naming each key."""
    labels = {}
    for items in articles.column(entries).to_pylist():
        for item in items or []:
            labels.setdefault(item[key], item[label])
    counts = Counter(c or "(none)" for c in articles.column(primary).to_pylist())
    return [(code, labels.get(code, ""), n) for code, n in counts.most_common()]


def _column(table: pa.Table, name: str) -> list:
    return table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows


def duplicate_counts(articles: pa.Table) -> dict[str, int]:
    """How many articles are marked duplicates, of a kept copy in this version or in the previous one."""
    ids = set(articles.column("article_id").to_pylist())
    marks = [(t, s) for t, s in zip(_column(articles, "duplicate_of"), _column(articles, "near_duplicate_score")) if t]
    return {
        "articles": articles.num_rows,
        "duplicates": len(marks),
        "of_this_version": sum(t in ids for t, _ in marks),
        "of_previous_version": sum(t not in ids for t, _ in marks),
        "similarity_1": sum(s is not None and s >= 1.0 for _, s in marks),
        "kept_copies": len({t for t, _ in marks}),
        "with_repeated_paragraphs": sum(1 for n in _column(articles, "repeated_paragraphs") if n),
    }


def duplicate_examples(articles: pa.Table, limit: int) -> list[dict]:
    """Up to `limit` duplicates (most similar first): article_id, headline, duplicate_of, score, in this version."""
    ids = articles.column("article_id").to_pylist()
    present = set(ids)
    columns = zip(ids, articles.column("headline").to_pylist(), _column(articles, "duplicate_of"), _column(articles, "near_duplicate_score"))
    rows = [
        {"article_id": a, "headline": h, "duplicate_of": t, "score": s, "kept_here": t in present} for a, h, t, s in columns if t
    ]
    return sorted(rows, key=lambda r: (-(r["score"] or 0), r["article_id"]))[:limit]


def signal_quantiles(articles: pa.Table, columns: tuple[str, ...]) -> list[tuple[str, list[float], int]]:
    """(column, values at QUANTILES, nulls) for each signal column the table has."""
    rows = []
    for name in columns:
        if name not in articles.column_names:
            continue
        values = np.array([v for v in articles.column(name).to_pylist() if v is not None], dtype=float)
        nulls = articles.num_rows - len(values)
        rows.append((name, [float(q) for q in np.quantile(values, QUANTILES)] if len(values) else [], nulls))
    return rows


def score_thresholds(articles: pa.Table, column: str = "quality_score") -> list[tuple[float, int]]:
    """(threshold, articles with `column` at or above it) for SCORE_THRESHOLDS."""
    values = [v for v in _column(articles, column) if v is not None]
    return [(t, sum(v >= t for v in values)) for t in SCORE_THRESHOLDS]


def median(values: pa.ChunkedArray) -> object:
    """The middle value (upper middle for an even count), None when empty."""
    ordered = sorted(v for v in values.to_pylist() if v is not None)
    return ordered[len(ordered) // 2] if ordered else None
