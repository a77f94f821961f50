"""Background boxes (tasks/clean_boxes.py): a box label over prose is furniture and its prose stays text;
the same label over a list of titles still opens boilerplate."""
from __future__ import annotations

import pytest

from tasks.clean import clean_document
from tasks.clean_boxes import is_set_off_label
from tasks.records import SourceDocument
from tasks.schema import REASON_BOX_LABEL, ROLE_BOILERPLATE, ROLE_CONTENT, ROLE_FURNITURE

HEAD = "城西污水处理厂扩建工程开工"
BYLINE = "本报记者 张某"
STORY = [
    "城西污水处理厂扩建工程昨日开工，建成后污水处理厂日处理能力将提高到二十万吨，城西片区的污水将全部得到处理。",
    "扩建工程采用新的膜处理工艺，出水水质将达到地表水四类标准，处理后的中水还将用于道路清扫和绿化浇灌。",
]
BOX = [
    "按照规划，全市今年还将新建和改造污水管网一百二十公里，雨污分流改造覆盖四十个老旧小区。",
    "截至去年底，全市已建成污水处理厂十一座，城市生活污水集中收集率达到百分之七十五。",
]
TITLES = ["城东新建两座口袋公园", "市图书馆延长夜间开放时间", "老旧小区加装电梯提速"]


def _roles(page: list[str], media_type: str = "text/plain") -> dict[str, tuple[str, str | None]]:
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", media_type, tuple(page))
    return {line.text: (line.role, line.reason) for line in clean_document(doc)}


@pytest.mark.parametrize("label", ["相关链接", "延伸阅读", "■ 背景", "【新闻链接】", "◆小贴士"])
def test_a_box_label_over_prose_is_furniture_and_its_prose_is_text(label):
    roles = _roles([HEAD, BYLINE, *STORY, label, *BOX])
    assert roles[label][0] == ROLE_FURNITURE
    assert all(roles[line][0] == ROLE_CONTENT for line in BOX)


def test_a_reading_list_label_over_prose_is_named_a_box_label():
    roles = _roles([HEAD, BYLINE, *STORY, "相关链接", *BOX])
    assert roles["相关链接"] == (ROLE_FURNITURE, REASON_BOX_LABEL)


def test_a_reading_list_over_titles_stays_boilerplate():
    roles = _roles([HEAD, BYLINE, *STORY, "相关链接", *TITLES])
    assert roles["相关链接"][0] == ROLE_BOILERPLATE
    assert all(roles[title][0] == ROLE_BOILERPLATE for title in TITLES)
    assert all(roles[line][0] == ROLE_CONTENT for line in STORY)


def test_a_comment_heading_over_comments_stays_boilerplate():
    comments = ["这个工程早就该建了，希望按期完工，别再拖了。", "支持！城西的河水以后终于能变清了，点赞。"]
    roles = _roles([HEAD, BYLINE, *STORY, "热门评论", *comments])
    assert roles["热门评论"][0] == ROLE_BOILERPLATE
    assert all(roles[line][0] == ROLE_BOILERPLATE for line in comments)


@pytest.mark.parametrize("text, label", [
    ("◆小贴士", True), ("■ 背景", True), ("【名词解释】", True),
    ("□ 苏禾", False),  # a commentary's signature: a name set off by a bullet
    ("◆ 膜处理工艺让出水更清", False),  # a feature's subhead: longer than a label
    ("小贴士", False),  # not set off
    ("■ 背景：", False),
])
def test_set_off_labels(text, label):
    assert is_set_off_label(text, 4) is label


def test_a_bulleted_subhead_naming_the_prose_under_it_is_no_box_label():
    roles = _roles([HEAD, BYLINE, STORY[0], "◆污水管网", BOX[0]])
    assert roles["◆污水管网"][1] != REASON_BOX_LABEL
