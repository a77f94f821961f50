"""Paragraph repair: link each line that stops mid-sentence to the line that continues it.

Every candidate pair (a, b) gets a score from the evidence in tasks/segment_pairs.py; pairs
are accepted best first (one continuation per line, no cycles) down to JOIN_THRESHOLD.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable

import numpy as np

from tasks.segment_heads import headline_likeness, parse_continuation, parse_dateline
from tasks.segment_joins import DOUBLED_MAX_CHARS, could_double, doubled_overlap, mid_start, open_end
from tasks.segment_blocks import Block, bare_block_openers
from tasks.segment_frames import lower_framed_neighbours
from tasks.segment_match import matched_links
from tasks.segment_ngram import CharModel
from tasks.segment_pairs import WEIGHTS, dear, start_penalties
from tasks.segment_starts import bullets_head_items, section_head, sentence_start, standing_section_head
from tasks.segment_vectors import LineTerms, cosines, normalized, row_cosines
from tasks.segment_wordclass import start_misfits

JOIN_THRESHOLD = 1.0  # a pair this strong is accepted outright
NEEDED_JOIN_THRESHOLD = 0.0  # a line left open takes its best remaining candidate down to this
CANDIDATE_WINDOW = 80  # content lines either side searched for a continuation (a page's span)
SHORTLIST = 8  # targets per open line that get the evidence read across the break
SKIPS_NEEDED = 1
EXPLAIN: dict | None = None  # diagnostics only (tests/scrambler_diag.py): (a, b) -> (cheap, dear) scores


def body_text(text: str) -> str:
    """Line text without continuation markers."""
    marker = parse_continuation(text)
    return marker.text if marker else text.strip()


def choose_links(blocks: list[Block], texts: list[str], whole_lines: list[bool],
                 threshold: float = JOIN_THRESHOLD, needed_threshold: float = NEEDED_JOIN_THRESHOLD,
                 window: int = CANDIDATE_WINDOW, shortlist: int = SHORTLIST,
                 model: CharModel | None = None, matching: bool = True,
                 terms: Callable[[], LineTerms] | None = None, scores: dict[int, float] | None = None) -> dict[int, int]:
    """Map line a -> line b for every accepted continuation (indices into the content lines);
    `whole_lines` (subheads, list items) are never ends or continuations of a cut sentence.

    `matching` (default): the links maximise the summed pair scores (tasks/segment_match.py); an
    open line takes pairs down to `needed_threshold`, a closed line doubled across a break only
    pairs reaching `threshold`. Else greedy: first strong pairs, best first; then each line still
    left open takes its best remaining candidate.
    Only lines left open (or doubled across a break) are sources; each is scored against all
    targets within `window` on the cheap evidence at once, and the `shortlist` best get the
    evidence read across the break. `terms`: returns the page's LineTerms(texts) (shared with
    the other steps that compare its lines; a table row's ` |` adds no bigram). `scores`, if
    given, is filled with each linked line's pair score (as matched, so the weaker adjacency
    bonus on a page read out of column order).
    """
    block_of = {x: k for k, block in enumerate(blocks) for x in block.body}
    succ: dict[int, int | None] = {}
    pred: dict[int, int | None] = {}
    for block in blocks:
        for pos, x in enumerate(block.body):
            succ[x] = block.body[pos + 1] if pos + 1 < len(block.body) else None
            pred[x] = block.body[pos - 1] if pos else None
    lines = sorted(x for x in block_of if not whole_lines[x])
    opens = {a for a in lines if open_end(texts[a])}
    targets = sorted([
        b for b in lines
        if not parse_dateline(texts[b]) and not _opens_with_marker(texts[b]) and "|" not in texts[b]
        and not (pred[b] is None and (blocks[block_of[b]].head or blocks[block_of[b]].bylines or blocks[block_of[b]].from_page))
    ])
    starts_mid = {b: mid_start(texts[b]) for b in targets}
    doubled_sources = _doubled_sources(texts, lines, [b for b in targets if starts_mid[b] >= 0.9], opens, window)
    sources = sorted(opens | doubled_sources)
    if not sources or not targets:
        return {}  # a tidy page: every line closes its sentence
    model = model or CharModel([texts[x] for x in block_of] + [texts[x] for block in blocks for x in block.head])
    # the next body line in file order, also across the edge of a block nothing opens; a moved run may
    # begin at such an edge, so it earns the bonus of a page read out of column order (held-out mean
    # exact, seeds 0-2: mixed .847 -> .853, interleaved .840 -> .843, continuation_heads .704 -> .707,
    # continued .836 -> .835, no other kind lower)
    bare_edges = bare_block_openers(blocks)
    next_read = {**succ, **bare_edges}
    pairs = _scored_pairs(blocks, texts, block_of, pred, next_read, lines, sources, targets, starts_mid, window, shortlist, model,
                          terms() if terms is not None else LineTerms(texts))
    pairs = lower_framed_neighbours(pairs, texts, next_read)  # `改造生产线后，…` under `…负责人` opens a sentence
    pairs = _distrust_order(pairs, bare_edges)
    if matching:
        floor = {a: (needed_threshold if a in opens else threshold) for a in sources}
        # a line never continues one standing above it in its own block (a certain cycle)
        pairs = [p for p in pairs if not (block_of.get(p[2]) == block_of.get(p[1]) and p[2] <= p[1])]
        links = matched_links(pairs, floor, pred)
        if _skips_lines(links, succ):
            pairs = _distrust_order(pairs, succ)
            links = matched_links(pairs, floor, pred)
        if scores is not None:
            score_of = {(a, b): s for s, a, b in pairs}
            scores.update((a, score_of[(a, b)]) for a, b in links.items())
        return links
    pairs = sorted((p for p in pairs if p[0] >= needed_threshold), key=lambda p: (-p[0], p[1], p[2]))
    links: dict[int, int] = {}
    parent = dict(pred)
    taken: set[int] = set()
    for score, a, b in pairs:
        if score >= threshold and a not in links and b not in taken and not _is_ancestor(b, a, parent):
            links[a], parent[b] = b, a
            taken.add(b)
    changed = True
    while changed:  # lines left open take their best remaining candidate; a pass can free others
        changed = False
        for score, a, b in pairs:
            if a in links or a not in opens or b in taken or _is_ancestor(b, a, parent):
                continue
            if pred[b] not in (None, a) and open_end(texts[pred[b]]) and pred[b] not in links:
                continue  # b still reads on from the line above it
            links[a], parent[b] = b, a
            taken.add(b)
            changed = True
    return links


def _skips_lines(links: dict[int, int], succ: dict[int, int | None]) -> bool:
    """True when some accepted join passes over the line below its source in its own block (not
    merely over a caption or a head to the next block): the page was not read in column order,
    so the next line in the file vouches less for a continuation."""
    return sum(succ.get(a) not in (None, b) for a, b in links.items()) >= SKIPS_NEEDED


def _distrust_order(pairs: list[tuple[float, int, int]], succ: dict[int, int | None]) -> list[tuple[float, int, int]]:
    """Pairs rescored with the adjacency bonus of a page read out of column order."""
    cut = WEIGHTS["adjacent"] - WEIGHTS["adjacent_scrambled"]
    return [(s - cut if succ.get(a) == b else s, a, b) for s, a, b in pairs]


def _doubled_sources(texts: list[str], lines: list[int], targets: list[int], opens: set[int], window: int) -> set[int]:
    """Closed lines within `window` of a target that OCR may have doubled across the break into it.
    Only lines ending on a character the target opens with are tried (doubled text ends on it):
    most pairs are ruled out by a look-up, not a call."""
    by_last: dict[str, list[int]] = {}
    for a in lines:
        if a not in opens:
            by_last.setdefault(texts[a].rstrip()[-1:], []).append(a)
    found = set()
    for b in targets:
        for char in set(texts[b].lstrip()[:DOUBLED_MAX_CHARS]):
            found.update(a for a in _near(b, by_last.get(char, []), window)
                         if a != b and doubled_overlap(texts[a], texts[b]))
    return found


def _near(a: int, targets: list[int], window: int) -> list[int]:
    """Targets within `window` content lines of a (sorted list): bounds the pairs on long documents."""
    lo, hi = bisect_left(targets, a - window), bisect_right(targets, a + window)
    return targets[lo:hi]


def _scored_pairs(blocks, texts, block_of, pred, succ, lines, sources, targets, starts_mid, window, shortlist, model, terms):
    """(score, a, b) for each source and its shortlisted targets."""
    position = {x: (blocks[block_of[x]], k) for block in blocks for k, x in enumerate(block.body)}

    def around(x: int, before: int, after: int, with_head: bool = True) -> list[int]:
        block, pos = position[x]
        return (block.head if with_head else []) + block.body[max(0, pos - before): pos + after]

    idf = terms.idf(terms.groups([around(x, 0, 3, with_head=False) for x in lines]))
    ctx = normalized(terms.groups([around(a, 2, 1) for a in sources]), idf)
    runs = normalized(terms.groups([around(b, 0, 3, with_head=False) for b in targets]), idf)
    homes = normalized(terms.groups([around(b, 2, 0) if pred[b] is not None else [] for b in targets]), idf)
    cohesive = cosines(ctx, runs)
    home = row_cosines(homes, runs)
    target_pos = np.array(targets)
    block_ids = np.array([block_of[b] for b in targets])
    mids = np.array([starts_mid[b] for b in targets])
    target_texts = [texts[b] for b in targets]
    opening = np.array([sentence_start(tb) for tb in target_texts])  # once per target, not per source
    w = WEIGHTS
    by_first: dict[str, list[int]] = {}  # first character -> positions in targets, ascending
    for k, b in enumerate(targets):
        first = texts[b].lstrip()[:1]
        if first:
            by_first.setdefault(first, []).append(k)
    # the cheap evidence of every source against every target in one pass (as dense as the
    # cosines already are); each source then reads only the targets in its window
    source_pos = np.array(sources)[:, np.newaxis]
    next_pos = np.array([succ[a] if succ[a] is not None else -1 for a in sources])[:, np.newaxis]
    adjacent_all = target_pos == next_pos
    base = np.where(adjacent_all, w["adjacent"],
                    w["far"] + w["distance"] * np.abs(target_pos - source_pos) + w["home_cohesion"] * home)
    base = base + w["mid_start"] * mids + w["cohesion"] * cohesive
    # b opens mid-sentence, but not in a way a's end can stand before (`…为主题，` + `表示，…`): that
    # evidence is for another line (held-out mean exact, seeds 0-2: interleaved .834 -> .838,
    # enumerated .756 -> .760, heads .916 -> .918, no kind lower)
    base = base - w["mid_start"] * mids * start_misfits([texts[a] for a in sources], target_texts, mids)
    base[[row for row, a in enumerate(sources) if texts[a].endswith(("”", "》", "）", ")"))]] += w["quoted_end"]
    windows = [(bisect_left(targets, a - window), bisect_right(targets, a + window)) for a in sources]
    base = base + start_penalties([texts[a] for a in sources], target_texts, adjacent_all, windows, opening)
    found = []  # (cheap score, a, b, doubled) of every pair that gets the evidence across the break
    for row, a in enumerate(sources):
        lo, hi = windows[row]
        if lo == hi:
            continue
        near = target_pos[lo:hi]
        cheap = base[row, lo:hi]
        cheap[near == a] = -np.inf
        # a line above a in its own block never continues it (a certain cycle, dropped after
        # scoring), yet its text is a's own context and scores high on cohesion: it must not take
        # a shortlist place from a real candidate (held-out mean exact, seeds 0-2: interleaved
        # .794 -> .808, ahead .592 -> .611, no kind lower by more than .003)
        cheap[(near < a) & (block_ids[lo:hi] == block_of.get(a, -1))] = -np.inf
        ta, is_open = texts[a], a in block_of and open_end(texts[a])
        picked = set(np.argsort(-cheap, kind="stable")[:shortlist].tolist())
        tail = ta.rstrip()[-DOUBLED_MAX_CHARS:]
        for char in set(tail):  # targets that open with a character a ends on: may be doubled
            at = by_first.get(char, ())
            picked.update(k - lo for k in at[bisect_left(at, lo): bisect_left(at, hi)])
        for k in sorted(picked):
            b = targets[lo + k]
            if b == a:
                continue
            doubled = doubled_overlap(ta, texts[b]) if could_double(ta, texts[b]) else 0
            if not is_open and not (doubled and starts_mid[b] >= 0.9):
                continue
            found.append((float(cheap[k]), a, b, doubled))
    # the n-gram ratios of all pairs at once (one pass over the page's n-gram tables)
    llrs = model.cross_llrs([(texts[a], texts[b]) for _, a, b, _ in found]) if model is not None else [None] * len(found)
    pairs = []
    for (cheap_score, a, b, doubled), llr in zip(found, llrs):
        pairs.append((cheap_score + dear(texts[a], texts[b], doubled, model, llr), a, b))
        if EXPLAIN is not None:
            EXPLAIN[(a, b)] = (cheap_score, pairs[-1][0] - cheap_score)
    return pairs


def _opens_with_marker(text: str) -> bool:
    marker = parse_continuation(text)
    return bool(marker and marker.from_page and text.lstrip().startswith(("(", "（")))


def _is_ancestor(x: int, y: int, parent: dict[int, int | None]) -> bool:
    """True when x is y or stands above y on y's chain of parents."""
    seen = set()
    while y is not None and y not in seen:
        if y == x:
            return True
        seen.add(y)
        y = parent.get(y)
    return False


def subhead_flags(texts: list[str], markups: list[bool], indents: list[bool] | None = None) -> list[bool]:
    """Body lines that read as section heads or question subheads inside an article. `indents`:
    which source lines open with an indent (a numbered head over an indented paragraph is a head)."""
    flags = []
    bullet_sections = not bullets_head_items(texts)
    for k, (text, marked) in enumerate(zip(texts, markups)):
        short_title = headline_likeness(text) >= 0.5 and len(text) <= 40 and mid_start(text) == 0
        next_indented = bool(indents) and k + 1 < len(indents) and indents[k + 1]
        prev, nxt = texts[k - 1] if k else "", texts[k + 1] if k + 1 < len(texts) else ""
        flags.append((short_title and (marked or text.endswith(("？", "?")))) or section_head(text, next_indented)
                     or standing_section_head(text, prev, nxt, bullet_sections))
    return flags
