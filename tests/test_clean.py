"""Line roles: role cases written for the project, seeds, and a property test over any text."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.clean import (
    FLAG_MIXED_SCRIPT,
    FLAG_REPLACEMENT_CHAR,
    FLAG_STRAY_LATIN,
    clean_document,
    lexicons_version,
    recurring_lines,
)
from tasks.records import SourceDocument
from tasks.schema import (
    MARKUP_HEADING,
    ROLE_BOILERPLATE,
    ROLE_CAPTION,
    ROLE_CONTENT,
    ROLE_CONTINUATION,
    ROLE_FURNITURE,
    ROLE_METADATA,
    NON_CONTENT_ROLES,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NON_CONTENT = set(NON_CONTENT_ROLES)


def _doc(text: str, name: str = "fixture.md") -> SourceDocument:
    lines = text.split("\n")
    return SourceDocument(name, "0" * 64, len(text.encode()), "utf-8", "text/markdown", tuple(lines))


def _roles(text: str, recurring: frozenset[str] = frozenset()) -> dict[str, str]:
    return {line.text: line.role for line in clean_document(_doc(text), recurring)}


BODY_1 = "某市今年计划新建三座污水处理厂，总投资约十二亿元，预计明年年底前全部投入运行。"
BODY_2 = "据介绍，新建的污水处理厂将采用膜处理工艺，日处理能力合计达到三十万吨，出水水质明显提升。"
BODY_3 = "市水务局负责人表示，项目建成后将有效缓解城区污水处理压力，改善河道水环境。"

WEB_PAGE = f"""[首页](/) > [新闻](/news/) > [正文](/a/)
  * [国内](/gn/)
  * [国际](/gj/)

# 某市新建三座污水处理厂

发布时间：2024-03-05 10:20 来源：某某日报
![](http://img.example.com/1.jpg)
新华社记者 王某 摄

{BODY_1}

{BODY_2}

{BODY_3}

责任编辑：李某
分享到：
[微博](http://weibo.com) [微信](#)
版权所有 © 2024 某某网 京ICP备12345678号
#### 相关阅读
[另一篇文章的标题在这里](/a/2)
"""


@pytest.mark.parametrize(
    "text, role",
    [
        ("首页 > 新闻 > 正文", ROLE_BOILERPLATE),
        ("国内", ROLE_BOILERPLATE),
        ("某市新建三座污水处理厂", ROLE_CONTENT),  # headline above the text
        ("发布时间：2024-03-05 10:20 来源：某某日报", ROLE_METADATA),
        ("", ROLE_BOILERPLATE),  # the image line
        ("新华社记者 王某 摄", ROLE_CAPTION),
        (BODY_1, ROLE_CONTENT),
        (BODY_2, ROLE_CONTENT),
        (BODY_3, ROLE_CONTENT),
        ("责任编辑：李某", ROLE_METADATA),
        ("分享到：", ROLE_BOILERPLATE),
        ("微博 微信", ROLE_BOILERPLATE),
        ("版权所有 © 2024 某某网 京ICP备12345678号", ROLE_BOILERPLATE),
        ("相关阅读", ROLE_BOILERPLATE),
        ("另一篇文章的标题在这里", ROLE_BOILERPLATE),
    ],
)
def test_web_page_roles(text, role):
    assert _roles(WEB_PAGE)[text] == role


def test_metadata_fields_and_values():
    lines = {line.text: line for line in clean_document(_doc(WEB_PAGE))}
    meta = lines["发布时间：2024-03-05 10:20 来源：某某日报"]
    assert (meta.metadata_field, meta.metadata_value) == ("source_name", "某某日报")
    editor = lines["责任编辑：李某"]
    assert (editor.metadata_field, editor.metadata_value) == ("editors", "李某")


@pytest.mark.parametrize(
    "line, field, value",
    [
        ("2024年3月5日 10:20", "published_at", "2024-03-05"),
        ("发布时间：2024-3-5", "published_at", "2024-03-05"),
        ("作者：张某", "author", "张某"),
        ("来源：某某网", "source_name", "某某网"),
        ("编辑：王某 审核：赵某", "editors", "王某"),
    ],
)
def test_metadata_lines(line, field, value):
    text = f"{line}\n\n{BODY_1}\n{BODY_2}"
    first = clean_document(_doc(text))[0]
    assert (first.role, first.metadata_field, first.metadata_value) == (ROLE_METADATA, field, value)


NEWSPAPER_PAGE = f"""特别报道

要闻

某区加快建设现代产业园区

■ 本报记者 张某

{BODY_1}

{BODY_2}

（下转第2版）

本版编辑：王某
"""


@pytest.mark.parametrize(
    "text, role",
    [
        ("特别报道", ROLE_FURNITURE),
        ("要闻", ROLE_FURNITURE),
        ("某区加快建设现代产业园区", ROLE_CONTENT),
        ("■ 本报记者 张某", ROLE_CONTENT),  # bylines are content: segmentation makes them bylines
        (BODY_1, ROLE_CONTENT),
        ("（下转第2版）", ROLE_CONTINUATION),
        ("本版编辑：王某", ROLE_FURNITURE),
    ],
)
def test_newspaper_roles(text, role):
    assert _roles(NEWSPAPER_PAGE)[text] == role


def test_continuation_at_line_start_stays_content():
    roles = _roles(f"（上接第1版）{BODY_1}\n{BODY_2}")
    assert roles[f"（上接第1版）{BODY_1}"] == ROLE_CONTENT


def test_head_group_keeps_kicker_and_headline_labels_the_rest():
    text = f"两会快讯\n\n某委员建议\n\n加快发展职业教育\n\n{BODY_1}\n\n{BODY_2}"
    roles = _roles(text)
    assert roles["两会快讯"] == ROLE_FURNITURE
    assert roles["某委员建议"] == ROLE_CONTENT
    assert roles["加快发展职业教育"] == ROLE_CONTENT


def test_short_headline_alone_is_content():
    text = f"{BODY_1}\n\n春耕正当时\n\n■ 本报记者 李某\n\n{BODY_2}\n\n{BODY_3}"
    assert _roles(text)["春耕正当时"] == ROLE_CONTENT


def test_section_ordinals_and_subheads_inside_text_stay_content():
    text = f"# 某市推进污水治理\n\n{BODY_1}\n\n一\n\n**强化责任落实**\n\n{BODY_2}\n\n{BODY_3}"
    roles = _roles(text)
    assert roles["一"] == ROLE_CONTENT
    assert roles["强化责任落实"] == ROLE_CONTENT


def test_headline_list_without_text_is_boilerplate():
    titles = ["某地举行春季招聘会", "国产大型客机累计运送旅客突破百万", "多地出台措施促进消费", "新一期贷款利率维持不变"]
    roles = _roles("\n".join(titles * 3))
    assert set(roles.values()) <= NON_CONTENT


def test_wechat_ui_strings():
    text = f"{BODY_1}\n{BODY_2}\n{BODY_3}\n预览时标签不可点\n微信扫一扫\n关注该公众号\n在看\n阅读原文"
    roles = _roles(text)
    for ui in ("预览时标签不可点", "微信扫一扫", "关注该公众号", "在看", "阅读原文"):
        assert roles[ui] == ROLE_BOILERPLATE, ui


def test_caption_under_image_and_truncated_teaser():
    teaser = BODY_1[:30] + "..."
    text = f"{teaser}\n\n# 标题一则新闻标题\n\n{BODY_1}\n![](a.png)\n图为施工现场。（王某 摄）\n{BODY_2}\n{BODY_3}"
    lines = {line.text: line for line in clean_document(_doc(text))}
    assert lines["图为施工现场。（王某 摄）"].role == ROLE_CAPTION
    assert lines[teaser].role == ROLE_BOILERPLATE
    assert lines["标题一则新闻标题"].markup == MARKUP_HEADING


def test_recurring_short_lines_are_furniture():
    docs = [_doc(f"某某晚报\n\n{BODY_1}\n{BODY_2}", "a.txt"), _doc(f"某某晚报\n\n{BODY_3}\n{BODY_2}", "b.txt")]
    recurring = recurring_lines(docs)
    assert "某某晚报" in recurring
    assert _roles(f"{BODY_3}\n\n某某晚报\n\n{BODY_1}\n{BODY_2}", recurring)["某某晚报"] == ROLE_FURNITURE


@pytest.mark.parametrize(
    "line, flag",
    [
        ("利用区位优势 and 生态基础打造乡村文旅综合体，先后建起了观光园。", FLAG_STRAY_LATIN),
        ("产业链\ufffd条不断延伸，企业集聚效应显现，产值持续增长。", FLAG_REPLACEMENT_CHAR),
        ("全市新增就业岗位一万个，Привет其中高校毕业生占比过半。", FLAG_MIXED_SCRIPT),
    ],
)
def test_ocr_flags(line, flag):
    lines = clean_document(_doc(f"{line}\n{BODY_1}"))
    assert flag in lines[0].ocr_flags
    assert not lines[1].ocr_flags


def test_ocr_flags_prefilter_changes_no_flag():
    # line_flags skips its five searches when no character an artefact needs is present; the plain checks agree.
    from tasks import clean_flags as cf

    def plain(text: str) -> tuple[str, ...]:
        found = [(cf.FLAG_STRAY_LATIN, cf._STRAY_LATIN.search(text)), (cf.FLAG_REPLACEMENT_CHAR, "\ufffd" in text),
                 (cf.FLAG_MIXED_SCRIPT, cf._MIXED.search(text) and any(cf.is_cjk(ch) for ch in text)),
                 (cf.FLAG_PRIVATE_USE, cf._PRIVATE.search(text)), (cf.FLAG_MOJIBAKE, cf._MOJIBAKE.search(text))]
        return tuple(flag for flag, hit in found if hit)

    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        for text in (chr(code), f"中 {chr(code)}{chr(code)} 文", f"{chr(code)}中"):
            assert cf.line_flags(text) == plain(text), hex(code)


def test_reasons_on_every_non_content_line_and_scores_in_range():
    for text in (WEB_PAGE, NEWSPAPER_PAGE):
        for line in clean_document(_doc(text)):
            assert 0.0 <= line.content_score <= 1.0
            if line.role in NON_CONTENT:
                assert line.reason


def test_rule_hits_recorded():
    line = clean_document(_doc("昨日,走进车间,生产线正在高速运转,工人们忙着赶制订单。"))[0]
    assert "fullwidth_punctuation" in line.rule_hits
    assert line.text == "昨日，走进车间，生产线正在高速运转，工人们忙着赶制订单。"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seeds_every_line_accounted_for(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    doc = _doc(text, path.name)
    cleaned = clean_document(doc)
    assert [c.line_no for c in cleaned] == [i for i, line in enumerate(lines, 1) if line.strip()]
    content = sum(c.role == ROLE_CONTENT for c in cleaned)
    assert content >= 0.5 * len(cleaned)


def test_lexicon_version():
    assert lexicons_version()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=25))
def test_never_raises_and_accounts_for_every_line(lines):
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    doc = SourceDocument("x.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    cleaned = clean_document(doc)
    assert [c.line_no for c in cleaned] == [i for i, line in enumerate(lines, 1) if line.strip()]
    assert all(c.reason is None or not c.reason.startswith("clean error") for c in cleaned)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["首页", "[链接](/a)", "![](b.png)", "# 标题", "(上接第1版)", "来源：某网", "",
                                 "  ", BODY_1, BODY_2, "**1**", "| a | b |", "---|---", "\ufeff\u200b", "\x00"]),
                max_size=30))
def test_property_on_page_like_lines(lines):
    doc = SourceDocument("x.md", "0" * 64, 0, "utf-8", "text/markdown", tuple(lines))
    cleaned = clean_document(doc)
    assert [c.line_no for c in cleaned] == [i for i, line in enumerate(lines, 1) if line.strip()]
    assert all(c.reason is None or not c.reason.startswith("clean error") for c in cleaned)


def test_remembered_lines_give_fresh_identical_results():
    """A line seen before (page furniture) comes from the memo: same roles, no state shared between documents."""
    import tasks.clean_memo as memo

    lines = ["第3版", "本报讯 昨日，市工信局召开全市工业经济工作会议，部署今年重点任务。", "来源：某某日报", "第3版",
             "责任编辑：张三", "会议提出，要加快传统产业转型升级，培育新能源、生物医药等新兴产业。"]
    doc = SourceDocument("a.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    memo.clear_memo()
    first = clean_document(doc)
    assert memo._memo  # short lines were remembered
    second = clean_document(doc)
    memo.clear_memo()
    third = clean_document(doc)
    assert first == second == third
    assert first[2].metadata is not second[2].metadata  # a fresh dict per line
