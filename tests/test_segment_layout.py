"""line_kinds: a short line cut at a column break, whose next line OCR opened by repeating its
last characters, is body text and not a title."""
import pytest

from tasks.records import CleanLine
from tasks.schema import MARKUP_EMPHASIS, MARKUP_HEADING, ROLE_CONTENT
from tasks.segment_blocks import KIND_BODY, KIND_HEAD
from tasks.segment_layout import heading_level, is_emphasis_line, label_announced, line_kinds


def _content(texts):
    return [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(texts, 1)]


def test_line_doubled_at_break_is_body():
    page = ["城东新建两所公办幼儿园", "本报讯(记者 林晓)城东区今年新建两所公办幼儿园,新增学位五百个。",
            "两所幼儿园均配备户外活动场地和保健室", "室,师资由区教育局统一招聘。"]
    kinds = line_kinds(_content(page))
    assert kinds[0] == KIND_HEAD and kinds[2] == KIND_BODY


def test_title_naming_what_the_text_opens_with_stays_a_head():
    page = ["扎根山村二十年 ——记乡村教师周明远", "周明远带领学生建起了村里第一个图书角。"]
    assert line_kinds(_content(page))[0] == KIND_HEAD


def test_title_like_line_stacked_on_a_top_level_heading_is_its_kicker():
    raw = ["# 城东新建两所公办幼儿园", "城东区今年新建两所公办幼儿园,新增学位五百个。",
           "教育观察", "# 乡村学校用上智慧教室", "今年全区乡村学校全部用上了智慧教室。"]
    content = [CleanLine(n, r, r.lstrip("# "), ROLE_CONTENT) for n, r in enumerate(raw, 1)]
    assert line_kinds(content) == [KIND_HEAD, KIND_BODY, KIND_HEAD, KIND_HEAD, KIND_BODY]


@pytest.mark.parametrize("raw, markup, level, emphasis", [
    ("## 老街夜市人气旺", None, 2, False),
    ("  # 老街夜市人气旺", None, 1, False),
    ("####### 七个井号不是标题", None, None, False),
    ("#老街夜市", None, None, False),  # no space after the marks
    ("老街夜市人气旺", MARKUP_HEADING, 1, False),
    ("**老街夜市人气旺**", None, None, True),
    (" **老街夜市** ", None, None, True),
    ("**老街**夜市**人气旺**", None, None, False),
    ("老街夜市人气旺", MARKUP_EMPHASIS, None, True),
])
def test_heading_level_and_emphasis_line(raw, markup, level, emphasis):
    line = CleanLine(1, raw, raw.strip("# *"), ROLE_CONTENT, markup=markup)
    assert heading_level(line) == level and is_emphasis_line(line) is emphasis


# A column label that cleaning took out stood over the line (content index 1); the text above it ends a paragraph.
TEXT_ABOVE_LABEL = "上一段的最后一句话写完了。"


@pytest.mark.parametrize("line, under, kind", [
    # a title: the label outweighs a last character that looks cut, or announces it with a byline
    ("老旧小区改造要让居民参与", "改造方案定得好不好，住在楼里的居民最有发言权。", KIND_HEAD),
    ("城东新建三所公办幼儿园", "本报记者 周明远", KIND_HEAD),
    # its own text reads as a piece of a paragraph: clause marks, a job title waiting for its name, an open quote
    ("三所幼儿园均按省级示范标准建设，每所幼儿园", "配备户外活动场地和保健室。", KIND_BODY),
    ("记者从市教育局处长", "周明远处获悉，三所幼儿园将同时开园。", KIND_BODY),
    ("全区将举办“书香社区", "读书月”活动。", KIND_BODY),
    # it reads on into the line under it: OCR doubled the break, the line under it opens inside its clause
    ("两所幼儿园均配备户外活动场地和保健室", "室，师资由区教育局统一招聘。", KIND_BODY),
    ("城南社区的老年食堂每天接待老人两百多", "人次，饭菜价格比外面便宜三成。", KIND_BODY),
])
def test_a_column_label_announces_only_a_line_that_reads_as_a_title(line, under, kind):
    content = _content([TEXT_ABOVE_LABEL, line, under])
    assert line_kinds(content, labelled=label_announced(content, frozenset({1})))[1] == kind


def test_a_dateline_under_a_column_label_is_announced_as_no_title():
    content = _content([TEXT_ABOVE_LABEL, "本报讯（记者 周明远）城东区", "今年新建三所幼儿园。", "城东新建三所公办幼儿园",
                        "本报记者 林晓"])
    assert label_announced(content, frozenset({1, 3})) == frozenset({3})
