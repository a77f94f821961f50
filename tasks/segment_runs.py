"""Runs of paragraphs that file order put under the wrong article: a global relabelling.

On a page read out of column order an article's text comes in runs: its head and first run, then
a run of it standing under a later article, until the next head. So the paragraphs (units) in an
article's order are a few runs, each of one article that starts earlier on the page. Each
article's units get labels by a Viterbi pass: emission is the TF-IDF cosine (character bigrams)
of a unit with a label's whole article (head and every unit it holds now, the unit itself left
out), and changing label between two units costs SWITCH_COST, so paragraphs move as runs, not
one by one. Profiles are recomputed and the labelling repeated for PASSES passes (articles grow
as their runs come home, which makes the next pass surer).

Fixed: an article's first unit (unless it has no head and no `(上接…)` marker: then its first
unit may join an earlier article too, paying HEADLESS_COST) and units that open with a dateline.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

from tasks.segment_heads import parse_dateline
from tasks.segment_orphans import paragraph_units
from tasks.segment_vectors import LineTerms

SWITCH_COST = 0.02  # cosine a run must gain to change article (paid at each change of label)
HEADLESS_COST = 0.02  # a headless article's first paragraph joining an earlier article
DEPTH_COST = 0.0  # added to the cost of leaving an article per paragraph of it read before
PASSES = 3
WINDOW = 3  # paragraphs of a candidate article (its last ones) a unit is compared with; 0: all
MAX_CANDIDATES = 30  # earlier articles a unit may move to (keeps big pages linear)


def relabel_runs(heads: list[str], orders: list[list[int]], texts: list[str], links: dict[int, int],
                 anchored: frozenset[int] = frozenset(), switch_cost: float = SWITCH_COST,
                 headless_cost: float = HEADLESS_COST, passes: int = PASSES,
                 depth_cost: float = DEPTH_COST, window: int = WINDOW) -> list[list[int]]:
    """New body orders, articles in file order of their first line; moved units go to the end of
    their new article's order in file order."""
    units = [paragraph_units(order, links) for order in orders]
    flat = [unit for article in units for unit in article]
    n_art = len(orders)
    if n_art < 2 or len(flat) < 2:
        return orders
    home = np.array([a for a, article in enumerate(units) for _ in article])
    first = np.array([min(unit) for unit in flat])
    starts = np.array([min(order) if order else np.inf for order in orders])
    n = len(texts)
    terms = LineTerms(list(texts) + list(heads))
    counts = terms.groups(flat)
    idf = terms.idf(counts)
    weighted = counts.multiply(idf[np.newaxis, :]).tocsr()
    head_w = terms.groups([[n + a] for a in range(n_art)]).multiply(idf[np.newaxis, :]).tocsr()
    unit_sq = np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel()
    head_dot = (weighted @ head_w.T).toarray()  # units x articles
    head_sq = np.asarray(head_w.multiply(head_w).sum(axis=1)).ravel()
    unit_dot = (weighted @ weighted.T).toarray()  # units x units: a page has tens of paragraphs
    head_unit = (head_w @ weighted.T).toarray()  # articles x units
    pre = _Preceding(unit_dot, head_unit, head_sq)
    fixed = _fixed(units, heads, texts, anchored)
    label = home.copy()
    for _ in range(passes):
        member = sparse.csr_matrix((np.ones(len(flat)), (label, np.arange(len(flat)))), shape=(n_art, len(flat))).toarray()
        if window:  # like with like: a run is compared with the head and the last few paragraphs of each side
            member = _last_units(member, first, window)
        head_pp = (head_unit * member).sum(axis=1)  # head . own units
        prof_sq = head_sq + 2 * head_pp + np.einsum("au,uv,av->a", member, unit_dot, member)
        dots = head_dot + unit_dot @ member.T  # unit . profile of each article
        new = label.copy()
        row = 0
        for a, article in enumerate(units):
            rows = np.arange(row, row + len(article))
            row += len(article)
            if len(rows):
                home_cos = pre.cosines(a, rows, label)
                new[rows] = _viterbi(rows, a, home_cos, label, dots, prof_sq, unit_sq, first, starts, fixed,
                                     switch_cost, headless_cost if not heads[a].strip() and a not in anchored else None,
                                     depth_cost=depth_cost)
        if np.array_equal(new, label):
            break
        label = new
    if np.array_equal(label, home):
        return orders
    new_orders: list[list[int]] = [[] for _ in orders]
    moved: list[tuple[int, int]] = []
    for u, unit in enumerate(flat):
        if label[u] == home[u]:
            new_orders[label[u]].extend(unit)
        else:
            moved.append((u, int(label[u])))
    for u, b in sorted(moved, key=lambda m: first[m[0]]):
        new_orders[b].extend(flat[u])
    return new_orders


def _last_units(member: np.ndarray, first: np.ndarray, window: int) -> np.ndarray:
    """Membership rows cut to each article's `window` last units in file order."""
    out = np.zeros_like(member)
    for a in range(member.shape[0]):
        units = np.flatnonzero(member[a])
        keep = units[np.argsort(first[units], kind="stable")[-window:]]
        out[a, keep] = 1.0
    return out


def _fixed(units: list[list[list[int]]], heads: list[str], texts: list[str], anchored: frozenset[int]) -> np.ndarray:
    fixed = []
    for a, article in enumerate(units):
        headless = not heads[a].strip() and a not in anchored
        for u, unit in enumerate(article):
            fixed.append((u == 0 and not headless) or bool(parse_dateline(texts[unit[0]])))
    return np.array(fixed, dtype=bool)


class _Preceding:
    """Cosine of each unit of an article with its own head and the units before it that still
    carry the article's label: a run of another article standing later must not vouch for itself."""

    def __init__(self, unit_dot: np.ndarray, head_unit: np.ndarray, head_sq: np.ndarray):
        self.unit_dot, self.head_unit, self.head_sq = unit_dot, head_unit, head_sq

    def cosines(self, a: int, rows: np.ndarray, label: np.ndarray) -> np.ndarray:
        out = np.zeros(len(rows))
        sq, kept = float(self.head_sq[a]), []
        for k, u in enumerate(rows):
            dot = self.head_unit[a, u] + self.unit_dot[u, kept].sum()
            norm = np.sqrt(max(sq, 0.0) * self.unit_dot[u, u])
            out[k] = dot / norm if norm > 1e-12 else 0.0
            if label[u] == a:
                sq += 2 * (self.head_unit[a, u] + self.unit_dot[u, kept].sum()) + self.unit_dot[u, u]
                kept.append(u)
        return out


def _viterbi(rows, home, home_cos, label, dots, prof_sq, unit_sq, first, starts, fixed, switch_cost, headless_cost,
             return_cost=0.0, depth_cost=0.0):
    """Labels of one article's units: best path of cosines minus switch costs, start at home
    (or anywhere earlier, paying headless_cost, when the article has no head)."""
    n_art = dots.shape[1]
    candidates = np.nonzero(starts < first[rows[0]])[0]
    candidates = candidates[candidates != home][-MAX_CANDIDATES:]
    labels = np.concatenate(([home], candidates)).astype(int)
    emit = np.full((len(rows), len(labels)), -np.inf)
    for k, u in enumerate(rows):
        own = (label[u] == labels).astype(float)  # the unit sits in that profile now: leave it out
        dot = dots[u, labels] - own * unit_sq[u]
        sq = prof_sq[labels] - 2 * own * dots[u, labels] + own * unit_sq[u]
        norm = np.sqrt(np.maximum(sq, 0.0) * unit_sq[u])
        cos = np.divide(dot, norm, out=np.zeros(len(labels)), where=norm > 1e-12)
        allowed = starts[labels] < first[u]
        allowed[0] = True
        cos[0] = home_cos[k]
        emit[k] = np.where(allowed, cos, -np.inf)
        if fixed[u]:
            emit[k, 1:] = -np.inf
    start_cost = np.zeros(len(labels))
    if headless_cost is None:
        start_cost[1:] = np.inf
    else:
        start_cost[1:] = headless_cost
    score = emit[0] - start_cost
    back = np.zeros((len(rows), len(labels)), dtype=int)
    for k in range(1, len(rows)):
        best = int(np.argmax(score))
        leave = switch_cost + (depth_cost * k if best == 0 else 0.0)  # deep in its own text: surer to stay
        switch = np.full(len(labels), score[best] - leave)
        switch[0] = score[best] - return_cost  # back to the article's own text
        back[k] = np.where(score >= switch, np.arange(len(labels)), best)
        score = np.maximum(score, switch) + emit[k]
    path = [int(np.argmax(score))]
    for k in range(len(rows) - 1, 0, -1):
        path.append(int(back[k, path[-1]]))
    return labels[np.array(path[::-1])]
