"""Paragraph units and the weak joins that relabelling may take apart (tasks/segment_orphans.py)."""
import pytest

from tasks.segment_orphans import (
    FAR_JOIN_FULL_GLUE,
    PLACED_JOIN_GLUE,
    WEAK_JOIN,
    WEAK_JOIN_GLUE,
    join_glue,
    paragraph_units,
    reassign_orphans,
    weak_links,
)

WETLAND = ["湿地公园今年观测到越冬候鸟两万余只，候鸟数量创下新高，白鹤和东方白鹳都来湿地越冬。",
           "湿地管理处在候鸟越冬区设置了观鸟屏障，提醒游客远离候鸟栖息的滩涂。"]
BUS = ["市公交集团下月起新增三条公交线路，连通城东新区和高铁站，公交首末班时间同步延长。",
       "新线路开通后，城东新区居民乘公交到高铁站的时间将缩短二十分钟。"]
BIRDS = "观鸟爱好者说，湿地的候鸟越来越多，白鹤每年都来湿地越冬，候鸟栖息的滩涂也更干净了。"


def test_paragraph_units_follow_the_links():
    assert paragraph_units([0, 1, 2, 5], {0: 1, 2: 5}) == [[0, 1], [2, 5]]
    assert paragraph_units([0, 1, 2], {}) == [[0], [1], [2]]


@pytest.mark.parametrize("scores, weak", [
    ({0: WEAK_JOIN - 0.1, 2: WEAK_JOIN + 0.1}, {0: WEAK_JOIN_GLUE}),
    ({}, {}),  # a link without a score is not known to be weak
])
def test_weak_links(scores, weak):
    assert weak_links({0: 1, 2: 5}, scores) == weak


def test_a_weak_join_out_of_a_first_paragraph_holds_harder():
    assert PLACED_JOIN_GLUE > WEAK_JOIN_GLUE
    assert weak_links({0: 1, 2: 3}, {0: 0.5, 2: 0.5}, placed={0, 1}) == {0: PLACED_JOIN_GLUE, 2: WEAK_JOIN_GLUE}


@pytest.mark.parametrize("score, glue", [
    (FAR_JOIN_FULL_GLUE + 0.5, WEAK_JOIN_GLUE),  # strong enough: the full glue
    (FAR_JOIN_FULL_GLUE / 2, WEAK_JOIN_GLUE / 2),
    (-0.2, 0.0),  # a guess of a line whose continuation is missing: parted for free
])
def test_a_weak_join_to_a_far_line_holds_by_its_score(score, glue):
    assert weak_links({2: 9}, {2: score}) == {2: pytest.approx(glue)}


def test_a_weak_join_to_the_next_line_keeps_its_full_glue():
    assert weak_links({2: 3}, {2: 0.1}) == {2: WEAK_JOIN_GLUE}
    assert weak_links({2: 3}, {2: 0.1}, placed={2}) == {2: PLACED_JOIN_GLUE}


def test_join_glue_only_between_the_two_sides_of_a_weak_join():
    units = [[0], [1], [2], [5]]
    links, weak = {0: 1, 2: 7}, {0: 0.6, 2: 0.6}  # line 2's continuation is not the next unit
    assert join_glue(units, links, weak) == [0.0, 0.6, 0.0, 0.0]
    assert join_glue(units, links, weak, [0.0, 1.0, 1.0, 0.0]) == [0.0, 1.6, 1.0, 0.0]


def test_a_paragraph_moves_home_by_its_words_unless_it_is_a_box_after_its_story():
    heads, orders = ["湿地候鸟数量创新高", "新增三条公交线路"], [[0, 1], [2, 3, 4]]
    texts = WETLAND + BUS + [BIRDS]
    assert reassign_orphans(heads, orders, texts, {}) == [[0, 1, 4], [2, 3]]
    assert reassign_orphans(heads, orders, texts, {}, boxed=frozenset({4})) == orders
