"""Paragraphs that file order put under the wrong article, relabelled by a language-model ratio.

Each article is a bag of character bigrams and, at UNIGRAM_WEIGHT per occurrence, single content
characters (its head and the paragraphs it holds; characters carry a short paragraph whose words
the article spells differently, 种子 beside 良种, where bigrams see nothing), smoothed
towards the page's own term distribution: p_a(w) = (n_a(w) + PRIOR * p_page(w)) / (N_a + PRIOR).
A paragraph x is scored for article a by log p_a(x) - log p_page(x), per bigram of x: how much
better the article explains it than the page at large. A small article is not penalised for
having few words (its model falls back on the page, ratio 0), nor a big one favoured for having
many: the comparison is on an equal footing, unlike a cosine with the whole candidate article.
Stock phrases of news prose (speech verbs, job titles: `负责人介绍`) are blanked out before
counting (tasks/segment_stock.py): every article has them, so sharing them is no evidence.

Each article's paragraphs (units) are then labelled by a Viterbi pass in its reading order, as
a unit stays home or moves to an article that starts earlier on the page than the unit itself
(also one that opens inside its host: a host's tail may be the head of a later article's run),
or to a headed article that starts after it (a column read before the one holding its head; see
AHEAD_COST);
every change of label costs `switch_cost` (so runs move, not single paragraphs) plus the glue
of two neighbours that speak of the same person (tasks/segment_cohesion.py); an article whose
text so far stops mid-sentence draws the next unit (tasks/segment_tails.py). A unit's
home score uses only its article's head and the units before it that still carry the label (a
run of another article standing later must not vouch for itself). Profiles are recomputed and
the labelling repeated for PASSES passes.

Fixed: an article's first unit (unless the article has no head and no `(上接…)` marker) and
units that open with a dateline.
"""
from __future__ import annotations

import numpy as np

from tasks.segment_cohesion import PersonLinks
from tasks.segment_heads import parse_dateline
from tasks.segment_joins import open_end
from tasks.segment_orphans import join_glue, paragraph_units, weak_links
from tasks.segment_parallel import ParallelOpeners
from tasks.segment_ratio import RatioScorer
from tasks.segment_stock import without_stock_phrases
from tasks.segment_tails import dangling, open_end_bonuses
from tasks.segment_vectors import LineTerms
from tasks.segment_viterbi import best_label_path

PRIOR = 0.3  # weight of the article's own bigram shares against the page's (Jelinek-Mercer)
SWITCH_COST = 0.2  # mean log-ratio (per sqrt of the unit's bigrams) a run must gain to change article
HEADLESS_COST = 0.2  # a headless article's first paragraph joining an earlier article
PASSES = 3
FAR_JOIN_WEIGHT = 0.5  # column evidence of a page with at least one join across other lines
NAME_WEIGHT = 1.0  # a unit re-mentions a speaker an article named before it (tasks/segment_cohesion.py); 2.0 measures the same
PRONOUN_WEIGHT = 0.0  # a unit led by 她/他 glued to a unit that named a speaker before it; 0.5 measured: tuning interleaved exact -.002 (the speaker before is often another article's)
UNIGRAM_WEIGHT = 0.75  # weight of a content character against a bigram; 0 -> 0.5/0.75/1/2: tuning mean exact .790 -> .830/.830/.831/.827
MAX_CANDIDATES = 30  # earlier (and later) articles a unit may move to (keeps big pages linear)
# A unit may also move to an article whose head stands after it, scored against that article
# from its head on, less AHEAD_COST per unit: the later article's whole text stands against the
# home's text before the unit only, and most text under a head is that head's. Entering such a run
# costs AHEAD_ENTRY more (once per run): a lone paragraph on a similar topic must agree more than a
# run of several. Held-out mean exact, seeds 0-2 (per unit/entry): 0.3/0 ahead .406 -> .579 but
# interleaved -.009, mixed -.008; 0.3/0.5 ahead .542; 0.2/0.5 .571; 0.1/0.6 .593, interleaved -.003,
# mixed -.002. A headless piece's first unit pays HEADLESS_COST only (seed 002: its piece under
# line 3 is the head run of the article at line 5; held-out ahead .593 -> .592, others the same).
# np.inf: no later candidates (the outputs of before the feature). Entry 0.6 -> 0.4 chosen on tuning
# pages (100, seed 0): ahead exact .694 -> .739, enumerated .712 -> .697 (later passes settle
# differently on two pages), other kinds unchanged; entry 0.45/0.5: ahead .731/.724, enumerated
# .697/.707; entry 0.3 with cost 0.05: ahead .772, but units with no evidence either way left
# `(上接…)` pieces (tuning lost -.006, held-out continued -.005). Held-out seeds 0-2 at 0.4: ahead
# .641 -> .658, continuation_heads +.004, no kind lower by more than .001.
AHEAD_COST = 0.1
AHEAD_ENTRY = 0.4
# Stock phrases (tasks/segment_stock.py) blanked out of the terms, measured on 100 scrambled pages
# per kind, exact: tuning interleaved/doubled/heads/continued/mixed +.007/+.017/+.010/+.031/+.014,
# held-out +.009/-.002/0/+.002/+.010; adding the sentence and paragraph openers and byline titles
# to the phrases cost held-out heads -.004 and interleaved -.009.


def relabel_units(heads: list[str], orders: list[list[int]], texts: list[str], links: dict[int, int],
                  anchored: frozenset[int] = frozenset(), switch_cost: float | None = None,
                  headless_cost: float | None = None, prior: float | None = None,
                  passes: int | None = None, link_scores: dict[int, float] | None = None,
                  ahead_cost: float | None = None, ahead_entry: float | None = None,
                  boxed: frozenset[int] = frozenset()) -> list[list[int]]:
    """New body orders, articles in file order of their first line; moved units go to the end of
    their new article's order in file order. Parameters left None take the module's constants.
    `link_scores`: line -> score of its link (choose_links); a weak link does not bind its two
    lines into one unit (tasks/segment_orphans.py, weak_links), so a wrong join can come apart.
    `boxed`: lines of a background box under its label; a unit opening with one stays where it stands."""
    switch_cost = SWITCH_COST if switch_cost is None else switch_cost
    headless_cost = HEADLESS_COST if headless_cost is None else headless_cost
    prior = PRIOR if prior is None else prior
    passes = PASSES if passes is None else passes
    ahead_cost = AHEAD_COST if ahead_cost is None else ahead_cost
    ahead_cost = None if ahead_cost == np.inf else ahead_cost  # inf: later articles are no candidates
    ahead_entry = AHEAD_ENTRY if ahead_entry is None else ahead_entry
    weak: dict[int, float] = {}
    if link_scores:
        # the first paragraph of an article with a head (or a `(上接…)` marker) stands where layout put it
        placed = {x for a, order in enumerate(orders) if order and (heads[a].strip() or a in anchored)
                  for x in paragraph_units(order, links)[0]}
        weak = weak_links(links, link_scores, placed)
    units = [paragraph_units(order, {a: b for a, b in links.items() if a not in weak}) for order in orders]
    flat = [unit for article in units for unit in article]
    n_art = len(orders)
    if n_art < 2 or len(flat) < 2:
        return orders
    home = [a for a, article in enumerate(units) for _ in article]
    first = [min(unit) for unit in flat]
    starts = [min(order) if order else np.inf for order in orders]
    fixed = _fixed(units, heads, texts, anchored, boxed)
    # per article: its rows and the labels its units may take (home first, then up to
    # MAX_CANDIDATES articles that start before its last unit, then as many with a head after
    # its first unit); per unit, the columns of those labels it may move to: articles that start
    # before it, and (ahead_columns) headed ones that start after it (a column read before the
    # one holding its head; a headless piece has no head to stand ahead of). None when fixed.
    choices, columns, ahead_columns = [], [], []
    headed = [bool(head.strip()) and start < np.inf for head, start in zip(heads, starts)]
    row = 0
    for a, article in enumerate(units):
        rows = list(range(row, row + len(article)))
        row += len(article)
        last = max((first[u] for u in rows), default=-np.inf)
        labels = [a] + [b for b in range(n_art) if starts[b] < last and b != a][-MAX_CANDIDATES:]
        if ahead_cost is not None:
            opened = min((first[u] for u in rows), default=np.inf)
            labels += [b for b in range(n_art) if headed[b] and starts[b] > opened and b not in labels][:MAX_CANDIDATES]
        for u in rows:
            columns.append([] if fixed[u] else [c for c in range(1, len(labels)) if starts[labels[c]] < first[u]])
            ahead_columns.append([] if fixed[u] or ahead_cost is None else
                                 [c for c in range(1, len(labels)) if headed[labels[c]] and starts[labels[c]] > first[u]])
        choices.append((rows, labels))
    if not any(columns) and not any(ahead_columns):  # no unit may move anywhere
        return orders
    label_sets = [[choices[home[u]][1][c] for c in columns[u]] for u in range(len(flat))]
    ahead_sets = [[choices[home[u]][1][c] for c in ahead_columns[u]] for u in range(len(flat))]
    page_texts = [without_stock_phrases(t) for t in list(texts) + list(heads)]
    model = _scorer(LineTerms(page_texts, unigram_weight=UNIGRAM_WEIGHT), flat, len(texts), n_art, prior, first)
    unit_texts = ["".join(texts[x] for x in unit) for unit in flat]
    persons = PersonLinks(unit_texts, heads)
    parallel = ParallelOpeners(unit_texts, model.file_order, heads)
    label = list(home)
    position = {u: k for k, u in enumerate(model.file_order)}
    # an article none of whose units may move keeps its path home; for the others, what their
    # Viterbi passes need that no pass changes (rows, labels, links and names are fixed) is
    # computed once here, not once per pass
    movable = [a for a, (rows, _) in enumerate(choices) if any(columns[u] or ahead_columns[u] for u in rows)]
    paths = {}
    for a in movable:
        rows, labels = choices[a]
        headless = not heads[a].strip() and a not in anchored
        glue = persons.glue(rows, NAME_WEIGHT, PRONOUN_WEIGHT).tolist() if persons.active else None
        if parallel.active:
            glue = parallel.glue(rows, glue)
        if weak:
            glue = join_glue([flat[u] for u in rows], links, weak, glue)
        # an ahead run is a whole piece: its host resumes only after other text stands between
        no_return = [set() if k == 0 or position[u] != position[rows[k - 1]] + 1 else set(ahead_columns[rows[k - 1]])
                     for k, u in enumerate(rows)]
        enter = None
        if ahead_entry and any(ahead_columns[u] for u in rows):
            enter = [dict.fromkeys(ahead_columns[u], ahead_entry) for u in rows]
        paths[a] = (headless_cost if headless else None, glue, no_return, enter)
    dangling_units = [dangling(unit, texts, links) for unit in flat]  # fixed too: texts and links
    score_columns = [columns[u] + ahead_columns[u] for u in range(len(flat))]  # the columns of scores[u]
    for _ in range(passes):
        scores = model.emissions(label, label_sets)
        if persons.active:
            for u, bonus in persons.bonuses(model.file_order, label, label_sets, NAME_WEIGHT, PRONOUN_WEIGHT).items():
                scores[u] = (np.array(scores[u]) + bonus).tolist()
        moves, stays = open_end_bonuses(model.file_order, label, label_sets, home, flat, texts, links,
                                        is_open=dangling_units)
        if parallel.active:  # an enumeration's paragraphs (tasks/segment_parallel.py)
            moves, stays = parallel.bonuses(label, label_sets, home, moves, stays)
        for u, bonus in moves.items():
            scores[u] = [value + extra for value, extra in zip(scores[u], bonus)]
        if ahead_cost is not None:
            for u, ahead in enumerate(model.ahead_emissions(label, ahead_sets, starts)):
                scores[u] = scores[u] + [value - ahead_cost for value in ahead]
        new = list(label)
        homes = model.all_home_scores([(a, choices[a][0]) for a in movable], label)
        for a, home_scores in zip(movable, homes):
            rows, labels = choices[a]
            emit = []
            for u, home_score in zip(rows, home_scores):
                row = [-np.inf] * len(labels)
                for c, value in zip(score_columns[u], scores[u]):
                    row[c] = value
                row[0] = home_score + stays.get(u, 0.0)
                emit.append(row)
            entry_cost, glue, no_return, enter = paths[a]
            for u, c in zip(rows, best_label_path(emit, switch_cost, entry_cost, glue=glue,
                                           no_return=no_return, enter=enter)):
                new[u] = labels[c]
        if new == label:
            break
        label = new
    if label == home:
        return orders
    new_orders: list[list[int]] = [[] for _ in orders]
    moved: list[tuple[int, int]] = []
    for u, unit in enumerate(flat):
        if label[u] == home[u]:
            new_orders[label[u]].extend(unit)
        else:
            moved.append((u, label[u]))
    for u, b in sorted(moved, key=lambda m: first[m[0]]):
        new_orders[b].extend(flat[u])
    return new_orders


def _scorer(terms: LineTerms, flat: list[list[int]], n: int, n_art: int, prior: float, first: list[int]) -> RatioScorer:
    """Ratio model of the page's units against its articles in one term space (heads are the
    lines n, n + 1, ... of `terms`); the page model is add-half smoothed."""
    counts = terms.groups(flat)
    head_counts = terms.groups([[n + a] for a in range(n_art)]).toarray()
    # column sums added in row order, as scipy's counts.sum(axis=0) adds them, without its overhead
    page = np.bincount(counts.indices, weights=counts.data, minlength=terms.n_terms) + head_counts.sum(axis=0)
    background = (page + 0.5) / (page.sum() + 0.5 * len(page))
    indptr, indices, data = counts.indptr, counts.indices, counts.data
    return RatioScorer([(indices[indptr[u]:indptr[u + 1]], data[indptr[u]:indptr[u + 1]]) for u in range(len(flat))],
                       head_counts, background, prior, np.array(first))


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


def _fixed(units: list[list[list[int]]], heads: list[str], texts: list[str], anchored: frozenset[int],
           boxed: frozenset[int] = frozenset()) -> np.ndarray:
    """Units that never move: an article's first (unless it is headless and unanchored), any that
    opens with a dateline and any of a background box, which stands after its own story."""
    fixed = []
    for a, article in enumerate(units):
        headless = not heads[a].strip() and a not in anchored
        for u, unit in enumerate(article):
            fixed.append((u == 0 and not headless) or bool(parse_dateline(texts[unit[0]])) or unit[0] in boxed)
    return np.array(fixed, dtype=bool)
