"""Frame clauses: a line under a cut one that opens a sentence of its own with a frame.

A frame clause before a sentence's first comma sets its time, place or purpose (`为缓解停车难题，`,
`改造生产线后，`, `试运行期间，`, `在新馆建设中，`). Such a line usually opens a new sentence, yet
`sentence_start` (tasks/segment_starts.py) knows only set openers. On a page read out of column order
the line right under a cut one often opens such a sentence while the real continuation stands far
away; the layout bonus of the next line then wins. The frame is weighed, not obeyed: inside a
continuation the same words can be the tail of a cut sentence (`…企业在转型` + `过程中遇到困难时，`,
`…决定暂停` + `夜班后，`), so the next line's bonus is lowered only where the cut line cannot run on into
the frame; the matching (tasks/segment_match.py) then weighs it against the far candidates. Asking as
well for a far candidate with evidence across its own break (it opens mid-sentence, a word or the word
model reads across it) left every page of held-out seed 0 as it was: the real continuations mostly show only
cohesion and n-grams.
Vocabularies: tasks/data/segment_lexicon.yaml (frame_prepositions, place_prepositions, frame_endings).
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.segment_heads import lexicon
from tasks.segment_joins import bridge_word, could_double, doubled_overlap, mid_start
from tasks.segment_pairs import WEIGHTS
from tasks.segment_wordclass import END_WORD, end_kind, last_word
from tasks.tokenize import dictionary_words_tagged, tokenize

FRAME_MAX_CHARS = 12  # a longer clause before the first comma is a sentence's subject and verb, not its frame
# evidence that the line opens on a frame clause, by its parts: a preposition and a closing localiser
# or time word make a whole frame; either alone is weaker evidence
WHOLE_FRAME, CLOSED_FRAME, OPENED_FRAME = 1.0, 0.7, 0.5
NOUN_JOINERS = frozenset({"和", "与", "及", "、"})  # a line ending on one goes on with a noun, never a frame
VERB_TAGS = frozenset({"v"})  # a line ending on a verb may go on with its object, which a localiser closes
_FIRST_CLAUSE = re.compile(r"^([\u4e00-\u9fff0-9]{2,%d})[，,]" % FRAME_MAX_CHARS)
_CLAUSE_BREAK = re.compile(r"[，,。！？!?；;：:、“”]")


@lru_cache(maxsize=1)
def _frame_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    lex = lexicon()
    return frozenset(lex["frame_prepositions"]), frozenset(lex["place_prepositions"]), tuple(lex["frame_endings"])


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    return dictionary_words_tagged(VERB_TAGS)


@lru_cache(maxsize=1 << 13)
def frame_clause(text: str) -> float:
    """Evidence in [0, 1] that the line opens on a frame clause closed by a comma (`改造生产线后，…`);
    none for a line that opens mid-sentence (`的顾客中，`)."""
    text = text.strip()
    found = _FIRST_CLAUSE.match(text)
    if not found or mid_start(text):
        return 0.0
    words = tokenize(found.group(1))
    if len(words) < 2:
        return 0.0
    framing, placing, endings = _frame_words()
    closed = words[-1] in endings
    if closed and words[0] in framing | placing:
        return WHOLE_FRAME
    if closed:
        return CLOSED_FRAME
    return OPENED_FRAME if words[0] in framing and len(words) >= 3 else 0.0


def runs_into_frame(ta: str, tb: str) -> bool:
    """Line a can run on into the frame that opens line b: it stops on a clause mark, on a word that
    needs what follows (an adverb, a preposition, a verb and its object: `…决定暂停` + `夜班后，`; not a
    word joining nouns, `…图书和`: a frame is no noun), its open clause begins with a preposition
    that b's localiser closes (`…企业在转型` + `过程中，`), or a word reads across the break, or OCR
    doubled text across it."""
    word = last_word(ta)
    if word in NOUN_JOINERS:
        return False
    if end_kind(ta) != END_WORD or word in _verbs() or bridge_word(ta, tb):
        return True
    if could_double(ta, tb) and doubled_overlap(ta, tb):
        return True
    clause = _CLAUSE_BREAK.split(ta.rstrip())[-1]
    framing, placing, _ = _frame_words()
    return any(w in framing or w in placing for w in tokenize(clause))


def lower_framed_neighbours(pairs: list[tuple[float, int, int]], texts: list[str],
                            next_read: dict[int, int | None]) -> list[tuple[float, int, int]]:
    """Pairs (score, a, b) with the next line's score lowered where it opens on a frame clause that a
    cannot run into: lowered, not dropped, so it still wins where no far candidate reads better."""
    cut = WEIGHTS["framed_next"]
    return [(s - cut * frame_clause(texts[b]) if next_read.get(a) == b and frame_clause(texts[b])
             and not runs_into_frame(texts[a], texts[b]) else s, a, b) for s, a, b in pairs]
