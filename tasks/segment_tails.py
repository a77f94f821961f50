"""Open ends: an article whose text so far stops mid-sentence waits for its continuation.

On a page read out of column order a paragraph is often cut at a column break whose continuation
the join step could not find (no word or n-gram spans the break clearly enough). The article
then ends, for now, on a line that stops mid-sentence (segment_joins.open_end) and is linked to
nothing. The next paragraph unit that comes after it in file order is more likely that article's
than an article whose text closed its sentence: relabelling (tasks/segment_assign.py) adds
DANGLING_BONUS to a unit's score for each article whose latest unit before it stands open.
"""
from __future__ import annotations

from tasks.segment_joins import open_end

# mean log-ratio per sqrt(bigram) a unit gains for an article left open before it; measured on 100
# scrambled pages per kind, exact interleaved/doubled/continued/mixed: tuning 0.2 +.015/+.018/
# +.014/+.022, 0.4 +.015/+.020/+.025/+.030; held-out 0.2 +.011/+.010/0/+.008, 0.4 +.021/+.014/
# +.003/+.008 (heads +.010), 0.6 +.027/+.014/+.009/+.008 but heads +.005 and interleaved headline -.004
DANGLING_BONUS = 0.4


def dangling(unit: list[int], texts: list[str], links: dict[int, int]) -> bool:
    """The unit's last line stops mid-sentence and continues nowhere."""
    return unit[-1] not in links and open_end(texts[unit[-1]])


def open_end_bonuses(order: list[int], label: list[int], label_sets: list[list[int]], home: list[int],
                     units: list[list[int]], texts: list[str], links: dict[int, int],
                     bonus: float = DANGLING_BONUS, is_open: list[bool] | None = None
                     ) -> tuple[dict[int, list[float]], dict[int, float]]:
    """Per unit, the bonus for each of its labels (as `label_sets`), and the bonus for staying
    home, from the articles whose latest unit before it in `order` (file order) stands open.
    `is_open`: `dangling` of each unit, when the caller already has it (it does not change
    between relabelling passes)."""
    if is_open is None:
        is_open = [dangling(unit, texts, links) for unit in units]
    latest: dict[int, int] = {}
    moves: dict[int, list[float]] = {}
    stays: dict[int, float] = {}
    for u in order:
        found = [bonus if l in latest and is_open[latest[l]] else 0.0 for l in label_sets[u]]
        if any(found):
            moves[u] = found
        if home[u] in latest and is_open[latest[home[u]]]:
            stays[u] = bonus
        latest[label[u]] = u
    return moves, stays
