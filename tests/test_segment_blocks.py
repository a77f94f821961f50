"""Layout blocks (tasks/segment_blocks.py): the block right under a body that nothing opens."""
import pytest

from tasks.segment_blocks import Block, bare_block_openers


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
