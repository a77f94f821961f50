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

import numpy as np

from tasks.tokenize import is_known_word, is_word_prefix

SENTENCE_END_MARKS = "。！？!?；;"
READ_CHARS = 2  # characters of b scored across the break
LLR_CLIP = 6.0  # bound on the ratio: one rare character must not decide a pair alone
VOCABULARY_FLOOR = 4000  # unigram smoothing assumes at least this many distinct characters


class CharModel:
    """Witten-Bell interpolated character trigram model over a document's lines.

    The page's 1-, 2- and 3-grams are encoded as integers (21 bits per code point) and sorted
    once with numpy; a count is then two binary searches. Counting every n-gram of a page into
    Python dictionaries would cost more than the whole rest of segmentation.
    """

    def __init__(self, texts: list[str]):
        # one sentence per line: no n-gram reads across a sentence end or a line end
        text = "\n".join(t.strip() for t in texts)
        for mark in SENTENCE_END_MARKS:  # str.replace per mark: a regex template costs a Python call per match
            text = text.replace(mark, mark + "\n")
        text = "\n" + text + "\n"
        cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        real = cp != 10
        self.all: dict[int, np.ndarray] = {}
        self.distinct: dict[int, np.ndarray] = {}
        codes, valid = cp, real
        for n in (1, 2, 3):
            if n > 1:
                codes, valid = (codes[:-1] << 21) | cp[n - 1:], valid[:-1] & real[n - 1:]
            self.all[n] = np.sort(codes[valid])
            ordered = self.all[n]
            self.distinct[n] = ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if ordered.size else ordered
        self.total = int(real.sum())
        self.vocabulary = max(VOCABULARY_FLOOR, len(self.distinct[1]))
        self._probs: dict[tuple[str, str], float] = {}
        self._counts: dict[str, int] = {}
        self._histories: dict[str, tuple[int, int]] = {}  # history -> (types, seen) after it
        self._tails: dict[str, str] = {}  # line -> its last two characters (a line meets many)
        self._heads: dict[int, dict[str, str]] = {}  # read -> line -> its first characters
        self._llrs: dict[tuple[str, str], float] = {}  # (tail, head) edge -> its clipped ratio

    def _range(self, n: int, lo: int, hi: int, distinct: bool = False) -> int:
        low, high = (self.distinct if distinct else self.all)[n].searchsorted((lo, hi))
        return int(high - low)

    def _history(self, h: str) -> tuple[int, int]:
        """Distinct (len(h)+1)-grams that start with h, and their occurrences (cached: the same
        one- and two-character histories recur across a page's many candidate breaks)."""
        found = self._histories.get(h)
        if found is None:
            n, low = len(h), _code(h) << 21
            found = self._histories[h] = (self._range(n + 1, low, low + (1 << 21), distinct=True),
                                          self._range(n + 1, low, low + (1 << 21)))
        return found

    def count(self, gram: str) -> int:
        """Occurrences of `gram` (1-3 characters) in the page's sentences."""
        found = self._counts.get(gram)
        if found is None:
            code = _code(gram)
            found = self._counts[gram] = self._range(len(gram), code, code + 1) if 0 < len(gram) <= 3 else 0
        return found

    def prob(self, char: str, history: str) -> float:
        """P(char | last two characters of history), interpolated down to add-one unigrams."""
        key = (char, history[-2:])
        found = self._probs.get(key)
        if found is not None:
            return found
        p = (self.count(char) + 1) / (self.total + self.vocabulary)
        for n in (1, 2):
            h = history[-n:]
            if len(h) < n:
                continue
            types, seen = self._history(h)
            if types:
                p = (self.count(h + char) + types * p) / (seen + types)
        self._probs[key] = p
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

    def cross_llrs(self, pairs: list[tuple[str, str]], read: int = READ_CHARS) -> list[float]:
        """cross_llr of every (a, b) in `pairs`, the same numbers: the probabilities not yet
        memoised are computed for all pairs at once (one binary search per n-gram order, not
        one per pair and character), then the ratios are summed per pair as cross_llr does."""
        tails, heads = self._tails, self._heads.setdefault(read, {})
        edges = []
        for a, b in pairs:
            tail = tails.get(a)
            if tail is None:
                tail = tails[a] = a.rstrip()[-2:]
            head = heads.get(b)
            if head is None:
                head = heads[b] = b.lstrip()[:read]
            edges.append((tail, head) if tail and head else None)
        llrs = self._llrs  # an edge's ratio depends on its characters only: memoised per page
        fresh = {edge for edge in edges if edge is not None and edge not in llrs}
        if fresh:
            self._edge_llrs(fresh)
        return [llrs[edge] if edge is not None else 0.0 for edge in edges]

    def _edge_llrs(self, edges: set[tuple[str, str]]) -> None:
        """cross_llr of (a's last two characters, b's first characters) edges, memoised."""
        # the keys each edge reads after a, built once for the batch and for the ratios; the terms
        # without a depend on b's head alone
        joined = {(tail, head): [(char, (tail + head[:k])[-2:]) for k, char in enumerate(head)] for tail, head in edges}
        alone = {head: [(char, head[:k][-2:]) for k, char in enumerate(head)] for _, head in edges}
        probs = self._probs
        missing = {key for keys in joined.values() for key in keys}
        missing.update(key for keys in alone.values() for key in keys)
        missing -= probs.keys()
        if missing:
            self._fill(list(missing))  # a key's number does not depend on the batch it came in
        log = math.log
        alone_logs = {head: [log(probs[key]) for key in keys] for head, keys in alone.items()}
        for (tail, head), keys in joined.items():
            llr = 0.0
            for key, without in zip(keys, alone_logs[head]):
                llr += log(probs[key]) - without
            self._llrs[(tail, head)] = max(-LLR_CLIP, min(LLR_CLIP, llr))

    def _fill(self, keys: list[tuple[str, str]]) -> None:
        """prob() of many (char, history of at most two characters) keys at once, memoised.

        The float operations are prob()'s, element by element (numpy's float64 +, * and / round
        as Python's do), so a key gets the same number whichever way it was computed."""
        chars = np.array([ord(c) for c, _ in keys], dtype=np.int64)
        # a history's code (_code of its last n characters) from the code points of its last two
        lengths = np.array([len(h) for _, h in keys])
        last = np.array([ord(h[-1]) if h else 0 for _, h in keys], dtype=np.int64)
        second = np.array([ord(h[-2]) if len(h) > 1 else 0 for _, h in keys], dtype=np.int64)
        p = (self._counts_of(1, chars) + 1) / (self.total + self.vocabulary)
        for n in (1, 2):
            rows = np.flatnonzero(lengths >= n)
            if not rows.size:
                continue
            hist = last[rows] if n == 1 else (second[rows] << 21) | last[rows]
            low = hist << 21
            types = self._spans(n + 1, low, low + (1 << 21), distinct=True)
            seen = self._spans(n + 1, low, low + (1 << 21))
            grams = self._counts_of(n + 1, low | chars[rows])
            has = types > 0
            with np.errstate(divide="ignore", invalid="ignore"):
                mixed = (grams + types * p[rows]) / (seen + types)
            p[rows[has]] = mixed[has]
        self._probs.update(zip(keys, p.tolist()))

    def _spans(self, n: int, lo: np.ndarray, hi: np.ndarray, distinct: bool = False) -> np.ndarray:
        ordered = (self.distinct if distinct else self.all)[n]
        return ordered.searchsorted(hi) - ordered.searchsorted(lo)

    def _counts_of(self, n: int, codes: np.ndarray) -> np.ndarray:
        return self._spans(n, codes, codes + 1)


def _code(gram: str) -> int:
    code = 0
    for char in gram:
        code = (code << 21) | ord(char)
    return code


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

