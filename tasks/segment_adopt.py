"""Heads left without body text: hand each the following run of body text that reads as its own.

A feature page often prints its main head and byline, then boxes of short pieces, and only then
the main text, which file order glues to the last box. A head without body takes over the tail of
a following article from the paragraph start where the text reads more like the empty head than
like the host's own head and text (TF-IDF cosine difference over character bigrams, decided
against ADOPT_MARGIN). A headless run standing right under the empty head is taken whole: its
first line was read as a title and given back (tasks/segment_demote.py).
"""
from __future__ import annotations

import numpy as np

from tasks.segment_joins import open_end
from tasks.segment_vectors import LineTerms

ADOPT_MARGIN = 0.02  # cohesion with the empty head minus cohesion with the host, at the chosen split
MAX_HOSTS = 8  # following articles searched for a run to adopt
MAX_STARTS = 60  # split points tried per host: keeps a very long article linear


def paragraph_starts(order: list[int], texts: list[str], links: dict[int, int]) -> list[int]:
    """Positions k >= 1 in `order` where a new paragraph starts (no join and the line above closes)."""
    return [k for k in range(1, len(order))
            if links.get(order[k - 1]) != order[k] and not open_end(texts[order[k - 1]])]


def best_split(terms: LineTerms, empty_row: int, host_row: int, order: list[int], texts: list[str],
               links: dict[int, int]) -> tuple[float, int] | None:
    """(margin, k): the split of the host's body order whose tail order[k:] reads most like the
    empty head (line `empty_row` of `terms`) rather than like the host's head and the text above."""
    starts = paragraph_starts(order, texts, links)
    if not starts:
        return None
    starts = np.array(starts[:MAX_STARTS])
    counts = terms.groups([[i] for i in order] + [[empty_row], [host_row]])
    columns = np.unique(counts.indices)
    if not columns.size:
        return float(0.0), int(starts[0])
    dense = counts[:, columns].toarray()
    df = (dense > 0).sum(axis=0)
    idf = np.log((1 + len(dense)) / (1 + df)) + 1.0
    lines, empty, own_head = dense[:-2] * idf, dense[-2] * idf, dense[-1] * idf
    above = np.cumsum(lines, axis=0)[starts - 1]  # lines 0..k-1 of each split
    own, tail = own_head + above, lines.sum(axis=0) - above
    margin = _cosines(tail, empty) - _rows_cosine(tail, own)
    best = int(np.argmax(margin))  # first of equal margins, as the loop before
    return float(margin[best]), int(starts[best])


def _cosines(rows: np.ndarray, vector: np.ndarray) -> np.ndarray:
    norms = np.sqrt((rows * rows).sum(axis=1)) * np.sqrt(vector @ vector)
    return np.divide(rows @ vector, norms, out=np.zeros(len(rows)), where=norms > 0)


def _rows_cosine(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    norms = np.sqrt((x * x).sum(axis=1) * (y * y).sum(axis=1))
    return np.divide((x * y).sum(axis=1), norms, out=np.zeros(len(x)), where=norms > 0)


def adopt_bodies(heads: list[str], orders: list[list[int]], texts: list[str], links: dict[int, int],
                 margin: float = ADOPT_MARGIN) -> list[list[int]]:
    """New body orders: every article (in file order) whose order is empty takes the best tail of a
    following article with at least one paragraph left for the host; others stay as they are."""
    orders = [list(order) for order in orders]
    if not any(not order and head.strip() for order, head in zip(orders, heads)):
        return orders
    n = len(texts)
    terms = LineTerms(list(texts) + list(heads))  # head strings are lines n, n + 1, ...
    for e, order in enumerate(orders):
        if order or not heads[e].strip():
            continue
        nxt = e + 1
        if nxt < len(orders) and orders[nxt] and not heads[nxt].strip():
            # a headless run right under a head without text: its first line was taken for a
            # title and given back (tasks/segment_demote.py), the run is this head's text
            orders[e], orders[nxt] = orders[nxt], []
            continue
        candidates = []
        for h in range(e + 1, min(len(orders), e + 1 + MAX_HOSTS)):
            found = best_split(terms, n + e, n + h, orders[h], texts, links) if orders[h] else None
            if found and found[0] >= margin:
                candidates.append((found[0], h, found[1]))
        if candidates:
            _, h, k = max(candidates)
            orders[e], orders[h] = orders[h][k:], orders[h][:k]
    return orders
