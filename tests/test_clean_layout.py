"""tasks/clean_layout.py: a bare label of a word or two between two lines of text is page furniture when it
names none of the text around it; a short head that names its text, or a kicker over a title, is not."""
from __future__ import annotations

import pytest

from tasks.clean import clean_document
from tasks.records import SourceDocument
from tasks.schema import ROLE_CONTENT, ROLE_FURNITURE

HEAD = "星湖区社区食堂开门迎客"
ABOVE = ["星湖区今年新建社区食堂十二家，覆盖周边两万多名老年居民，每天供应午餐和晚餐两餐。",
         "区民政局负责人说，食堂由街道提供场地，企业负责运营，政府按就餐人次给予补贴。"]
BELOW = ["眼下正值春耕时节，城郊的种粮大户抢抓晴好天气，田间地头一派繁忙景象。",
         "区农业农村局组织技术人员下田指导，帮助农户科学施肥、合理灌溉，确保春播顺利。"]


def _role(lines: list[str], text: str) -> tuple[str, str | None]:
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    return next((ln.role, ln.reason) for ln in clean_document(doc) if ln.text == text)


def _page(*middle: str) -> list[str]:
    lines = [HEAD, ""]
    for text in [*ABOVE, *middle, *BELOW]:
        lines += [text, ""]
    return lines


@pytest.mark.parametrize("label", ["城市热线", "周末文化 资料"])
def test_label_between_paragraphs_naming_none_of_them_is_furniture(label):
    assert _role(_page(label), label)[0] == ROLE_FURNITURE


def test_short_head_naming_the_text_under_it_stays():
    assert _role(_page("春耕正忙"), "春耕正忙")[0] == ROLE_CONTENT


def test_kicker_over_a_title_is_no_stray_label():
    role, reason = _role(_page("农时不等人", "城郊种粮大户抢抓晴好天气"), "农时不等人")
    assert "naming none" not in (reason or "")
