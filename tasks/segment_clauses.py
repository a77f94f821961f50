"""Does a line open on a clause of its own, or on the rest of one begun on another line?

A column break that falls between two whole words leaves no broken word to read across it
(`…工作人员王志刚告诉` + `记者，近年来…`). The line after the
break still shows it by how it opens, read with jieba's dictionary tags:
- a bare noun phrase closed by a clause mark (`记者，`, `品牌赛事，`, `奖学金和晋升通道。`): a sentence
  does not open on a clause of nouns alone, which is the object or the end of a phrase begun
  before it; a time phrase does (`连日来，`, `今年以来，`: tagged as time words, or ending on a
  time localizer), and so does anything with a verb, a preposition or a numeral, and a notice's
  address list (`各街道办事处，区各有关部门：`);
- a one-character adverb (`则关注…`, `也将…`): it leans on a subject standing before it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.tokenize import dictionary_words_tagged, tokenize

# jieba tags of the words a bare noun phrase is made of: nouns, names, places, bodies, nominal
# verbs and abbreviations; 和/与/及 may join them. Set phrases (tag l) are left out: most are clauses
# (`人头攒动`, `眼前一亮`), and so are the idioms jieba tags as names (`夜幕降临` nr), hence the length cap.
NOUN_TAGS = frozenset({"n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "ng", "vn", "j"})
NAME_MAX_CHARS = 3
JOINING_WORDS = frozenset({"和", "与", "及", "、"})
ADVERB_TAGS = frozenset({"d"})
BARE_CLAUSE_CHARS = 8  # longest noun clause read: a longer one is a subject with its own sentence to come
TIME_ENDINGS = ("来", "以来", "时", "后", "前", "间", "中")  # a set phrase ending so is a time phrase (连日来)
_CLAUSE = re.compile(r"^([^，,。；;：:！!？?]{1,%d})[，,。；;]" % BARE_CLAUSE_CHARS)
_HAN = re.compile(r"^[\u4e00-\u9fff、]+$")


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    names = dictionary_words_tagged(frozenset({"nr"}))
    return dictionary_words_tagged(NOUN_TAGS - {"nr"}) | {w for w in names if len(w) <= NAME_MAX_CHARS}


@lru_cache(maxsize=1)
def _adverbs() -> frozenset[str]:
    return dictionary_words_tagged(ADVERB_TAGS)


def bare_noun_clause(text: str) -> bool:
    """The line opens on a clause of nouns alone, closed by a clause mark (`记者，近年来…`)."""
    text = text.strip()
    if text.endswith(("：", ":")):  # an address list (`各街道办事处，区各有关部门：`) opens a notice
        return False
    found = _CLAUSE.match(text)
    if not found or not _HAN.match(found.group(1)):
        return False
    words = tokenize(found.group(1))
    nouns = [w for w in words if w not in JOINING_WORDS]
    return (bool(nouns) and words[0] not in JOINING_WORDS and words[-1] not in JOINING_WORDS
            and all(w in _nouns() for w in nouns) and not words[-1].endswith(TIME_ENDINGS))


def leaning_adverb(word: str) -> bool:
    """A one-character adverb (则, 也, 都): it leans on a subject before it and a verb after it."""
    return len(word) == 1 and word in _adverbs()


def leaning_adverb_start(text: str) -> bool:
    """The line opens on a one-character adverb (`则关注…`), which leans on a subject before it."""
    words = tokenize(text.strip()[:8])
    return bool(words) and leaning_adverb(words[0])


def opens_inside_clause(text: str) -> bool:
    """The line cannot open a sentence: it continues a clause begun on another line."""
    return bare_noun_clause(text) or leaning_adverb_start(text)
