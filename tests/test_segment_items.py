"""Items of a column of short pieces (tasks/segment_items.py): a marked title between paragraphs heads a
new article when the text under it starts another story; a section head inside an article does not."""
from __future__ import annotations

import pytest

from tasks.clean import clean_document
from tasks.records import CleanLine, SourceDocument
from tasks.schema import ROLE_CONTENT
from tasks.segment import segment_document
from tasks.segment_blocks import Block
from tasks.segment_items import item_title_candidate, promote_item_heads

PARK = "本报讯 城东街道近日建成两座口袋公园，新增绿地三千平方米，周边居民多了休闲去处。"
LIBRARY = "从下月起，市图书馆周五至周日的闭馆时间推迟到晚上九点，方便上班族借阅。"
LIFTS = "今年全市老旧小区已有八十六部电梯完成加装，另有四十部正在施工。"
PLANT_1 = "城西污水处理厂扩建工程昨日开工，建成后污水处理厂日处理能力将提高到二十万吨。"
PLANT_2 = "扩建工程采用新的膜处理工艺，污水处理厂出水水质将达到地表水四类标准。"
PLANT_3 = "按照计划，扩建工程明年六月完工，届时城西片区的污水将全部得到处理。"


def _segment(page: list[str]):
    doc = SourceDocument("t.md", "0" * 64, 0, "utf-8", "text/markdown", tuple(page))
    return segment_document(doc, clean_document(doc))


def test_each_bold_title_of_a_brief_column_heads_its_own_item():
    page = ["简讯", "**城东建成两座口袋公园**", PARK, "**市图书馆延长夜间开放时间**", LIBRARY,
            "**老旧小区加装电梯提速**", LIFTS, "（本版编辑：李某）"]
    seg = _segment(page)
    assert [a.headline for a in seg.articles] == ["城东建成两座口袋公园", "市图书馆延长夜间开放时间", "老旧小区加装电梯提速"]
    assert [a.source_lines for a in seg.articles] == [[2, 3], [4, 5], [6, 7]]


def test_bold_section_heads_of_one_article_stay_in_its_text():
    page = ["# 城西污水处理厂扩建工程开工", "本报记者 张某", PLANT_1, "**工艺升级**", PLANT_2, "**工期安排**", PLANT_3]
    seg = _segment(page)
    assert len(seg.articles) == 1 and seg.articles[0].source_lines == [1, 2, 3, 4, 5, 6, 7]


def _lines(texts: list[str], raw: list[str] | None = None) -> list[CleanLine]:
    raw = raw or [f"**{t}**" if len(t) < 16 else t for t in texts]
    return [CleanLine(n, r, t, ROLE_CONTENT) for n, (r, t) in enumerate(zip(raw, texts), 1)]


@pytest.mark.parametrize("texts, raw, expected", [
    ([PARK, "市图书馆延长夜间开放时间", LIBRARY], None, True),
    ([PARK, "图书馆何时延长开放时间？", LIBRARY], None, False),  # a question is a subhead of the text
    ([PARK, "市图书馆延长夜间开放时间", LIBRARY], [PARK, "市图书馆延长夜间开放时间", LIBRARY], False),  # unmarked
    (["二", "市图书馆延长夜间开放时间", LIBRARY], None, False),  # a section number over its head
    ([PARK, "开放时间", "周五 周六 周日"], None, False),  # no prose under it: a form's section
    ([PARK, "开放时间", "周五至周日 晚上九点。"], [PARK, "**开放时间**", "| 周五至周日 | 晚上九点。 |"], False),
])
def test_only_a_marked_title_between_whole_paragraphs_is_a_candidate(texts, raw, expected):
    assert item_title_candidate(1, [0, 1, 2], _lines(texts, raw), texts) is expected


def test_a_title_naming_the_story_above_is_no_new_item():
    texts = ["城西污水处理厂扩建工程开工", PLANT_1, "污水处理厂扩建工程进展", PLANT_3]
    content = _lines(texts, ["# " + texts[0], PLANT_1, "**污水处理厂扩建工程进展**", PLANT_3])
    assert promote_item_heads([Block(head=[0], body=[1, 2, 3])], content, texts) == [Block(head=[0], body=[1, 2, 3])]
    other = ["城东建成两座口袋公园", PARK, "老旧小区加装电梯提速", LIFTS, "记者 李某某"]
    content = _lines(other, ["# " + other[0], PARK, "**老旧小区加装电梯提速**", LIFTS, other[4]])
    # the byline standing after the second item's text goes with that item
    assert promote_item_heads([Block(head=[0], body=[1, 2, 3], bylines=[4])], content, other) == [
        Block(head=[0], body=[1]), Block(head=[2], body=[3], bylines=[4])]
