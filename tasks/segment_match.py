"""Global choice of continuation links: a maximum-weight matching instead of greedy picks.

Each line left open has at most one continuation and each line that can continue a sentence has
at most one predecessor, so the links of a page are a matching in the bipartite graph of scored
(source, target) pairs. Greedy best-first choice lets one line take the continuation another line
needs more (`…广泛` and `…科技金融` both reading on into `征求居民意见`, the first with no other
candidate); the matching maximises the summed evidence instead. Components of the candidate
graph are solved apart (scipy's linear_sum_assignment), so a long document stays cheap; a
component too large for a dense assignment falls back to the greedy order.
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

MAX_DENSE = 400  # sources or targets of one component solved by dense assignment


def match_links(pairs: list[tuple[float, int, int]], floor: dict[int, float]) -> dict[int, int]:
    """Links a -> b maximising the summed score of the chosen pairs (score, a, b).

    A pair takes part when its score reaches `floor[a]` (sources not in `floor` take none); what
    a pair adds to the sum is its score above the lowest floor plus a small constant, so any usable
    pair beats leaving both lines unlinked and pairs compare by their scores alone.
    """
    base = min(floor.values(), default=0.0) - 0.05
    usable = [(s - base, a, b) for s, a, b in pairs if a in floor and s >= floor[a]]
    if not usable:
        return {}
    sources = sorted({a for _, a, _ in usable})
    targets = sorted({b for _, _, b in usable})
    row = {a: k for k, a in enumerate(sources)}
    col = {b: k for k, b in enumerate(targets)}
    best: dict[tuple[int, int], float] = {}
    for w, a, b in usable:
        key = (row[a], col[b])
        best[key] = max(w, best.get(key, 0.0))
    r = np.fromiter((k[0] for k in best), dtype=np.int64, count=len(best))
    c = np.fromiter((k[1] for k in best), dtype=np.int64, count=len(best))
    w = np.fromiter(best.values(), dtype=float, count=len(best))
    label = component_labels(len(sources) + len(targets), r.tolist(), (c + len(sources)).tolist())
    links: dict[int, int] = {}
    # components gathered in plain Python: a page has a few small ones, too small for numpy to pay
    members: dict[int, list[int]] = {}
    for edge, comp in enumerate(label[r].tolist()):
        members.setdefault(comp, []).append(edge)
    r_list, c_list = r.tolist(), c.tolist()
    for comp in sorted(members):
        edges = np.array(members[comp], dtype=np.int64)
        row_set, col_set = {r_list[e] for e in members[comp]}, {c_list[e] for e in members[comp]}
        if len(row_set) == 1 or len(col_set) == 1 or max(len(row_set), len(col_set)) > MAX_DENSE:
            _greedy(edges, r, c, w, sources, targets, links)
            continue
        rows, cols = np.array(sorted(row_set), dtype=np.int64), np.array(sorted(col_set), dtype=np.int64)
        dense = np.zeros((len(rows), len(cols)))
        dense[np.searchsorted(rows, r[edges]), np.searchsorted(cols, c[edges])] = w[edges]
        picked_rows, picked_cols = linear_sum_assignment(dense, maximize=True)
        for i, j in zip(picked_rows, picked_cols):
            if dense[i, j] > 0:
                links[sources[rows[i]]] = targets[cols[j]]
    return links


def component_labels(n_nodes: int, left: list[int], right: list[int]) -> np.ndarray:
    """Connected component of every node of the undirected graph with edges left[k]-right[k],
    numbered as scipy's connected_components numbers them (in order of each component's lowest
    node): a page's candidate graph has tens of edges, too few for scipy's graph machinery to pay."""
    parent = list(range(n_nodes))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in zip(left, right):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    number: dict[int, int] = {}
    return np.array([number.setdefault(root(x), len(number)) for x in range(n_nodes)], dtype=np.int64)


def _greedy(edges, r, c, w, sources, targets, links) -> None:
    """Best pair first, one link per source and per target (a star component is solved exactly)."""
    taken = set(links.values())
    for e in sorted(edges, key=lambda e: (-w[e], r[e], c[e])):
        a, b = sources[r[e]], targets[c[e]]
        if a not in links and b not in taken:
            links[a] = b
            taken.add(b)


def matched_links(pairs: list[tuple[float, int, int]], floor: dict[int, float], pred: dict[int, int | None],
                  rounds: int = 4) -> dict[int, int]:
    """match_links without cycles: a pair whose link closed a cycle is left out and the page matched
    again (a few rounds; what is left is broken at its weakest link)."""
    score = {(a, b): s for s, a, b in pairs}
    banned: set[tuple[int, int]] = set()
    for _ in range(rounds):
        links = match_links([p for p in pairs if (p[1], p[2]) not in banned], floor)
        kept = break_cycles(links, pred, score)
        if len(kept) == len(links):
            return kept
        banned |= {(a, b) for a, b in links.items() if kept.get(a) != b}
    return kept


def break_cycles(links: dict[int, int], pred: dict[int, int | None], score: dict[tuple[int, int], float]) -> dict[int, int]:
    """Drop the weakest link of every cycle that links and layout order make together (a line
    continuing a line that stands below it in its own chain)."""
    links = dict(links)
    parent = dict(pred)
    for a, b in links.items():
        parent[b] = a
    for a in sorted(links):
        cycle, seen, x = [], set(), a
        while x is not None and x not in seen:
            seen.add(x)
            up = parent.get(x)
            if up is not None and links.get(up) == x:
                cycle.append(up)
            x = up
        if x == a and cycle:  # walked back to where we started: a cycle
            weakest = min(cycle, key=lambda s: score.get((s, links[s]), 0.0))
            b = links.pop(weakest)
            parent[b] = pred.get(b)
    return links
