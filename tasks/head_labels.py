"""Column labels in a head stack: which lines over or under a title are the page's section label
(`民生直通车`, `经济视点`) and which are the title's own kicker, main title or subtitle.

A label is short and names a section: a noun phrase (it ends on a dictionary word that is no verb and
holds no verb with words after it). A kicker or title is a clause: longer, with a predicate
(`…推出夏季夜游线路`), a speaker (`…建议`), a dash-led 副题 or sentence punctuation. Only a line at
an edge of the stack can be a label, above its top line or between its last line and the text, and only
while a longer title line stays in the stack. Evidence is scored per line (`label_score`), then
decided against LABEL_THRESHOLD. Cleaning (tasks/clean_layout.py) and segmentation (tasks/segment.py)
ask the same question of the stacks each of them sees.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.normalize import count_cjk
from tasks.segment_heads import TEXT_CACHE_SIZE, is_kicker_text, is_subtitle_text, parse_byline
from tasks.tokenize import dictionary_words_tagged, is_known_word, tokenize

LABEL_THRESHOLD = 0.5
# evidence from length: (at most this many Han characters, evidence); longer lines are never labels
LENGTH_EVIDENCE = ((4, 0.6), (6, 0.4), (8, 0.1))
NOUN_END_EVIDENCE = 0.2  # the last word is a dictionary word and no verb: the head of a noun phrase
PREDICATE_COST = 0.4  # a verb with words after it (`坚持五育并举`): a clause, a kicker or title
QUOTED_COST = 0.3  # titles quote slogans and names (`打造“独特名片”`); section names do not
MIN_LABEL_CJK = 2  # a column's name has two Han characters or more; one alone (`丨`, `口`) is an OCR speck
_CLAUSE_MARKS = re.compile(r"[，,。；;！!？?：:、()（）《》]")
_QUOTES = re.compile(r"[“”\"‘’「」]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _verbs() -> frozenset[str]:
    """Words jieba's dictionary tags as verbs (`v`; verbal nouns `vn` such as 活动 are names)."""
    return dictionary_words_tagged(frozenset({"v"}))


def has_predicate(text: str) -> bool:
    """A verb followed by further words: the line says something happens, it does not name a section."""
    words = [w for w in tokenize(text) if _HAN.search(w)]
    verbs = _verbs()
    return any(w in verbs for w in words[:-1])


def _ends_on_noun(text: str) -> bool:
    words = [w for w in tokenize(text) if _HAN.search(w)]
    return bool(words) and len(words[-1]) >= 2 and is_known_word(words[-1]) and words[-1] not in _verbs()


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def label_score(text: str) -> float:
    """Evidence in [0, 1] that a head line, on its own text, is a section label rather than a title line."""
    text = text.strip()
    n = count_cjk(text)
    if (not n or n > LENGTH_EVIDENCE[-1][0] or _CLAUSE_MARKS.search(text) or is_subtitle_text(text)
            or is_kicker_text(text) or parse_byline(text) is not None):
        return 0.0
    score = next(evidence for most, evidence in LENGTH_EVIDENCE if n <= most)
    if _ends_on_noun(text):
        score += NOUN_END_EVIDENCE
    if has_predicate(text):
        score -= PREDICATE_COST
    if _QUOTES.search(text):
        score -= QUOTED_COST
    return max(0.0, min(1.0, score))


def is_column_label(text: str, threshold: float = LABEL_THRESHOLD) -> bool:
    """A line that names a column or section on its own text (`短评`, `今日评论`), read alone."""
    return count_cjk(text.strip()) >= MIN_LABEL_CJK and label_score(text) >= threshold


def _title_stays(texts: list[str], label: str) -> bool:
    """A line of the rest of the stack reads as the title a label stands by: longer, not a 副题."""
    return any(count_cjk(t) > count_cjk(label) and not is_subtitle_text(t) for t in texts)


def stack_labels(texts: list[str], threshold: float = LABEL_THRESHOLD) -> list[bool]:
    """Which lines of a head stack (file order, two lines or more) are section labels: taken off its
    top, then off its bottom, while each scores as a label and a longer title line stays."""
    labels = [False] * len(texts)
    first, last = 0, len(texts) - 1

    def is_label(k: int, rest: list[str]) -> bool:
        return label_score(texts[k]) >= threshold and _title_stays(rest, texts[k])

    while first < last and is_label(first, texts[first + 1:last + 1]):
        labels[first] = True
        first += 1
    while last > first and is_label(last, texts[first:last]):
        labels[last] = True
        last -= 1
    return labels
