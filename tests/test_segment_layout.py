"""line_kinds: a short line cut at a column break, whose next line OCR opened by repeating its
last characters, is body text and not a title."""
import pytest

from tasks.records import CleanLine
from tasks.schema import MARKUP_EMPHASIS, MARKUP_HEADING, ROLE_CONTENT
from tasks.segment_blocks import KIND_BODY, KIND_HEAD
from tasks.segment_layout import heading_level, is_emphasis_line, line_kinds


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
