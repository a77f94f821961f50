"""Orphan paragraphs: move a paragraph that file order put under the wrong article to the article
whose text it shares the most with.

On a page read out of column order, whole paragraphs of one article (no mid-sentence cut to
follow) stand under another article. Each paragraph after an article's first one, and every
paragraph of an article without a head, is scored against every article that starts before it:
TF-IDF cosine over character bigrams (robust to names and terms jieba does not know) with the
candidate minus the cosine with its own article's other paragraphs. A paragraph moves when that
margin reaches MOVE_MARGIN plus DEPTH_COST per paragraph of the own article that stayed before it (an
orphan run follows a few lines of its host; a paragraph deep in a long coherent article is not one),
a little less when the paragraph before it moved to the same article.
"""
from __future__ import annotations

import numpy as np

from tasks.segment_heads import parse_dateline
from tasks.segment_vectors import LineTerms, cosines, normalized

MOVE_MARGIN = 0.02  # cosine with the new article minus cosine with the own article
DEPTH_COST = 0.01  # margin added per paragraph of the own article that stays before this one
HEADLESS_MARGIN = 0.02  # first paragraph of a headless article (own side empty); equal to MOVE_MARGIN, measured best
RUN_BONUS = 0.05  # the paragraph before moved to the same article: runs move together
WINDOW = 3  # paragraphs on each side a paragraph is compared with
MAX_CANDIDATES = 30  # preceding articles scored per paragraph (keeps big pages linear)
# A join scored below WEAK_JOIN (tasks/segment_pairs.py: little beyond standing next to the line,
# or cohesion alone) is a guess: relabelling may take its two sides apart at WEAK_JOIN_GLUE over
# the switch cost, PLACED_JOIN_GLUE from an article's first paragraph (layout put it under its
# head: a tail cut from it that fits an earlier article by a shared word or two stays).
# Measured on 100 scrambled tuning pages per kind, exact interleaved/continued/mixed/doubled
# .821/.886/.873/.881 -> .887/.896/.891/.898 (first paragraph glue 0.6: .892/.900/.896/.898 but
# in_order seed 1 -.004; never parted: .866/.890/.886/.894; threshold 3: .902/.890/.904/.902 at
# ~8% more relabelling time; glue 0.3/0.8: interleaved .888/.867).
WEAK_JOIN = 2.0
WEAK_JOIN_GLUE = 0.6
PLACED_JOIN_GLUE = 1.0
# A weak join to a line that does not stand next to its source holds in proportion to its score
# up to FAR_JOIN_FULL_GLUE: a far pair scored near zero is the guess an open line makes when its
# real continuation is lost from the page (or stands elsewhere), so the vocabulary may part it
# almost for free; a next-line join keeps its full glue (layout order vouches for it). Held-out
# mean exact, seeds 0-2: lost .723 -> .738, ahead .611 -> .618, others within .002; graded for
# next-line joins too, in_order lost .010.
FAR_JOIN_FULL_GLUE = 1.0


def paragraph_units(order: list[int], links: dict[int, int]) -> list[list[int]]:
    """The article's body order cut into paragraphs (a line joined to the one before stays with it)."""
    units: list[list[int]] = []
    for k, x in enumerate(order):
        if k and links.get(order[k - 1]) == x:
            units[-1].append(x)
        else:
            units.append([x])
    return units


def weak_links(links: dict[int, int], scores: dict[int, float], placed: set[int] | frozenset[int] = frozenset(),
               threshold: float = WEAK_JOIN) -> dict[int, float]:
    """Line -> glue, for each linked line whose link scored below `threshold` (`placed`: lines
    of a paragraph layout put under its head, which take PLACED_JOIN_GLUE); a link to a line
    other than the next one (indices are content lines) holds by its score (FAR_JOIN_FULL_GLUE)."""
    glue = {}
    for a, b in links.items():
        score = scores.get(a, threshold)
        if score < threshold:
            full = PLACED_JOIN_GLUE if a in placed else WEAK_JOIN_GLUE
            glue[a] = full if b == a + 1 else full * min(1.0, max(0.0, score / FAR_JOIN_FULL_GLUE))
    return glue


def join_glue(units: list[list[int]], links: dict[int, int], weak: dict[int, float],
              glue: list[float] | None = None) -> list[float]:
    """`glue` (zeros if None) plus, before each unit that a weak link joins to the unit above
    it, that link's glue: the cost of parting the two sides of the sentence."""
    glue = list(glue) if glue is not None else [0.0] * len(units)
    for k in range(1, len(units)):
        a = units[k - 1][-1]
        if a in weak and links.get(a) == units[k][0]:
            glue[k] += weak[a]
    return glue


def reassign_orphans(heads: list[str], orders: list[list[int]], texts: list[str], links: dict[int, int],
                     margin: float = MOVE_MARGIN, depth_cost: float = DEPTH_COST,
                     window: int = WINDOW, headless_margin: float = HEADLESS_MARGIN,
                     anchored: frozenset[int] = frozenset(), boxed: frozenset[int] = frozenset()) -> list[list[int]]:
    """New body orders after moving misplaced paragraphs; articles are in file order of first line.

    Articles in `anchored` (opened by a `(上接第N版)` marker) keep their own first paragraph; a
    paragraph of a background box (`boxed`: its lines) stays with the story it follows.
    """
    units = [paragraph_units(order, links) for order in orders]
    flat = [unit for article in units for unit in article]
    if len(orders) < 2 or not flat:
        return orders
    n = len(texts)
    terms = LineTerms(list(texts) + list(heads))  # head strings are lines n, n + 1, ...
    unit_counts = terms.groups(flat)
    idf = terms.idf(unit_counts)
    # compare like with like: a paragraph against the head and last few paragraphs of each side
    windows = normalized(terms.groups([[x for unit in article[-window:] for x in unit] + [n + a]
                                       for a, article in enumerate(units)]), idf)
    to_windows = cosines(normalized(unit_counts, idf), windows)
    weighted = unit_counts.toarray() * idf  # dense: a page has tens of paragraphs, a few thousand bigrams
    head_weighted = terms.groups([[n + a] for a in range(len(heads))]).toarray() * idf
    starts = np.array([min(order) if order else np.inf for order in orders])
    moves: dict[tuple[int, int], int] = {}
    row = 0
    for a, article in enumerate(units):
        rows, row = range(row, row + len(article)), row + len(article)
        if not article:
            continue
        dense, head = weighted[rows[0]: rows[-1] + 1], head_weighted[a]
        headless = not heads[a].strip() and a not in anchored
        previous_target, depth = None, 0
        stayed: list[int] = []  # paragraphs of this article that stayed, before this one
        for u, unit in enumerate(article):
            if (u == 0 and not headless) or parse_dateline(texts[unit[0]]) or unit[0] in boxed:
                previous_target, depth = None, depth + 1
                stayed.append(u)
                continue
            own = _cosine(dense[u], head + dense[stayed[-window:]].sum(axis=0))
            first = min(unit)
            allowed = np.nonzero(starts < first)[0]
            allowed = allowed[allowed != a][-MAX_CANDIDATES:]
            best = None
            if allowed.size:
                scores = to_windows[rows[u], allowed]
                top = np.flatnonzero(scores == scores.max())[-1]  # ties: the latest article, as max() over (score, b)
                best = (float(scores[top]), int(allowed[top]))
            bonus = RUN_BONUS if best and previous_target == best[1] else 0.0
            needed = headless_margin if headless and not stayed else margin + depth_cost * depth
            if best and best[0] - own + bonus >= needed:
                moves[(a, u)] = previous_target = best[1]
            else:
                previous_target, depth = None, depth + 1
                stayed.append(u)
    if not moves:
        return orders
    new_orders = [[x for u, unit in enumerate(article) if (a, u) not in moves for x in unit]
                  for a, article in enumerate(units)]
    for (a, u), b in sorted(moves.items(), key=lambda m: min(units[m[0][0]][m[0][1]])):
        new_orders[b].extend(units[a][u])
    return new_orders


def _cosine(x: np.ndarray, y: np.ndarray) -> float:
    nx, ny = float(np.sqrt(x @ x)), float(np.sqrt(y @ y))
    return float(x @ y) / (nx * ny) if nx and ny else 0.0
