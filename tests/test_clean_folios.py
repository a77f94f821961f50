"""Page numbers at a page's edges (tasks/clean_folios.py): furniture above or below all the text, never a
section number inside it."""
from __future__ import annotations

import pytest

from tasks.clean_folios import edge_folios, is_folio


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
