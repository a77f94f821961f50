"""Breaks that are no joins on real pages: a numbered section head over an indented paragraph, an
author line (office, a space, a name); and the scrambler's "lost" page kind, where a line's
continuation is missing from the page (composed text throughout)."""
import random

from tasks.segment_heads import parse_byline
from tasks.segment_links import subhead_flags
from tasks.segment_starts import indented, section_head
from tests.scrambler import KINDS, _fragments, generated_pages

def test_a_numbered_head_over_an_indented_paragraph_is_a_subhead():
    texts = ["（二）全面推进城乡融合、乡村振兴、生态保护,加快建设美丽家园",
             "以城乡融合引领乡村全面振兴,统筹推进各项工作。"]
    assert subhead_flags(texts, [False, False], [True, True]) == [True, False]
    assert subhead_flags(texts, [False, False], [False, False]) == [False, False]  # may be a cut point
    assert indented("  以城乡融合") and indented("\u3000以城乡融合") and not indented("以城乡融合")


def test_section_head_needs_an_enumerator_and_no_open_clause():
    assert section_head("一、坚持改革创新", True) and section_head("2.强化要素保障", True)
    assert not section_head("一、坚持改革创新，", True)  # the sentence reads on
    assert not section_head("一、坚持改革创新。", True)  # a numbered point, not a head
    assert not section_head("坚持改革创新", True) and not section_head("1.5倍以上的增长", True)


def test_an_office_and_a_name_make_a_byline():
    assert parse_byline("▶市第一中学校长 王立新") == ["王立新"]
    assert parse_byline("区人民医院院长 欧阳明") == ["欧阳明"]
    assert parse_byline("市第一中学校长 王立新说") is None  # speech, not a name
    assert parse_byline("市场监管局局长 介绍情况") is None


def test_lost_kind_drops_a_piece_and_joins_nothing_across_the_gap():
    rng = random.Random(3)
    rates = dict(KINDS["lost"], cut=1.0, lost=1.0)
    paragraph = "市图书馆古籍修复室昨日揭牌，修复师将为馆藏古籍逐页更换护页，修复后的古籍将在修复室向读者开放。"
    pieces, lost = _fragments(paragraph, rng, rates, may_lose=True)
    assert lost and "".join(text for text, _ in pieces) != paragraph
    assert all(text in paragraph for text, _ in pieces)
    incomplete = [a for _, gold, _, _ in generated_pages(20, 0, "lost") for a in gold["articles"]
                  if a["headline_lines"] and not a["complete"]]
    assert incomplete  # headed articles that lost a piece are marked incomplete


def test_older_kinds_draw_nothing_for_the_lost_feature():
    rates = dict(KINDS["mixed"], cut=1.0)
    pieces, lost = _fragments("市图书馆古籍修复室昨日揭牌，修复师将为馆藏古籍逐页更换护页。", random.Random(1), rates, may_lose=True)
    assert not lost and "lost" not in KINDS["mixed"]
