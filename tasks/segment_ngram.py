"""Character n-gram evidence for a column break: does line b read on from where line a stops?

A page repeats its own names and terms (`周建华` in one paragraph, `负责人周` + `建华介绍` cut
across a column break in another), so a character trigram model counted over the document's
own lines, with Witten-Bell interpolation down to an add-one unigram, tells a true continuation
from a line that merely stands nearby. The break is scored as a log-likelihood ratio: b's first
characters read after a's last characters, against the same characters read without them.
jieba's dictionary adds word knowledge the page lacks: a dictionary word that spans the break
(`老` + `式建筑`) is looked up directly, without a jieba cut per pair.
"""
from __future__ import annotations

import math
import re
from collections import Counter

from tasks.tokenize import is_known_word, is_word_prefix

START = "\x02"  # stands before the first character of a sentence
SENTENCE_END = re.compile(r"[。！？!?；;]")
READ_CHARS = 2  # characters of b scored across the break
LLR_CLIP = 6.0  # bound on the ratio: one rare character must not decide a pair alone
VOCABULARY_FLOOR = 4000  # unigram smoothing assumes at least this many distinct characters


class CharModel:
    """Witten-Bell interpolated character trigram model counted over a document's lines."""

    def __init__(self, texts: list[str]):
        self.grams: Counter = Counter()  # n-gram -> count, n = 1..3; a history h also counts as h + "*"
        self.followers: dict[str, set[str]] = {}
        for text in texts:
            for sentence in _sentences(text):
                chars = START + START + sentence
                for k in range(2, len(chars)):
                    for n in (1, 2, 3):
                        gram = chars[k - n + 1: k + 1]
                        if START in gram[-1:]:
                            continue
                        self.grams[gram] += 1
                        if n > 1:
                            self.grams[gram[:-1] + "*"] += 1
                            self.followers.setdefault(gram[:-1], set()).add(gram[-1])
        self.total = sum(c for g, c in self.grams.items() if len(g) == 1)
        self.vocabulary = max(VOCABULARY_FLOOR, sum(1 for g in self.grams if len(g) == 1))

    def prob(self, char: str, history: str) -> float:
        """P(char | last two characters of history), interpolated down to add-one unigrams."""
        p = (self.grams[char] + 1) / (self.total + self.vocabulary)
        for n in (1, 2):
            h = history[-n:]
            if len(h) < n:
                continue
            seen, types = self.grams[h + "*"], len(self.followers.get(h, ()))
            if seen:
                p = (self.grams[h + char] + types * p) / (seen + types)
        return p

    def cross_llr(self, a: str, b: str, read: int = READ_CHARS) -> float:
        """log P(b's first chars | a's last chars) - log P(same chars without a), clipped.

        Positive when b's start reads on from a's end better than it reads on its own (a
        pointwise mutual information across the break, over READ_CHARS characters of b).
        """
        a, b = a.rstrip(), b.lstrip()
        if not a or not b:
            return 0.0
        tail, head = a[-2:], b[:read]
        llr = 0.0
        for k, char in enumerate(head):
            llr += math.log(self.prob(char, tail + head[:k])) - math.log(self.prob(char, head[:k]))
        return max(-LLR_CLIP, min(LLR_CLIP, llr))


def _sentences(text: str) -> list[str]:
    """Pieces of a line between sentence-final punctuation (the punctuation kept at each end)."""
    pieces, start = [], 0
    for match in SENTENCE_END.finditer(text):
        pieces.append(text[start: match.end()])
        start = match.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def spanning_word(a: str, b: str, max_side: int = 3) -> int:
    """Length of the longest dictionary word (jieba plus user dictionary, 2+ characters) made of
    a's last and b's first characters, reaching at least one character into each; 0 when none."""
    left, right = _CJK_TAIL.search(a.rstrip()[-max_side:]), _CJK_HEAD.match(b.lstrip()[:max_side])
    if not left or not right:
        return 0
    left, right = left.group(0), right.group(0)
    best = 0
    for i in range(1, len(left) + 1):
        word = left[-i:]
        if not is_word_prefix(word):
            continue
        for char in right:  # extend while some dictionary word still starts with what we have
            word += char
            if not is_word_prefix(word):
                break
            if is_known_word(word):
                best = max(best, len(word))
    return best


_CJK_TAIL = re.compile(r"[\u4e00-\u9fff]+$")
_CJK_HEAD = re.compile(r"[\u4e00-\u9fff]+")

