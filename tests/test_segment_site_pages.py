"""Segmentation of page structures of other sites (pages written for the project): a notice's
numbered sections, addressees and closing, section numbers alone on their line, an editor's note
over a dateline, a dateline behind the page's date and source."""
from __future__ import annotations

import pytest

from tasks.clean import clean_document
from tasks.records import CleanLine, SourceDocument
from tasks.schema import ROLE_CONTENT, ROLE_FURNITURE
from tasks.segment import segment_document
from tasks.segment_blocks import KIND_BODY, KIND_HEAD, layout_blocks
from tasks.segment_heads import note_label_end, parse_dateline
from tasks.segment_starts import bullets_head_items, closing_line, is_bare_ordinal, is_lead_in, standing_section_head

BODY_1 = "某市今年计划新建三座污水处理厂，总投资约十二亿元，预计明年年底前全部投入运行。"
BODY_2 = "据介绍，新建的污水处理厂将采用膜处理工艺，日处理能力合计达到三十万吨，出水水质明显提升。"
BODY_3 = "市水务局负责人表示，项目建成后将有效缓解城区污水处理压力，改善河道水环境。"


@pytest.mark.parametrize("text, prev, nxt, expected", [
    ("一、总体要求", BODY_1, BODY_2, True),
    ("（二）重点任务", "现将有关事项通知如下：", BODY_2, True),
    ("一、加强", "他说，要做好三件事。", "的生态保护，提升治理水平。", False),  # the next line goes on mid-sentence
    ("一、总体要求", "某市今年计划新建三座污水处理厂，总投资约", BODY_2, False),  # the line above is open
    ("城东快速路主线贯通", BODY_1, BODY_2, False),  # no enumerator: a title may stand there
])
def test_standing_section_head(text, prev, nxt, expected):
    assert standing_section_head(text, prev, nxt) is expected


@pytest.mark.parametrize("text, bullet_sections, expected", [
    ("■ 膜处理工艺提升出水水质", True, True),  # a feature's subhead (小标题) set off by a bullet
    ("◆膜处理工艺提升出水水质", True, True),
    ("■ 膜处理工艺提升出水水质", False, False),  # on a page whose bullets set off its items' titles
    ("■ 本报记者 王某", True, False),  # a byline
])
def test_bulleted_section_head(text, bullet_sections, expected):
    assert standing_section_head(text, BODY_1, BODY_2, bullet_sections) is expected


def test_bullets_head_items_where_a_bulleted_title_stands_over_a_dateline():
    assert bullets_head_items([BODY_1, "◆城西公园完成改造", "本报讯（记者 李某）" + BODY_2])
    assert not bullets_head_items([BODY_1, "◆城西公园完成改造", BODY_2])
    assert not bullets_head_items(["■ 本报记者 王某", "本报讯 " + BODY_2])  # a bulleted byline is no title


SECTION_1 = "在城南片区，不少居民反映过去雨季河道发黑发臭，夏天不敢开窗。如今截污管网铺到了家门口，河水一天天变清了。"
SECTION_2 = "区水务局介绍，下一步还将对沿河排口逐一排查整治，建立河道长效管护机制，让治理成果经得起时间检验。"
PARK = ["城西公园完成提升改造", "", "本报记者 李某", "", "今年以来，城西公园完成了园路、照明和绿化的提升改造，新增健身步道两公里。", "",
        "园区负责人介绍，改造期间公园分区开放，市民可以通过公园入口的告示了解各区域的开放时间和游览线路安排。"]


@pytest.mark.parametrize("subhead", ["■ 截污管网铺到了家门口", "◆截污管网铺到了家门口", "二、截污管网铺到了家门口"])
def test_a_feature_subhead_stays_in_its_article(subhead):
    lines = ["某区建设污水处理厂", "", "本报记者 王某", "", BODY_1, "", BODY_2, "", BODY_3, "", subhead, "", SECTION_1, "",
             SECTION_2, "", *PARK]
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    result = segment_document(doc, clean_document(doc))
    assert [a.headline for a in result.articles] == ["某区建设污水处理厂", "城西公园完成提升改造"]
    assert result.articles[0].source_lines == [1, 3, 5, 7, 9, 11, 13, 15]


@pytest.mark.parametrize("text, prev, nxt, expected", [
    ("2．联系人名单", "附件：1．建设任务分解表", "某市水务局", True),
    ("某市水务局", "2．联系人名单", "2025年3月10日", True),
    ("2025年3月10日", "某市水务局", "", True),
    ("二〇二五年三月十日", "某市水务局", "", True),
    ("（此件公开发布）", "2025年3月10日", "", True),
    ("3．联系人名单", "附件：1．建设任务分解表", "", False),  # not the next number
    ("（此件公开发布）", BODY_1, "", False),
    ("某市新建三座污水处理厂", BODY_1, BODY_2, False),
])
def test_closing_line(text, prev, nxt, expected):
    assert closing_line(text, prev, nxt) is expected


@pytest.mark.parametrize("text, expected", [
    ("各区县人民政府，市政府各部门：", True), ("各有关单位：", True),
    ("市人大代表、市博物馆馆长某某：", False),  # a kicker naming a speaker
    ("一", True), ("01", True), ("（2）", True), ("一是", False),
])
def test_lead_ins_and_bare_ordinals(text, expected):
    assert (is_lead_in(text) if text.endswith("：") else is_bare_ordinal(text)) is expected


def test_note_labels_and_datelines_behind_web_metadata():
    assert note_label_end("【编者按】污水治理是大事。") == len("【编者按】")
    assert note_label_end("编者按：污水治理是大事。") == len("编者按：")
    assert note_label_end("编者按") == 3 and note_label_end(BODY_1) is None
    assert parse_dateline("2025-03-12 10:30 来源：某某网 本报讯（记者 王某某）记者从市水务局获悉").reporters == ["王某某"]
    assert parse_dateline("2025年3月 本报讯（记者 王某某）") is None


def _content(texts: list[str]) -> list[CleanLine]:
    return [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(texts, 1)]


def test_a_dateline_under_an_editors_note_opens_no_other_article():
    content = _content(["某市新建三座污水处理厂", "编者按：污水治理是群众关心的事情。", f"本报讯（记者 王某某）{BODY_1}", BODY_2])
    kinds = [KIND_HEAD, KIND_BODY, KIND_BODY, KIND_BODY]
    assert len(layout_blocks(content, kinds, notes=frozenset({1}))) == 1
    assert len(layout_blocks(content, kinds)) == 2  # a dateline after other text starts a piece of its own


def _segment(page: str):
    doc = SourceDocument("t.md", "0" * 64, 0, "utf-8", "text/markdown", tuple(page.split("\n")))
    return segment_document(doc, clean_document(doc))


def test_a_notice_is_one_article_with_its_sections_and_closing():
    page = "\n".join(["首页 | 政务公开 | 通知公告", "# 关于做好污水处理厂建设工作的通知", "发布时间：2025-03-12 来源：某市水务局",
                      "各区县人民政府，市政府各部门：", "一、总体要求", BODY_1, "二、重点任务", BODY_2, BODY_3,
                      "附件：1．建设任务分解表", "2．联系人名单", "某市水务局", "2025年3月10日", "扫一扫在手机打开当前页"])
    seg = _segment(page)
    assert len(seg.articles) == 1
    article = seg.articles[0]
    assert article.headline == "关于做好污水处理厂建设工作的通知"
    assert article.source_lines == [2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] and not article.joins


def test_an_editors_note_under_its_own_label_keeps_the_dateline_and_reporters():
    page = "\n".join(["# 某市新建三座污水处理厂", "2025-03-12 来源：某某网", "编者按", "污水治理是群众关心的事情。本报今起推出系列报道。",
                      f"本报讯（记者 王某某）{BODY_1}", BODY_2, BODY_3])
    seg = _segment(page)
    assert len(seg.articles) == 1 and seg.articles[0].reporters == ["王某某"]
    assert seg.articles[0].source_lines == [1, 4, 5, 6, 7]
    assert {line.line_no: line.role for line in seg.lines}[3] == ROLE_FURNITURE


def test_section_numbers_alone_on_their_line_are_never_joined():
    page = "\n".join(["# 某市新建三座污水处理厂", BODY_1, "01", "**建设进度**", BODY_2, "02", "**后续安排**", BODY_3])
    seg = _segment(page)
    assert len(seg.articles) == 1 and not seg.articles[0].joins


def test_a_profile_box_between_head_and_dateline_opens_the_interview_it_belongs_to():
    profile = "周某某，1970年生，区水务局局长，长期从事水利工程管理工作。"
    turns = ["记者：新建的污水处理厂采用什么工艺？", "周局长：采用膜处理工艺，出水水质明显提升。",
             "问：下一步还有哪些打算？", "答：我们将继续推进污水管网改造，争取明年实现城区全覆盖。"]
    for box in (["【人物简介】" + profile], ["人物简介", profile], ["**人物简介**", profile]):
        page = "\n".join(["# 某区新建三座污水处理厂", "## ——访区水务局局长周某某", *box,
                          f"本报讯（记者 王某某）{BODY_1}", *turns, "责任编辑：李某"])
        seg = _segment(page)
        assert len(seg.articles) == 1, box
        article, dateline = seg.articles[0], 3 + len(box)
        assert article.headline == "某区新建三座污水处理厂" and article.reporters == ["王某某"]
        # head, subtitle, the profile's text (its label alone is furniture), the dateline and every turn
        assert article.source_lines == [1, 2, dateline - 1, *range(dateline, dateline + 1 + len(turns))]
    assert note_label_end("人物简介") == 4 and note_label_end("【人物简介】周某某，区水务局局长。") == 6


def test_a_bulleted_title_over_another_story_still_heads_it():
    # no byline or dateline under it: the text under the title changes topic, as under a bold item title
    park = ["城西公园的园路、照明和绿化提升改造近日完工，园内新增健身步道两公里，增设座椅和直饮水点。", "",
            "园区负责人介绍，改造期间公园分区开放，市民可以通过公园入口的告示了解各区域的开放时间和游览线路安排。"]
    lines = ["某区建设污水处理厂", "", "本报记者 王某", "", BODY_1, "", BODY_2, "", BODY_3, "", "◆城西公园完成提升改造", "", *park]
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    result = segment_document(doc, clean_document(doc))
    assert [a.source_lines for a in result.articles] == [[1, 3, 5, 7, 9], [11, 13, 15]]
