"""The frames GX validates: published scalar columns plus helper columns derived from list columns.

GX checks scalar columns only, so list columns are first turned into helper columns
(counts, booleans, or the offending values joined in a string, null when none).
Cross-table and cross-version facts (does a line's article exist? does duplicate_of name an
article of this or the previous version?) become helper columns too: a value_set parameter
holding every article id would copy the ids into results.json and the Data Docs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tasks.schema import ACTION_DROPPED, ARTICLE_ROLES

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
ADCODE = re.compile(r"^[0-9]{6}$")
# Quality signals published as they are (tasks/quality.py); their ranges are checked in expectations/articles.json.
SIGNAL_COLUMNS = (
    "punctuation_ratio", "mean_sentence_length", "char_repetition_ratio", "word_repetition_ratio",
    "joined_line_share", "ocr_flag_count", "repeated_paragraphs", "quality_score", "duplicate_of", "near_duplicate_score",
)


def _joined(values: list[str]) -> str | None:
    return ",".join(values) if values else None


def to_object_frame(table: pa.Table) -> pd.DataFrame:
    """`table` as pandas with strings as Python objects, not Arrow-backed `str` columns (pandas 3's default).

    GX filters the whole frame for every column it checks (nulls out); filtering an Arrow string
    column copies its bytes, so the articles' texts were copied about 40 times per validation.
    """
    columns = {}
    for name, column in zip(table.column_names, table.columns):
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            columns[name] = pd.Series(column.to_pylist(), dtype=object)
        else:
            columns[name] = column.to_pandas()
    return pd.DataFrame(columns)


def optional_column(table: pa.Table, name: str) -> list:
    """A column's values, or nulls when the table predates the column."""
    return table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows


def cjk_ratio(text: str | None) -> float | None:
    """Share of CJK characters among non-space characters; None for empty text (checked elsewhere)."""
    visible = "".join((text or "").split())
    return len(CJK.findall(visible)) / len(visible) if visible else None


def articles_frame(
    articles: pa.Table, allowed_theme_codes: set[str], gazetteer_adcodes: set[str], previous_article_ids: Iterable[str] = ()
) -> pd.DataFrame:
    """The article columns GX checks, plus scalar helper columns derived from text and list columns."""
    frame = to_object_frame(
        articles.select(["article_id", "text", "char_count", "is_complete", "primary_theme", "primary_region", "dataset_version"])
    )
    texts = frame["text"].tolist()  # the frame's own strings: converting the column again held the texts twice
    complete = articles.column("is_complete").to_pylist()
    frame["char_count_matches_text"] = [
        (t is not None and n == len(t)) for t, n in zip(texts, articles.column("char_count").to_pylist())
    ]
    # The published cjk_ratio where the table has one (what users get), else measured here; None for empty text.
    published = optional_column(articles, "cjk_ratio")
    frame["cjk_ratio"] = [
        None if not (t or "").strip() else r if r is not None else cjk_ratio(t) for t, r in zip(texts, published)
    ]
    for name in SIGNAL_COLUMNS:
        frame[name] = optional_column(articles, name)
    frame["complete_has_text"] = [(bool(t and t.strip()) if c else None) for t, c in zip(texts, complete)]
    frame["complete_has_headline"] = [
        (bool(h and h.strip()) if c else None) for h, c in zip(articles.column("headline").to_pylist(), complete)
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
    _add_duplicate_columns(frame, articles, set(previous_article_ids))
    frame["ocr_flag_count_matches_flags"] = _flag_count_matches(articles)
    return frame


def _add_duplicate_columns(frame: pd.DataFrame, articles: pa.Table, previous_ids: set[str]) -> None:
    """duplicate_of must name another article of this version or of the previous one, and a kept copy."""
    ids = articles.column("article_id").to_pylist()
    targets = optional_column(articles, "duplicate_of")
    scores = optional_column(articles, "near_duplicate_score")
    known, marks = set(ids) | previous_ids, dict(zip(ids, targets))
    frame["duplicate_of_unknown"] = [
        t if t is not None and (t == aid or t not in known) else None for aid, t in zip(ids, targets)
    ]
    # A kept copy in this version is itself an original: no chains of duplicates.
    frame["duplicate_of_a_duplicate"] = [t if t is not None and marks.get(t) is not None else None for t in targets]
    # near_duplicate_score is 0 for originals and the similarity (0, 1] for duplicates; null score: not checked.
    frame["near_duplicate_score_consistent"] = [
        None if s is None else (s == 0 if t is None else 0 < s <= 1) for t, s in zip(targets, scores)
    ]


def _flag_count_matches(articles: pa.Table) -> list[bool | None]:
    """ocr_flag_count equals the sum of the counts in quality_flags (None when the table has no such column)."""
    counts = optional_column(articles, "ocr_flag_count")
    flags = articles.column("quality_flags").to_pylist()
    return [None if n is None else n == sum(f["count"] or 0 for f in fs or []) for n, fs in zip(counts, flags)]


def lines_frame(lines: pa.Table, article_ids: set[str]) -> pd.DataFrame:
    """The line columns GX checks, plus helper columns linking lines to articles."""
    frame = to_object_frame(
        lines.select(["source_file", "line_no", "text", "role", "action", "article_id", "reason", "content_score", "dataset_version"])
    )
    ids, roles = lines.column("article_id").to_pylist(), lines.column("role").to_pylist()
    frame["article_id_outside_articles"] = [i if i is not None and i not in article_ids else None for i in ids]
    frame["dropped_without_reason"] = [
        a == ACTION_DROPPED and not (r or "").strip()
        for a, r in zip(lines.column("action").to_pylist(), lines.column("reason").to_pylist())
    ]
    frame["article_role_without_article"] = [r in ARTICLE_ROLES and i is None for r, i in zip(roles, ids)]
    return frame.drop(columns=["reason"])


def run_frame(lines: pa.Table, rejects: pa.Table, document_count: int | None) -> pd.DataFrame:
    """One row describing the run: files found, rejected, published, and the reject rate.

    `document_count` is the number of files found (documents read + files rejected); without it
    the files found are estimated as the documents that have lines plus the rejects.
    """
    published = len(pc.unique(lines.column("source_file"))) if lines.num_rows else 0
    found = document_count if document_count is not None else published + rejects.num_rows
    rate = rejects.num_rows / found if found else 1.0
    return pd.DataFrame(
        {"documents_found": [found], "documents_rejected": [rejects.num_rows], "documents_published": [published], "reject_rate": [rate]}
    )
