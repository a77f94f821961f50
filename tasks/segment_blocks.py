"""Layout blocks: the content lines of a page cut, in file order, into blocks of head lines,
bylines and body lines (from the kinds tasks/segment_layout.py gives each line), before paragraph repair."""
from __future__ import annotations

from dataclasses import dataclass, field

from tasks.records import CleanLine
from tasks.segment_heads import parse_continuation, parse_dateline
from tasks.segment_joins import mid_start, open_end

KIND_HEAD, KIND_BYLINE, KIND_BODY, KIND_MARKER = "head", "byline", "body", "marker"


@dataclass
class Block:
    """A layout block: the lines between one head and the next, in file order (indices into content)."""

    head: list[int] = field(default_factory=list)
    bylines: list[int] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    from_page: int | None = None
    marker_over_head: bool = False  # the `(上接第N版)` stood alone above the head, not under it
    under_label: bool = False  # a column label that cleaning took out stood right above the head


def _bare(text: str) -> str:
    marker = parse_continuation(text)
    return marker.text if marker else text.strip()


def opens_from_page(text: str) -> bool:
    """The line carries a `(上接第N版)`: its text is continued from another page. A `(下转第N版)`
    closing a line says where the text goes on, not that it came from elsewhere."""
    marker = parse_continuation(text)
    return bool(marker and marker.from_page)


def continued_from_page(block: Block, first_text: str) -> bool:
    """Whether a block's text (its first line `first_text`) is continued from another page:
    `(上接第N版)` over or opening it; a run whose first line only goes on elsewhere (`(下转第N版)`)
    may still join an earlier article of the page."""
    return bool(block.from_page) or opens_from_page(first_text)


def layout_blocks(content: list[CleanLine], kinds: list[str], from_markers: dict[int, int] | None = None,
                  notes: frozenset[int] = frozenset(), labelled: frozenset[int] = frozenset()) -> list[Block]:
    """Cut content lines into blocks in file order; a dateline or `(上接…)` inside a body opens a new block.

    `from_markers`: content index -> page of a bare `(上接第N版)` line that cleaning took out as
    furniture just above that line (it still says a new piece starts there). `notes`: content
    indexes of editor's notes; a dateline under a body of notes only opens the article's text. `labelled`:
    content indexes of lines right under a column label that cleaning took out (a head under one is announced)."""
    blocks: list[Block] = []
    pending_from: int | None = None
    for i, line in enumerate(content):
        kind, text = kinds[i], line.text.strip()
        if from_markers and i in from_markers:
            pending_from = from_markers[i]
        current = blocks[-1] if blocks else None
        if kind == KIND_MARKER:
            marker = parse_continuation(text)
            pending_from = marker.from_page if marker else None
            continue
        if kind == KIND_HEAD:
            if not current or current.body or current.bylines or (current.head and kinds[i - 1] != KIND_HEAD):
                current = Block(under_label=i in labelled)
                blocks.append(current)
            current.head.append(i)
            current.marker_over_head = current.marker_over_head or bool(pending_from)
        elif kind == KIND_BYLINE:
            nxt = next((k for k in range(i + 1, len(kinds)) if kinds[k] != KIND_MARKER), None)
            opens_nothing = nxt is None or kinds[nxt] != KIND_BODY or mid_start(content[nxt].text) > 0
            # after text that closes its sentence a byline signs that text (bylines stand under a
            # head or after the text; text that starts under a bare byline is rare)
            signs_above = bool(current and current.body) and not open_end(_bare(content[current.body[-1]].text))
            if current and (not current.body or opens_nothing or signs_above):
                current.bylines.append(i)  # under its head, or signing the text above it
            else:
                blocks.append(Block(bylines=[i]))
        else:
            marker = parse_continuation(text)
            # a dateline, or `(上接第N版)` opening this line or standing alone above it, starts a
            # new piece: text continued from another page is never the tail of the article above
            opens = parse_dateline(text) or (marker and marker.from_page) or pending_from
            if not current or (opens and current.body and not notes.issuperset(current.body)):
                current = Block()
                blocks.append(current)
            if marker and marker.from_page and not current.body:
                current.from_page = current.from_page or marker.from_page  # `(上接第N版)` opening the text
            current.body.append(i)
        if pending_from and blocks and (kind != KIND_HEAD):
            blocks[-1].from_page = blocks[-1].from_page or pending_from
            pending_from = None
    return blocks


def bare_block_openers(blocks: list[Block]) -> dict[int, int]:
    """Line a -> line b where a ends one block's body and b opens the next block's body right under
    it (no line between) in a block that nothing opens: no head, byline, dateline or `(上接…)` (a
    head the segmenter gave back to the text leaves such a block). b is then the next body line in
    file order, as a line under a in its own block is."""
    found = {}
    for above, below in zip(blocks, blocks[1:]):
        if (above.body and below.body and not below.head and not below.bylines and below.from_page is None
                and below.body[0] == above.body[-1] + 1):
            found[above.body[-1]] = below.body[0]
    return found
