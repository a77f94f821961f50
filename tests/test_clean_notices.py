"""A classified notice block read as one piece (tasks/clean_notices.py): a notice worded without the
block's formulae, standing between two of its advertising lines, is advertising too."""
from __future__ import annotations

from tasks.clean import clean_document
from tasks.clean_notices import inside_notice_blocks
from tasks.records import SourceDocument
from tasks.schema import ROLE_BOILERPLATE, ROLE_CONTENT

CLASSIFIED, CONTACT = "boilerplate: classified", "boilerplate: contact"
AD = "某某物流公司因业务扩大，现招收货车司机6名。"
PARAGRAPH = "新建的城市书房面积三百平方米，藏书两万册，周一至周日全天向市民免费开放，已有上千人办理借阅证。"


def test_an_open_line_between_two_advertising_lines_is_in_the_block():
    texts = ["某公司遗失公章一枚，声明作废。", AD, "联系电话：12345678"]
    assert inside_notice_blocks([CLASSIFIED, None, CONTACT], texts) == [1]


def test_a_line_beside_only_one_advertising_line_or_a_long_one_stays_open():
    assert inside_notice_blocks([None, None, CONTACT], [PARAGRAPH, AD, "电话：12345678"]) == []
    long_line = PARAGRAPH * 2  # longer than a notice: a paragraph
    assert inside_notice_blocks([CLASSIFIED, None, CONTACT], ["x", long_line, "y"]) == []


def _roles(lines: list[str]) -> dict[str, str]:
    page = [x for line in lines for x in (line, "")]
    doc = SourceDocument("t.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(page))
    return {line.text: line.role for line in clean_document(doc)}


def test_a_job_ad_inside_a_notice_block_is_boilerplate_and_the_stories_stay():
    roles = _roles(["城市书房开门迎客", PARAGRAPH, "市图书馆负责人表示，今年还将在各街道新建八家城市书房。",
                    "分类广告", "某某商行遗失营业执照副本，声明作废。", AD, "联系电话：0571-12345678"])
    assert roles[AD] == ROLE_BOILERPLATE
    assert roles[PARAGRAPH] == ROLE_CONTENT
