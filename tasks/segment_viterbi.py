"""The best article label for each paragraph of one article, in reading order (Viterbi).

tasks/segment_assign.py builds the emissions (how well each paragraph fits each candidate
article) and the costs; this is the path search alone, a pure function over plain lists.
"""
from __future__ import annotations

import numpy as np

RETURN_COST = 0.2  # switch back home; 0.1 measured: tuning interleaved exact +.006, held-out in_order exact -.012 (a wash)


def best_label_path(emit: list[list[float]], switch_cost: float, headless_cost: float | None,
                    return_cost: float | None = None, glue: list[float] | None = None,
                    no_return: list[set[int]] | None = None, enter: list[dict[int, float]] | None = None) -> list[int]:
    """Best label path (column indices; column 0 is home) of emissions (rows of units) minus
    switch costs; a switch back home costs `return_cost` (a foreign run stands inside its host's
    text, and the host's text resumes after it). `glue[k]` is added to any change of label
    before unit k; `no_return[k]`: columns home may not follow at row k; `enter[k]`: column ->
    extra cost of switching into it at row k (staying in it costs nothing). `headless_cost`: the
    cost of leaving home at the first unit (None: the first unit stays home). Plain floats: pages
    have few labels, so numpy's per-call cost would dominate."""
    return_cost = RETURN_COST if return_cost is None else return_cost
    emit = emit.tolist() if isinstance(emit, np.ndarray) else emit
    columns = range(len(emit[0]))
    leave = np.inf if headless_cost is None else headless_cost
    score = [emit[0][0]] + [value - leave for value in emit[0][1:]]
    back = [[]]
    for k in range(1, len(emit)):
        extra = 0.0 if glue is None else glue[k]
        top = max(score)
        best = score.index(top)  # the first maximum, as numpy's argmax
        switch = top - switch_cost - extra
        pointers = [j if value >= switch else best for j, value in enumerate(score)]
        new = [value if value >= switch else switch for value in score]
        if enter and enter[k]:  # switching into these columns costs more (staying does not)
            for j, cost in enter[k].items():
                if pointers[j] != j:  # best is another column
                    entry = switch - cost
                    pointers[j], new[j] = (j, score[j]) if score[j] >= entry else (best, entry)
        if no_return and no_return[k]:  # home may not follow these columns at row k
            sources = [j for j in columns if j not in no_return[k]]
            top = max(score[j] for j in sources)
            best = next(j for j in sources if score[j] == top)
            if pointers[0] in no_return[k]:
                pointers[0], new[0] = 0, score[0]
        if top - return_cost - extra > new[0]:
            pointers[0], new[0] = best, top - return_cost - extra
        back.append(pointers)
        score = [value + emitted for value, emitted in zip(new, emit[k])]
    path = [score.index(max(score))]
    for k in range(len(emit) - 1, 0, -1):
        path.append(back[k][path[-1]])
    return path[::-1]
