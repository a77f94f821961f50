"""Counting for the quality signals on arrays: n-gram repetition, Han characters, punctuation.

Each function gives exactly what its plain definition gives (tests/test_quality.py checks them
against it); the arrays only make it cheap.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import count, filterfalse

import numpy as np

_WORD_CHAR = re.compile(r"\w")
_NO_WORD_LINE = re.compile(r"^[^\w\n]+$", re.M)
_POLY = np.uint64(1_000_003)
# Han characters and punctuation are counted on the article's array of code points (no text rebuilt).
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
# Unicode punctuation (categories P*) of the Basic Multilingual Plane; index 0x10000 stands for every
# code point above it.
_IS_PUNCTUATION = np.zeros(0x10001, dtype=bool)
_IS_PUNCTUATION[[c for c in range(0x10000) if unicodedata.category(chr(c)).startswith("P")]] = True


def repetition_ratio(items: tuple, n: int) -> float:
    """Share of n-gram occurrences whose n-gram occurs more than once (Data-Juicer's rep ratio)."""
    if len(items) < n:
        return 0.0
    # zip of shifted views builds the same n-gram tuples as slicing, in C.
    counts = Counter(zip(*(items[offset:] for offset in range(n))))
    return sum(c for c in counts.values() if c > 1) / (len(items) - n + 1)


def code_points(chars: str) -> np.ndarray:
    return np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32)


def code_repetition_ratio(code_points: np.ndarray, n: int) -> float:
    """repetition_ratio over characters, vectorised: n-grams compared by a 64-bit rolling hash."""
    if len(code_points) < n:
        return 0.0
    codes = code_points.astype(np.uint64)
    # hash(s) = sum(s[k] * _POLY ** (len(s) - 1 - k)) mod 2**64, so hash(a + b) = hash(a) * _POLY ** len(b)
    # + hash(b): n-gram hashes from hashes of doubling length, ~2 log2(n) array passes instead of 2 n.
    hashes, length = codes, 1  # hashes[i]: hash of the `length` characters from i
    ngrams, built = None, 0  # ngrams[i]: hash of the `built` characters from i
    remaining = n
    while True:
        if remaining & 1:
            if ngrams is None:
                ngrams, built = hashes.copy(), length
            else:
                size = len(codes) - built - length + 1
                ngrams = ngrams[:size] * _power(length) + hashes[built : built + size]
                built += length
        remaining >>= 1
        if not remaining:
            return repeated_share(ngrams[: len(codes) - n + 1])
        size = len(hashes) - length
        hashes = hashes[:size] * _power(length) + hashes[length : length + size]
        length *= 2


@lru_cache(maxsize=None)
def _power(exponent: int) -> np.uint64:
    """_POLY ** exponent modulo 2**64 (the wrap-around of uint64 arithmetic)."""
    return np.uint64(pow(int(_POLY), exponent, 1 << 64))


def cjk_count(code_points: np.ndarray) -> int:
    """Han characters (_CJK_RANGES): an unsigned difference up to a range's width is inside the range."""
    inside = np.zeros(len(code_points), dtype=bool)
    for low, high in _CJK_RANGES:
        inside |= (code_points - np.uint32(low)) <= np.uint32(high - low)
    return int(np.count_nonzero(inside))


def punctuation_count(code_points: np.ndarray) -> int:
    """Characters of the punctuation class (BMP categories P*), by table look-up."""
    return int(np.count_nonzero(_IS_PUNCTUATION[np.minimum(code_points, 0x10000)]))


def repeated_share(keys: np.ndarray) -> float:
    """Share of the keys whose value occurs more than once (sorts `keys` in place)."""
    keys.sort()
    same = keys[1:] == keys[:-1]
    # Occurrences of repeated values: every key equal to a neighbour in sorted order.
    repeated = np.zeros(len(keys), dtype=bool)
    repeated[1:] |= same
    repeated[:-1] |= same
    return int(np.count_nonzero(repeated)) / len(keys)


def words(tokens: list[str]) -> tuple[str, ...]:
    """Tokens holding a word character (punctuation and spaces left out), decided once per distinct token."""
    unique = set(tokens)
    lines = "\n".join(unique)
    if lines.count("\n") == len(unique) - 1:
        # One regex over the distinct tokens, a line each, finds those without \w ("" has none either).
        dropped = set(_NO_WORD_LINE.findall(lines)) | ({""} & unique)
    else:  # a token holding a line break
        dropped = {t for t in unique if not (t.isalnum() or _WORD_CHAR.search(t))}
    return tuple(filterfalse(dropped.__contains__, tokens)) if dropped else tuple(tokens)


def word_repetition_ratio(tokens: list[str], n: int) -> float:
    """repetition_ratio(words(tokens), n), exactly, on integer ids: each n-gram of ids packed into one
    uint64 (exact while n ids fit in 64 bits), counted by sorting, not hashing tuples."""
    first: dict[str, int] = {}
    # A token's id is the position of its first occurrence: one dict pass in C builds both the
    # distinct tokens (in order) and the ids.
    ids = np.fromiter(map(first.setdefault, tokens, count()), dtype=np.uint64, count=len(tokens))
    lines = "\n".join(first)
    if lines.count("\n") != len(first) - 1:  # a token holding a line break (or no token)
        return repetition_ratio(words(tokens), n)
    dropped = _NO_WORD_LINE.findall(lines) + (["" ] if "" in first else [])
    if dropped:
        keep = np.ones(len(tokens), dtype=bool)
        keep[[first[t] for t in dropped]] = False
        ids = ids[keep[ids]]
    if len(ids) < n:
        return 0.0
    bits = max(1, int(ids.max()).bit_length())
    if bits * n > 64:  # first positions too far apart: renumber the distinct ids densely
        distinct, ids = np.unique(ids, return_inverse=True)
        ids = ids.astype(np.uint64)
        bits = max(1, (len(distinct) - 1).bit_length())
        if bits * n > 64:
            return repetition_ratio(words(tokens), n)
    count_ = len(ids) - n + 1
    keys = ids[:count_].copy()
    for offset in range(1, n):
        keys <<= np.uint64(bits)
        keys |= ids[offset : offset + count_]
    return repeated_share(keys)
