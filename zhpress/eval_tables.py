"""Predicted rows of one document, read from the published tables for scoring.

The tables arrive as pandas DataFrames (read from Parquet, where list columns
come back as numpy arrays) or as lists of row dicts from `process_document`;
both become the plain Python structures below.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

import pandas as pd

from tasks.schema import ACTION_DROPPED, NON_CONTENT_ROLES


@dataclass
class PredictedArticle:
    """One predicted article with the fields the metrics read."""

    article_id: str
    lines: frozenset[int]
    headline: str
    reporters: list[str]
    joins: set[tuple[int, int]]
    primary_theme: str | None
    themes: list[dict]
    primary_region: str | None
    outside_source_lines: frozenset[int] = frozenset()  # lines the lines table adds to source_lines


@dataclass
class PredictedDocument:
    """Predicted rows of one source document."""

    line_rows: dict[int, list[dict]] = field(default_factory=dict)  # line_no -> rows (more than one is an error)
    articles: list[PredictedArticle] = field(default_factory=list)

    def non_content_lines(self) -> set[int]:
        """Lines predicted as not article content: a non-content role or no article."""
        return {
            line_no
            for line_no, rows in self.line_rows.items()
            if any(row.get("role") in NON_CONTENT_ROLES or _missing(row.get("article_id")) for row in rows)
        }

    def article_of_line(self) -> dict[int, str]:
        """line_no -> predicted article id, from the articles' source_lines (first article wins)."""
        owner: dict[int, str] = {}
        for article in self.articles:
            for line_no in article.lines:
                owner.setdefault(line_no, article.article_id)
        return owner


def as_records(table: pd.DataFrame | list[dict] | None) -> list[dict]:
    """Rows of a DataFrame or a list of dicts, as plain dicts."""
    if table is None:
        return []
    if isinstance(table, pd.DataFrame):
        return table.to_dict("records")
    return list(table)


def rows_of_document(rows: list[dict], seed: str) -> list[dict]:
    """Rows whose source_file names the gold's seed (by file name: input folders differ)."""
    return [row for row in rows if PurePosixPath(str(row.get("source_file", ""))).name == seed]


def predicted_document(line_rows: list[dict], article_rows: list[dict]) -> PredictedDocument:
    """Group one document's line rows by line number and read its articles."""
    document = PredictedDocument()
    for row in line_rows:
        document.line_rows.setdefault(int(row["line_no"]), []).append(row)
    for row in article_rows:
        document.articles.append(_article(row, line_rows))
    return document


def _article(row: dict, line_rows: list[dict]) -> PredictedArticle:
    article_id = str(row.get("article_id"))
    source_lines = {int(n) for n in as_list(row.get("source_lines"))}
    # Lines the lines table gives to the article with an article role (a subhead, a dateline)
    # are its content even when source_lines leaves them out; the difference is reported.
    claimed = {
        int(r["line_no"]) for r in line_rows
        if r.get("article_id") == article_id and r.get("role") not in NON_CONTENT_ROLES
        and r.get("action") != ACTION_DROPPED
    }
    return PredictedArticle(
        article_id=article_id,
        lines=frozenset(source_lines | claimed),
        outside_source_lines=frozenset(claimed - source_lines),
        headline=_text(row.get("headline")),
        reporters=[str(name) for name in as_list(row.get("reporters"))],
        joins={(int(pair[0]), int(pair[1])) for pair in as_list(row.get("joins")) if len(as_list(pair)) == 2},
        primary_theme=None if _missing(row.get("primary_theme")) else str(row.get("primary_theme")),
        themes=[dict(label) for label in as_list(row.get("themes"))],
        primary_region=None if _missing(row.get("primary_region")) else str(row.get("primary_region")),
    )


def as_list(value) -> list:
    """A list column's value (list, numpy array or null) as a list."""
    if value is None:
        return []
    if isinstance(value, float) and pd.isna(value):
        return []
    return list(value)


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text(value) -> str:
    return "" if _missing(value) else str(value)
