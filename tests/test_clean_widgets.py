"""Page widgets told by their form (tasks/clean_widgets.py and the lexicon's `widget` toggles): a bar of
two-character commands or a switch with its state is boilerplate, a list of names or a byline is not."""
from __future__ import annotations

import pytest

from tasks.clean import clean_document
from tasks.clean_widgets import is_widget_bar
from tasks.records import SourceDocument
from tasks.schema import ROLE_BOILERPLATE
from tasks.segment import segment_document

from tests.test_clean_rules import BODY_1, BODY_2, BODY_3


@pytest.mark.parametrize("text, bar", [
    ("正序 倒序", True), ("最新 最热 图文", True), ("全部 只看楼主", False),  # a token of four is a phrase
    ("张清 李明", False), ("记者 王奇", False),  # names under a head, a byline
    ("正序", False), ("新闻 政务 服务 互动 专题", False),  # one word; five tokens are a menu, read elsewhere
    ("高峰 林立", False), ("正序，倒序", False),  # every token opens with a surname; punctuation
])
def test_a_bar_of_two_character_commands_is_a_widget(text, bar):
    assert is_widget_bar(text) is bar


def _page(lines: list[str]) -> SourceDocument:
    padded = [part for line in lines for part in (line, "")]
    return SourceDocument("live.md", "0" * 64, 0, "utf-8", "text/markdown", tuple(padded))


@pytest.mark.parametrize("widget", ["正序 倒序", "自动刷新：开", "弹幕：关", "自动刷新：关闭"])
def test_a_live_page_widget_over_the_text_is_boilerplate_and_never_the_headline(widget):
    doc = _page(["首页 新闻 政务 服务", "滨江新区新建三座污水处理厂", "2025-03-12 来源：滨江网", widget,
                 BODY_1, "10:30", BODY_2, "10:45", BODY_3, "责任编辑：许诺"])
    lines = clean_document(doc)
    assert {line.text: line.role for line in lines}[widget] == ROLE_BOILERPLATE
    articles = segment_document(doc, lines).articles
    assert [a.headline for a in articles] == ["滨江新区新建三座污水处理厂"]
    assert articles[0].paragraphs[0] == BODY_1


def test_a_labelled_line_that_states_something_is_no_switch():
    lines = clean_document(_page(["滨江新区新建三座污水处理厂", "答：开", BODY_1, BODY_2]))
    assert {line.text: line.role for line in lines}["答：开"] != ROLE_BOILERPLATE  # a label of one character
