"""Which article each standalone byline line signs, once paragraph repair has placed the text.

A byline under its head signs that head's article. One standing after body text signs the article
that the nearest body line above it ended up in, unless that article names its reporters already
(a dateline `本报讯(记者 …)` or a byline under its head) and none of them is on this byline: then
the byline opens the text after it, as on a page that prints another piece's byline over its
later column. So it does when the article above goes on past the byline (the line right above
stops mid-sentence, or the article's text reads on to lines further down): a signature follows the
finished text it signs, so this byline stands before a later run of the article under it, if no
other byline signs that article and its text there is not continued from another page. One over
the text of a block without head signs the article that text ended up in.
Paragraph repair and orphan moves may have taken the text away from the block the byline stands in.
"""
from __future__ import annotations

from bisect import bisect_left

from tasks.records import CleanLine
from tasks.segment_blocks import Block, continued_from_page, opens_from_page
from tasks.segment_heads import parse_byline, parse_dateline
from tasks.segment_joins import open_end


def place_bylines(blocks: list[Block], roots: list[Block], orders: list[list[int]], content: list[CleanLine],
                  texts: list[str], links: dict[int, int]) -> list[list[int]]:
    """Byline lines (content indices) per article, in the order of `roots`."""
    owner = {x: k for k, order in enumerate(orders) for x in order}
    root_of = {id(block): k for k, block in enumerate(roots)}
    signed = [_dateline_names(order, texts, links) for order in orders]
    for block in roots:
        for i in block.bylines:
            if not block.body or i < block.body[0]:
                signed[root_of[id(block)]] |= _names(content[i])
    placed: list[list[int]] = [[] for _ in roots]
    moves: list[tuple[int, int, int]] = []  # (byline, article above, article right under it)
    lines_read = sorted(owner)
    # a headless run continued from another page has its byline there: one after it opens the text under it
    continued = {k for k, (block, order) in enumerate(zip(roots, orders))
                 if order and not block.head and continued_from_page(block, content[order[0]].text)}
    for block in blocks:
        for i in block.bylines:
            trailing = bool(block.body) and i > block.body[0]
            k = bisect_left(lines_read, i)
            above = lines_read[k - 1] if trailing and k else None
            below = block.body[0] if block.body and not block.head and not trailing else None
            if above is not None:
                signer = _signer(owner, signed, i, owner[above], _names(content[i]))
                if signer == owner[above] and (_unfinished_above(orders[signer], above, i, texts)
                                               or signer in continued):
                    moves.append((i, signer, _opened_below(owner, signed, i, signer, content)))
                placed[signer].append(i)
            elif below in owner:
                placed[owner[below]].append(i)
            elif id(block) in root_of:
                placed[root_of[id(block)]].append(i)
    # only an article no other byline signs takes one over a later run of its text
    unsigned = {k for k, bylines in enumerate(placed) if not bylines}
    for i, above, below in moves:
        if below in unsigned:
            placed[above].remove(i)
            placed[below].append(i)
            unsigned.discard(below)
    return [sorted(b) for b in placed]


def _signer(owner: dict[int, int], signed: list[set[str]], i: int, above: int, names: set[str]) -> int:
    """The article a byline after text signs: the one above, or the one whose text stands right
    under the byline when the one above is signed by other people and that one is not."""
    if not names or not signed[above] or names & signed[above]:
        return above
    if i + 1 not in owner or signed[owner[i + 1]]:
        return above
    return owner[i + 1]


def _unfinished_above(order: list[int], above: int, i: int, texts: list[str]) -> bool:
    """Whether the article above byline `i` goes on past it: its line right above stops
    mid-sentence, or its text reads on from that line to text further down the page."""
    if open_end(texts[above]):
        return True
    rest = order[order.index(above) + 1:] if above in order else []
    return any(x > i for x in rest)


def _opened_below(owner: dict[int, int], signed: list[set[str]], i: int, above: int,
                  content: list[CleanLine]) -> int:
    """The article whose text stands right under byline `i`, when no other people sign it and that
    text is not continued from another page (its byline is there), else `above`."""
    below, names = owner.get(i + 1), _names(content[i])
    if below is None or below == above or (signed[below] and not names & signed[below]):
        return above
    return above if opens_from_page(content[i + 1].text) else below


def _names(line: CleanLine) -> set[str]:
    return set(parse_byline(line.text, names_only_ok=True) or ())


def _dateline_names(order: list[int], texts: list[str], links: dict[int, int]) -> set[str]:
    """Reporters named by the dateline opening an article's text (read across a join: a column
    break may cut `本报讯(记者 …)`)."""
    if not order:
        return set()
    first = texts[order[0]]
    if len(order) > 1 and links.get(order[0]) == order[1]:
        first += texts[order[1]]
    dateline = parse_dateline(first)
    return set(dateline.reporters) if dateline else set()
