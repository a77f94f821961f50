"""Score of one candidate join (a, b): the weights of the evidence and the per-pair pieces.

tasks/segment_links.py applies these to a whole page at once; pair_score is the one-pair form.
"""
from __future__ import annotations

import numpy as np

from tasks.segment_joins import bridge_word, cohesion, doubled_overlap, mid_start, open_end
from tasks.segment_ngram import CharModel
from tasks.segment_starts import name_follows, sentence_start, subject_open

WEIGHTS = {
    "adjacent": 0.8,  # b is the next body line after a in file order
    "far": -0.4,  # b stands elsewhere: the page was read out of column order
    "distance": -0.004,  # per line between a and b
    "mid_start": 1.5,
    "doubled": 2.0,
    "bridge_word": 1.0,
    "ngram": 0.3,  # per nat of the character n-gram ratio across the break (tasks/segment_ngram.py)
    "ngram_negative": 0.0,  # per nat when b reads worse after a than on its own
    "sentence_start": -1.0,  # b opens a sentence or paragraph (tasks/segment_starts.py) ...
    "adjacent_start": 1.0,  # ... scaled by this when b is the next line: layout order vouches for it
    "cohesion": 2.5,  # TF-IDF cosine of b's run with a's article so far
    "home_cohesion": -1.5,  # ... against b's run with the text it stands under
    "quoted_end": -0.6,  # a ends with a closing quote: more often a title than a column break
}


def pair_score(a: int, b: int, texts: list[str], adjacent: bool, vectors: dict, idf: dict,
               model: CharModel | None = None, norms: dict | None = None) -> float:
    """Evidence that line b continues the sentence line a leaves open (higher is stronger).

    The one-pair form of what choose_links computes for a whole page at once (kept for tests
    and for reading the weights): vectors hold ("ctx", a), ("run", b) and ("home", b) bigram counts.
    """
    ta, tb = texts[a], texts[b]
    doubled = doubled_overlap(ta, tb)
    if not open_end(ta) and not (doubled and mid_start(tb) >= 0.9):
        return float("-inf")
    cohesive = cohesion(vectors[("ctx", a)], vectors[("run", b)], idf, norms)
    home = cohesion(vectors[("home", b)], vectors[("run", b)], idf, norms) if vectors.get(("home", b)) else 0.0
    return _cheap(ta, tb, abs(b - a), adjacent, mid_start(tb), cohesive, home) + dear(ta, tb, doubled, model)


def _cheap(ta: str, tb: str, distance: int, adjacent: bool, starts_mid: float, cohesive: float, home: float) -> float:
    """The part of a pair's score that needs no look-ups across the break."""
    w = WEIGHTS
    score = w["adjacent"] if adjacent else w["far"] + w["distance"] * distance
    score += w["mid_start"] * starts_mid + w["cohesion"] * cohesive
    if not adjacent:
        score += w["home_cohesion"] * home
    if ta.endswith(("”", "》", "）", ")")):
        score += w["quoted_end"]
    return score + start_penalty(ta, [tb], np.array([adjacent]))[0]


def start_penalty(ta: str, tbs: list[str], adjacent: np.ndarray) -> np.ndarray:
    """Penalty on targets that open a sentence or paragraph (none after a person title, a list
    comma or a colon, nor for a quotation after a comma: a name or a quote may follow there;
    nor where OCR doubled characters across the break; after a sentence whose subject is still
    being named, none for a speaker only: `某学院教授某某建议，` finishes naming it)."""
    if name_follows(ta):
        return np.zeros(len(tbs))
    after_comma = ta.rstrip().endswith(("，", ","))
    starts = np.array([sentence_start(tb) for tb in tbs])
    if subject_open(ta):  # only a speaker (office and name) can finish naming the subject
        starts[starts >= 1.0] = 0.0
    for k in np.flatnonzero(starts):  # OCR doubled the break (`教授宋某建` + `宋某建议，`): read on
        if (after_comma and tbs[k].lstrip().startswith("“")) or doubled_overlap(ta, tbs[k]):
            starts[k] = 0.0
    w = WEIGHTS
    return w["sentence_start"] * starts * np.where(adjacent, w["adjacent_start"], 1.0)


def dear(ta: str, tb: str, doubled: int, model: CharModel | None) -> float:
    """Evidence read across the break: doubled characters, a word spanning it, the n-gram ratio."""
    w = WEIGHTS
    score = w["doubled"] * (1.0 if doubled >= 2 or (doubled and mid_start(tb)) else 0.5 if doubled else 0.0)
    score += w["bridge_word"] * bridge_word(ta, tb)
    if model is not None:
        llr = model.cross_llr(ta, tb)
        score += w["ngram"] * llr if llr > 0 else w["ngram_negative"] * llr
    return score
