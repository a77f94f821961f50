"""Validation gate: suites from expectations/*.json, helper columns, and real GX runs (two: each costs seconds)."""
from __future__ import annotations

import html
import json
import re

import pandas as pd
import pytest

from tasks.quality import quality_signals
from tasks.validate import (
    EXPECTATIONS_DIR,
    SUITE_NAMES,
    articles_frame,
    cjk_ratio,
    lines_frame,
    load_suite_dicts,
    run_frame,
    validate_tables,
)
from tests.publish_tables import ADCODES, THEMES, article_rows, line_rows, make_tables

PREVIOUS_ID = "a00000000000000aa"  # an article of the previous published version


def nulls_as_none(column) -> list:
    """A frame column as a list, NaN (pandas' missing string) as None."""
    return [None if pd.isna(v) else v for v in column]


def run_gate(tables, report_dir, previous_article_ids=()):
    return validate_tables(
        tables["articles"], tables["lines"], tables["lines"].num_rows, tables["rejects"], report_dir,
        allowed_theme_codes=THEMES, gazetteer_adcodes=ADCODES, document_count=2, previous_article_ids=previous_article_ids,
    )


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    articles = article_rows()
    articles[1]["duplicate_of"], articles[1]["near_duplicate_score"] = articles[0]["article_id"], 1.0  # kept copy in this version
    articles[2]["duplicate_of"], articles[2]["near_duplicate_score"] = PREVIOUS_ID, 0.85  # kept copy in the previous version
    report = tmp_path_factory.mktemp("good") / "report"
    return run_gate(make_tables(articles=articles), report, {PREVIOUS_ID}), report


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    articles = article_rows()
    articles[1]["article_id"] = articles[0]["article_id"]  # critical: duplicate key
    articles[2]["text"] = "Shanghai marathon, 38000 runners."  # warning: low CJK ratio
    articles[2]["char_count"] = len(articles[2]["text"])
    articles[2].update(quality_signals(articles[2]))
    articles[0]["duplicate_of"], articles[0]["near_duplicate_score"] = "a00000000000000ee", 0.9  # critical: dangling id
    articles[1]["quality_score"] = 1.5  # critical: out of range
    articles[1]["themes"].append({"code": "<b>x</b>", "label": "?", "score": 0.1})  # critical, and input text to escape
    report = tmp_path_factory.mktemp("bad") / "report"
    return run_gate(make_tables(articles=articles), report, {PREVIOUS_ID}), report


def test_every_expectation_names_its_severity():
    suites = load_suite_dicts()
    assert set(suites) == set(SUITE_NAMES)
    for suite in suites.values():
        for expectation in suite["expectations"]:
            assert expectation["severity"] == expectation["meta"]["severity"] in ("critical", "warning")


def test_suite_files_are_gx_json():
    for name in SUITE_NAMES:
        data = json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text(encoding="utf-8"))
        assert data["name"] == name and data["expectations"]


def test_good_tables_pass(good):
    outcome, report = good
    assert outcome.success, outcome.critical_failures
    assert outcome.critical_failures == [] and outcome.warnings == []
    assert set(outcome.summary) == set(SUITE_NAMES)
    assert all(s["failed"] == 0 and s["evaluated"] == s["passed"] > 0 for s in outcome.summary.values())


def test_data_docs_and_results_written(good):
    outcome, report = good
    assert outcome.docs_index_path == report.resolve() / "index.html"
    results = json.loads(outcome.results_path.read_text(encoding="utf-8"))
    assert results["success"] is True and set(results["suites"]) == set(SUITE_NAMES)
    pages = list((report / "validations").rglob("*.html"))
    assert len(pages) == len(SUITE_NAMES)
    assert "observed" in pages[0].read_text(encoding="utf-8").lower()
    gx_index = (report / "gx-index.html").read_text(encoding="utf-8")
    assert all(name in gx_index for name in SUITE_NAMES)


def test_data_docs_index_shows_every_expectation_with_observed_values(good):
    outcome, report = good
    index = outcome.docs_index_path.read_text(encoding="utf-8")
    suites = load_suite_dicts()
    rows = re.findall(r'<tr class="(met|fail-critical|fail-warning)">', index)
    assert len(rows) == sum(len(s["expectations"]) for s in suites.values())
    assert set(rows) == {"met"}
    for suite in suites.values():
        for expectation in suite["expectations"]:
            assert expectation["type"] in index
    assert "observed 3" in index  # articles: expect_table_row_count_to_be_between
    assert "observed 9" in index  # lines: row count equals the non-blank lines ingested
    assert "0 unexpected (0.0%) of 3" in index
    for link in re.findall(r'href="(validations/[^"]+)"', index):
        assert (report / link).is_file()
    assert len(set(re.findall(r'href="(validations/[^"]+)"', index))) == len(SUITE_NAMES)


def test_duplicate_of_may_name_this_or_the_previous_version(good):
    outcome, _ = good
    assert outcome.success, outcome.critical_failures


def test_data_docs_index_shows_failures_escaped(bad):
    outcome, report = bad
    index = outcome.docs_index_path.read_text(encoding="utf-8")
    assert "FAILED" in index and 'class="fail-critical"' in index and 'class="fail-warning"' in index
    assert "<b>x</b>" not in index and html.escape("<b>x</b>", quote=False) in index
    assert "a00000000000000ee" in index


def test_duplicate_article_id_fails_critically_and_low_cjk_warns(bad):
    outcome, _ = bad
    assert not outcome.success
    assert any("expect_column_values_to_be_unique(article_id" in f for f in outcome.critical_failures)
    assert any("cjk_ratio" in w for w in outcome.warnings)
    assert not any("cjk_ratio" in f for f in outcome.critical_failures)
    assert outcome.summary["articles"]["failed"] >= 2


def test_dangling_duplicate_of_and_out_of_range_signal_block(bad):
    outcome, _ = bad
    assert any("duplicate_of_unknown" in f and "a00000000000000ee" in f for f in outcome.critical_failures)
    assert any("be_between(quality_score;" in f and "[1.5]" in f for f in outcome.critical_failures)


@pytest.mark.parametrize(
    "text, ratio",
    [("北京市今日起供暖。", 8 / 9), ("GDP增长5%", 2 / 7), ("", None), ("  ", None), ("𠮷野家", 1.0), ("abc", 0.0)],
)
def test_cjk_ratio(text, ratio):
    assert cjk_ratio(text) == (None if ratio is None else pytest.approx(ratio))


def test_article_helper_columns_show_the_offending_codes():
    rows = article_rows()
    rows[0]["themes"].append({"code": "medtop:99999999", "label": "?", "score": 0.1})
    rows[1]["regions"] = [{"adcode": "1100", "name": "北京", "level": "province", "mentions": 1}]
    rows[2]["is_complete"], rows[2]["headline"], rows[2]["text"] = False, "", ""
    rows[0]["text"] = " "
    rows[1]["tokens"] = []
    rows[1]["duplicate_of"], rows[2]["duplicate_of"] = "a0000000000000009", "a0000000000000001"
    frame = articles_frame(make_tables(articles=rows)["articles"], THEMES, ADCODES)
    assert frame["theme_codes_outside_taxonomy"].tolist()[0] == "medtop:99999999"
    assert frame["adcodes_not_six_digits"].tolist()[1] == "1100"
    assert frame["adcodes_outside_gazetteer"].tolist()[1] == "1100"
    assert frame["complete_has_headline"].tolist() == [True, True, None]
    assert frame["token_count_derived"].tolist()[1] == 0
    assert frame["complete_has_text"].tolist() == [False, True, None]
    assert frame["cjk_ratio"].isna().tolist() == [True, False, True]
    assert frame["duplicate_of"].isna().tolist() == [True, False, False]


def test_line_helper_columns():
    lines = line_rows()
    lines[0]["article_id"] = "a9999999999999999"
    lines[-1]["reason"] = None
    lines[1]["article_id"] = None
    tables = make_tables(lines=lines)
    ids = set(tables["articles"].column("article_id").to_pylist())
    frame = lines_frame(tables["lines"], ids)
    assert frame["article_id_outside_articles"].tolist()[0] == "a9999999999999999"
    assert frame["dropped_without_reason"].tolist()[-1]
    assert frame["article_role_without_article"].tolist()[1]


def test_reject_rate_counts_rejected_files_against_files_found():
    tables = make_tables()
    frame = run_frame(tables["lines"], tables["rejects"], document_count=4)
    assert frame["reject_rate"].tolist() == [0.0]
    assert frame["documents_published"].tolist() == [2]


@pytest.mark.parametrize(
    "marks, previous, unknown, chained, consistent",
    [
        ([(None, 0.0), (None, 0.0), (None, 0.0)], set(), [None] * 3, [None] * 3, [True] * 3),
        ([(None, 0.0), ("a0000000000000001", 1.0), (PREVIOUS_ID, 0.9)], {PREVIOUS_ID}, [None] * 3, [None] * 3, [True] * 3),
        ([(None, 0.0), (None, 0.0), (PREVIOUS_ID, 0.9)], set(), [None, None, PREVIOUS_ID], [None] * 3, [True] * 3),
        ([("a0000000000000001", 1.0), (None, 0.0), (None, 0.0)], set(), ["a0000000000000001", None, None], ["a0000000000000001", None, None], [True] * 3),
        ([(None, 0.0), ("a0000000000000001", 1.0), ("a0000000000000002", 0.9)], set(), [None] * 3, [None, None, "a0000000000000002"], [True] * 3),
        ([(None, 0.5), ("a0000000000000001", 0.0), (None, None)], set(), [None] * 3, [None] * 3, [False, False, None]),
    ],
    ids=["originals", "this-and-previous", "dangling", "self", "chain", "scores"],
)
def test_duplicate_helper_columns(marks, previous, unknown, chained, consistent):
    rows = article_rows()
    for row, (target, score) in zip(rows, marks):
        row["duplicate_of"], row["near_duplicate_score"] = target, score
    frame = articles_frame(make_tables(articles=rows)["articles"], THEMES, ADCODES, previous)
    assert nulls_as_none(frame["duplicate_of_unknown"]) == unknown
    assert nulls_as_none(frame["duplicate_of_a_duplicate"]) == chained
    assert frame["near_duplicate_score_consistent"].tolist() == consistent


def test_ocr_flag_count_matches_the_flags():
    rows = article_rows()
    rows[0]["quality_flags"], rows[0]["ocr_flag_count"] = [{"flag": "broken_char", "count": 2}], 2
    rows[1]["quality_flags"], rows[1]["ocr_flag_count"] = [{"flag": "broken_char", "count": 2}], 0
    frame = articles_frame(make_tables(articles=rows)["articles"], THEMES, ADCODES)
    assert frame["ocr_flag_count_matches_flags"].tolist() == [True, False, True]


def test_reject_rate_uses_files_found_when_given():
    tables = make_tables()
    frame = run_frame(tables["lines"], tables["rejects"], document_count=4)
    assert frame["documents_found"].tolist() == [4]


def test_object_strings_is_scoped():
    from tasks.validate_gx import _object_strings

    before = pd.Series(["甲", "乙"]).dtype
    with _object_strings():
        pass
    assert pd.Series(["甲", "乙"]).dtype == before  # pandas' string inference is restored after GX runs
