"""demote_cut_heads: a lone unannounced head that ends as a cut and names none of the text under it
goes back to the body; a title over its own text, an announced head or a line ending on a whole
word stays."""
import numpy as np
import pytest

from tasks.records import CleanLine
from tasks.schema import ROLE_CONTENT
from tasks.segment_blocks import Block
from tasks.segment_cutheads import (
    closer_elsewhere,
    completed_elsewhere,
    cut_end,
    demote_cut_heads,
    ends_on_single_character,
)

PAGE = [
    "城南公园完成提升改造",  # 0 head of block 0
    "本报讯(记者 林晓)市园林局组织的城南公园提升改造日前完工,园内新建步道三公里,增设座椅和照明。",  # 1
    "",  # 2 the line under test, taken for a lone head
    "菜市场改造后摊位增加到一百二十个,市民买菜更方便。",  # 3 another article's text under it
    "河西菜市场恢复营业",  # 4 head of block 2
    "河西菜市场改造后恢复营业,周边居民不用再跑远路买菜。",  # 5
    "示,城南公园明年还将改造园内公厕和停车场。",  # 6 continues a line cut after `表`
]


def _heads(line, under=3, bylines=()):
    texts = PAGE[:2] + [line] + PAGE[3:]
    content = [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(texts, 1)]
    blocks = [Block(head=[0], body=[1]), Block(head=[2], bylines=list(bylines), body=[under]),
              Block(head=[4], body=[5, 6])]
    return [(b.head, b.body) for b in demote_cut_heads(blocks, content, texts)]


def test_cut_piece_over_another_articles_text_goes_back_to_the_body():
    assert _heads("市园林局负责人表")[1] == ([], [2, 3])


def test_title_over_its_own_text_stays_whatever_its_end():
    texts = ["老街夜市人气旺", "老街夜市开市一个月,每晚客流超过两万人次,夜市摊位供不应求。"]
    content = [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(PAGE + texts, 1)]
    blocks = [Block(head=[0], body=[1, 2, 3]), Block(head=[4], body=[5, 6]), Block(head=[7], body=[8])]
    assert demote_cut_heads(blocks, content, PAGE + texts)[2].head == [7]


def test_line_ending_on_a_whole_word_stays():
    assert _heads("市园林局推进公园改造")[1] == ([2], [3])


def test_announced_head_stays():
    texts = PAGE[:2] + ["市园林局负责人表", "本报记者 林晓"] + PAGE[3:]
    content = [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(texts, 1)]
    blocks = [Block(head=[0], body=[1]), Block(head=[2], bylines=[3], body=[4]), Block(head=[5], body=[6, 7])]
    assert demote_cut_heads(blocks, content, texts)[1].head == [2]


@pytest.mark.parametrize("text, expected", [
    ("市园林局负责人表", True),  # 表示 cut after its first character
    ("园林部门今年将在全市公园增设便", True),
    ("城南公园完成提升改造", False),
    ("河西菜市场恢复营业", False),
    ("城南公园完成提升改造。", False),  # punctuation closes it
])
def test_ends_on_single_character(text, expected):
    assert ends_on_single_character(text) is expected
    assert cut_end(text, []) is expected


def test_completed_elsewhere_reads_a_word_across_the_break():
    assert completed_elsewhere("园林部门今年将在全市公园增设便", ["菜市场恢复营业。", "民服务点和自动售货机。"])
    assert not completed_elsewhere("城南公园完成提升改造", ["示,明年还将改造公厕。"])


def test_closer_elsewhere():
    assert closer_elsewhere(np.array([0.0, 0.12]), 0.05)
    assert not closer_elsewhere(np.array([0.0, 0.04]), 0.05)
    assert not closer_elsewhere(np.array([]), 0.0)
