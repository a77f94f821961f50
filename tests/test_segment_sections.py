"""Section heads of a feature (tasks/segment_sections.py): a bare subhead between whole paragraphs stays in
its article; an unannounced title over another story, or over text its own byline signs, heads an article.
Background boxes (tasks/segment.py `_boxed`): the text under a box label stays with the story above it."""
from __future__ import annotations

import pytest

import tasks.segment as segment
from tasks.clean import clean_document
from tasks.records import SourceDocument
from tasks.segment import segment_document
from tasks.segment_blocks import Block
from tasks.segment_sections import (
    ECHO_MIN,
    SECTION_COHESION_MIN,
    continues_section,
    echo_share,
    keep_section_heads,
    section_head_candidate,
)

HEAD = "城西污水处理厂扩建工程开工"
BYLINE = "■ 本报记者 张某"
LEAD = "城西污水处理厂扩建工程昨日开工，建成后污水处理厂日处理能力将提高到二十万吨，城西片区的污水将全部得到处理。"
MEMBRANE_HEAD = "膜处理工艺让出水更清"
MEMBRANE = "扩建工程采用新的膜处理工艺，污水处理厂的出水水质将达到地表水四类标准，出水还将用于河道生态补水。"
PIPES_HEAD = "截污管网铺到家门口"
PIPES = "与污水处理厂扩建同步，城西片区今年将新铺截污管网三十公里，把沿街商铺和老旧小区的污水接入污水处理厂。"
LIBRARY_HEAD = "市图书馆延长夜间开放时间"
LIBRARY = "从下月起，市图书馆周五至周日的闭馆时间推迟到晚上九点，读者可在自助借还机上借阅图书，方便上班族读书。"
LIBRARY_2 = "图书馆有关负责人说，夜间开放期间阅览室和少儿借阅区都将开放，图书馆还将增加志愿者人手。"
LIBRARY_BYLINE = "本报记者 李某"
BOX = "城西污水处理厂始建于上世纪九十年代，是城西片区唯一的污水处理厂，扩建前日处理能力为十万吨。"


def _segment(page: list[str]):
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(page))
    return segment_document(doc, clean_document(doc))


def test_bare_subheads_between_whole_paragraphs_stay_in_the_feature():
    page = [HEAD, BYLINE, LEAD, MEMBRANE_HEAD, MEMBRANE, PIPES_HEAD, PIPES]
    seg = _segment(page)
    assert [a.headline for a in seg.articles] == [HEAD]
    assert seg.articles[0].source_lines == list(range(1, len(page) + 1))


def _kept(lines: list[str], blocks: list[Block]) -> list[Block]:
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    return keep_section_heads(blocks, clean_document(doc), lines)


def test_keep_section_heads_merges_each_section_into_the_story_above():
    lines = [HEAD, BYLINE, LEAD, MEMBRANE_HEAD, MEMBRANE, PIPES_HEAD, PIPES, LIBRARY_HEAD, LIBRARY_BYLINE, LIBRARY]
    blocks = [Block(head=[0], bylines=[1], body=[2]), Block(head=[3], body=[4]), Block(head=[5], body=[6]),
              Block(head=[7], bylines=[8], body=[9])]
    kept = _kept(lines, blocks)
    assert [(b.head, b.body) for b in kept] == [([0], [2, 3, 4, 5, 6]), ([7], [9])]


def test_keep_section_heads_leaves_a_title_over_another_story():
    lines = [HEAD, BYLINE, LEAD, MEMBRANE, LIBRARY_HEAD, LIBRARY, LIBRARY_2]
    blocks = [Block(head=[0], bylines=[1], body=[2, 3]), Block(head=[4], body=[5, 6])]
    assert [(b.head, b.body) for b in _kept(lines, blocks)] == [([0], [2, 3]), ([4], [5, 6])]


def test_an_unannounced_title_over_another_story_heads_its_own_article():
    seg = _segment([HEAD, BYLINE, LEAD, MEMBRANE, LIBRARY_HEAD, LIBRARY, LIBRARY_2])
    assert [a.headline for a in seg.articles] == [HEAD, LIBRARY_HEAD]


def _blocks(lines: list[str], above: Block, block: Block) -> bool:
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    return section_head_candidate(above, block, clean_document(doc), lines)


def test_a_lone_head_between_whole_paragraphs_is_a_section_head_candidate():
    lines = [HEAD, BYLINE, LEAD, MEMBRANE, PIPES_HEAD, PIPES]
    assert _blocks(lines, Block(head=[0], bylines=[1], body=[2, 3]), Block(head=[4], body=[5]))


def test_a_title_whose_text_its_own_byline_signs_is_no_section_head():
    lines = [HEAD, BYLINE, LEAD, MEMBRANE, PIPES_HEAD, PIPES, LIBRARY_BYLINE]
    assert not _blocks(lines, Block(head=[0], bylines=[1], body=[2, 3]), Block(head=[4], bylines=[6], body=[5]))


def test_a_head_under_an_open_line_or_with_clause_marks_is_no_section_head():
    cut = [HEAD, BYLINE, LEAD, MEMBRANE[:20], PIPES_HEAD, PIPES]
    assert not _blocks(cut, Block(head=[0], bylines=[1], body=[2, 3]), Block(head=[4], body=[5]))
    clause = [HEAD, BYLINE, LEAD, MEMBRANE, "截污管网，铺到家门口", PIPES]
    assert not _blocks(clause, Block(head=[0], bylines=[1], body=[2, 3]), Block(head=[4], body=[5]))


def test_a_title_in_two_parts_is_a_storys_not_a_section_head():
    lines = [HEAD, BYLINE, LEAD, MEMBRANE, "截污管网铺到家门口 城西污水全收集", PIPES]
    assert not _blocks(lines, Block(head=[0], bylines=[1], body=[2, 3]), Block(head=[4], body=[5]))


@pytest.mark.parametrize("shift, elsewhere, names, echo, section", [
    (0.10, 0.02, 0.30, 1.0, True),
    (0.10, 0.02, 0.0, ECHO_MIN, True),  # echoes its section's words without naming a specific term
    (0.10, 0.02, 0.0, 0.2, False),  # names nothing of the text under it
    (SECTION_COHESION_MIN - 0.01, 0.0, 0.30, 1.0, False),  # words shared by chance: another story
    (0.08, 0.11, 0.30, 0.9, False),  # a page of one theme: the text is closer to another story
])
def test_continues_section(shift, elsewhere, names, echo, section):
    assert continues_section(shift, elsewhere, names, echo) is section


def test_echo_share_counts_the_heads_character_pairs_found_in_the_text():
    assert echo_share(MEMBRANE_HEAD, MEMBRANE) == pytest.approx(5 / 9)  # 膜处 处理 理工 工艺 出水
    assert echo_share("出水更清", "出水水质更清") == pytest.approx(2 / 3)
    assert echo_share("◆", MEMBRANE) == 0.0


def test_a_background_box_stays_with_the_story_above_it(monkeypatch):
    # the box shares its words with the first story, yet it stands after the second, under its label
    page = [HEAD, BYLINE, LEAD, MEMBRANE, LIBRARY_HEAD, LIBRARY_BYLINE, LIBRARY, LIBRARY_2, "相关链接", BOX]
    library = [a for a in _segment(page).articles if a.headline == LIBRARY_HEAD][0]
    assert len(page) in library.source_lines
    monkeypatch.setattr(segment, "_boxed", lambda *args: frozenset())
    library = [a for a in _segment(page).articles if a.headline == LIBRARY_HEAD][0]
    assert len(page) not in library.source_lines  # without the box's evidence cohesion moves it


def test_a_sections_cosines_with_the_other_stories_are_read_off_its_row_with_every_block():
    """keep_section_heads reads a section's cosines with the other stories off cosines(vectors, whole):
    the same numbers as the product with those stories' rows alone."""
    import numpy as np

    from tasks.segment_vectors import LineTerms, cosines, normalized

    texts = ["园区将推行新的审批模式。", "周建华说,园区还将设立专项资金。", "老街夜市开市一个月。", "夜市摊位供不应求,园区客流大增。"]
    terms = LineTerms(texts)
    idf = terms.idf(terms.matrix)
    whole = normalized(terms.groups([[0], [1], [2], [3], [0, 2]]), idf)
    vectors = normalized(terms.groups([[1], [0, 2], [3]]), idf)
    stories = [0, 2, 4]
    assert np.array_equal(cosines(vectors, whole)[2, stories], cosines(vectors[2], whole[stories])[0])
