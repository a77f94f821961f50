"""Section heads of a feature: a bare subhead between whole paragraphs stays in its article.

A feature sets a short title (小标题) over each of its sections, often without a bullet or number.
Layout reads such a line between paragraphs as the head of a new block, like the title of the next
story. The two differ by what stands around them (the mirror of tasks/segment_items.py, which splits
marked titles that head another story off a column of briefs):
- a new story's title is usually announced (a byline or dateline under it) or its text is signed (a
  byline after it); a section is neither;
- a section goes on with the article's topic: the text under the subhead shares terms with the
  story above it (its head and its text so far), while another story's text shares (almost) none;
- a subhead names its section: it shares terms with the text under it, or echoes its words (most of
  its character pairs stand in that text).
Only a break between whole paragraphs counts: the text above closes its sentence, the line is no
piece of a sentence (no clause marks), and the text under it is prose.
"""
from __future__ import annotations

import re
from typing import Callable

from tasks.records import CleanLine
from tasks.segment_blocks import Block
from tasks.segment_demote import unannounced_head
from tasks.segment_items import TITLE_NAMES_MIN
from tasks.normalize import han_bigrams
from tasks.segment_vectors import LineTerms, cosines, normalized

_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:]")
_TWO_PARTS = re.compile(r"\S\s+\S")  # a headline's two parts set apart by a space
_CLOSED = re.compile(r"[。！？!?…][”」』）)]?\s*$")  # a paragraph's last sentence ends here
_SENTENCE_STOP = re.compile(r"[。！？!?]")
# cosine of a section's text with the story above: at least this (it shares the story's names and topic
# words; on generated features .057-.12), where TOPIC_SHIFT_MAX only rules out another story (briefs of
# unrelated stories share words such as 工程 or 日前 by chance: up to .04 measured)
SECTION_COHESION_MIN = 0.05
ECHO_MIN = 0.5  # share of the head's character pairs found in the text under it: the head echoes it


def section_head_candidate(above: Block, block: Block, content: list[CleanLine], texts: list[str]) -> bool:
    """`block` opens with a lone, unannounced head line over unsigned text (no byline in the block),
    standing between two whole paragraphs (the text above closes its sentence). A subhead is one
    phrase: a title in two parts set apart by a space (`截污管网铺到家门口 城西污水全收集`) is a story's."""
    if not above.head or not above.body or not block.body or block.bylines or not unannounced_head(block, content, texts):
        return False
    head, last_above = texts[block.head[0]], texts[max(above.body)]
    prose_under = any(_SENTENCE_STOP.search(texts[i]) for i in block.body) and "|" not in content[block.body[0]].raw
    return not _CLAUSE_MARK.search(head) and not _TWO_PARTS.search(head) and bool(_CLOSED.search(last_above)) and prose_under


def _first_paragraph(body: list[int], texts: list[str]) -> list[int]:
    """The lines right under a head up to the first that closes its sentence: on a page read out of
    column order the block's later lines may be another story's."""
    end = next((n for n, i in enumerate(body) if _CLOSED.search(texts[i])), len(body) - 1)
    return body[:end + 1]


def echo_share(head: str, text: str) -> float:
    """Share of the head's character pairs (Han) that stand in `text`."""
    pairs = han_bigrams(head)
    return sum(pair in text for pair in pairs) / len(pairs) if pairs else 0.0


def continues_section(shift: float, elsewhere: float, names: float, echo: float) -> bool:
    """The text under the head goes on with the story above (`shift`: their cosine) more than with any
    other story on the page (`elsewhere`: on a page of one theme a new story's text shares topic words
    with all of them), and the head names or echoes that text."""
    return shift >= SECTION_COHESION_MIN and shift > elsewhere and (names >= TITLE_NAMES_MIN or echo >= ECHO_MIN)


def keep_section_heads(blocks: list[Block], content: list[CleanLine], texts: list[str],
                       terms: Callable[[], LineTerms] | None = None) -> list[Block]:
    """Blocks with every section head (see the module docstring) and its text merged into the
    block above: the head line becomes a body line of that story. The other stories a section's text is
    compared with are the announced blocks (another candidate may be a section of the same story)."""
    candidates = {k for k in range(1, len(blocks)) if section_head_candidate(blocks[k - 1], blocks[k], content, texts)}
    if not candidates:
        return blocks
    page_terms = terms() if terms is not None else LineTerms(texts)
    idf = page_terms.idf(page_terms.matrix)
    whole = normalized(page_terms.groups([b.head + b.bylines + b.body for b in blocks]), idf)
    result: list[Block] = [blocks[0]]
    members: list[list[int]] = [[0]]  # indexes of the blocks each result block holds
    for k, block in enumerate(blocks[1:], 1):
        above = result[-1]
        if k in candidates:
            section = _first_paragraph(block.body, texts)
            vectors = normalized(page_terms.groups([block.head, above.head + above.bylines + above.body, section]), idf)
            similar = cosines(vectors, vectors)
            stories = [j for j in range(len(blocks)) if j not in candidates and j not in members[-1] and j != k]
            # the section's cosines with every block, read at the other stories (no sparse row selection)
            elsewhere = float(cosines(vectors, whole)[2, stories].max()) if stories else 0.0
            echo = echo_share(texts[block.head[0]], "".join(texts[i] for i in section))
            if continues_section(similar[2, 1], elsewhere, similar[0, 2], echo):
                result[-1] = Block(head=above.head, bylines=above.bylines + block.bylines,
                                   body=above.body + block.head + block.body, from_page=above.from_page,
                                   marker_over_head=above.marker_over_head, under_label=above.under_label)
                members[-1].append(k)
                continue
        result.append(block)
        members.append([k])
    return result
