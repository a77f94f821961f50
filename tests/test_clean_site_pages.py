"""Line roles on page structures of other sites (pages written for the project): government notices,
WeChat articles, portals with headline lists, metadata run into the text, captions with credits."""
from __future__ import annotations

import pytest

from tasks.clean import clean_document
from tasks.clean_lexicon import load_lexicons
from tasks.clean_metadata import metadata_fields
from tasks.records import SourceDocument
from tasks.schema import ROLE_BOILERPLATE, ROLE_CAPTION, ROLE_CONTENT, ROLE_FURNITURE, ROLE_METADATA

from tests.test_clean_rules import BODY_1, BODY_2, BODY_3  # the same three body paragraphs


def _roles(text: str) -> dict[str, str]:
    doc = SourceDocument("t.md", "0" * 64, 0, "utf-8", "text/markdown", tuple(text.split("\n")))
    return {line.text: line.role for line in clean_document(doc)}


def _boilerplate_kind(text: str) -> str | None:
    """The lexicon's boilerplate kind of a line alone, None when no kind matches."""
    for kind, pattern, max_chars in load_lexicons().boilerplate:
        if len(text) <= max_chars and pattern.search(text):
            return kind
    return None


@pytest.mark.parametrize("text, kind", [
    ("首页 新闻 政务 服务 互动", "navigation"),  # a menu bar whose pipes were read as table cells
    ("EN | 中文", "navigation"),
    ("Home News Government Services English", "navigation"),
    ("首页 上一页 1 2 3 下一页 尾页", "navigation"),
    ("共3页 第1页", "navigation"),
    ("共 56 条记录 第 1/3 页", "navigation"),
    ("共12条措施，涵盖就业、住房和养老等方面。", None),  # a count in a sentence
    ("- END -", "end_mark"),
    ("—— 完 ——", "end_mark"),
    ("索引号：000000000/2025-00012 | 主题分类：综合政务", "document_index"),
    ("某政办发〔2025〕12号", "document_index"),
    # article text is no navigation: Chinese prose, a headline, a number in a sentence
    (BODY_1, None),
    ("首页设计大赛在市会展中心开幕", None),
    ("某政办发〔2025〕12号文件要求，各地加快推进项目建设。", None),
])
def test_site_furniture_lexicon(text, kind):
    assert _boilerplate_kind(text) == kind


@pytest.mark.parametrize("line, fields", [
    ("编辑 张某某", {"editors": "张某某"}),  # `编辑 | 张某某` once the pipe became a table cell
    ("编辑丨张某某", {"editors": "张某某"}),
    ("来源丨某某发布", {"source_name": "某某发布"}),
    ("编辑部地址在市中心", {}),
])
def test_metadata_without_colon(line, fields):
    assert metadata_fields(line) == fields


def test_metadata_run_into_the_first_paragraph_is_text():
    page = f"# 某市新建三座污水处理厂\n2025-03-12 10:30 来源：某某网 {BODY_1}\n{BODY_2}\n{BODY_3}\n责任编辑：李某"
    roles = _roles(page)
    assert roles[f"2025-03-12 10:30 来源：某某网 {BODY_1}"] == ROLE_CONTENT
    assert roles["责任编辑：李某"] == ROLE_METADATA


@pytest.mark.parametrize("page, line, role", [
    # a credit at the end makes a caption even after a ▲ marker (▲ alone opens bylines)
    (f"# 某区建设污水处理厂\n{BODY_1}\n![](/1.jpg)\n▲施工现场。受访者供图\n{BODY_2}\n{BODY_3}",
     "▲施工现场。受访者供图", ROLE_CAPTION),
    # reported speech between two pictures is text, not a caption
    (f"# 某区建设污水处理厂\n{BODY_1}\n![](/1.jpg)\n图为施工现场。记者 李某 摄\n摊主王大姐经营小店已有八年。她说，生意比以前好多了。"
     f"\n![](/2.jpg)\n{BODY_2}", "摊主王大姐经营小店已有八年。她说，生意比以前好多了。", ROLE_CONTENT),
    # two sentences under a section label: a note, not a caption
    (f"# 某区建设污水处理厂\n编者按\n污水治理是群众关心的事情。本报记者深入一线，带来现场报道。\n{BODY_1}\n{BODY_2}",
     "污水治理是群众关心的事情。本报记者深入一线，带来现场报道。", ROLE_CONTENT),
])
def test_captions_with_credits_and_sentences_that_are_no_captions(page, line, role):
    assert _roles(page)[line] == role


NOTICE = f"""首页 | 政务公开 | 通知公告
# 关于做好污水处理厂建设工作的通知
发布时间：2025-03-12 10:00 来源：某市水务局
某水发〔2025〕8号
各区县人民政府，市政府各部门：
{BODY_1}
一、总体要求
{BODY_2}
{BODY_3}
附件：1．建设任务分解表
　　2．联系人名单
某市水务局
2025年3月10日
（此件公开发布）
扫一扫在手机打开当前页
【打印本页】【关闭窗口】"""


@pytest.mark.parametrize("text, role", [
    ("首页 政务公开 通知公告", ROLE_BOILERPLATE),
    ("关于做好污水处理厂建设工作的通知", ROLE_CONTENT),
    ("发布时间：2025-03-12 10:00 来源：某市水务局", ROLE_METADATA),
    ("某水发〔2025〕8号", ROLE_BOILERPLATE),
    ("各区县人民政府，市政府各部门：", ROLE_CONTENT),  # the addressees open the text
    ("一、总体要求", ROLE_CONTENT),
    ("附件：1．建设任务分解表", ROLE_CONTENT),
    ("2．联系人名单", ROLE_CONTENT),
    ("某市水务局", ROLE_CONTENT),  # the signature closes the notice's text ...
    ("2025年3月10日", ROLE_CONTENT),  # ... with its date, which is no page metadata here
    ("（此件公开发布）", ROLE_CONTENT),
    ("扫一扫在手机打开当前页", ROLE_BOILERPLATE),
])
def test_government_notice_roles(text, role):
    assert _roles(NOTICE)[text] == role


def test_a_date_alone_under_a_headline_stays_metadata():
    roles = _roles(f"# 某市新建三座污水处理厂\n2025年3月10日\n{BODY_1}\n{BODY_2}\n{BODY_3}\n某市水务局")
    assert roles["2025年3月10日"] == ROLE_METADATA
    assert roles["某市水务局"] == ROLE_BOILERPLATE  # no date under it: no signature


def test_a_paper_and_a_date_after_the_text_are_the_pages_source_not_a_signature():
    roles = _roles(f"# 某市新建三座污水处理厂\n{BODY_1}\n{BODY_2}\n{BODY_3}\n某某日报\n2025年3月10日")
    assert roles["某某日报"] == ROLE_BOILERPLATE and roles["2025年3月10日"] == ROLE_METADATA


def test_a_list_of_headlines_over_the_article_ends_at_its_own_headline():
    page = "\n".join(["* [要闻](/news/)", "城东快速路主线贯通", "第十届读书节开幕", "港口吞吐量再创新高",
                      "市民公园改造提升工程完工", "某市新建三座污水处理厂", "2025-03-12 来源：某某网", BODY_1, BODY_2, BODY_3])
    roles = _roles(page)
    assert roles["某市新建三座污水处理厂"] == ROLE_CONTENT
    for title in ("城东快速路主线贯通", "第十届读书节开幕", "港口吞吐量再创新高", "市民公园改造提升工程完工"):
        assert roles[title] == ROLE_FURNITURE


def test_a_kicker_and_headline_without_a_list_above_are_both_kept():
    roles = _roles(f"* [要闻](/news/)\n治水攻坚在行动\n某市新建三座污水处理厂\n2025-03-12 来源：某某网\n{BODY_1}\n{BODY_2}")
    assert roles["治水攻坚在行动"] == ROLE_CONTENT and roles["某市新建三座污水处理厂"] == ROLE_CONTENT


def test_a_list_of_headlines_ends_at_a_headline_holding_quotes():
    titles = ["城东快速路主线贯通", "第十届读书节开幕", "港口吞吐量再创新高"]
    roles = _roles("\n".join([*titles, "守护一方水土的“河长”", "2025-03-12 来源：某某网", BODY_1, BODY_2, BODY_3]))
    assert roles["守护一方水土的“河长”"] == ROLE_CONTENT and {roles[t] for t in titles} == {ROLE_FURNITURE}


def test_the_source_named_again_under_the_title_is_metadata():
    page = f"# 某市新建三座污水处理厂\n某某发布\n2025年3月12日 10:30 浙江\n{BODY_1}\n{BODY_2}\n来源：某某发布\n编辑：李某"
    roles = _roles(page)
    assert roles["某某发布"] == ROLE_METADATA and roles["某市新建三座污水处理厂"] == ROLE_CONTENT


def test_a_dated_link_is_a_link_line():
    roles = _roles(f"# 某市新建三座污水处理厂\n{BODY_1}\n{BODY_2}\n{BODY_3}\n* [港口吞吐量再创新高](/a/1.html) 2025-03-12")
    assert roles["港口吞吐量再创新高 2025-03-12"] == ROLE_BOILERPLATE


def test_a_paragraph_of_several_clauses_between_two_pictures_is_text():
    paragraph = "三座污水处理厂均采用地下式布局，地面建设公园和运动场，周边居民可免费使用。"
    page = f"# 某区建设污水处理厂\n{BODY_1}\n![](/1.jpg)\n图为施工现场。记者 李某 摄\n{paragraph}\n![](/2.jpg)\n{BODY_2}"
    assert _roles(page)[paragraph] == ROLE_CONTENT


@pytest.mark.parametrize("text, label", [
    ("■ 本地快讯", True), ("【一周要闻】", True), ("快讯", True), ("经济简讯", True),  # a column of short items
    ("人物简介", True), ("【人物简介】", True), ("■ 特别报道", True),  # a box or section label set off by a bullet
    ("城东新建两座口袋公园", False), ("市场快讯发布会今日举行", False), ("全市推进老旧小区改造要闻速览发布", False),
])
def test_column_and_box_labels_are_furniture_whatever_sets_them_off(text, label):
    assert bool(load_lexicons().furniture.search(text)) is label


def test_an_interview_keeps_its_turns_and_profile_and_drops_its_labels():
    question = "记者：下一步还有哪些打算？"
    answer = "周主任：我们将继续推进污水管网改造，争取明年实现城区全覆盖。"
    profile = "周某某，区水务局局长，长期从事水利工程管理工作。"
    page = f"专访\n# 某区新建三座污水处理厂\n## ——访区水务局局长周某某\n{BODY_1}\n{question}\n{answer}\n人物简介\n{profile}"
    roles = _roles(page)
    assert {roles[question], roles[answer], roles[profile]} == {ROLE_CONTENT}
    assert roles["专访"] != ROLE_CONTENT and roles["人物简介"] == ROLE_FURNITURE
