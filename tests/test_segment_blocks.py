"""Layout blocks (tasks/segment_blocks.py): the block right under a body that nothing opens, and
whether a block's text is continued from another page."""
import pytest

from tasks.segment_blocks import Block, bare_block_openers, continued_from_page


@pytest.mark.parametrize("blocks, expected", [
    # a bare block right under the body of the block above: its first line reads next
    ([Block(head=[0], body=[1, 2]), Block(body=[3, 4])], {2: 3}),
    # a head, a byline or `(上接…)` opens the block below: a new piece starts there
    ([Block(head=[0], body=[1, 2]), Block(head=[3], body=[4])], {}),
    ([Block(head=[0], body=[1, 2]), Block(bylines=[3], body=[4])], {}),
    ([Block(head=[0], body=[1, 2]), Block(body=[3, 4], from_page=1)], {}),
    # a line stands between the two bodies (the block above ends on its byline)
    ([Block(head=[0], body=[1], bylines=[2]), Block(body=[3])], {}),
    # a block of head lines only has no body to end
    ([Block(head=[0]), Block(body=[1, 2]), Block(body=[3])], {2: 3}),
])
def test_bare_block_openers(blocks, expected):
    assert bare_block_openers(blocks) == expected


@pytest.mark.parametrize("block, first_text, continued", [
    (Block(body=[0]), "(上接第1版)改造工程已完成大半。", True),  # the marker opens the text
    (Block(body=[0], from_page=2), "改造工程已完成大半。", True),  # a bare marker stood over it
    (Block(body=[0]), "改造工程已完成大半。(下转第6版)", False),  # where it goes on, not where it came from
    (Block(body=[0]), "改造工程已完成大半。", False),
])
def test_continued_from_page_reads_only_a_marker_saying_where_the_text_came_from(block, first_text, continued):
    assert continued_from_page(block, first_text) is continued
