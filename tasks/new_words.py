"""New-word discovery: candidate domain terms for the user dictionary, found in the corpus itself.

A maintainer tool (`zhpress discover-words`), not a run-time step: its output is reviewed and
added to tasks/data/userdict.txt, whose hash versions the dictionary. The method is the classic
one for Chinese (Sproat & Shih; Matrix67's "互联网时代的社会语言学"): a string of 2-6 Han
characters is a word candidate when it is frequent, cohesive inside (high pointwise mutual
information between its best split) and free outside (high entropy of the characters seen to
its left and right), and jieba's dictionary does not know it already.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@dataclass(frozen=True)
class DiscoveryThresholds:
    min_count: int = 5
    min_cohesion: float = 3.0  # PMI of the weakest split, natural log
    min_freedom: float = 1.2  # entropy of the poorer side, natural log
    min_length: int = 2
    max_length: int = 6


@dataclass(frozen=True)
class WordCandidate:
    word: str
    count: int
    cohesion: float
    freedom: float

    @property
    def score(self) -> float:
        return self.count * self.cohesion * self.freedom


def _entropy(neighbours: Counter) -> float:
    total = sum(neighbours.values())
    return -sum(n / total * math.log(n / total) for n in neighbours.values()) if total else 0.0


def discover_new_words(
    texts: Iterable[str], known=lambda word: False, thresholds: DiscoveryThresholds = DiscoveryThresholds()
) -> list[WordCandidate]:
    """Candidates, best first; `known(word)` filters words the dictionary has already."""
    t = thresholds
    counts: Counter[str] = Counter()
    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    total_chars = 0
    for text in texts:
        for run in HAN_RUN.findall(text):
            total_chars += len(run)
            for size in range(1, t.max_length + 1):
                for start in range(len(run) - size + 1):
                    gram = run[start : start + size]
                    counts[gram] += 1
                    if size >= t.min_length:
                        left[gram][run[start - 1] if start else "^"] += 1
                        right[gram][run[start + size] if start + size < len(run) else "$"] += 1
    if not total_chars:
        return []
    candidates = []
    for gram, count in counts.items():
        if len(gram) < t.min_length or count < t.min_count or known(gram):
            continue
        p = count / total_chars
        cohesion = min(
            math.log(p / (counts[gram[:i]] / total_chars * counts[gram[i:]] / total_chars)) for i in range(1, len(gram))
        )
        if cohesion < t.min_cohesion:
            continue
        freedom = min(_entropy(left[gram]), _entropy(right[gram]))
        if freedom >= t.min_freedom:
            candidates.append(WordCandidate(gram, count, round(cohesion, 3), round(freedom, 3)))
    # A candidate inside a longer candidate with nearly the same count is that word's fragment.
    kept = [c for c in candidates if not any(
        o.word != c.word and c.word in o.word and o.count >= 0.8 * c.count for o in candidates
    )]
    return sorted(kept, key=lambda c: (-c.score, c.word))
