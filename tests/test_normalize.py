"""Normalisation rules and markdown stripping: tables of input/expected pairs."""
from __future__ import annotations

import pytest

from tasks.normalize import (
    han_bigrams,
    RULE_CONTROL,
    RULE_FULLWIDTH,
    RULE_FULLWIDTH_STOP,
    RULE_NFC,
    RULE_SPACES,
    RULES,
    RULES_VERSION,
    fullwidth_punctuation,
    fullwidth_stop,
    normalize_spaces,
    normalize_text,
    remove_control_chars,
    unicode_nfc,
)
from tasks.markdown import markdown_evidence, strip_markdown
from tasks.schema import (
    MARKUP_EMPHASIS,
    MARKUP_HEADING,
    MARKUP_IMAGE,
    MARKUP_LINK,
    MARKUP_LIST,
    MARKUP_QUOTE,
    MARKUP_TABLE,
)


def test_rules_are_named_and_versioned():
    names = [name for name, _ in RULES]
    assert names == [RULE_NFC, RULE_CONTROL, RULE_SPACES, RULE_FULLWIDTH, RULE_FULLWIDTH_STOP]
    assert RULES_VERSION


@pytest.mark.parametrize(
    "text, expected",
    [
        ("e\u0301", "é"),  # combining acute composes
        ("\u5eca\u0300", "\u5eca\u0300"),  # nothing to compose stays
        ("天津", "天津"),
    ],
)
def test_unicode_nfc(text, expected):
    assert unicode_nfc(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\ufeff天津市", "天津市"),  # BOM
        ("新质\u200b生产力", "新质生产力"),  # zero-width space
        ("产业\u200d链", "产业链"),  # zero-width joiner
        ("记者\x00张清", "记者张清"),  # NUL
        ("本报讯\x07(记者)", "本报讯(记者)"),  # bell
        ("项目\t名称", "项目\t名称"),  # tabs are kept (spaces rule handles them)
    ],
)
def test_remove_control_chars(text, expected):
    assert remove_control_chars(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("左\u3000权", "左 权"),  # ideographic space
        ("2024\u00a0天津两会", "2024 天津两会"),  # no-break space
        ("项目\t名称", "项目 名称"),
        ("  首页", "  首页"),
    ],
)
def test_normalize_spaces(text, expected):
    assert normalize_spaces(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("昨日,走进车间", "昨日，走进车间"),
        ("本报讯(记者 张清)今年", "本报讯（记者 张清）今年"),
        ("边仕苓说:“干劲更足了。”", "边仕苓说：“干劲更足了。”"),
        ("如何向“新”生长?", "如何向“新”生长？"),
        ("欢迎再来!", "欢迎再来！"),
        ("一是推进;二是实施", "一是推进；二是实施"),
        ("(上接第1版)", "（上接第1版）"),
        ("增长12.5%", "增长12.5%"),  # decimals untouched
        ("2023年,我市", "2023年，我市"),
        ("3,000万元", "3,000万元"),  # thousands separator between digits
        ("比分1:2落后", "比分1:2落后"),
        ("GMP认证", "GMP认证"),
        ("5G基站", "5G基站"),
        ("GMP, 5G and AI", "GMP, 5G and AI"),  # Latin text keeps its punctuation
        ("详见http://x.com/a?b=1,c=2。", "详见http://x.com/a?b=1,c=2。"),  # URL untouched
        ("网址www.example.com/q?x=1!", "网址www.example.com/q?x=1!"),
        ("邮箱news@example.com,欢迎", "邮箱news@example.com，欢迎"),
        ("天津(2023)", "天津（2023）"),  # a pair converts together
        ("时间:10:30", "时间：10:30"),
        ("，已经全角", "，已经全角"),  # never the reverse (Data-Juicer maps ， to ,)
        ("天津（2023)", "天津（2023）"),  # a full-width opening pairs an ASCII closing, nothing else changed
        ("(Tianjin) 天津", "（Tianjin） 天津"),  # ")" has Chinese after the space: the pair converts together
        ("(Tianjin) is big", "(Tianjin) is big"),  # an ASCII pair amid Latin text stays
        ("见 , 下文", "见 ， 下文"),  # neighbours are looked up across spaces
        ("详见http://x.com/a,b 与 news@x.cn,其他", "详见http://x.com/a,b 与 news@x.cn，其他"),
    ],
)
def test_fullwidth_punctuation(text, expected):
    assert fullwidth_punctuation(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("共同的责任.上游和下游", "共同的责任。上游和下游"),  # OCR read the stop as ASCII
        ("解决问题的能力.", "解决问题的能力。"),  # at the line's end
        ("解决问题的能力. ", "解决问题的能力。 "),
        ("投入1.2亿元.", "投入1.2亿元。"),  # the decimal stays
        ("他说：“好.”", "他说：“好。”"),  # before a closing quote
        ("“十四五”.下一步", "“十四五”。下一步"),  # after one
        ("增长12.5%", "增长12.5%"),
        ("一.总则", "一.总则"),  # a line's enumerator keeps its stop
        ("见附件.pdf", "见附件.pdf"),  # a file name
        ("官网www.example.cn.", "官网www.example.cn."),  # a domain name
        ("等等...", "等等..."),  # an ellipsis
        ("A.上游", "A.上游"),  # after a Latin letter
    ],
)
def test_fullwidth_stop(text, expected):
    assert fullwidth_stop(text) == expected


@pytest.mark.parametrize(
    "text, expected, hits",
    [
        ("\ufeff昨日,走进\u3000车间", "昨日，走进 车间", (RULE_CONTROL, RULE_SPACES, RULE_FULLWIDTH)),
        ("天津市人民政府", "天津市人民政府", ()),
        ("e\u0301", "é", (RULE_NFC,)),
        ("昨日,走进车间.工人", "昨日，走进车间。工人", (RULE_FULLWIDTH, RULE_FULLWIDTH_STOP)),
    ],
)
def test_normalize_text_reports_rules(text, expected, hits):
    assert normalize_text(text) == (expected, hits)


@pytest.mark.parametrize(
    "line, text, kind",
    [
        ("# 打造天津的当家产业", "打造天津的当家产业", MARKUP_HEADING),
        ("#### ", "", MARKUP_HEADING),
        ("**大力发展汽车产业**", "大力发展汽车产业", MARKUP_EMPHASIS),
        ("_原创_ 乐居", "原创 乐居", MARKUP_EMPHASIS),
        ("[新闻中心](https://example.com/news/)", "新闻中心", MARKUP_LINK),
        ("![](http://img.example.com/a.jpg)", "", MARKUP_IMAGE),
        ("[![](https://img.example.com/a.png)](https://example.com/)", "", MARKUP_IMAGE),
        ("  * [光伏](/guangfu/)", "光伏", MARKUP_LINK),
        ("  * 加氢站", "加氢站", MARKUP_LIST),
        ("1. 首页", "首页", MARKUP_LIST),
        ("> 引用的一段话。", "引用的一段话。", MARKUP_QUOTE),
        ("项目名称 |  某某采购项目 | 项目编号 |  AB-1", "项目名称 某某采购项目 项目编号 AB-1", MARKUP_TABLE),
        ("---|---|---", "", MARKUP_TABLE),
        ("广州[url20]", "广州", MARKUP_LINK),
        ("据悉，[某公司](http://e.com)今天宣布扩大投资，新建两条生产线。", "据悉，某公司今天宣布扩大投资，新建两条生产线。", None),
        ("[登录](https://e.com/<javascript:void\\(0\\)>)", "登录", MARKUP_LINK),
        ("2025年\\(上\\)", "2025年(上)", None),
        ("<main-content>", "", None),
        ("普通的一行文字。", "普通的一行文字。", None),
    ],
)
def test_strip_markdown(line, text, kind):
    assert strip_markdown(line) == (text, kind)


def test_markdown_evidence_counts_link_text():
    ev = markdown_evidence("[首页](/) > [氢能](/qn/) > [加氢站](/jqz/)")
    assert ev.text == "首页 > 氢能 > 加氢站"
    assert ev.link_chars == 7
    assert MARKUP_LINK in ev.kinds


def test_han_bigrams_are_pairs_of_adjacent_han_characters():
    assert han_bigrams("城西A站，公交线") == {"城西", "公交", "交线"}
    assert han_bigrams("要") == set()
