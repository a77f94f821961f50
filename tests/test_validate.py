"""Validation gate: suites from expectations/*.json, helper columns, and real GX runs (few: each costs seconds)."""
from __future__ import annotations

import json

import pytest

from tasks.validate import (
    EXPECTATIONS_DIR,
    SUITE_NAMES,
    _cjk_ratio,
    articles_frame,
    lines_frame,
    load_suite_dicts,
    run_frame,
    validate_tables,
)
from tests.publish_tables import ADCODES, THEMES, article_rows, line_rows, make_tables


def run_gate(tables, report_dir, ingested=None):
    return validate_tables(
        tables["articles"], tables["lines"], tables["lines"].num_rows if ingested is None else ingested,
        tables["rejects"], report_dir, allowed_theme_codes=THEMES, gazetteer_adcodes=ADCODES,
    )


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    report = tmp_path_factory.mktemp("good") / "report"
    return run_gate(make_tables(), report), report


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    articles = article_rows()
    articles[1]["article_id"] = articles[0]["article_id"]  # critical: duplicate key
    articles[2]["text"] = "Shanghai marathon, 38000 runners."  # warning: low CJK ratio
    articles[2]["char_count"] = len(articles[2]["text"])
    report = tmp_path_factory.mktemp("bad") / "report"
    return run_gate(make_tables(articles=articles), report), report


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
    index = outcome.docs_index_path.read_text(encoding="utf-8")
    for name in SUITE_NAMES:
        assert name in index
    results = json.loads(outcome.results_path.read_text(encoding="utf-8"))
    assert results["success"] is True and set(results["suites"]) == set(SUITE_NAMES)
    pages = list((report / "validations").rglob("*.html"))
    assert len(pages) == len(SUITE_NAMES)
    assert "observed" in pages[0].read_text(encoding="utf-8").lower()


def test_duplicate_article_id_fails_critically_and_low_cjk_warns(bad):
    outcome, _ = bad
    assert not outcome.success
    assert any("expect_column_values_to_be_unique(article_id" in f for f in outcome.critical_failures)
    assert any("cjk_ratio" in w for w in outcome.warnings)
    assert not any("cjk_ratio" in f for f in outcome.critical_failures)
    assert outcome.summary["articles"]["failed"] >= 2


@pytest.mark.parametrize(
    "text, ratio",
    [("北京市今日起供暖。", 8 / 9), ("GDP增长5%", 2 / 7), ("", None), ("  ", None), ("𠮷野家", 1.0), ("abc", 0.0)],
)
def test_cjk_ratio(text, ratio):
    assert _cjk_ratio(text) == (None if ratio is None else pytest.approx(ratio))


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
