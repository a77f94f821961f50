"""demote_cut_heads: a lone unannounced head that ends as a cut and names none of the text under it
goes back to the body; a title over its own text, an announced head or a line ending on a whole
word stays."""
import numpy as np
import pytest

from tasks.records import CleanLine
from tasks.schema import ROLE_CONTENT
from tasks.segment_blocks import Block
from tasks.segment_cutheads import (
    NAMES_TEXT_UNDER,
    closer_elsewhere,
    completed_elsewhere,
    cut_end,
    dangling_end,
    demote_cut_heads,
    ends_on_single_character,
    reads_on_below,
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


# a paragraph's first line read as a lone head over its own continuation (text written for this test)
OWN_PAGE = [
    "城南公园完成提升改造",  # 0 head of block 0
    "本报讯(记者 林晓)市园林局组织的城南公园提升改造日前完工,园内新建步道三公里。",  # 1
    "",  # 2 the line under test, taken for a lone head
    "",  # 3 the line under it
]


def _own_heads(line, under):
    texts = OWN_PAGE[:2] + [line, under]
    content = [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(texts, 1)]
    blocks = [Block(head=[0], body=[1]), Block(head=[2], body=[3])]
    return [(b.head, b.body) for b in demote_cut_heads(blocks, content, texts)]


# each shares no terms with the other block: the cohesion test of the first rule cannot fire
@pytest.mark.parametrize("line, under", [
    ("社区食堂的座位将有一半", "留给独居老人,每天中午免费供应。"),  # a number without its noun
    ("志愿者每天上午为社区老人送去热乎的", "午饭和水果,风雨无阻。"),  # 的 waits for its noun
    ("社区食堂下个月还将增设便", "民窗口,方便老人取餐。"),  # 便民 spans the break
    # cut between whole words: the line under it opens on the rest of a clause
    ("食堂负责人周海林告诉", "记者,每天中午有两百多位老人来这里吃饭。"),  # a bare noun clause
    ("街道还为行动不便的老人开通了送餐", "专线,由志愿者上门送到家。"),
    ("社区居民代表许红梅", "则建议在食堂旁增设休息区。"),  # a one-character adverb opens it
])
def test_cut_piece_over_its_own_continuation_goes_back_to_the_body(line, under):
    assert _own_heads(line, under)[1] == ([], [2, 3])


@pytest.mark.parametrize("line, under", [
    ("老街夜市人气旺", "入夏以来,老街夜市每晚客流超过两万人次,夜市摊位供不应求。"),
    ("春天来了", "连日来,城南公园的桃花、樱花陆续开放,吸引市民前来踏青。"),  # 了 may end a title
    ("公园停车位增加百分之三十", "城南公园停车位增加百分之三十,缓解了周边停车难。"),  # names its text
    ("老街夜市人气旺", "连日来,老街夜市每晚客流超过两万人次。"),  # a time phrase opens a sentence
])
def test_title_over_its_own_text_stays(line, under):
    assert _own_heads(line, under)[1] == ([2], [3])


@pytest.mark.parametrize("text, expected", [
    ("今年园内新增的停车位将有百分之三十", True),
    ("园方还计划在湖边新建一座供游客休息的", True),
    ("市民可以通过手机预约或者", True),  # a conjunction
    ("园林部门今年将在全市公园增设便", False),  # its end is cut inside a word: no dangling word
    ("城南公园完成提升改造", False),
    ("春天来了", False),
    ("城南公园完成提升改造的", True),  # 的 waits for its noun
])
def test_dangling_end(text, expected):
    assert dangling_end(text) is expected


def test_reads_on_below():
    assert reads_on_below("园林部门今年将在全市公园增设便", "民服务点和自动售货机。", 0.0)
    assert not reads_on_below("园林部门今年将在全市公园增设便", "民服务点和自动售货机。", NAMES_TEXT_UNDER)
    assert not reads_on_below("老街夜市人气旺", "入夏以来,老街夜市每晚客流超过两万人次。", 0.0)
    assert not reads_on_below("停车位将有百分之三十。", "留给周边居民。", 0.0)  # closed by punctuation
