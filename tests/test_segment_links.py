"""Adjacency trust in tasks/segment_links.py: a page read out of column order rescores the
next-line bonus before the links are chosen again."""
import pytest

from tasks.segment_links import _distrust_order, _skips_lines
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
