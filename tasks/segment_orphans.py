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

import math
import re
from collections import Counter

from tasks.segment_heads import CJK, parse_dateline
from tasks.segment_joins import sample_text

MOVE_MARGIN = 0.02  # cosine with the new article minus cosine with the own article
DEPTH_COST = 0.01  # margin added per paragraph of the own article that stays before this one
HEADLESS_MARGIN = 0.02  # first paragraph of a headless article (own side empty); equal to MOVE_MARGIN, measured best
RUN_BONUS = 0.05  # the paragraph before moved to the same article: runs move together
WINDOW = 3  # paragraphs on each side a paragraph is compared with
MAX_CANDIDATES = 30  # preceding articles scored per paragraph (keeps big pages linear)
_BIGRAM = re.compile(rf"(?=([{CJK}]{{2}}))")


def bigram_vector(text: str) -> Counter:
    """Counts of overlapping two-character CJK sequences."""
    return Counter(_BIGRAM.findall(sample_text(text, 20000)))


def _cosine(x: Counter, y: Counter, idf: dict[str, float]) -> float:
    if not x or not y:
        return 0.0
    small, large = (x, y) if len(x) < len(y) else (y, x)
    dot = sum(c * large[t] * idf.get(t, 1.0) ** 2 for t, c in small.items() if t in large)
    nx = math.sqrt(sum((c * idf.get(t, 1.0)) ** 2 for t, c in x.items()))
    ny = math.sqrt(sum((c * idf.get(t, 1.0)) ** 2 for t, c in y.items()))
    return dot / (nx * ny) if nx and ny else 0.0


def paragraph_units(order: list[int], links: dict[int, int]) -> list[list[int]]:
    """The article's body order cut into paragraphs (a line joined to the one before stays with it)."""
    units: list[list[int]] = []
    for k, x in enumerate(order):
        if k and links.get(order[k - 1]) == x:
            units[-1].append(x)
        else:
            units.append([x])
    return units


def reassign_orphans(heads: list[str], orders: list[list[int]], texts: list[str], links: dict[int, int],
                     margin: float = MOVE_MARGIN, depth_cost: float = DEPTH_COST,
                     window: int = WINDOW, headless_margin: float = HEADLESS_MARGIN,
                     anchored: frozenset[int] = frozenset()) -> list[list[int]]:
    """New body orders after moving misplaced paragraphs; articles are in file order of first line.

    Articles in `anchored` (opened by a `(上接第N版)` marker) keep their own first paragraph.
    """
    units = [paragraph_units(order, links) for order in orders]
    unit_vectors = [[bigram_vector(" ".join(texts[i] for i in unit)) for unit in article] for article in units]
    head_vectors = [bigram_vector(head) for head in heads]
    # compare like with like: a paragraph against the head and last few paragraphs of each side
    windows = [sum(vs[-window:], start=Counter()) + head_vectors[a] for a, vs in enumerate(unit_vectors)]
    df = Counter(t for vs in unit_vectors for v in vs for t in v)
    n = max(1, sum(len(vs) for vs in unit_vectors))
    idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
    starts = [min(order) if order else math.inf for order in orders]
    moves: dict[tuple[int, int], int] = {}
    for a, article in enumerate(units):
        headless = not heads[a].strip() and a not in anchored
        previous_target, depth = None, 0
        stayed: list[Counter] = []  # paragraphs of this article that stayed, before this one
        for u, unit in enumerate(article):
            vector = unit_vectors[a][u]
            if (u == 0 and not headless) or parse_dateline(texts[unit[0]]):
                previous_target, depth = None, depth + 1
                stayed.append(vector)
                continue
            own_vector = sum(stayed[-window:], start=Counter()) + head_vectors[a]
            own = _cosine(vector, own_vector, idf) if own_vector else 0.0
            candidates = [b for b in range(len(units)) if b != a and starts[b] < min(unit)][-MAX_CANDIDATES:]
            best = max(((_cosine(vector, windows[b], idf), b) for b in candidates), default=None)
            bonus = RUN_BONUS if best and previous_target == best[1] else 0.0
            needed = headless_margin if headless and not stayed else margin + depth_cost * depth
            if best and best[0] - own + bonus >= needed:
                moves[(a, u)] = previous_target = best[1]
            else:
                previous_target, depth = None, depth + 1
                stayed.append(vector)
    if not moves:
        return orders
    new_orders = [[x for u, unit in enumerate(article) if (a, u) not in moves for x in unit]
                  for a, article in enumerate(units)]
    for (a, u), b in sorted(moves.items(), key=lambda m: min(units[m[0][0]][m[0][1]])):
        new_orders[b].extend(units[a][u])
    return new_orders
