"""Heads left without body text: hand each the following run of body text that reads as its own.

A feature page often prints its main head and byline, then boxes of short pieces, and only then
the main text, which file order glues to the last box. A head without body takes over the tail of
a following article from the paragraph start where the text reads more like the empty head than
like the host's own head and text (TF-IDF cosine difference, decided against ADOPT_MARGIN).
"""
from __future__ import annotations

from collections import Counter

from tasks.segment_joins import cohesion, idf_table, open_end, term_vector

ADOPT_MARGIN = 0.02  # cohesion with the empty head minus cohesion with the host, at the chosen split
MAX_HOSTS = 8  # following articles searched for a run to adopt
MAX_STARTS = 60  # split points tried per host: keeps a very long article linear


def paragraph_starts(order: list[int], texts: list[str], links: dict[int, int]) -> list[int]:
    """Positions k >= 1 in `order` where a new paragraph starts (no join and the line above closes)."""
    return [k for k in range(1, len(order))
            if links.get(order[k - 1]) != order[k] and not open_end(texts[order[k - 1]])]


def best_split(empty_head: str, host_head: str, order: list[int], texts: list[str],
               links: dict[int, int]) -> tuple[float, int] | None:
    """(margin, k): the split of the host's body order whose tail order[k:] reads most like `empty_head`."""
    starts = paragraph_starts(order, texts, links)
    if not starts:
        return None
    starts = starts[:MAX_STARTS]
    line_vectors = [term_vector(texts[i]) for i in order]
    empty, own, tail = term_vector(empty_head), term_vector(host_head), Counter()
    idf = idf_table(line_vectors + [empty, own])
    for vector in line_vectors:
        tail.update(vector)
    best, done = None, 0
    for k in starts:
        for vector in line_vectors[done:k]:  # move lines done..k-1 from the tail to the host's side
            own.update(vector)
            tail.subtract(vector)
        done = k
        tail = +tail
        margin = cohesion(tail, empty, idf) - cohesion(tail, own, idf)
        if best is None or margin > best[0]:
            best = (margin, k)
    return best


def adopt_bodies(heads: list[str], orders: list[list[int]], texts: list[str], links: dict[int, int],
                 margin: float = ADOPT_MARGIN) -> list[list[int]]:
    """New body orders: every article (in file order) whose order is empty takes the best tail of a
    following article with at least one paragraph left for the host; others stay as they are."""
    orders = [list(order) for order in orders]
    for e, order in enumerate(orders):
        if order or not heads[e].strip():
            continue
        candidates = []
        for h in range(e + 1, min(len(orders), e + 1 + MAX_HOSTS)):
            found = best_split(heads[e], heads[h], orders[h], texts, links) if orders[h] else None
            if found and found[0] >= margin:
                candidates.append((found[0], h, found[1]))
        if candidates:
            _, h, k = max(candidates)
            orders[e], orders[h] = orders[h][k:], orders[h][:k]
    return orders
