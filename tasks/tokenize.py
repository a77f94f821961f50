"""Word segmentation: jieba precise mode with the project's user dictionary of domain terms.

The dictionary (tasks/data/userdict.txt, `word freq pos` per line) is loaded once per
process into a private jieba.Tokenizer, so worker processes each load it themselves and
the global jieba state stays untouched (but for jieba.finalseg's force-split words, which
only zero-frequency user words add).

Speed without a different answer: `tokenize` returns exactly `jieba.Tokenizer.cut(text,
HMM=True)` (tests/test_tokenize.py compares them on seeds, generated text and random
dictionary strings), computed in two cheaper ways:
- jieba's get_DAG and calc are fused into one backward pass over a table of precomputed
  log-probabilities (the same float operations in the same order, and ties go to the longer
  word as in jieba's `max` over `(score, end)` tuples);
- each block of Chinese text between punctuation is cut once per process and memoised: pages
  repeat furniture, and segmentation and the article tokens read the same lines.
Blocks are independent in jieba (its `cut` splits on them first), so memoising them is exact.
"""
from __future__ import annotations

import hashlib
import logging
import re
import threading
from functools import lru_cache
from itertools import chain
from math import log
from pathlib import Path

import jieba
from jieba import finalseg

USERDICT_PATH = Path(__file__).parent / "data" / "userdict.txt"
DICTIONARY_VERSION: str = "userdict-" + hashlib.sha256(USERDICT_PATH.read_bytes()).hexdigest()[:12]
# Distinct blocks remembered per process: ~10 characters each, so tens of MB at most.
BLOCK_CACHE_SIZE = 1 << 17

# jieba 0.42's own block patterns (jieba.re_han_default, jieba.re_skip_default).
_RE_HAN = jieba.re_han_default
_RE_SKIP = jieba.re_skip_default

_lock = threading.Lock()
# Every dictionary word and word prefix -> log(freq) - log(total), or None for a prefix of zero
# frequency (jieba's FREQ keeps those so get_DAG can stop early; they are no DAG edge). It replaces
# the jieba.Tokenizer it is computed from, which is then dropped to keep one table per process.
_log_prob: dict[str, float | None] = {}
_unknown_log_prob = 0.0
_ABSENT = object()
_loaded = False  # set once _log_prob is complete (another thread may be filling it)


def load_dictionary() -> None:
    """Load jieba's dictionary and the user dictionary once per process (about 1.5 s)."""
    global _unknown_log_prob, _loaded
    with _lock:
        if _log_prob:
            return
        jieba.setLogLevel(logging.WARNING)
        tokenizer = reference_tokenizer()
        log_total = log(tokenizer.total)
        _unknown_log_prob = log(1) - log_total  # jieba: log(FREQ.get(word) or 1) - logtotal
        _log_prob.update((word, log(freq) - log_total if freq else None) for word, freq in tokenizer.FREQ.items())
        _loaded = True


def reference_tokenizer() -> jieba.Tokenizer:
    """A fresh jieba.Tokenizer with the user dictionary: the reference `tokenize` must equal."""
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(USERDICT_PATH))
    return tokenizer


def tokenize(text: str) -> list[str]:
    """jieba precise-mode tokens of `text` (HMM on), whitespace-only tokens dropped."""
    if not text:
        return []
    if not _loaded:  # skips the lock once loaded
        load_dictionary()
    # split() with a capturing group alternates: other text, a Han block, other text, ... other text.
    # jieba yields whitespace runs whole and every other character alone; we drop whitespace, so the
    # other text's tokens are its characters but whitespace (str.split and re's \s agree on what is
    # whitespace). Chained iterators keep the loop over blocks in C.
    parts = _RE_HAN.split(text)
    others = parts[::2]
    # Short pieces of other text ("，", "。\n") repeat even more than blocks and are remembered too;
    # long ones (a paragraph in another script) are not, so the cache stays small.
    cut_other = _other_tokens if max(map(len, others)) <= OTHER_CACHED_CHARS else _other_tokens.__wrapped__
    tokens = list(_chain(_chain(zip(map(cut_other, others), map(_cut_block, parts[1::2])))))
    if parts[-1]:
        tokens.extend(cut_other(parts[-1]))
    return tokens


_chain = chain.from_iterable
OTHER_CACHE_SIZE = 4096
OTHER_CACHED_CHARS = 64


@lru_cache(maxsize=OTHER_CACHE_SIZE)
def _other_tokens(piece: str) -> tuple[str, ...]:
    """jieba's tokens of text between blocks, whitespace dropped: every other character alone."""
    return tuple("".join(piece.split()))


HMM_MAX_RUN = 400


@lru_cache(maxsize=BLOCK_CACHE_SIZE)
def _cut_block(block: str) -> tuple[str, ...]:
    """jieba.Tokenizer.__cut_DAG(block): best dictionary route, unknown runs through the HMM."""
    ends = _best_route(block)
    tokens: list[str] = []
    buf = ""
    x, n = 0, len(block)
    while x < n:
        y = ends[x] + 1
        if y - x == 1:
            buf += block[x]
        else:
            if buf:
                tokens.extend(_flush(buf))
                buf = ""
            tokens.append(block[x:y])
        x = y
    if buf:
        tokens.extend(_flush(buf))
    return tuple(token for token in tokens if token.strip())


def _flush(buf: str) -> list[str]:
    # A run of single characters: a known word stays split, an unknown run goes to the HMM.
    if len(buf) == 1:
        return [buf]
    if _log_prob.get(buf) is None:
        # jieba's Viterbi copies its path at every character: quadratic in the run. Runs this
        # long (no dictionary word in HMM_MAX_RUN characters) are not prose, so cutting them
        # in slices keeps the time linear and leaves every real sentence identical to jieba.
        return [token for start in range(0, len(buf), HMM_MAX_RUN) for token in finalseg.cut(buf[start : start + HMM_MAX_RUN])]
    return list(buf)


def _best_route(sentence: str) -> list[int]:
    """End index of the best word starting at each position (jieba's get_DAG + calc, fused)."""
    log_prob, unknown, absent = _log_prob, _unknown_log_prob, _ABSENT
    n = len(sentence)
    score = [0.0] * (n + 1)
    end = [0] * n
    for idx in range(n - 1, -1, -1):
        best, best_end = None, idx
        i = idx
        word_log_prob = log_prob.get(sentence[idx], absent)
        while word_log_prob is not absent:
            if word_log_prob is not None:
                candidate = word_log_prob + score[i + 1]
                # `>=`: candidates come in increasing end, and jieba's max over (score, end) keeps the last tie.
                if best is None or candidate >= best:
                    best, best_end = candidate, i
            i += 1
            if i >= n:
                break
            word_log_prob = log_prob.get(sentence[idx : i + 1], absent)
        if best is None:
            best = unknown + score[idx + 1]
        score[idx], end[idx] = best, best_end
    return end


def is_known_word(word: str) -> bool:
    """True when `word` is in jieba's dictionary or the user dictionary with a positive frequency."""
    if not _loaded:  # skips the lock on the many look-ups of segmentation once loaded
        load_dictionary()
    return _log_prob.get(word) is not None


@lru_cache(maxsize=8)
def dictionary_words_tagged(tags: frozenset[str]) -> frozenset[str]:
    """Words whose part-of-speech tag is one of `tags`, in jieba's main dictionary and the user
    dictionary (whose tag wins); read once per process and tag set."""
    with jieba.dt.get_dict_file() as handle:
        data = handle.read()
    # one regular expression over the whole file: about 4x faster than splitting its 349k lines
    tagged = re.compile(rb"^(\S+) \d+ (?:" + b"|".join(re.escape(t.encode()) for t in sorted(tags)) + rb")\r?$", re.M)
    words = {word.decode("utf-8") for word in tagged.findall(data)}
    for line in USERDICT_PATH.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            (words.add if parts[2] in tags else words.discard)(parts[0])
    return frozenset(words)


def word_log_prob(word: str) -> float | None:
    """log P(word) in jieba's unigram model (user dictionary included), the number jieba's route
    uses; None when `word` is no dictionary word of positive frequency."""
    if not _loaded:
        load_dictionary()
    return _log_prob.get(word)


def unknown_log_prob() -> float:
    """log P of a word jieba's dictionary lacks (jieba: log(1) - log(total))."""
    if not _loaded:
        load_dictionary()
    return _unknown_log_prob


def is_word_prefix(text: str) -> bool:
    """True when some dictionary word starts with `text` (jieba keeps every prefix of its words)."""
    if not _loaded:
        load_dictionary()
    return text in _log_prob


def first_word(text: str, span: int = 8) -> str:
    """The first word of `text` on jieba's best dictionary route over its first `span` characters
    (no HMM for unknown words: callers ask about dictionary words such as particles)."""
    head = text[:span]
    if not head:
        return ""
    if not _loaded:
        load_dictionary()
    return head[: _best_route(head)[0] + 1]
