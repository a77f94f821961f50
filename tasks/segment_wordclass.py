"""Word classes at a column break: can line a's end stand right before line b's start?

A line that opens inside a sentence (`，学生在…`, `表示，将…`) continues some line, but not any
line left open (tasks/segment_links.py reads its mid-start evidence only where it fits):
- punctuation never follows punctuation, and a word that cannot open a sentence (a particle, a
  speech verb without its speaker) never follows a clause mark (`…为主题，` + `表示，…`);
- a clause mark never follows a word that needs what comes after it: an adverb, a preposition, a
  conjunction or 的 / 之 (`…他都` + `，企业…`), by jieba's dictionary tag of a's last word.
A speech verb's need for its speaker at a's end is left out: jieba cuts names into words of any
class (`马国庆` -> 马 + 国庆, a time word), so a's last word says too little about a speaker.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from tasks.segment_joins import HEADLESS_START, MID_START_CHARS
from tasks.tokenize import dictionary_words_tagged, tokenize

# jieba tags of words a clause mark cannot follow: adverb, preposition, conjunction, 的 / 之 (not 得
# or 着, which may close a clause: `说得好，`)
LEANING_TAGS = frozenset({"d", "p", "c", "uj", "uv"})
OPEN_PUNCTUATION = "，,、；;：:“‘（(《"  # a line stopping on these leaves its sentence open
END_PUNCT, END_LEANING, END_WORD = "punct", "leaning", "word"


def _leaning_words() -> frozenset[str]:
    return dictionary_words_tagged(LEANING_TAGS)


@lru_cache(maxsize=1 << 13)
def last_word(text: str) -> str:
    """The line's last word by jieba's cut of the whole line (a cut of its tail alone misreads
    words: `城建处` | `处长`)."""
    words = tokenize(text.rstrip())
    return words[-1] if words else ""


@lru_cache(maxsize=1 << 13)
def end_kind(text: str) -> str:
    """How line a stops: on a mark leaving the sentence open (END_PUNCT), on a word that needs what
    follows (END_LEANING), or on another word or mark (END_WORD)."""
    if ends_on_open_mark(text):
        return END_PUNCT
    return END_LEANING if last_word(text.rstrip()) in _leaning_words() else END_WORD


def ends_on_open_mark(text: str) -> bool:
    """The line stops on a mark that leaves its sentence open (end_kind END_PUNCT, without a jieba cut)."""
    text = text.rstrip()
    return bool(text) and text[-1] in OPEN_PUNCTUATION


def start_misfits(source_texts: list[str], target_texts: list[str], mids: np.ndarray) -> np.ndarray:
    """True (sources x targets) where a target opens inside a sentence (`mids`: its mid_start) in a
    way the source's end cannot stand right before."""
    on_mark = np.array([tb.lstrip()[:1] in MID_START_CHARS for tb in target_texts], dtype=bool)
    headless = (np.asarray(mids) >= HEADLESS_START) & ~on_mark
    misfit = np.zeros((len(source_texts), len(target_texts)), dtype=bool)
    # a source's last word (a jieba cut of the line) matters only against a target opening on a mark
    read_words = bool(on_mark.any())
    for row, ta in enumerate(source_texts):
        if ends_on_open_mark(ta):
            misfit[row] = on_mark | headless
        elif read_words and end_kind(ta) == END_LEANING:
            misfit[row] = on_mark
    return misfit
