"""Language-model ratio of paragraph units under article models, for relabelling (tasks/segment_assign.py).

Terms are whatever the caller's columns hold (bigrams, and weighted content characters); counts
may be fractional.

An article's model is a Jelinek-Mercer mixture of its own bigram shares and the page's:
p_a(w) = MIX * n_a(w) / N_a + (1 - MIX) * p_page(w). A unit x is scored for article a by
sum_w x(w) * log(p_a(w) / p_page(w)) / |x|^LENGTH_POWER: how much better the article explains
it than the page at large, on an equal footing for small and big articles.

The relabelling passes score every unit many times against articles that barely change, so
scores are memoised under the exact sequence of units an article held before the unit: a later
pass recomputes only what a move changed, bit for bit the same numbers as a full recomputation.
"""
from __future__ import annotations

import numpy as np

LENGTH_POWER = 0.5


class RatioScorer:
    """Per-bigram log-ratio of units under article models against the page model.

    `units`: per unit (rows of the page's unit x bigram counts) its bigram columns and counts;
    `head_counts`: dense articles x bigrams counts of the heads; `background`: page model."""

    def __init__(self, units: list[tuple[np.ndarray, np.ndarray]], head_counts: np.ndarray,
                 background: np.ndarray, mix: float, first: np.ndarray):
        self.heads, self.mix, self.first = head_counts, mix, first
        self.units = [(cols, x, x.sum(), background[cols]) for cols, x in units]
        totals = np.array([total for _, _, total, _ in self.units], dtype=float)
        self.lengths = (np.maximum(totals, 1.0) ** LENGTH_POWER).tolist()
        self.file_order = np.argsort(first, kind="stable").tolist()
        self._memo: dict[tuple, float] = {}
        self._chains: dict[tuple[int, int], int] = {}

    def _ratios(self, u: int, profiles: np.ndarray, sizes: list[float]) -> list[float]:
        cols, x, _, bg = self.units[u]
        if not len(cols):  # no terms: no evidence either way
            return [0.0] * len(sizes)
        # mix * share / bg + 1 - mix, in place (callers pass a fresh copy made by fancy indexing);
        # then the count-weighted sum as one dot product. The per-article factor is plain float
        # arithmetic (the same IEEE division numpy does): a unit has a few labels, and numpy's
        # per-call cost was most of the time on such tiny arrays.
        mix = self.mix
        ratio = profiles
        ratio *= np.array([mix / max(size, 1.0) for size in sizes])[:, np.newaxis]
        ratio /= bg
        ratio += 1.0 - self.mix
        np.log(ratio, out=ratio)
        return (ratio @ x / self.lengths[u]).tolist()

    def _chain(self, key: int, u: int) -> int:
        """Interned key of a sequence of units: the sequence `key` stands for, then unit u."""
        return self._chains.setdefault((key, u), len(self._chains) + 1)

    def emissions(self, label: list[int], label_sets: list[list[int]]) -> list[list[float]]:
        """Each unit against each of its labels' articles as they stand before it on the page (head
        and the units labelled so that start earlier): one sweep in file order, running totals."""
        running = self.heads.astype(float)
        sizes = running.sum(axis=1).tolist()
        out: list[list[float]] = [[] for _ in label]
        before = [0] * len(running)  # per article: interned sequence of the units it holds so far
        memo = self._memo
        for u in self.file_order:
            cols, x, total, _ = self.units[u]
            labels = label_sets[u]
            if labels:
                keys = [(u, l, before[l]) for l in labels]
                known = [memo.get(key) for key in keys]
                if None in known:
                    known = self._ratios(u, running[np.array(labels)[:, np.newaxis], cols], [sizes[l] for l in labels])
                    memo.update(zip(keys, known))
                out[u] = known
            at = label[u]
            running[at, cols] += x
            sizes[at] += total
            before[at] = self._chain(before[at], u)
        return out

    def home_scores(self, a: int, rows: list[int], label: list[int]) -> list[float]:
        """Each unit against its article's head and the units before it still labelled home
        (memoised like `emissions`)."""
        profile = self.heads[a].astype(float)
        size = profile.sum()
        out = []
        held = 0
        for u in rows:
            cols, x, total, _ = self.units[u]
            key = ("home", u, a, held)
            found = self._memo.get(key)
            if found is None:
                found = self._memo[key] = self._ratios(u, profile[cols][np.newaxis, :], [size])[0]
            out.append(found)
            if label[u] == a:
                profile[cols] += x
                size += total
                held = self._chain(held, u)
        return out
