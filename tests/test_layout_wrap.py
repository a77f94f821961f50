"""Hard-wrapped pages (tasks/layout_wrap.py), a comment section under the article and times heading the
entries of a live report: page forms written for the project by a second author (tests/web_pages_forms.py)."""
from __future__ import annotations

import pytest

from tasks.clean import clean_document
from tasks.layout_wrap import with_wrap_links, wrap_width, wrapped_lines
from tasks.records import SourceDocument
from tasks.schema import ROLE_BOILERPLATE, ROLE_CONTENT
from tasks.segment import segment_document
from tasks.segment_starts import is_bare_ordinal

from tests.test_clean_rules import BODY_1, BODY_2, BODY_3

PARAGRAPH = BODY_1 + BODY_2


def _wrapped(text: str, width: int) -> list[str]:
    return [text[k:k + width] for k in range(0, len(text), width)]


def _numbered(lines: list[str]) -> list[tuple[int, str]]:
    return [(n, raw) for n, raw in enumerate(lines, 1) if raw.strip()]


def test_a_page_wrapped_at_one_width_is_found_and_its_full_lines_run_on():
    lines = ["南湖日报 第3版", "标题在这里", *_wrapped(PARAGRAPH, 20), *_wrapped(BODY_3, 20)]
    assert wrap_width(_numbered(lines)) == 20
    runs_on = wrapped_lines(_numbered(lines))
    pieces = len(_wrapped(PARAGRAPH, 20))
    assert runs_on[2:2 + pieces - 1] == [True] * (pieces - 1)
    assert runs_on[:2] == [False, False]


def test_blank_lines_between_the_pieces_or_an_indent_part_them():
    spaced = [x for piece in _wrapped(PARAGRAPH, 20) for x in (piece, "")]
    assert not any(wrapped_lines(_numbered(spaced)))
    indented = _wrapped(PARAGRAPH, 20) + ["\u3000\u3000" + BODY_3]
    assert wrapped_lines(_numbered(indented))[len(indented) - 2] is False


@pytest.mark.parametrize("lines", [
    ["全市重点项目集中开工建设推进会举行", "春季人才招聘会在会展中心举行了"] * 4,  # headlines: even, unpunctuated
    [BODY_1, BODY_2, BODY_3],  # paragraphs of their own lengths
])
def test_lists_of_titles_and_unwrapped_paragraphs_are_not_hard_wrapped(lines):
    assert wrap_width(_numbered(lines)) is None


def test_wrap_links_win_over_contradicting_joins_and_never_close_a_cycle():
    runs_on = [True, True, False, False]
    assert with_wrap_links({0: 3, 1: 3}, runs_on, {0, 1, 2, 3}) == {0: 1, 1: 2}
    assert with_wrap_links({2: 0}, runs_on, {0, 1, 2, 3}) == {0: 1, 1: 2}  # 0 -> 1 -> 2 -> 0 is no text
    assert with_wrap_links({0: 2}, runs_on, {0, 2}) == {0: 2}  # line 1 may take no join: nothing forced


def _segment(lines: list[str]):
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    return segment_document(doc, clean_document(doc))


def test_a_hard_wrapped_article_is_one_article_with_every_wrap_joined():
    pieces = _wrapped(PARAGRAPH + BODY_3, 18)
    lines = ["江城晚报 2025年3月12日 星期三", "第3版 要闻", "滨江新区推进智能制造", "本报记者 许诺", *pieces]
    seg = _segment(lines)
    assert len(seg.articles) == 1
    article = seg.articles[0]
    assert article.headline == "滨江新区推进智能制造"
    first = 5
    assert {tuple(j) for j in article.joins} == {(n, n + 1) for n in range(first, first + len(pieces) - 1)}


def test_a_comment_section_under_the_article_is_boilerplate_to_the_end():
    comment = "说得好，关键还是要抓落实，希望有关部门尽快把这项工作推进下去。"
    lines = ["# 滨江新区推进智能制造", "", BODY_1, "", BODY_2, "", BODY_3, "", "责任编辑：许诺", "",
             "热门评论", "", "滨江老张", "", "3小时前", "", comment, "", "赞（12）"]
    roles = {line.text: line.role for line in clean_document(
        SourceDocument("t.md", "0" * 64, 0, "utf-8", "text/markdown", tuple(lines)))}
    assert roles[BODY_3] == ROLE_CONTENT
    assert roles[comment] == ROLE_BOILERPLATE and roles["热门评论"] == ROLE_BOILERPLATE


@pytest.mark.parametrize("text, whole", [("10:30", True), ("【14:05】", True), ("9：45", True),
                                         ("10:30 记者在现场看到", False), ("25:70", False), ("一", True)])
def test_a_time_alone_on_its_line_is_a_whole_line(text, whole):
    assert is_bare_ordinal(text) is whole


_PDF_PAGE_HEAD = ["南湖日报 2025年3月12日 星期三", "6"]
_OPEN_LINE = "三座污水处理厂建成投运后城区污水"  # a paragraph's first line: full width, no punctuation
_SECOND_PARAGRAPH = _OPEN_LINE + "收集处理率将由百分之八十提高到百分之九十五以上，沿河的黑臭水体也将随之消除。"
_SHORT_SENTENCE = "沿河居民对新厂建成投运充满期待。"  # full width: it runs on into its paragraph


def _pdf_page(foot: str) -> list[str]:
    first = [_wrapped(p, 16) for p in (BODY_1 + BODY_2, _SECOND_PARAGRAPH,
                                       _SHORT_SENTENCE + "家住河边的市民说，过去夏天不敢开窗，盼着新厂早日投运。", BODY_3)]
    second = _wrapped("河西公园新建步道三公里，增设座椅和照明，周边居民可就近散步健身，公园还新种乔木两千余株。", 16)
    return [*_PDF_PAGE_HEAD, "某市新建三座污水处理厂", "本报记者 许诺", *[x for p in first for x in p],
            "河西公园改造完工", "本报记者 林晓", *second, foot]


@pytest.mark.parametrize("foot", ["第3页", "- 3 -", "3"])
def test_a_pdf_page_keeps_its_page_numbers_out_and_its_full_lines_in_the_text(foot):
    lines = _pdf_page(foot)
    seg = _segment(lines)
    assert [a.headline for a in seg.articles] == ["某市新建三座污水处理厂", "河西公园改造完工"]
    kept = {n for a in seg.articles for n in a.source_lines}
    assert kept == set(range(3, len(lines)))  # neither the folio over the head nor the one at the foot
    first = seg.articles[0]
    assert _OPEN_LINE in first.paragraphs[1] and first.paragraphs[2].startswith(_SHORT_SENTENCE)
