"""Adjacency trust in tasks/segment_links.py: a page read out of column order rescores the
next-line bonus before the links are chosen again; the topic of the cut article outweighs the
next line in file order (the weights of tasks/segment_pairs.py); the lines a source can never
continue take no place on its shortlist."""
import pytest

from tasks.segment_blocks import Block
from tasks.segment_links import _distrust_order, _skips_lines, choose_links
from tasks.segment_pairs import WEIGHTS

SUCC = {0: 1, 1: 2, 2: None, 3: 4, 4: None}


@pytest.mark.parametrize("links, skips", [
    ({0: 1, 1: 2}, False),  # every join reads on to the line below
    ({2: 3}, False),  # the last line of a block goes on in the next block: column order
    ({0: 4}, True),  # a join passes over line 1, which stands below line 0 in its block
    ({}, False),
])
def test_skips_lines(links, skips):
    assert _skips_lines(links, SUCC) is skips


def test_distrust_order_lowers_only_next_line_pairs():
    cut = WEIGHTS["adjacent"] - WEIGHTS["adjacent_scrambled"]
    assert cut > 0
    rescored = _distrust_order([(1.0, 0, 1), (1.0, 0, 4), (1.0, 2, 3)], SUCC)
    assert rescored == [(pytest.approx(1.0 - cut), 0, 1), (1.0, 0, 4), (1.0, 2, 3)]


# A page read out of column order: the line after the cut one belongs to another article, the
# true continuation stands under another head, on the cut article's topic (composed text).
OUT_OF_ORDER = [
    "古籍修复室揭牌",
    "市图书馆古籍修复室昨日揭牌，修复师将为馆藏古籍",
    "地铁五号线南延段昨日开始试运行，全线设站八座。",
    "乘客可使用交通卡乘车，早晚高峰发车间隔五分钟。",
    "社区运动会开幕",
    "社区运动会昨日开幕，三千余名居民参加了比赛。",
    "逐页更换护页，修复后的馆藏古籍将在修复室向读者开放。",
    "居民张先生说，比赛项目贴近日常生活。",
]


def test_far_continuation_on_the_topic_beats_the_next_line_of_another_article():
    blocks = [Block(head=[0], body=[1, 2, 3]), Block(head=[4], body=[5, 6, 7])]
    assert choose_links(blocks, OUT_OF_ORDER, [False] * len(OUT_OF_ORDER)) == {1: 6}


def test_next_line_wins_when_nothing_else_reads_on():
    texts = OUT_OF_ORDER[:6] + ["今年还将举办社区篮球赛和广场舞比赛。", OUT_OF_ORDER[7]]
    blocks = [Block(head=[0], body=[1, 2, 3]), Block(head=[4], body=[5, 6, 7])]
    assert choose_links(blocks, texts, [False] * len(texts)) == {1: 2}


def test_scores_of_the_chosen_links_are_reported():
    blocks = [Block(head=[0], body=[1, 2, 3]), Block(head=[4], body=[5, 6, 7])]
    scores: dict[int, float] = {}
    links = choose_links(blocks, OUT_OF_ORDER, [False] * len(OUT_OF_ORDER), scores=scores)
    assert set(scores) == set(links) == {1} and scores[1] > 0


# The cut line stands third in its block: the lines above it share its words (its own article's
# context) but can never continue it; the real continuation stands under another head.
CUT_UNDER_ITS_OWN_TEXT = [
    "古籍修复室揭牌",
    "市图书馆古籍修复室昨日揭牌，馆藏古籍修复后将向读者开放。",
    "古籍修复室配备古籍修复师八名，古籍修复室还设有展厅。",
    "修复师将为馆藏古籍",
    "社区运动会开幕",
    "社区运动会昨日开幕，三千余名居民参加了比赛。",
    "逐页更换护页，修复后的馆藏古籍将在修复室向读者开放。",
    "居民张先生说，比赛项目贴近日常生活。",
]


def test_lines_above_the_source_in_its_block_take_no_shortlist_place():
    blocks = [Block(head=[0], body=[1, 2, 3]), Block(head=[4], body=[5, 6, 7])]
    texts = CUT_UNDER_ITS_OWN_TEXT
    assert choose_links(blocks, texts, [False] * len(texts), shortlist=1) == {3: 6}


# The line after a comma-ended line opens on a speech verb: it continues a line that ends on its
# speaker (the office under the other head), not the comma (composed text).
SPEECH_AFTER_COMMA = [
    "社区运动会开幕",
    "本届社区运动会以全民健身为主题，",
    "表示，明年将在全市新建健身步道二十条。",
    "健身步道建设提速",
    "市体育局相关负责人",
    "比赛项目贴近居民日常生活，三千余名社区居民报名参赛。",
]


def test_a_speech_verb_continues_its_speaker_not_the_comma_above_it():
    blocks = [Block(head=[0], body=[1, 2]), Block(head=[3], body=[4, 5])]
    texts = SPEECH_AFTER_COMMA
    assert choose_links(blocks, texts, [False] * len(texts)) == {1: 5, 4: 2}


def test_next_line_wins_across_the_edge_of_a_block_nothing_opens():
    # a head given back to the text leaves a block without head or byline: its first line is
    # still the next line in file order after the cut line ending the block above
    texts = OUT_OF_ORDER[:6] + ["今年还将举办社区篮球赛和广场舞比赛。", OUT_OF_ORDER[7]]
    bare = [Block(head=[0], body=[1]), Block(body=[2, 3]), Block(head=[4], body=[5, 6, 7])]
    assert choose_links(bare, texts, [False] * len(texts)) == {1: 2}
    headed = [Block(head=[0], body=[1]), Block(bylines=[2], body=[3]), Block(head=[4], body=[5, 6, 7])]
    assert 2 not in choose_links(headed, texts, [False] * len(texts)).values()


def test_a_block_edge_vouches_for_the_next_line_as_a_page_read_out_of_order_does(monkeypatch):
    # where a head was given back to the text a moved run may begin: the weaker adjacency bonus
    texts = OUT_OF_ORDER[:6] + ["今年还将举办社区篮球赛和广场舞比赛。", OUT_OF_ORDER[7]]
    bare = [Block(head=[0], body=[1]), Block(body=[2, 3]), Block(head=[4], body=[5, 6, 7])]
    cut = WEIGHTS["adjacent"] - WEIGHTS["adjacent_scrambled"]
    scored: dict[int, float] = {}
    choose_links(bare, texts, [False] * len(texts), scores=scored)
    monkeypatch.setitem(WEIGHTS, "adjacent_scrambled", WEIGHTS["adjacent"])  # no bonus cut
    trusted: dict[int, float] = {}
    choose_links(bare, texts, [False] * len(texts), scores=trusted)
    assert cut > 0 and trusted[1] - scored[1] == pytest.approx(cut)
