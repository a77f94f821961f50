"""Score of a candidate join (a, b): the weights of the evidence and the per-pair pieces.

tasks/segment_links.py (choose_links) applies these to a whole page at once.
"""
from __future__ import annotations

import numpy as np

from tasks.segment_joins import bridge_word, could_double, doubled_overlap, mid_start
from tasks.segment_ngram import CharModel
from tasks.segment_starts import name_follows, sentence_start, subject_open
from tasks.segment_wordlm import span_llr, word_boundaries

# Fitted on the candidate pairs of scrambled tuning pages (the links a maximum matching of these
# scores makes, against gold joins), checked on held-out articles and kept only where the gold OCR
# page keeps all its joins with every weight moved by 25%: cohesion carries most of the evidence
# across a column break (a break cuts a sentence, not a topic); the edge evidence (a word or
# n-grams across the break) too often also fits the line that merely stands next.
WEIGHTS = {
    "adjacent": 0.95,  # b is the next body line after a in file order
    "adjacent_scrambled": 0.65,  # ... on a page where some join skips lines (read out of column order)
    "far": -0.25,  # b stands elsewhere: the page was read out of column order
    "distance": -0.004,  # per line between a and b
    "mid_start": 1.5,
    "doubled": 2.0,
    # ... scaled by this when the doubled text is whole words opening b's own sentence: on tuning pages
    # such pairs are mostly false (a name ending a and opening b), real doubling rarely opens one
    # (held-out mean exact seeds 0-2, with numeral_break: doubled .862 -> .870, enumerated .744 -> .751)
    "doubled_sentence": 0.3,
    "bridge_word": 0.5,
    "span": 0.3,  # per nat of the dictionary word model's ratio across the break (tasks/segment_wordlm.py)
    "ngram": 0.15,  # per nat of the character n-gram ratio across the break (tasks/segment_ngram.py)
    "ngram_negative": 0.0,  # per nat when b reads worse after a than on its own
    "sentence_start": -1.5,  # b opens a sentence or paragraph (tasks/segment_starts.py) ...
    "adjacent_start": 1.0,  # ... scaled by this when b is the next line: layout order vouches for it
    "cohesion": 8.0,  # TF-IDF cosine of b's run with a's article so far
    "home_cohesion": -4.0,  # ... against b's run with the text it stands under
    "quoted_end": -0.6,  # a ends with a closing quote: more often a title than a column break
    # the next line opens on a frame clause a cannot run into (tasks/segment_frames.py), scaled by its
    # evidence: held as a sentence start is (held-out mean exact, seeds 0-2: mixed .853 -> .858, ahead
    # .661 -> .664, interleaved .843 -> .845, no kind lower by more than .001; at 0.6, seed 0, a third of it)
    "framed_next": 1.5,
}


WORD_CONTEXT = 8  # characters after the doubled text that jieba reads to see whether it ends on a word boundary


def start_penalty(ta: str, tbs: list[str], adjacent: np.ndarray) -> np.ndarray:
    """Penalty on targets that open a sentence or paragraph (none after a person title, a list
    comma or a colon, nor for a quotation after a comma: a name or a quote may follow there;
    nor where OCR doubled characters across the break; after a sentence whose subject is still
    being named, none for a speaker only: `某学院教授某某建议，` finishes naming it)."""
    return start_penalties([ta], tbs, np.asarray(adjacent)[np.newaxis, :], [(0, len(tbs))])[0]


def start_penalties(tas: list[str], tbs: list[str], adjacent: np.ndarray, windows: list[tuple[int, int]],
                    starts: np.ndarray | None = None) -> np.ndarray:
    """start_penalty of each ta in `tas` (a row) against the tbs in its window (lo, hi) of
    `windows`, zero outside it; `adjacent`: len(tas) x len(tbs). `starts`: sentence_start of
    each of tbs, when the caller has computed them already."""
    if starts is None:
        starts = np.array([sentence_start(tb) for tb in tbs])
    opening = np.zeros(adjacent.shape)
    quiet = []  # rows after which a name may follow: no penalty at all
    for row, (ta, (lo, hi)) in enumerate(zip(tas, windows)):
        if name_follows(ta):
            quiet.append(row)
            continue
        after_comma = ta.rstrip().endswith(("，", ","))
        window = starts[lo:hi].copy()
        if subject_open(ta):  # only a speaker (office and name) can finish naming the subject
            window[window >= 1.0] = 0.0
        for k in np.flatnonzero(window):  # OCR doubled the break (`教授宋某建` + `宋某建议，`): read on
            tb = tbs[lo + k].lstrip()
            if (after_comma and tb.startswith("“")) or (could_double(ta, tb) and doubled_overlap(ta, tb)):
                window[k] = 0.0
        opening[row, lo:hi] = window
    w = WEIGHTS
    penalties = w["sentence_start"] * opening * np.where(adjacent, w["adjacent_start"], 1.0)
    penalties[quiet] = 0.0
    return penalties


def doubled_opens_sentence(tb: str, doubled: int) -> bool:
    """The `doubled` characters a and b share across the break are whole words opening b's own sentence
    (`…负责人周建华` + `周建华表示，…`): a name or term that merely recurs, not a piece OCR read
    twice, which cuts a word of b (`教授宋某建` + `宋某建议，`: 建议)."""
    return sentence_start(tb) > 0 and doubled in word_boundaries(tb.lstrip()[:doubled + WORD_CONTEXT])


# OCR repeats a character or two at a break; a longer piece, whole words on both sides, is a term recurring
# (held-out mean exact, seeds 0-2: doubled .883 -> .886, continued .832 -> .835, heads .923 -> .925,
# lead_ahead .745 -> .747, no kind lower)
RECURRING_MIN_CHARS = 3


def doubled_recurs(ta: str, tb: str, doubled: int) -> bool:
    """The `doubled` characters are a term of RECURRING_MIN_CHARS or more that a ends on and b opens
    with, whole words on both sides (`…新建的体育公园` + `体育公园占地…`): the next sentence names
    again what the line before named, where text read twice at a break cuts a word on one side."""
    if doubled < RECURRING_MIN_CHARS:
        return False
    tail = ta.rstrip()[-(doubled + WORD_CONTEXT):]
    return len(tail) - doubled in word_boundaries(tail) and doubled in word_boundaries(tb.lstrip()[:doubled + WORD_CONTEXT])


def dear(ta: str, tb: str, doubled: int, model: CharModel | None, llr: float | None = None) -> float:
    """Evidence read across the break: doubled characters, a word spanning it, the n-gram ratio
    (`llr`: model.cross_llr(ta, tb) when the caller has computed it already)."""
    w = WEIGHTS
    score = w["doubled"] * (1.0 if doubled >= 2 or (doubled and mid_start(tb)) else 0.5 if doubled else 0.0)
    if doubled and (doubled_opens_sentence(tb, doubled) or doubled_recurs(ta, tb, doubled)):
        score *= w["doubled_sentence"]
    score += w["bridge_word"] * bridge_word(ta, tb)
    if w["span"]:
        score += w["span"] * span_llr(ta, tb)
    if model is not None:
        llr = model.cross_llr(ta, tb) if llr is None else llr
        score += w["ngram"] * llr if llr > 0 else w["ngram_negative"] * llr
    return score
