"""Page numbers at a page's edges (tasks/clean_folios.py): furniture above or below all the text, never a
section number inside it; a page guide's references to other pages are furniture wherever they stand."""
from __future__ import annotations

import pytest

from tasks.clean_folios import edge_folios, is_folio, page_references


@pytest.mark.parametrize("text, folio", [
    ("6", True), ("- 12 -", True), ("A6", True), ("第7页", True), ("第 7 页", True),
    ("第7版", False),  # a page label: the lexicon's furniture
    ("2025", False), ("6个", False), ("一", False), ("10:30", False),
])
def test_a_page_number_alone_on_its_line_is_a_folio(text, folio):
    assert is_folio(text) is folio


def test_only_numbers_outside_the_text_at_the_page_edges_are_folios():
    texts = ["南湖日报", "6", "标题", "正文一。", "2", "正文二。", "尾行", "7"]
    anchors = [False, False, False, True, False, True, False, False]
    assert edge_folios(texts, anchors) == [1, 7]  # the `2` between two text lines is a section number


def test_a_page_without_text_lines_keeps_its_numbers_to_the_edges():
    texts = ["6"] + ["标题"] * 10 + ["7"]
    assert edge_folios(texts, [False] * len(texts)) == [0, 11]


@pytest.mark.parametrize("text", [
    "第5版 某区养老服务中心投入使用", "◆某区养老服务中心投入使用（第12版）", "某区养老服务中心投入使用……第5版",
    "某区养老服务中心投入使用 ▶5版", "第7版 专版",
])
def test_a_title_beside_another_pages_number_is_a_page_guide_entry(text):
    assert page_references(["正文一句。", text, "正文二句。"]) == [1]


@pytest.mark.parametrize("text", [
    "(下转第6版)", "（上接第1版）", "某区养老服务中心投入使用", "记者从市里获悉，详见第5版。",
    "A5 某区养老服务中心投入使用",  # a bare page code alone could open a title (`G20 …`)
])
def test_continuation_markers_titles_and_sentences_are_no_page_guide(text):
    assert page_references(["正文一句。", text, "正文二句。"]) == []


def test_bare_page_codes_count_in_a_guide_of_two_or_more_entries():
    texts = ["本期导读", "A5 某区养老服务中心投入使用", "A12 城西公园完成改造", "正文一句。"]
    assert page_references(texts) == [1, 2]


@pytest.mark.parametrize("texts, entries", [
    (["◆ 第3版 某某开幕", "B2 某某闭幕", "正文一句。"], [0, 1]),  # a named entry makes a bare code count
    (["某某开幕……5版", "正文一句。", "■ 某某闭幕（A12）"], [0, 2]),  # the code after its title, set off by a bullet
    (["G20 峰会开幕", "正文一句。"], []),
])
def test_named_and_coded_entries_are_found_together(texts, entries):
    assert page_references(texts) == entries
