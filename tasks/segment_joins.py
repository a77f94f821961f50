"""Evidence that one line continues another's sentence across a column break.

Signals, each a plain function: does line a end mid-sentence, does line b start mid-sentence,
did OCR double characters across the break, does a word span the break (jieba's dictionary,
looked up directly: segmentation never runs a jieba cut), and how cohesive b's text is with a's
article (TF-IDF cosine over character bigrams, which need no word segmentation and catch names
and terms no dictionary knows: tasks/segment_vectors.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.segment_heads import CJK, TEXT_CACHE_SIZE, ends_sentence, lexicon
from tasks.segment_wordlm import numeral_break, word_openings
from tasks.tokenize import first_word, is_known_word, is_word_prefix

MID_START_CHARS = "，,、。；;：:）)”’』」》!！?？"
HEADLESS_START = 0.9  # mid_start of a line opening on a particle, a measure word or a speaker's verb
# Only a comma: "建议：…" at a line start is as often a label or subhead as speech missing its speaker.
SPEECH_COMMAS = ("，", ",")
_OPEN_END = re.compile(rf"[{CJK}0-9A-Za-z%“‘（(、，,]")
_FIRST_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]")
_CJK_CHAR = re.compile(rf"[{CJK}]")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def open_end(text: str) -> bool:
    """The line stops mid-sentence: no closing punctuation and it ends in Chinese prose."""
    text = text.strip()
    if len(text) < 2 or ends_sentence(text) or "|" in text:
        return False
    return bool(_OPEN_END.match(text[-1]))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def mid_start(text: str) -> float:
    """Evidence in [0, 1] that a line begins inside a sentence started elsewhere."""
    text = text.strip()
    if not text:
        return 0.0
    if text[0] in MID_START_CHARS:
        return 1.0
    first_sentence = _FIRST_SENTENCE.match(text[:8])
    if first_sentence and len(first_sentence.group(0)) <= 3 and len(text) > 6:
        return 0.9
    close_at, open_at = text.find("”"), text.find("“")
    if close_at >= 0 and (open_at < 0 or close_at < open_at):
        return 0.6
    return HEADLESS_START if _headless(text) else 0.0


def _headless(text: str) -> bool:
    """The line opens on what cannot open a sentence: a particle or measure word standing alone
    (`级智能制造…`, `们…`), or a speech verb and its comma whose speaker stands elsewhere
    (`表示，将…`). Vocabularies: tasks/data/segment_lexicon.yaml."""
    particles, verbs, firsts = _headless_words()
    if text[0] not in firsts:  # most lines: no dictionary route needed
        return False
    word = first_word(text)
    return word in particles or (word in verbs and text[len(word): len(word) + 1] in SPEECH_COMMAS)


@lru_cache(maxsize=1)
def _headless_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    particles, verbs = frozenset(lex["non_opening_words"]), frozenset(lex["speech_verbs"])
    return particles, verbs, frozenset(w[0] for w in particles | verbs)


DOUBLED_MAX_CHARS = 4  # the longest text OCR repeats across a break


def doubled_overlap(a: str, b: str, max_len: int = DOUBLED_MAX_CHARS) -> int:
    """Length of text OCR repeated across the break (`重要性。` + `性。去年` -> 2), else 0.

    A single doubled character counts only when the doubled form is not itself a word
    (`常常`, `天天` are legitimate reduplications).
    """
    a, b = a.rstrip(), b.lstrip()
    longest = min(max_len, len(a) - 1, len(b) - 1)
    if longest < 1 or a[-1] not in b[:longest]:  # every doubled piece ends on a's last character
        return 0
    for k in range(longest, 0, -1):
        piece = b[:k]
        if a.endswith(piece) and _CJK_CHAR.search(piece):
            if k == 1 and (is_known_word(piece * 2) or not _CJK_CHAR.match(piece)):
                return 0
            return k
    return 0


def could_double(a: str, b: str) -> bool:
    """doubled_overlap's cheap first test: a's last character stands among b's first characters."""
    last = a.rstrip()[-1:]
    return bool(last) and last in b.lstrip()[:DOUBLED_MAX_CHARS]


def bridge_word(a: str, b: str, span: int = 4) -> bool:
    """True when a dictionary word of 2+ characters reads across the break (`老` + `式建筑`) and is
    longer than the words each side's edge makes on its own (so `发展` + `方式` does not count),
    and not a numeral compound (`两` + `三条`).

    Plain dictionary look-ups, no jieba cut: this runs on many candidate pairs.
    """
    return _bridges(a.strip()[-span:], b.strip()[:span])


@lru_cache(maxsize=1 << 14)
def _bridges(left: str, right: str) -> bool:
    """bridge_word on the edges themselves (memoised: a line is paired with many candidates, and
    the dictionary does not change once loaded)."""
    if not left or not right or numeral_break(left, right):
        return False
    best = 0
    for start in word_openings(left):
        word = left[start:]
        for char in right:
            word += char
            if not is_word_prefix(word):
                break
            if is_known_word(word):
                best = max(best, len(word))
    if best < 2:
        return False
    # the edges' own words: the longest word ending at a's end and starting at b's start
    own_left = max((i for i in range(2, len(left) + 1) if is_known_word(left[-i:])), default=1)
    own_right = max((i for i in range(2, len(right) + 1) if is_known_word(right[:i])), default=1)
    return best > max(own_left, own_right)
