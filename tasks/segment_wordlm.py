"""Word-level evidence across a column break from jieba's dictionary (a unigram word model).

`span_llr(a, b)` asks how much better a's last and b's first characters read as one stretch of
text than as two: log Z(joined) - log Z(left) - log Z(right), where Z sums the probability of
every segmentation into dictionary words (jieba's word frequencies; characters it lacks get
its unknown-word probability). Only words spanning the break make the joined stretch likelier,
so the ratio is >= 0, large when the break cut a frequent word whose pieces are rare on their
own (`包` + `括外墙` -> 包括), small when the pieces are words anyway (`市` + `民对` -> 市民).
It grades what a yes/no dictionary look-up (segment_joins.bridge_word) only detects.
A break between two numerals is no evidence (`两` + `三条` -> 两三条, `三` + `十六岁` -> 三十六岁):
numerals run on into each other, and the dictionary holds their compounds, whatever the break.

Cost: the sums over each side are memoised per line end and line start; a pair only walks the
words that start in a's tail and reach into b (the dictionary's prefix table stops the walk).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from tasks import tokenize

SIDE = 4  # CJK characters read on each side of the break
LLR_CAP = 4.0  # one very rare piece must not decide a pair alone
WORD_BONUS = 0.0  # log factor on every word's probability: a unigram model alone overrates fewer, longer words
_CJK_TAIL = re.compile(r"[\u4e00-\u9fff]{1,%d}$" % SIDE)
_CJK_HEAD = re.compile(r"[\u4e00-\u9fff]{1,%d}" % SIDE)
NUMERALS = frozenset("〇零一二两三四五六七八九十百千万亿几")


def numeral_break(left: str, right: str) -> bool:
    """The break falls between two numerals (`两` | `三条`): any word across it is a numeral compound."""
    return bool(left) and bool(right) and left[-1] in NUMERALS and right[0] in NUMERALS


def _word_prob(word: str) -> float | None:
    """Probability of `word` in jieba's unigram model; None when it is no dictionary word."""
    lp = tokenize.word_log_prob(word)
    return math.exp(lp + WORD_BONUS) if lp is not None else None


@lru_cache(maxsize=1)
def _unknown() -> float:
    return math.exp(tokenize.unknown_log_prob() + WORD_BONUS)


@lru_cache(maxsize=1 << 15)
def _forward(text: str) -> tuple[float, ...]:
    """Z of every prefix of `text` (Z of the empty prefix is 1)."""
    z = [1.0] + [0.0] * len(text)
    for i in range(len(text)):
        if not z[i]:
            continue
        z[i + 1] += z[i] * (_word_prob(text[i]) or _unknown())
        for j in range(i + 2, len(text) + 1):
            piece = text[i:j]
            if not tokenize.is_word_prefix(piece):
                break
            p = _word_prob(piece)
            if p:
                z[j] += z[i] * p
    return tuple(z)


@lru_cache(maxsize=1 << 15)
def _backward(text: str) -> tuple[float, ...]:
    """Z of every suffix of `text`: entry j is Z(text[j:]) (Z of the empty suffix is 1)."""
    n = len(text)
    z = [0.0] * n + [1.0]
    for i in range(n - 1, -1, -1):
        total = (_word_prob(text[i]) or _unknown()) * z[i + 1]
        for j in range(i + 2, n + 1):
            piece = text[i:j]
            if not tokenize.is_word_prefix(piece):
                break
            p = _word_prob(piece)
            if p:
                total += p * z[j]
        z[i] = total
    return tuple(z)


def span_llr(a: str, b: str) -> float:
    """log of how much likelier a's tail and b's head read as one text than as two (>= 0, capped)."""
    left, right = _tail_run(a), _head_run(b)
    if not left or not right:
        return 0.0
    return _span_llr(left, right)


@lru_cache(maxsize=1 << 12)
def _tail_run(a: str) -> str:
    # the tail run lies within a's last SIDE characters: a search over all of a costs a scan
    found = _CJK_TAIL.search(a.rstrip()[-SIDE:])
    return found.group(0) if found else ""


@lru_cache(maxsize=1 << 12)
def _head_run(b: str) -> str:
    found = _CJK_HEAD.match(b.lstrip())
    return found.group(0) if found else ""


@lru_cache(maxsize=1 << 15)
def _span_llr(left: str, right: str) -> float:
    """span_llr of a's CJK tail and b's CJK head (memoised: a line meets many candidates)."""
    if numeral_break(left, right):
        return 0.0
    is_prefix = tokenize.is_word_prefix
    spans = []  # (i, j, p): a word from left[i:] through right[:j]; most pairs have none
    for i in word_openings(left):
        word = left[i:]
        for j, char in enumerate(right, 1):
            word += char
            if not is_prefix(word):
                break
            p = _word_prob(word)
            if p:
                spans.append((i, j, p))
    if not spans:
        return 0.0
    alpha, beta = _forward(left), _backward(right)
    spanning = 0.0
    for i, j, p in spans:
        spanning += alpha[i] * p * beta[j]
    if not spanning:
        return 0.0
    return min(LLR_CAP, math.log1p(spanning / (alpha[len(left)] * beta[0])))


@lru_cache(maxsize=1 << 13)
def word_openings(left: str) -> tuple[int, ...]:
    """Offsets i, ascending, where left[i:] opens some dictionary word: the only places a word reaching
    across the break after `left` can start (memoised: a line's end meets many candidate starts)."""
    return tuple(i for i in range(len(left)) if tokenize.is_word_prefix(left[i:]))


def completes_any(a: str, others: list[str], threshold: float) -> bool:
    """True when span_llr(a, b) reaches `threshold` for some b in `others` (each distinct start read once)."""
    if threshold <= 0.0:  # no ratio is below 0
        return bool(others)
    left = _tail_run(a)
    openings = word_openings(left)
    if not openings:
        return False
    rights = {_head_run(b) for b in others} - {""}
    # a word across the break opens in `left` and goes on with the right side's first character:
    # a start whose first character continues no opening has no such word (its ratio is 0)
    reachable = {char for char in {right[0] for right in rights}
                 if any(tokenize.is_word_prefix(left[i:] + char) for i in openings)}
    return any(_span_llr(left, right) >= threshold for right in rights if right[0] in reachable)


@lru_cache(maxsize=1 << 14)
def word_boundaries(text: str) -> frozenset[int]:
    """Offsets in `text` where jieba's precise cut puts a word boundary (0 and len included)."""
    offsets, at = {0}, 0
    for token in tokenize.tokenize(text):
        at += len(token)
        offsets.add(at)
    return frozenset(offsets)
