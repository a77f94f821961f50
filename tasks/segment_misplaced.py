"""A headline standing after its article's first paragraph: the head of that article, not glue.

On a page read out of column order an article's first paragraph may stand in an earlier column,
cut mid-sentence, while its title stands over the paragraph's continuation (`…全市已建成新能源汽车
充电` far above, then `我市建成新能源汽车充电桩一万两千个` over `桩一万两千个,…`). Read as a head,
the title hides the continuation from paragraph repair; given back to the body, it is glued
between the two pieces. A lone head line is the misplaced title of an earlier paragraph when:
- the line under it reads on from an open line standing before it that opens a paragraph (the
  evidence paragraph repair reads across a break, tasks/segment_pairs.dear, less its penalty on a
  line that opens a sentence: at least LEAD_READS, and more than the line under the open line);
- the title shares words with that paragraph (TITLE_COHESION over the open line and the line
  under the title), and with the open line itself unless the break reads on strongly
  (STRONG_READS): a title names its story;
- the title itself reads on from neither side (TITLE_READS). A true fragment of a cut sentence
  (`…全市已建成新能源` / `汽车充电桩一万两千个覆盖` / `全市所有街镇。`) continues the open line:
  it stays body text, and a fragment of another article shares no words with the paragraph.
"""
from __future__ import annotations

from typing import Callable

from tasks.segment_blocks import Block
from tasks.segment_heads import headline_likeness, parse_dateline
from tasks.segment_joins import could_double, doubled_overlap, mid_start, open_end
from tasks.segment_ngram import CharModel
from tasks.segment_pairs import WEIGHTS, dear
from tasks.segment_starts import sentence_start

LEAD_READS = 0.5  # the line under the title reads on from the open line at least this well
STRONG_READS = 1.0  # ... this well, the title need not share words with the (maybe short) open line
TITLE_READS = 0.25  # the title reads on from the open line, and the line under it from the title, below this
TITLE_COHESION = 0.1  # TF-IDF cosine of the title with the open line and the line under the title
MIN_LIKENESS = 0.5  # the title's own text reads as a title (tasks/segment_heads.headline_likeness)

Cohesion = Callable[[int, list[list[int]]], list[float]]  # (line, groups) -> cosine with each group


def misplaced_lead(blocks: list[Block], k: int, texts: list[str], model: CharModel,
                   cohesion: Cohesion) -> tuple[int, int] | None:
    """(earlier block, its open line) whose sentence goes on under block k's lone head (block k's
    first body line continues it, the head does not), or None when the head is no misplaced title."""
    block = blocks[k]
    title, under = block.head[0], block.body[0] if block.body else None
    if under is None or headline_likeness(texts[title]) < MIN_LIKENESS or parse_dateline(texts[under]):
        return None
    candidates = [(h, pos, line) for h, host in enumerate(blocks[:k]) for pos, line in enumerate(host.body)
                  if open_end(texts[line]) and not (pos == 0 and host.head)]  # a headed block's first line has its head
    candidates = [candidate for candidate, shared in zip(candidates, cohesion(title, [[c[2], under] for c in candidates]))
                  if shared >= TITLE_COHESION]
    leads = _open_leads(candidates, blocks, under, texts, model)
    named = cohesion(title, [[line] for _, _, line in leads])
    # of several open lines, the one the title names best (weighed as paragraph repair weighs cohesion)
    leads = [(reads + WEIGHTS["cohesion"] * shared, h, line) for (reads, h, line), shared in zip(leads, named)
             if shared > 0 or reads >= STRONG_READS]
    if not leads:
        return None
    _, host, lead = max(leads)
    if (_reads_across(texts[lead], texts[title], model) >= TITLE_READS
            or _reads_across(texts[title], texts[under], model) >= TITLE_READS):
        return None  # the title line reads as the middle of the cut sentence: glue after all
    return host, lead


def _open_leads(candidates: list[tuple[int, int, int]], blocks: list[Block], under: int, texts: list[str],
                model: CharModel) -> list[tuple[float, int, int]]:
    """(how well `under` reads on from it, block, line) for each candidate open line (block, position,
    line) that opens a paragraph and goes on better into `under` than into the line standing under it."""
    # the n-gram ratios of all breaks at once (one pass over the page's tables, as paragraph repair does)
    llrs = model.cross_llrs([(texts[line], texts[under]) for _, _, line in candidates])
    found = []
    for (h, pos, line), llr in zip(candidates, llrs):
        reads = _reads_across(texts[line], texts[under], model, llr)
        if reads < LEAD_READS:
            continue
        body = blocks[h].body
        above = texts[body[pos - 1]] if pos else ""
        if mid_start(texts[line]) >= 0.5 or (above and _reads_across(above, texts[line], model) >= LEAD_READS):
            continue  # a first paragraph goes on from no line above it
        below = texts[body[pos + 1]] if pos + 1 < len(body) else ""
        if not below or reads > _reads_across(texts[line], below, model):
            found.append((reads, h, line))
    return found


def _reads_across(a: str, b: str, model: CharModel, llr: float | None = None) -> float:
    """dear's evidence across the break, less paragraph repair's penalty on a line that opens a sentence
    (`llr`: model.cross_llr(a, b) when computed already). One character repeated at the break is not
    counted as doubled: common characters repeat by chance."""
    doubled = doubled_overlap(a, b) if could_double(a, b) else 0
    doubled = doubled if doubled >= 2 else 0
    opens = 0.0 if doubled else WEIGHTS["sentence_start"] * sentence_start(b)
    return dear(a, b, doubled, model, llr) + opens


def head_over_lead(host: Block, lead: int, title: int) -> list[Block]:
    """`host` split before `lead`: the lines above it stay, the lead and what follows it in file order
    get the misplaced title as their head (paragraph repair and relabelling then read them on)."""
    pos = host.body.index(lead)
    if pos == 0:
        return [Block(head=[title], bylines=host.bylines, body=host.body, from_page=host.from_page)]
    return [Block(host.head, host.bylines, host.body[:pos], host.from_page, host.marker_over_head),
            Block(head=[title], body=host.body[pos:])]
