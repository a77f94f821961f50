"""Leftmost-longest term scans that give exactly `ahocorasick.Automaton.iter_long` at about half the cost.

Used by the gazetteer (tasks/region_gazetteer.py), the newspaper names (tasks/region_document.py)
and the theme lexicons (tasks/theme_lexicon.py). pyahocorasick finds a node's child by a linear
search over its children, in insertion order; after a mismatch the walk is back at the root, whose
children are the first characters of every term (about a thousand for the gazetteer). Two changes
make that search short without changing any match:

- characters that occur in no term are replaced, one for one, by a sentinel that is the root's first
  child (a two-character word that can never match keeps it in the trie): such a character ends
  every match in both texts, and positions are unchanged;
- terms are added in order of how common their characters are in Chinese (single-character word
  frequencies of jieba's dictionary, a general source), so common characters are found early.
The sentinel word adds non-final nodes only, so the matches are those of a plain automaton of the
same terms (tests/test_term_scan.py compares them on generated and fuzzed text).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Iterable, Iterator

import ahocorasick
import numpy as np

# Private-use characters: never in a term (checked), so the sentinel word never matches.
_SENTINEL, _NEVER = "\ue000", "\ue001"
# Longer texts are mapped through an array of code points (~0.01 us/char); shorter ones by one regex
# substitution (0.02-0.05 us/char, but no fixed cost of a few microseconds per call).
ARRAY_MIN_CHARS = 256
# Replacing characters pays off once the root has this many children to search (callers that scan
# only whole pages may ask for it at fewer: it then costs ~0.02 us/char on the array path).
MIN_FIRST_CHARS = 300


@lru_cache(maxsize=1)
def char_frequencies() -> dict[str, int]:
    """Frequency of each single-character word of jieba's dictionary (read with one regex, ~40 ms)."""
    import jieba  # the file only; jieba's own dictionary loading is not triggered

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    return {char: int(freq) for char, freq in re.findall(r"^(\S) (\d+)", text, re.M)}


class TermScanner:
    """`iter_long` over a fixed set of terms; the same (end index, value) pairs as a plain automaton."""

    def __init__(self, items: Iterable[tuple[str, object]], min_first_chars: int = MIN_FIRST_CHARS) -> None:
        items = [(term, value) for term, value in items if term]
        alphabet = {char for term, _ in items for char in term}
        # Replacing characters costs ~0.05 us/char: worth it only when the root has many children to search.
        self._skip = len({term[0] for term, _ in items}) >= min_first_chars
        if self._skip and (_SENTINEL in alphabet or _NEVER in alphabet):
            raise ValueError("a term holds a private-use sentinel character")
        freq = char_frequencies()
        automaton = ahocorasick.Automaton()
        if self._skip:
            automaton.add_word(_SENTINEL + _NEVER, None)
        for term, value in sorted(items, key=lambda item: [-freq.get(char, 0) for char in item[0]]):
            automaton.add_word(term, value)
        automaton.make_automaton()
        self._automaton = automaton
        self._outside = re.compile("[^" + re.escape("".join(sorted(alphabet))) + "]") if alphabet else None
        # Membership of the Basic Multilingual Plane's code points; None when a term holds a character above it.
        self._inside: np.ndarray | None = None
        if self._skip and all(ord(char) < 0x10000 for char in alphabet):
            self._inside = np.zeros(0x10001, dtype=bool)  # index 0x10000: every code point above the BMP
            self._inside[[ord(char) for char in alphabet]] = True

    def iter_long(self, text: str) -> Iterator[tuple[int, object]]:
        """Leftmost-longest non-overlapping matches of `text` as (end index, value), in text order."""
        if self._outside is None or not text:
            return iter(())
        return self._automaton.iter_long(self._mapped(text) if self._skip else text)

    def matches_each(self, texts: list[str]) -> list[tuple[tuple[int, object], ...]]:
        """`tuple(self.iter_long(text))` for each of `texts`, with the characters of all mapped at once.

        Mapping is one for one per character, so the mapped texts are slices of the mapped join:
        one array pass instead of a regex substitution per short text (lines, paragraphs, headlines).
        """
        if not self._skip or self._outside is None or len(texts) < 2:
            return [tuple(self.iter_long(text)) for text in texts]
        mapped = self._mapped("".join(texts))
        found, start, scan = [], 0, self._automaton.iter_long
        for text in texts:
            end = start + len(text)
            found.append(tuple(scan(mapped[start:end])) if text else ())
            start = end
        return found

    def _mapped(self, text: str) -> str:
        """`text` with every character of no term replaced by the sentinel."""
        if self._inside is not None and len(text) >= ARRAY_MIN_CHARS:
            try:
                codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).copy()
            except UnicodeEncodeError:  # a lone surrogate: the regex handles it
                return self._outside.sub(_SENTINEL, text)
            codes[~self._inside[np.minimum(codes, 0x10000)]] = ord(_SENTINEL)
            return codes.tobytes().decode("utf-32-le")
        return self._outside.sub(_SENTINEL, text)
