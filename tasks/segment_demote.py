"""Line fragments taken for titles: give them back to the body text.

On a page read out of column order, a paragraph cut after a few characters (`市住房城乡建设委`,
`据园区管委会负责人`) leaves a short line without punctuation that reads like a title. A true title
usually announces its text (byline, dateline, subtitle, kicker, markup); a fragment shares its
words with an article already on the page. A lone head line with none of those announcements is
demoted to the first body line of its block when its text and the lines under it are cohesive
with one earlier block more than with any other (character-bigram TF-IDF cosine, margin at least
DEMOTE_COHESION); paragraph repair and orphan assignment then put it where it belongs. When the
line under it continues an open line standing before it that the head line names, and the head line
itself reads on from neither, it is the misplaced title of that line's article instead
(tasks/segment_misplaced.py). The top line of a head of several
lines that is no kicker goes when it is cohesive with one earlier block by the same test and no
closer to the lines right under it than to that block, or when its own text reads as a cut
(segment_fragments) and it is no closer to the text under it than to an earlier block: a cut body
line that layout stacked over a real title (`参与合作的企业负责` over the headline) leaves the head
as a headless block of its own, a 引题 ending on `…大有可为` stays with the article it introduces.
A byline that stands after the block's text signs that text; only one under the head announces it.

Text continued from another page has its head there: a head line under a `(上接第N版)` that
stood alone above it is body text (the top one of several: the lines under it head an article of
their own), and a line that reads as a cut (segment_fragments) over text opening with `(上接…)` is
a piece of its own; a cut line heading the page's first block is body text too (no earlier block
to compare it with). A title over a bare `(上接第N版)` is the headline the continuation page
repeats; read alone (the text under the marker is another article's), it is a piece of its own
when it is cohesive with one earlier block.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from tasks.records import CleanLine
from tasks.segment_fragments import fragment_evidence
from tasks.segment_heads import is_kicker_text, parse_continuation, parse_dateline, split_head_line
from tasks.segment_blocks import Block
from tasks.segment_layout import heading_level, is_emphasis_line
from tasks.segment_misplaced import head_over_lead, misplaced_lead
from tasks.segment_ngram import CharModel
from tasks.segment_vectors import LineTerms, cosines, normalized, row_cosines

DEMOTE_COHESION = 0.05  # specific cohesion with one earlier block (titles measured < 0.04, fragments > 0.04)
# A head line that hard-wrapping shows as a full line running on into the next one (tasks/layout_wrap.py)
# has the layout's evidence of text already: less cohesion is asked of it (on generated PDF pages, such
# lines measured .034-.12, titles and kickers 0-.018)
WRAPPED_DEMOTE_COHESION = 0.025
BODY_LINES_READ = 2  # body lines under the head read with it
MERGE, SPLIT, SPLIT_TOP = "merge", "split", "split_top"


def unannounced_head(block: Block, content: list[CleanLine], texts: list[str]) -> bool:
    """A single head line with nothing that announces an article: no byline, dateline, page
    marker opening its text, column label over it, markup, kicker or subtitle. A bare `(上接第N版)` under it announces
    the continued text, not the title: a cut line of an earlier article may stand there too."""
    return ((not block.from_page or _over_bare_marker(block, content)) and _plain_single_head(block, content, texts)
            and not block.under_label and not parse_dateline(texts[block.body[0]]))


def _over_bare_marker(block: Block, content: list[CleanLine]) -> bool:
    inline = parse_continuation(content[block.body[0]].text) if block.body else None
    return bool(block.from_page) and not block.marker_over_head and not (inline and inline.from_page)


def _plain_single_head(block: Block, content: list[CleanLine], texts: list[str]) -> bool:
    """One unmarked head line, no kicker or 副题, no byline under it, with text below (a byline
    under the head announces it; one after the text only signs it)."""
    if len(block.head) != 1 or not block.body or any(i < block.body[0] for i in block.bylines):
        return False
    if _marked(content[block.head[0]]):
        return False
    kicker, _, subtitle = split_head_line(texts[block.head[0]])
    return not kicker and not subtitle


def continued_head(block: Block, content: list[CleanLine], texts: list[str], first: bool) -> str | None:
    """How a lone head line of text continued from another page, or of the page's first block,
    is read: MERGE (body text: a `(上接…)` standing alone above it opens text whose head is on the
    other page), SPLIT (a cut line standing over a `(上接…)`, bare or opening the body: a piece of
    its own) or None (a title; over a bare `(上接…)` it is the headline repeated on this page).
    SPLIT_TOP: the top line of a head of several lines under a bare `(上接…)` is the continued text,
    the lines under it head an article of their own."""
    if block.from_page and block.marker_over_head and len(block.head) > 1 and not _marked(content[block.head[0]]):
        return SPLIT_TOP
    if not _plain_single_head(block, content, texts):
        return None
    inline = parse_continuation(content[block.body[0]].text)
    if block.from_page and block.marker_over_head and not (inline and inline.from_page):
        return MERGE
    if fragment_evidence(texts[block.head[0]]) >= 1.0 and (block.from_page or first):
        return SPLIT if block.from_page else MERGE
    return None


def _marked(line: CleanLine) -> bool:
    return heading_level(line) is not None or is_emphasis_line(line)


def stacked_top_line(block: Block, content: list[CleanLine], texts: list[str]) -> bool:
    """The top line of a head of several lines, when nothing marks it as a kicker: layout may
    have stacked a cut body line (`参与合作的企业负责`) over a real title."""
    if len(block.head) < 2:
        return False
    top = block.head[0]
    if _marked(content[top]):
        return False
    kicker, _, subtitle = split_head_line(texts[top])
    return not kicker and not subtitle and not is_kicker_text(texts[top])


def demote_fragment_heads(blocks: list[Block], content: list[CleanLine], texts: list[str],
                          threshold: float = DEMOTE_COHESION,
                          terms: Callable[[], LineTerms] | None = None, model: CharModel | None = None,
                          wrapped: frozenset[int] = frozenset()) -> list[Block]:
    """Blocks with fragment heads turned into body lines (the block keeps its place, headless).

    `terms`: returns LineTerms(texts) (the caller may share one per page with paragraph repair).
    `model`: the page's character n-gram model; with it, a lone head standing after its article's
    cut first paragraph becomes that paragraph's head (tasks/segment_misplaced.py), not body text."""
    fates = {k: continued_head(block, content, texts, k == 0) for k, block in enumerate(blocks)}
    if any(fates.values()):
        blocks = [part for k, block in enumerate(blocks) for part in _give_back(block, fates[k])]
    weak = [k for k, block in enumerate(blocks) if k and unannounced_head(block, content, texts)]
    stacked = [k for k, block in enumerate(blocks) if k and stacked_top_line(block, content, texts)]
    if not weak and not stacked:
        return blocks
    terms = terms() if terms is not None else LineTerms(texts)
    idf = terms.idf(terms.matrix)
    groups = [block.head + block.bylines + block.body for block in blocks]
    whole = normalized(terms.groups(groups), idf)
    # over a bare `(上接…)` the text below is another article's: the head line is read alone
    bare = {k for k in weak if _over_bare_marker(blocks[k], content)}
    probes = normalized(terms.groups([blocks[k].head + ([] if k in bare else blocks[k].body[:BODY_LINES_READ])
                                      for k in weak]), idf)
    similar = cosines(probes, whole)

    line_vectors: dict = {}  # a head line asks twice: its vector is built once

    def line_cohesion(line: int, groups: list[list[int]]) -> list[float]:
        if not groups:
            return []
        if line not in line_vectors:
            line_vectors[line] = normalized(terms.groups([[line]]), idf)
        return cosines(line_vectors[line], normalized(terms.groups(groups), idf))[0].tolist()

    cut = set()
    misplaced: dict[int, tuple[int, int]] = {}  # host block -> (its open line, the title heading it)
    for row, k in enumerate(weak):
        found = misplaced_lead(blocks, k, texts, model, line_cohesion) if model is not None and k not in bare else None
        if found and found[0] not in misplaced:
            misplaced[found[0]], blocks[k].head = (found[1], blocks[k].head[0]), []
            continue
        needed = min(threshold, WRAPPED_DEMOTE_COHESION) if blocks[k].head[0] in wrapped else threshold
        if _specific_cohesion(similar[row], k) < needed:
            continue
        if k in bare:
            cut.add(k)  # a piece of its own: it never opened the continued text under the marker
        else:
            block = blocks[k]
            block.body[:0], block.head = block.head, []
    if stacked:
        tops = normalized(terms.groups([[blocks[k].head[0]] for k in stacked]), idf)
        under = normalized(terms.groups([_under_top(blocks[k]) for k in stacked]), idf)
        own = row_cosines(tops, under)
        # a kicker shares words with its own article's text, which may stand in an earlier run: it
        # leaves only when no closer to the lines right under it (the block's later lines may be
        # another article's) than to that run
        near = row_cosines(tops, normalized(terms.groups([_right_under_top(blocks[k]) for k in stacked]), idf))
        cut |= {k for row, k, mine, close in zip(cosines(tops, whole), stacked, own, near)
                if (_specific_cohesion(row, k) >= threshold and close <= row[:k].max())
                or (fragment_evidence(texts[blocks[k].head[0]]) >= 1.0 and mine <= row[:k].max())}
    if cut or misplaced:  # a cut line becomes a headless block of its own, just above its former title or text
        blocks = [part for k, block in enumerate(blocks) for top in _split_top(block, k in cut)
                  for part in (head_over_lead(top, *misplaced[k]) if k in misplaced and top.body and
                               misplaced[k][0] in top.body else [top])]
    return blocks


def _under_top(block: Block) -> list[int]:
    return block.head[1:] + block.bylines + block.body


def _right_under_top(block: Block) -> list[int]:
    return block.head[1:] + block.bylines + block.body[:BODY_LINES_READ]


def _give_back(block: Block, fate: str | None) -> list[Block]:
    if fate == MERGE:
        block.body[:0], block.head = block.head, []
    elif fate == SPLIT:
        return [Block(body=block.head), Block(bylines=block.bylines, body=block.body, from_page=block.from_page)]
    elif fate == SPLIT_TOP:
        return [Block(body=block.head[:1], from_page=block.from_page), Block(block.head[1:], block.bylines, block.body)]
    return [block]


def _split_top(block: Block, cut: bool) -> list[Block]:
    if not cut:
        return [block]
    top, block.head = block.head[0], block.head[1:]
    return [Block(body=[top]), block]


def _specific_cohesion(similar: np.ndarray, k: int) -> float:
    """Cosine with the most similar earlier block minus the best cosine with any other block.

    A fragment belongs to one article; a true title on a page of one theme (every piece about
    科技创新) is about as close to its neighbours after it as before it.
    """
    earlier = similar[:k]
    best = int(np.argmax(earlier))
    others = np.delete(similar, [best, k])
    return float(earlier[best]) - (float(others.max()) if others.size else 0.0)
