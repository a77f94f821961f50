"""Paragraphs that file order put under the wrong article, relabelled by a language-model ratio.

Each article is a bag of character bigrams (its head and the paragraphs it holds), smoothed
towards the page's own bigram distribution: p_a(w) = (n_a(w) + PRIOR * p_page(w)) / (N_a + PRIOR).
A paragraph x is scored for article a by log p_a(x) - log p_page(x), per bigram of x: how much
better the article explains it than the page at large. A small article is not penalised for
having few words (its model falls back on the page, ratio 0), nor a big one favoured for having
many: the comparison is on an equal footing, unlike a cosine with the whole candidate article.

Each article's paragraphs (units) are then labelled by a Viterbi pass in its reading order, as
a unit stays home or moves to an article that starts earlier on the page than the unit itself
(also one that opens inside its host: a host's tail may be the head of a later article's run);
every change of label costs `switch_cost` (so runs move, not single paragraphs) plus the glue
of two neighbours that speak of the same person (tasks/segment_cohesion.py). A unit's
home score uses only its article's head and the units before it that still carry the label (a
run of another article standing later must not vouch for itself). Profiles are recomputed and
the labelling repeated for PASSES passes.

Fixed: an article's first unit (unless the article has no head and no `(上接…)` marker) and
units that open with a dateline.
"""
from __future__ import annotations

import numpy as np
from scipy import sparse

from tasks.segment_cohesion import PersonLinks
from tasks.segment_heads import parse_dateline
from tasks.segment_joins import open_end
from tasks.segment_orphans import paragraph_units
from tasks.segment_vectors import LineTerms

PRIOR = 0.3  # weight of the article's own bigram shares against the page's (Jelinek-Mercer)
SWITCH_COST = 0.2  # mean log-ratio (per sqrt of the unit's bigrams) a run must gain to change article
RETURN_COST = 0.2  # switch back home; 0.1 measured: tuning interleaved exact +.006, held-out in_order exact -.012 (a wash)
HEADLESS_COST = 0.2  # a headless article's first paragraph joining an earlier article
PASSES = 3
FAR_JOIN_WEIGHT = 0.5  # column evidence of a page with at least one join across other lines
LENGTH_POWER = 0.5
NAME_WEIGHT = 1.0  # a unit re-mentions a speaker an article named before it (tasks/segment_cohesion.py); 2.0 measures the same
PRONOUN_WEIGHT = 0.0  # a unit led by 她/他 glued to a unit that named a speaker before it; 0.5 measured: tuning interleaved exact -.002 (the speaker before is often another article's)
MAX_CANDIDATES = 30  # earlier articles a unit may move to (keeps big pages linear)


def relabel_units(heads: list[str], orders: list[list[int]], texts: list[str], links: dict[int, int],
                  anchored: frozenset[int] = frozenset(), switch_cost: float | None = None,
                  headless_cost: float | None = None, prior: float | None = None,
                  passes: int | None = None) -> list[list[int]]:
    """New body orders, articles in file order of their first line; moved units go to the end of
    their new article's order in file order. Parameters left None take the module's constants."""
    switch_cost = SWITCH_COST if switch_cost is None else switch_cost
    headless_cost = HEADLESS_COST if headless_cost is None else headless_cost
    prior = PRIOR if prior is None else prior
    passes = PASSES if passes is None else passes
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
    counts = terms.groups(flat).tocsr()
    head_counts = terms.groups([[n + a] for a in range(n_art)]).toarray()
    page = np.asarray(counts.sum(axis=0)).ravel() + head_counts.sum(axis=0)
    background = (page + 0.5) / (page.sum() + 0.5 * len(page))
    model = _Scorer(counts, head_counts, background, prior, first)
    fixed = _fixed(units, heads, texts, anchored)
    label = home.copy()
    choices = []  # per article: its rows and the labels its units may take (home first)
    row = 0
    for a, article in enumerate(units):
        rows = np.arange(row, row + len(article))
        row += len(article)
        candidates = np.nonzero(starts < first[rows].max())[0] if len(rows) else np.zeros(0, dtype=int)
        choices.append((rows, np.concatenate(([a], candidates[candidates != a][-MAX_CANDIDATES:])).astype(int)))
    # per unit, the columns of its article's labels it may move to (articles that start before
    # it; none when it is fixed): only these are scored, the home column by home_scores
    columns, label_sets = [], []
    for rows, labels in choices:
        for u in rows.tolist():
            columns.append(np.zeros(0, dtype=int) if fixed[u] else 1 + np.nonzero(starts[labels[1:]] < first[u])[0])
            label_sets.append(labels[columns[-1]])
    persons = PersonLinks(["".join(texts[x] for x in unit) for unit in flat], heads)
    file_order = np.argsort(first, kind="stable").tolist()
    for _ in range(passes):
        scores = model.emissions(label, label_sets)
        if persons.active:
            for u, bonus in persons.bonuses(file_order, label, label_sets, NAME_WEIGHT, PRONOUN_WEIGHT).items():
                scores[u] = scores[u] + bonus
        new = label.copy()
        for a, (rows, labels) in enumerate(choices):
            if not len(rows):
                continue
            emit = np.full((len(rows), len(labels)), -np.inf)
            for k, u in enumerate(rows.tolist()):
                emit[k, columns[u]] = scores[u]
            emit[:, 0] = model.home_scores(a, rows, label)
            headless = not heads[a].strip() and a not in anchored
            glue = persons.glue(rows.tolist(), NAME_WEIGHT, PRONOUN_WEIGHT) if persons.active else None
            new[rows] = labels[_viterbi(emit, switch_cost, headless_cost if headless else None, glue=glue)]
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


def column_evidence(orders: list[list[int]], texts: list[str], links: dict[int, int]) -> float:
    """How strongly the page shows it was read out of column order: the share of its body lines
    that stop mid-sentence (column fragments, not whole paragraphs) plus FAR_JOIN_WEIGHT when a
    join skips other lines (a paragraph continues elsewhere on the page)."""
    body = [x for order in orders for x in order]
    if not body:
        return 0.0
    open_share = sum(open_end(texts[x]) for x in body) / len(body)
    far = any(b - a != 1 for a, b in links.items())
    return open_share + FAR_JOIN_WEIGHT * far


def _fixed(units: list[list[list[int]]], heads: list[str], texts: list[str], anchored: frozenset[int]) -> np.ndarray:
    """Units that never move: an article's first (unless it is headless and unanchored) and
    any that opens with a dateline."""
    fixed = []
    for a, article in enumerate(units):
        headless = not heads[a].strip() and a not in anchored
        for u, unit in enumerate(article):
            fixed.append((u == 0 and not headless) or bool(parse_dateline(texts[unit[0]])))
    return np.array(fixed, dtype=bool)


class _Scorer:
    """Per-bigram log-ratio of units under article models (Jelinek-Mercer mixtures of the
    article's bigram shares and the page's) against the page model."""

    def __init__(self, counts: sparse.csr_matrix, head_counts: np.ndarray, background: np.ndarray,
                 mix: float, first: np.ndarray):
        self.counts, self.heads, self.bg, self.mix, self.first = counts, head_counts, background, mix, first
        self.lengths = np.maximum(np.asarray(counts.sum(axis=1)).ravel(), 1.0) ** LENGTH_POWER
        # per unit, sliced once (the passes score every unit many times): its bigram columns,
        # counts, their total and the page model at those columns
        indptr, indices, data = counts.indptr, counts.indices, counts.data
        self.units = []
        for u in range(counts.shape[0]):
            cols, x = indices[indptr[u]:indptr[u + 1]], data[indptr[u]:indptr[u + 1]]
            self.units.append((cols, x, x.sum(), background[cols]))
        self._memo: dict[tuple, float] = {}  # see emissions
        self._chains: dict[tuple[int, int], int] = {}

    def _unit(self, u: int) -> tuple[np.ndarray, np.ndarray]:
        cols, x, _, _ = self.units[u]
        return cols, x

    def _ratios(self, cols: np.ndarray, x: np.ndarray, profiles: np.ndarray, sizes: np.ndarray, u: int) -> np.ndarray:
        share = profiles / np.maximum(sizes, 1.0)[:, np.newaxis]
        return (x * np.log(self.mix * share / self.units[u][3] + 1.0 - self.mix)).sum(axis=1) / self.lengths[u]

    def _chain(self, key: int, u: int) -> int:
        """Interned key of a sequence of units: the sequence `key` stands for, then unit u."""
        return self._chains.setdefault((key, u), len(self._chains) + 1)

    def emissions(self, label: np.ndarray, label_sets: list[np.ndarray]) -> list[np.ndarray]:
        """Each unit against each of its labels' articles as they stand before it on the page (head
        and the units labelled so that start earlier): one sweep in file order, running totals.

        A score depends only on which units an article held before the unit, added in file order,
        so scores are memoised under that sequence: later passes, which move few units, recompute
        only what a move changed (bit for bit the same numbers as a full recomputation)."""
        running = self.heads.astype(float)
        sizes = running.sum(axis=1)
        out: list[np.ndarray] = [np.zeros(0)] * len(label)
        before = [0] * len(running)  # per article: interned sequence of the units it holds so far
        memo = self._memo
        for u in np.argsort(self.first, kind="stable").tolist():
            cols, x, total, _ = self.units[u]
            labels = label_sets[u]
            keys = [(u, l, before[l]) for l in labels.tolist()]
            known = [memo.get(key) for key in keys]
            if not keys:
                out[u] = np.zeros(0)
            elif None in known:
                out[u] = self._ratios(cols, x, running[labels[:, np.newaxis], cols], sizes[labels], u)
                memo.update(zip(keys, out[u].tolist()))
            else:
                out[u] = np.array(known)
            at = int(label[u])
            running[at, cols] += x
            sizes[at] += total
            before[at] = self._chain(before[at], u)
        return out

    def home_scores(self, a: int, rows: np.ndarray, label: np.ndarray) -> np.ndarray:
        """Each unit against its article's head and the units before it still labelled home
        (memoised like `emissions`)."""
        profile = self.heads[a].astype(float)
        size = profile.sum()
        out = np.zeros(len(rows))
        held = 0
        for k, u in enumerate(rows.tolist()):
            cols, x, total, _ = self.units[u]
            key = ("home", u, a, held)
            found = self._memo.get(key)
            if found is None:
                found = self._memo[key] = self._ratios(cols, x, profile[cols][np.newaxis, :], np.array([size]), u)[0]
            out[k] = found
            if label[u] == a:
                profile[cols] += x
                size += total
                held = self._chain(held, u)
        return out


def _viterbi(emit: np.ndarray, switch_cost: float, headless_cost: float | None,
             return_cost: float | None = None, glue: np.ndarray | None = None) -> np.ndarray:
    """Best label path (column indices; column 0 is home) of emissions minus switch costs; a
    switch back home costs `return_cost` (a foreign run stands inside its host's text, and the
    host's text resumes after it). `glue[k]` is added to any change of label before unit k."""
    return_cost = RETURN_COST if return_cost is None else return_cost
    n, m = emit.shape
    start = np.full(m, np.inf if headless_cost is None else headless_cost)
    start[0] = 0.0
    score = emit[0] - start
    back = np.zeros((n, m), dtype=int)
    for k in range(1, n):
        extra = 0.0 if glue is None else glue[k]
        best = int(np.argmax(score))
        switch = score[best] - switch_cost - extra
        back[k] = np.where(score >= switch, np.arange(m), best)
        new = np.maximum(score, switch)
        if score[best] - return_cost - extra > new[0]:
            back[k, 0], new[0] = best, score[best] - return_cost - extra
        score = new + emit[k]
    path = [int(np.argmax(score))]
    for k in range(n - 1, 0, -1):
        path.append(int(back[k, path[-1]]))
    return np.array(path[::-1])
