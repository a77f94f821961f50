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
from scipy import sparse

LENGTH_POWER = 0.5


class RatioScorer:
    """Per-bigram log-ratio of units under article models against the page model.

    `units`: per unit (rows of the page's unit x bigram counts) its bigram columns and counts;
    `head_counts`: dense articles x bigrams counts of the heads; `background`: page model."""

    def __init__(self, units: list[tuple[np.ndarray, np.ndarray]], head_counts: np.ndarray,
                 background: np.ndarray, mix: float, first: np.ndarray):
        self.heads, self.mix, self.first = head_counts, mix, first
        self.units = [(cols, x, x.sum(), background[cols]) for cols, x in units]
        self.background = background
        # units x terms, for scoring all units against whole articles at once
        self.matrix = sparse.csr_matrix((np.concatenate([x for _, x in units] or [np.zeros(0)]),
                                         np.concatenate([cols for cols, _ in units] or [np.zeros(0, int)]),
                                         np.cumsum([0] + [len(cols) for cols, _ in units])),
                                        shape=(len(units), len(background)))
        totals = np.array([total for _, _, total, _ in self.units], dtype=float)
        self.lengths = (np.maximum(totals, 1.0) ** LENGTH_POWER).tolist()
        self.file_order = np.argsort(first, kind="stable").tolist()
        self.head_sizes = [row.astype(float).sum() for row in head_counts]  # as a copied row sums
        self._memo: dict[tuple, float] = {}
        self._chains: dict[tuple[int, int], int] = {}

    def _ratios(self, pending: list[tuple[int, np.ndarray, list[float]]]) -> list[list[float]]:
        """Scores of each (unit, profiles of its articles, their sizes) in `pending`.

        The element-wise steps run once over all profiles laid end to end (numpy's per-call cost
        was most of the time on a unit's tiny arrays); the count-weighted sum stays one matrix
        product per unit, of the same shape as always, so every number is the one a separate
        computation gives, bit for bit."""
        blocks = [(u, rows, sizes) for u, rows, sizes in pending if len(self.units[u][0])]
        if blocks:
            mix, units = self.mix, self.units
            # mix * share / bg + 1 - mix; the per-article factor is plain float arithmetic
            ratio = np.concatenate([rows.ravel() for _, rows, _ in blocks])
            ratio *= np.repeat([mix / max(size, 1.0) for _, _, sizes in blocks for size in sizes],
                               [len(units[u][0]) for u, _, sizes in blocks for _ in sizes])
            ratio /= np.concatenate([units[u][3] for u, _, sizes in blocks for _ in sizes])
            ratio += 1.0 - mix
            np.log(ratio, out=ratio)
            sums, at = [], 0
            for u, rows, _ in blocks:
                sums.append(ratio[at:at + rows.size].reshape(rows.shape) @ units[u][1])
                at += rows.size
            lengths = np.repeat([self.lengths[u] for u, _, _ in blocks], [len(sizes) for _, _, sizes in blocks])
            flat = (np.concatenate(sums) / lengths).tolist()
        out, at = [], 0
        for u, _, sizes in pending:
            if len(self.units[u][0]):
                out.append(flat[at:at + len(sizes)])
                at += len(sizes)
            else:  # no terms: no evidence either way
                out.append([0.0] * len(sizes))
        return out

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
        unadded: list[list[int]] = [[] for _ in sizes]  # per article: units not yet in its running row
        memo, chains, units = self._memo, self._chains, self.units
        pending, pending_keys = [], []  # units to score, with their articles' profiles as they stand
        for u in self.file_order:
            labels = label_sets[u]
            if labels:
                keys = [(u, l, before[l]) for l in labels]
                known = list(map(memo.get, keys))
                if None in known:
                    for l in labels:
                        if unadded[l]:  # most articles gained nothing since: skip the row view and call
                            self._add(running[l], unadded[l])
                    pending.append((u, running.take(self._cells(u, labels)), [sizes[l] for l in labels]))
                    pending_keys.append(keys)
                else:
                    out[u] = known
            at = label[u]
            unadded[at].append(u)
            sizes[at] += units[u][2]
            before[at] = chains.setdefault((before[at], u), len(chains) + 1)  # self._chain, inlined
        for (u, _, _), keys, scores in zip(pending, pending_keys, self._ratios(pending)):
            memo.update(zip(keys, scores))
            out[u] = scores
        return out

    def _cells(self, u: int, labels: list[int]) -> np.ndarray:
        """Flat positions of unit u's terms in the rows `labels` of an articles x terms array: a
        `take` there reads what indexing by rows and columns reads, at a fraction of its cost."""
        key = ("cells", u, tuple(labels))
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = (np.array(labels) * len(self.background))[:, np.newaxis] + self.units[u][0]
        return found

    def ahead_emissions(self, label: list[int], ahead_sets: list[list[int]], starts: list[float]) -> list[list[float]]:
        """Each unit against each article of `ahead_sets[u]` (articles whose head stands after the
        unit) as it stands from its head on: head and the units labelled so that start after it,
        so units placed ahead of the same head never vouch for each other. One article's profile
        serves every unit: one sparse product scores them all."""
        wanted = sorted({b for labels in ahead_sets for b in labels})
        if not wanted:
            return [[] for _ in label]
        column = {b: k for k, b in enumerate(wanted)}
        held = [(column[b], u) for u, b in enumerate(label) if b in column and self.first[u] > starts[b]]
        key = ("ahead", tuple(wanted), tuple(held))  # a later pass that moved nothing relevant: as before
        if key not in self._memo:
            asking = [u for u, labels in enumerate(ahead_sets) if labels]
            self._memo[key] = dict(zip(asking, self._whole_article_scores(wanted, held, asking)))
        scores = self._memo[key]
        return [[scores[u][column[b]] for b in labels] if labels else [] for u, labels in enumerate(ahead_sets)]

    def _whole_article_scores(self, wanted: list[int], held: list[tuple[int, int]],
                              asking: list[int]) -> list[list[float]]:
        """Units `asking` against each of `wanted` articles (heads) plus the units `held` as (row, unit).

        The numbers are those of the sparse expression heads + holds @ matrix, then one product
        of the asking units' rows with the log-ratios: the held counts are summed from zero in
        unit order, as scipy's sparse product sums them (a unit's terms are distinct), and only
        the terms the asking units hold get a log-ratio (a product visits only a row's stored
        terms, in their stored order)."""
        sums = np.zeros((len(wanted), len(self.background)))
        if held:  # np.add.at adds its entries one by one in order, as one `+=` per unit did
            n, units = len(self.background), self.units
            np.add.at(sums.ravel(), np.concatenate([units[u][0] + row * n for row, u in held]),
                      np.concatenate([units[u][1] for _, u in held]))
        profiles = sums
        profiles += self.heads[wanted]  # heads + sums (addition commutes), without two more copies
        sizes = np.maximum(profiles.sum(axis=1), 1.0)
        terms, asked, lengths = self._asking_rows(asking)
        ratio = np.log(self.mix * profiles[:, terms] / sizes[:, np.newaxis] / self.background[terms] + (1.0 - self.mix))
        return ((asked @ ratio.T) / lengths).tolist()

    def _asking_rows(self, asking: list[int]) -> tuple[np.ndarray, sparse.csr_matrix, np.ndarray]:
        """The terms the units `asking` hold, their rows over those terms only (entries in stored
        order) and their lengths as a column: the same for every pass, so built once."""
        key = ("asking", tuple(asking))
        found = self._memo.get(key)
        if found is None:
            rows = self.matrix[asking]
            terms, compact = np.unique(rows.indices, return_inverse=True)
            asked = sparse.csr_matrix((rows.data, compact.reshape(-1), rows.indptr), shape=(len(asking), len(terms)))
            found = self._memo[key] = (terms, asked, np.array(self.lengths)[asking][:, np.newaxis])
        return found

    def _add(self, profile: np.ndarray, units: list[int]) -> None:
        """Add the counts of `units` to `profile` in their order, and empty the list. Counts are
        added only when a score needs them (most are memoised after the first pass), each
        element's additions in the same order as always: np.add.at adds its entries one by one in
        order, so one call over the units laid end to end sums as one `+=` per unit did."""
        if len(units) == 1:
            cols, x, _, _ = self.units[units[0]]
            profile[cols] += x
        elif units:
            np.add.at(profile, np.concatenate([self.units[u][0] for u in units]),
                      np.concatenate([self.units[u][1] for u in units]))
        units.clear()

    def home_scores(self, a: int, rows: list[int], label: list[int]) -> list[float]:
        """Each unit against its article's head and the units before it still labelled home
        (memoised like `emissions`)."""
        return self.all_home_scores([(a, rows)], label)[0]

    def all_home_scores(self, articles: list[tuple[int, list[int]]], label: list[int]) -> list[list[float]]:
        """`home_scores` of each (article, its units) in `articles`, computed together."""
        out: list[list[float]] = []
        pending, pending_at = [], []  # units to score, with the article's profile as it stands
        for a, rows in articles:
            profile, unadded = None, []  # the head's counts, copied when a score needs them
            size = self.head_sizes[a]
            scores = []
            held = 0
            for u in rows:
                key = ("home", u, a, held)
                found = self._memo.get(key)
                if found is None:
                    profile = self.heads[a].astype(float) if profile is None else profile
                    self._add(profile, unadded)
                    pending.append((u, profile.take(self.units[u][0])[np.newaxis, :], [size]))
                    pending_at.append((len(out), len(scores), key))
                scores.append(found)
                if label[u] == a:
                    unadded.append(u)
                    size += self.units[u][2]
                    held = self._chain(held, u)
            out.append(scores)
        for (k, i, key), (score,) in zip(pending_at, self._ratios(pending)):
            out[k][i] = self._memo[key] = score
        return out
