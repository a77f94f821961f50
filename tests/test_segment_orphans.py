"""Paragraph units and the weak joins that relabelling may take apart (tasks/segment_orphans.py)."""
import pytest

from tasks.segment_orphans import (
    FAR_JOIN_FULL_GLUE,
    PLACED_JOIN_GLUE,
    WEAK_JOIN,
    WEAK_JOIN_GLUE,
    join_glue,
    paragraph_units,
    weak_links,
)


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
