"""Items of a column of short pieces: a marked title between paragraphs that heads a new article.

Layout reads a bold or heading-marked title-like line between paragraphs as a section head inside
the article (`**加强协同**` over the next section), which it usually is. In a column of short
items (简讯, 快讯, 要闻), each under its own bold title, the same markup heads a new article. The
two differ in what the text on either side is about: a section goes on with the article's topic,
so the text under the head shares terms with the text above it; a new item starts another story,
so the text under the title shares (almost) none with the item above, and the title names what
the text under it is about, not what stands above it. Evidence: character-bigram TF-IDF cosines
of the page (segment_vectors) between the title, the story above it (its head and all its text so
far: a section shares the article's names and topic words, often with its head) and the text under
it, up to the next such title. Only a break between whole paragraphs counts: the text above closes
its sentence and the text under the title opens with a sentence of prose (no table row, no list of
fields under a form's section head).
"""
from __future__ import annotations

import re
from typing import Callable

from tasks.records import CleanLine
from tasks.segment_blocks import Block
from tasks.segment_heads import headline_likeness
from tasks.segment_layout import heading_level, is_emphasis_line
from tasks.segment_starts import bulleted
from tasks.segment_vectors import LineTerms, cosines, normalized

TOPIC_SHIFT_MAX = 0.03  # cosine of the text under the title with the text above: at most this for another story
TITLE_NAMES_MIN = 0.03  # cosine of the title with the text under it: one specific term shared at least
_SENTENCE_PUNCTUATION = re.compile(r"[，,；;。！？!?]")
_SENTENCE_STOP = re.compile(r"[。！？!?]")
_CLOSED = re.compile(r"[。！？!?…][”」』）)]?\s*$")  # a paragraph's last sentence ends here


def item_title_candidate(k: int, body: list[int], content: list[CleanLine], texts: list[str]) -> bool:
    """body[k] is a marked title-like line standing between two whole paragraphs of prose."""
    if not 0 < k < len(body) - 1:
        return False
    line, text = content[body[k]], texts[body[k]]
    marked = heading_level(line) is not None or is_emphasis_line(line) or bulleted(text)
    if not marked or _SENTENCE_PUNCTUATION.search(text) or headline_likeness(text) < 0.5:
        return False
    above, under = texts[body[k - 1]], texts[body[k + 1]]
    prose_under = bool(_SENTENCE_STOP.search(under)) and "|" not in content[body[k + 1]].raw
    return bool(_CLOSED.search(above)) and prose_under


def promote_item_heads(blocks: list[Block], content: list[CleanLine], texts: list[str],
                       terms: Callable[[], LineTerms] | None = None) -> list[Block]:
    """Blocks with every marked title that heads another story (see the module docstring) split off
    as the head of a block of its own, with the text under it."""
    candidates = {b: [k for k in range(len(block.body)) if item_title_candidate(k, block.body, content, texts)]
                  for b, block in enumerate(blocks)}
    if not any(candidates.values()):
        return blocks
    page_terms = terms() if terms is not None else LineTerms(texts)
    idf = page_terms.idf(page_terms.matrix)
    result: list[Block] = []
    for b, block in enumerate(blocks):
        cuts, story_head, story_start = [], list(block.head), 0
        for n, k in enumerate(candidates[b]):
            stop = candidates[b][n + 1] if n + 1 < len(candidates[b]) else len(block.body)
            above = story_head + block.body[story_start:k]  # the story so far: its head and its text
            groups = [[block.body[k]], above, block.body[k + 1:stop]]
            vectors = normalized(page_terms.groups(groups), idf)
            similar = cosines(vectors, vectors)
            if _heads_another_story(similar[2, 1], similar[0, 2], similar[0, 1]):
                cuts.append(k)
                story_head, story_start = [block.body[k]], k + 1
        result += _split(block, cuts) if cuts else [block]
    return result


def _heads_another_story(shift: float, names: float, names_above: float) -> bool:
    """The text under the title shares (almost) no terms with the story above, and the title names
    the text under it more than that story."""
    return shift <= TOPIC_SHIFT_MAX and names >= TITLE_NAMES_MIN and names > names_above


def _split(block: Block, cuts: list[int]) -> list[Block]:
    """`block` cut before each body position in `cuts`: that line heads the next block."""
    pieces = [Block(head=block.head, body=block.body[:cuts[0]], from_page=block.from_page,
                    marker_over_head=block.marker_over_head)]
    for k, end in zip(cuts, [*cuts[1:], len(block.body)]):
        pieces.append(Block(head=[block.body[k]], body=block.body[k + 1:end]))
    titles = [block.body[k] for k in cuts]
    for i in block.bylines:  # a byline goes with the piece it stands in
        pieces[sum(title < i for title in titles)].bylines.append(i)
    return pieces
