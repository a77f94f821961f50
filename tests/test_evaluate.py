"""Scoring against gold annotations, on a tiny page written for these tests (tests/fixtures/evaluate)."""
from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from zhpress.eval_articles import normalize_headline
from zhpress.eval_names import (
    ARTICLE_EXACT, B3_F1, B3_PRECISION, B3_RECALL, BODY_LINES_KEPT, HEADLINE_ACCURACY, JOINS_PRECISION,
    JOINS_RECOVERED, LINES_ACCOUNTED, NON_CONTENT_PRECISION, NON_CONTENT_RECALL, REGION_HIT, REGION_WITHIN,
    REPORTER_ACCURACY, THEME_HIT, THEME_WITHIN,
)
from zhpress.eval_taxonomy import theme_name_codes
from zhpress.evaluate import aggregate, format_report, run_evaluate, score_document

FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"
PAGE_GOLD = json.loads((FIXTURES / "page.json").read_text(encoding="utf-8"))
MENU_GOLD = json.loads((FIXTURES / "menu.json").read_text(encoding="utf-8"))
LABELS = {"medtop:04000000": "economy, business and finance", "medtop:06000000": "environment",
          "medtop:11000000": "politics"}
CODES = {label: code for code, label in LABELS.items()}
PAGE_LINES = (1, 3, 4, 5, 7, 8, 9, 10, 11)  # the non-blank lines of page.txt


def article(article_id, lines, headline, reporters=(), joins=(), theme=None, region=None, source_file="page.txt"):
    """An articles-table row with the columns the scores read."""
    return {
        "article_id": article_id, "source_file": source_file, "headline": headline, "reporters": list(reporters),
        "source_lines": list(lines), "joins": [list(pair) for pair in joins], "primary_theme": theme,
        "themes": [{"code": theme, "label": LABELS[theme], "score": 0.9}] if theme else [],
        "primary_region": region, "regions": [], "is_complete": True,
    }


def line_rows(owner: dict[int, str | None], lines=PAGE_LINES, roles=None, dropped=(), source_file="page.txt"):
    """Lines-table rows: one per line number, body when in an article, boilerplate otherwise."""
    roles = roles or {}
    return [
        {"source_file": source_file, "line_no": n, "role": roles.get(n, "body" if owner.get(n) else "boilerplate"),
         "article_id": owner.get(n), "action": "dropped" if n in dropped or not owner.get(n) else "kept"}
        for n in lines
    ]


def perfect():
    articles = [
        article("A", [3, 4, 5, 7], "新区建成智能工厂", ["李明"], [(5, 7)], "medtop:04000000", "120116"),
        article("B", [8, 9, 10], "河湖治理取得新进展！", [], [], "medtop:06000000", "120000"),
    ]
    owner = {3: "A", 4: "A", 5: "A", 7: "A", 8: "B", 9: "B", 10: "B"}
    return line_rows(owner, roles={3: "headline", 4: "byline", 8: "headline"}), articles


def test_perfect_prediction_scores_one_everywhere():
    lines, articles = perfect()
    rates = score_document(PAGE_GOLD, pd.DataFrame(lines), pd.DataFrame(articles), theme_codes=CODES).rates()
    assert all(value == pytest.approx(1.0) for value in rates.values())


def test_line_moved_to_another_article():
    lines, articles = perfect()
    articles[0]["source_lines"], articles[0]["joins"] = [3, 4, 5], []
    articles[1]["source_lines"] = [7, 8, 9, 10]
    lines[4]["article_id"] = "B"  # line 7
    score = score_document(PAGE_GOLD, lines, articles, theme_codes=CODES)
    rates = score.rates()
    # Gold {3,4,5,7} {8,9,10} against predicted {3,4,5} {7,8,9,10}: per-line precision sums to
    # 3*1 + 1/4 + 3*3/4 = 5.5 over 7 lines, and recall to 3*3/4 + 1/4 + 3*1 = 5.5.
    assert score.counts[B3_PRECISION] == (pytest.approx(5.5), 7)
    assert rates[B3_PRECISION] == rates[B3_RECALL] == rates[B3_F1] == pytest.approx(5.5 / 7)
    assert rates[ARTICLE_EXACT] == 0.0
    assert rates[JOINS_RECOVERED] == 0.0
    assert rates[HEADLINE_ACCURACY] == 1.0  # each gold article still matches its own predicted one
    assert score.articles[0]["missing_lines"] == [7] and score.articles[1]["extra_lines"] == [7]


def test_line_in_no_article_is_a_singleton():
    lines, articles = perfect()
    articles[1]["source_lines"] = [8, 9]  # line 10 lost from B
    lines[7].update(article_id=None, role="furniture", action="dropped")
    rates = score_document(PAGE_GOLD, lines, articles).rates()
    # B's lines: 8 and 9 see {8,9} (precision 1, recall 2/3); 10 alone (precision 1, recall 1/3).
    assert rates[B3_PRECISION] == pytest.approx(1.0)
    assert rates[B3_RECALL] == pytest.approx((4 + 2 / 3 + 2 / 3 + 1 / 3) / 7)
    assert rates[BODY_LINES_KEPT] == pytest.approx(3 / 4)
    assert rates[ARTICLE_EXACT] == 0.5


def test_missed_join_and_spurious_join():
    lines, articles = perfect()
    articles[0]["joins"] = []
    articles[1]["joins"] = [[9, 10]]
    rates = score_document(PAGE_GOLD, lines, articles).rates()
    assert rates[JOINS_RECOVERED] == 0.0
    assert rates[JOINS_PRECISION] == 0.0
    assert rates[ARTICLE_EXACT] == 1.0 and rates[B3_F1] == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("新区建成智能工厂 ", "新区建成智能工厂", True),
        ("河湖治理取得新进展!", "河湖治理取得新进展！", True),  # punctuation width
        ("盘活存量空间　孕育发展动能", "盘活存量空间 孕育发展动能", True),  # ideographic space
        ("本报记者 李明", "新区建成智能工厂", False),
        ("", "", True),  # an article whose head is lost
    ],
)
def test_headline_normalisation(predicted, gold, same):
    assert (normalize_headline(predicted) == normalize_headline(gold)) is same


def test_wrong_headline_and_reporters():
    lines, articles = perfect()
    articles[0]["headline"] = "本报记者 李明"
    articles[1]["reporters"] = ["王红"]
    score = score_document(PAGE_GOLD, lines, articles)
    assert score.rates()[HEADLINE_ACCURACY] == 0.5
    assert score.rates()[REPORTER_ACCURACY] == 0.5
    assert score.articles[0]["predicted_headline"] == "本报记者 李明"


def test_non_content_precision_and_recall():
    lines, articles = perfect()
    articles[1]["source_lines"] = [8, 9, 10, 11]  # the caption taken as body
    owner = {3: "A", 5: "A", 7: "A", 8: "B", 9: "B", 10: "B", 11: "B"}  # the byline left out
    lines = line_rows(owner, roles={4: "metadata"})
    articles[0]["source_lines"] = [3, 5, 7]
    rates = score_document(PAGE_GOLD, lines, articles).rates()
    # predicted non-content {1, 4}; gold boilerplate {1, 11}
    assert rates[NON_CONTENT_PRECISION] == 0.5
    assert rates[NON_CONTENT_RECALL] == 0.5


def test_lines_accounted_for():
    lines, articles = perfect()
    lines = [row for row in lines if row["line_no"] != 10]
    lines.append(dict(lines[-2]))  # line 9 twice
    lines.append({**lines[0], "line_no": 2})  # a row for a blank line
    score = score_document(PAGE_GOLD, lines, articles, non_blank_lines=set(PAGE_LINES))
    assert score.counts[LINES_ACCOUNTED] == (7, 9)
    assert any("several rows: 9" in problem for problem in score.problems)
    assert any("blank or absent lines: 2" in problem for problem in score.problems)


def test_themes_and_regions_hit_and_within():
    lines, articles = perfect()
    articles[1]["primary_theme"] = "medtop:11000000"  # gold: environment, politics
    articles[1]["themes"] = [{"code": "medtop:11000000", "label": "politics", "score": 0.8}]
    articles[0]["primary_region"] = "120000"  # gold: 120116, 120000
    for codes in (CODES, None):  # by code, and by the predicted label when no name table is given
        rates = score_document(PAGE_GOLD, lines, articles, theme_codes=codes).rates()
        assert (rates[THEME_HIT], rates[THEME_WITHIN]) == (0.5, 1.0)
        assert (rates[REGION_HIT], rates[REGION_WITHIN]) == (0.5, 1.0)


def test_rows_of_other_files_are_ignored():
    lines, articles = perfect()
    other = [{**row, "source_file": "sub/other.txt"} for row in lines]
    moved = [{**row, "source_file": "seeds/page.txt"} for row in articles]
    rates = score_document(PAGE_GOLD, lines + other, moved).rates()
    assert rates[ARTICLE_EXACT] == 1.0 and rates[LINES_ACCOUNTED] == 1.0


def test_aggregate_micro_and_per_kind():
    lines, articles = perfect()
    page = score_document(PAGE_GOLD, lines, articles)
    menu_lines = line_rows({3: "M"}, lines=(1, 3), source_file="menu.txt")
    menu = score_document(MENU_GOLD, menu_lines, [article("M", [3], "联系我们", source_file="menu.txt")])
    assert menu.rates()[NON_CONTENT_RECALL] == 0.5
    summary = aggregate([page, menu])
    overall = summary["overall"]
    assert overall["counts"][NON_CONTENT_RECALL] == [3, 4]
    assert overall["rates"][NON_CONTENT_RECALL] == 0.75
    assert overall["rates"][NON_CONTENT_PRECISION] == 1.0
    assert overall["rates"][ARTICLE_EXACT] == 1.0  # the menu page has no gold article to count
    assert list(summary["by_kind"]) == ["ocr_newspaper_page", "web_page"]
    assert summary["by_kind"]["web_page"]["rates"][ARTICLE_EXACT] is None
    assert (overall["gold_articles"], overall["predicted_articles"]) == (2, 3)


def test_run_evaluate_on_a_published_version(tmp_path):
    from tasks.tables import articles_table, lines_table

    lines, articles = perfect()
    for row in lines:
        row.update(text="x", clean_text="x", reason=None, content_score=1.0)
    for row in articles:
        row.update(char_count=1, text="x")
    version = tmp_path / "news" / "v1"
    version.mkdir(parents=True)
    pq.write_table(lines_table(lines, "v1"), version / "lines.parquet")
    pq.write_table(articles_table(articles, "v1"), version / "articles.parquet")
    (tmp_path / "news" / "LATEST").write_text("v1\n")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "page.json").write_text(json.dumps(PAGE_GOLD, ensure_ascii=False), encoding="utf-8")
    result = run_evaluate(gold, [FIXTURES], version_path=tmp_path / "news")
    assert result["mode"] == "version" and result["problems"] == []
    assert all(value == pytest.approx(1.0) for value in result["overall"]["rates"].values())
    json.dumps(result)  # --json prints it
    report = format_report(result)
    assert "B-cubed F1" in report and "page.txt" in report


def test_run_evaluate_builds_the_gold_documents(monkeypatch):
    seen = []

    def process_document(doc, recurring=frozenset()):
        seen.append((doc.source_file, len(doc.lines)))
        lines, articles = perfect() if doc.source_file == "page.txt" else ([], [])
        return types.SimpleNamespace(line_rows=lines, article_rows=articles)

    monkeypatch.setitem(sys.modules, "tasks.pipeline", types.SimpleNamespace(process_document=process_document))
    result = run_evaluate(FIXTURES, [FIXTURES])
    assert sorted(seen) == [("menu.txt", 3), ("page.txt", 11)]
    documents = {d["seed"]: d for d in result["documents"]}
    assert documents["page.txt"]["rates"][B3_F1] == pytest.approx(1.0)
    # the menu page got no rows at all: its lines are unaccounted for
    assert documents["menu.txt"]["counts"][LINES_ACCOUNTED] == [0, 2]
    assert "Per document" in format_report(result)


def test_missing_source_and_labelled_evaluator(monkeypatch, tmp_path):
    def evaluate_labelled(path):
        return {"accuracy": 0.9, "per_label": {"财经": 0.95, "体育": 0.85}}

    monkeypatch.setitem(sys.modules, "tasks.themes", types.SimpleNamespace(evaluate_labelled=evaluate_labelled))
    result = run_evaluate(None, [], labelled=tmp_path / "labelled.tsv")
    assert result["labelled"]["per_label"]["体育"] == 0.85
    assert "体育" in format_report(result)
    result = run_evaluate(FIXTURES, [tmp_path], version_path=None)
    assert any("page.txt: not found" in problem for problem in result["problems"])


def test_theme_names_from_the_taxonomy_file(tmp_path):
    path = tmp_path / "iptc.yaml"
    path.write_text(
        "version: '1'\nheadline_weight: 2\nthemes:\n"
        "  - code: medtop:04000000\n    label_en: Economy, business and finance\n    label_zh: 经济\n"
        "    terms: [{weight: 1, words: [产业链]}]\n",
        encoding="utf-8",
    )
    assert theme_name_codes(path) == {"economy, business and finance": "medtop:04000000"}
    assert theme_name_codes(tmp_path / "absent.yaml") == {}


def test_problems_are_named():
    lines, articles = perfect()
    lines[2]["article_id"] = "B"  # line 4 listed by A's source_lines
    score = score_document(PAGE_GOLD, lines, articles, non_blank_lines=set(PAGE_LINES) | {2})
    assert any("article_id is not the article holding them: 4" in p for p in score.problems)
    assert any("gold and source disagree on non-blank lines: 2" in p for p in score.problems)
    assert score.counts[LINES_ACCOUNTED] == (9, 10)  # the source wins
    score = score_document(PAGE_GOLD, lines, articles, theme_codes={"politics": "medtop:11000000"})
    assert "gold theme names without an IPTC code: economy, business and finance, environment" in score.problems


def test_report_names_every_difference():
    lines, articles = perfect()
    articles[0]["headline"], articles[0]["joins"] = "新区", []
    score = score_document(PAGE_GOLD, lines, articles, theme_codes=CODES)
    summary = aggregate([score])
    result = {"mode": "build", "version": None, **summary, "problems": [], "documents": [score.to_dict()]}
    report = format_report(result)
    assert "page-a1: joins missed [[5, 7]]; headline '新区' != '新区建成智能工厂'" in report
    assert "page-a2" not in report


def test_version_without_tables_is_a_problem_not_a_crash(tmp_path):
    result = run_evaluate(FIXTURES, [FIXTURES], version_path=tmp_path)
    assert result["overall"] is None
    assert result["problems"] == [f"no lines.parquet, articles.parquet in {tmp_path}"]
    assert format_report(result).startswith("Problems")


def test_article_lines_from_the_lines_table_count():
    lines, articles = perfect()
    articles[1]["source_lines"] = [8, 9]  # line 10 is given to B by the lines table only
    lines[7]["role"] = "subhead"
    score = score_document(PAGE_GOLD, lines, articles)
    assert score.rates()[ARTICLE_EXACT] == 1.0 and score.rates()[BODY_LINES_KEPT] == 1.0
    assert "article lines missing from their article's source_lines: 10" in score.problems
    lines[7]["action"] = "dropped"  # ... unless it is dropped from the text
    assert score_document(PAGE_GOLD, lines, articles).rates()[ARTICLE_EXACT] == 0.5
