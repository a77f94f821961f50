"""Frame clauses under a cut line (tasks/segment_frames.py)."""
import pytest

from tasks.segment_blocks import Block
from tasks.segment_links import choose_links

from tasks.segment_frames import CLOSED_FRAME, OPENED_FRAME, WHOLE_FRAME, frame_clause, lower_framed_neighbours, runs_into_frame
from tasks.segment_pairs import WEIGHTS


@pytest.mark.parametrize("text, expected", [
    ("在新厂房建设中，工人们加班加点。", WHOLE_FRAME),  # preposition + localiser
    ("随着订单增加以来，产量翻番。", WHOLE_FRAME),
    ("改造生产线后，合格率明显提高。", CLOSED_FRAME),  # a time word closes it
    ("试运行期间，车辆每天发车。", CLOSED_FRAME),
    ("为缓解停车难题，街道新建了车位。", OPENED_FRAME),  # a purpose preposition opens it
    ("在仓库里整理货物，他一干就是一天。", 0.0),  # 在 without a localiser: a predicate, no frame
    ("的游客中，一半来自外地。", 0.0),  # opens mid-sentence
    ("社区居民纷纷表示，很满意。", 0.0),
    ("项目总投资十二亿元，建设周期两年。", 0.0),
    ("下雨时", 0.0),  # no comma closes the clause
])
def test_frame_clause(text, expected):
    assert frame_clause(text) == expected


@pytest.mark.parametrize("above, below, expected", [
    ("市里新建的公园吸引了不少游客和", "改造生产线后，合格率明显提高。", False),  # a noun joiner: a frame is no noun
    ("街道负责人赵明辉说，这项工程", "试运行期间，车辆每天发车。", False),  # a whole noun
    ("居民们反映，", "试运行期间，车辆每天发车。", True),  # a comma: a frame may open the next clause
    ("工厂决定取消", "加班后，工人们轻松了不少。", True),  # a verb: its object runs into the localiser
    ("不少企业在转型", "过程中，遇到资金难题。", True),  # the open clause's preposition is closed below
    ("工人们都", "在新厂房建设中，加班加点。", True),  # an adverb leans on what follows
])
def test_runs_into_frame(above, below, expected):
    assert runs_into_frame(above, below) is expected


def test_framed_next_line_is_lowered_not_dropped():
    texts = ["街道负责人赵明辉说，这项工程", "试运行期间，车辆每天发车。", "预计年底前全部完工。"]
    pairs = [(1.5, 0, 1), (1.2, 0, 2)]
    lowered = lower_framed_neighbours(pairs, texts, {0: 1})
    assert lowered[0] == pytest.approx((1.5 - WEIGHTS["framed_next"] * CLOSED_FRAME, 0, 1))
    assert lowered[1] == (1.2, 0, 2)  # the far candidate keeps its score
    assert max(lowered)[2] == 2


def test_frame_far_away_or_run_into_keeps_its_score():
    texts = ["街道负责人赵明辉说，这项工程", "试运行期间，车辆每天发车。", "居民们反映，"]
    pairs = [(1.5, 0, 1), (1.5, 2, 1)]
    # line 1 is not the line read after 0 here; after 2 (a comma) a frame may open the next clause
    assert lower_framed_neighbours(pairs, texts, {0: None, 2: 1}) == pairs


# A page read out of column order (composed text): the line under the cut one opens another
# article's sentence on a frame clause; the continuation stands under another head.
FRAMED_PAGE = [
    "古籍修复室揭牌",
    "市图书馆古籍修复室昨日揭牌，馆长周文清介绍，这批古籍",
    "试运行期间，地铁五号线南延段每天发车一百二十班。",
    "乘客可使用交通卡乘车，早晚高峰发车间隔五分钟。",
    "社区运动会开幕",
    "社区运动会昨日开幕，三千余名居民参加了比赛。",
    "大多是清代刻本，修复后的古籍将在修复室向读者开放。",
    "居民张先生说，比赛项目贴近日常生活。",
]
FRAMED_BLOCKS = [Block(head=[0], body=[1, 2, 3]), Block(head=[4], body=[5, 6, 7])]


def test_far_continuation_beats_a_next_line_opening_on_a_frame():
    assert choose_links(FRAMED_BLOCKS, FRAMED_PAGE, [False] * len(FRAMED_PAGE)) == {1: 6}


def test_next_line_still_wins_where_the_cut_line_runs_into_the_frame():
    # a verb at the cut: `…决定暂停` + `试运行期间，…` may be its object closed by a time word
    texts = [FRAMED_PAGE[0], "市图书馆古籍修复室昨日揭牌，馆方决定暂停", *FRAMED_PAGE[2:]]
    assert choose_links(FRAMED_BLOCKS, texts, [False] * len(texts)) == {1: 2}
