"""pipeline: the per-document chain on a real seed, its rows and its contract."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from tasks import ingest, pipeline
from tasks.quality import QUALITY_COLUMNS
from tasks.schema import ARTICLES_SCHEMA, LINES_SCHEMA
from tasks.tokenize import tokenize

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seed_result():
    path = sorted(SEEDS.iterdir())[0]
    doc = ingest.read_document(path, SEEDS)
    return doc, pipeline.process_document(doc)


def test_article_id_is_stable_and_depends_on_lines():
    first = pipeline.article_id("a.txt", "ff" * 32, [1, 2, 3])
    assert first == pipeline.article_id("a.txt", "ff" * 32, [1, 2, 3])
    assert first.startswith("a") and len(first) == 17
    assert first != pipeline.article_id("a.txt", "ff" * 32, [1, 2])
    assert first != pipeline.article_id("b.txt", "ff" * 32, [1, 2, 3])


def test_rows_cover_the_table_columns(seed_result):
    doc, result = seed_result
    assert result.source_file == doc.source_file and result.sha256 == doc.sha256
    assert result.article_rows and result.line_rows
    article_columns = set(ARTICLES_SCHEMA.names) - {"dataset_version", "duplicate_of", "near_duplicate_score"}
    for row in result.article_rows:
        assert article_columns <= set(row), article_columns - set(row)
        assert set(QUALITY_COLUMNS) <= set(row)
    line_columns = set(LINES_SCHEMA.names) - {"dataset_version"}
    assert all(line_columns <= set(row) for row in result.line_rows)


def test_one_line_row_per_non_blank_line_and_counts_add_up(seed_result):
    doc, result = seed_result
    non_blank = [i for i, line in enumerate(doc.lines, 1) if line.strip()]
    assert sorted(row["line_no"] for row in result.line_rows) == non_blank
    counts = result.stage_counts
    assert counts["lines_in"] == len(result.line_rows)
    assert counts["articles_out"] == len(result.article_rows)
    assert sum(v for k, v in counts.items() if k.startswith("role_")) == len(result.line_rows)


def test_tokens_are_those_of_headline_and_text(seed_result):
    _, result = seed_result
    for row in result.article_rows:
        source = f"{row['headline']}\n{row['text']}" if row["headline"] else row["text"]
        assert row["tokens"] == tokenize(source)
        assert row["token_count"] == len(row["tokens"]) and row["char_count"] == len(row["text"])


def test_deterministic_and_picklable(seed_result):
    doc, result = seed_result
    again = pipeline.process_document(doc)
    assert again == result
    assert pickle.loads(pickle.dumps(result)) == result
