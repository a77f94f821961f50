"""Evidence that one line continues another's sentence across a column break.

Signals, each a plain function: does line a end mid-sentence, does line b start mid-sentence,
did OCR double characters across the break, does a word span the break (jieba dictionary),
and how cohesive b's text is with a's article (TF-IDF cosine over jieba tokens).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from tasks.segment_heads import CJK, ends_sentence
from tasks.tokenize import is_known_word, tokenize

MID_START_CHARS = "，,、。；;：:）)”’』」》!！?？"
_STOPWORDS = frozenset("的 了 在 是 和 与 及 等 也 都 将 对 为 以 把 被 从 这 那 其 之 于 并 中 上 下 有 我 我们 他 她 要 年 月 日".split())





def open_end(text: str) -> bool:
    """The line stops mid-sentence: no closing punctuation and it ends in Chinese prose."""
    text = text.strip()
    if len(text) < 2 or ends_sentence(text) or "|" in text:
        return False
    return bool(re.match(rf"[{CJK}0-9A-Za-z%“‘（(、，,]", text[-1]))


def mid_start(text: str) -> float:
    """Evidence in [0, 1] that a line begins inside a sentence started elsewhere."""
    text = text.strip()
    if not text:
        return 0.0
    if text[0] in MID_START_CHARS:
        return 1.0
    first_sentence = re.match(r"[^。！？!?]*[。！？!?]", text)
    if first_sentence and len(first_sentence.group(0)) <= 3 and len(text) > 6:
        return 0.9
    close_at, open_at = text.find("”"), text.find("“")
    if close_at >= 0 and (open_at < 0 or close_at < open_at):
        return 0.6
    return 0.0


def doubled_overlap(a: str, b: str, max_len: int = 4) -> int:
    """Length of text OCR repeated across the break (`重要性。` + `性。去年` -> 2), else 0.

    A single doubled character counts only when the doubled form is not itself a word
    (`常常`, `天天` are legitimate reduplications).
    """
    a, b = a.rstrip(), b.lstrip()
    for k in range(min(max_len, len(a) - 1, len(b) - 1), 0, -1):
        piece = b[:k]
        if a.endswith(piece) and re.search(rf"[{CJK}]", piece):
            if k == 1 and (is_known_word(piece * 2) or not re.match(rf"[{CJK}]", piece)):
                return 0
            return k
    return 0


def bridge_word(a: str, b: str, span: int = 6) -> bool:
    """True when jieba reads a dictionary word of 2+ characters across the break (`老` + `式建筑`)."""
    left, right = a.strip()[-span:], b.strip()[:span]
    if not left or not right:
        return False
    pos = 0
    for token in tokenize(left + right):
        end = pos + len(token)
        if pos < len(left) < end and len(token) >= 2 and is_known_word(token):
            return True
        pos = end
    return False


def sample_text(text: str, limit: int = 4000) -> str:
    """The text, or its start and end when longer than `limit`: cohesion needs no more, and a
    20 MB line without newlines must not be tokenized again here."""
    return text if len(text) <= limit else text[: limit // 2] + " " + text[-limit // 2:]


def term_vector(text: str) -> Counter:
    """Content-word counts of a text (single characters and stop words left out; long texts sampled)."""
    text = sample_text(text)
    # jieba never reads a word across whitespace, so a joined text's vector is the sum of its
    # parts' vectors; caching the parts avoids tokenizing each line again for every run it is in.
    total: Counter = Counter()
    for part in text.split():
        total.update(_part_vector(part))
    return total


@lru_cache(maxsize=1 << 16)
def _part_vector(part: str) -> Counter:
    return Counter(t for t in tokenize(part) if len(t) >= 2 and t not in _STOPWORDS and re.search(rf"[{CJK}]", t))


def idf_table(vectors: list[Counter]) -> dict[str, float]:
    """Smoothed inverse document frequency over the given texts."""
    df: Counter = Counter()
    for vector in vectors:
        df.update(vector.keys())
    n = len(vectors)
    return {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}


def cohesion(x: Counter, y: Counter, idf: dict[str, float], norms: dict | None = None) -> float:
    """TF-IDF cosine similarity of two term vectors, in [0, 1].

    `norms` (optional, keyed by id of a vector the caller keeps alive) memoises vector norms
    when one vector meets many others.
    """
    if not x or not y:
        return 0.0
    small, large = (x, y) if len(x) < len(y) else (y, x)
    dot = sum(c * large[t] * idf.get(t, 1.0) ** 2 for t, c in small.items() if t in large)
    if not dot:
        return 0.0  # most candidate pairs share no term: skip the norms
    norm_x, norm_y = _norm(x, idf, norms), _norm(y, idf, norms)
    return dot / (norm_x * norm_y) if norm_x and norm_y else 0.0


def _norm(x: Counter, idf: dict[str, float], norms: dict | None) -> float:
    if norms is not None and id(x) in norms:
        return norms[id(x)]
    value = math.sqrt(sum((c * idf.get(t, 1.0)) ** 2 for t, c in x.items()))
    if norms is not None:
        norms[id(x)] = value
    return value
