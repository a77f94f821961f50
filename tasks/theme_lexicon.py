"""The theme vocabularies: IPTC level-1 terms and level-2 domain topics, loaded from YAML.

Both files live in tasks/data/ and are checked against their JSON Schemas at load;
terms of all themes go into one Aho-Corasick automaton for leftmost-longest matching.
The theme file may also list `generic_terms`: news boilerplate (记者从, 获悉) and the policy
verbs of any Chinese news text (推进, 深化, 完善). They are matched like the others, so they
shadow a shorter term inside them, but count for no theme: a word found in nearly every news
article says nothing about its theme. A term group marked `support` (the policy register of a
theme: 推进, 深化, 全国) only supports a theme its specific terms found (tasks/themes.py).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import ahocorasick

from tasks.config import DATA_DIR, ConfigError, file_digest, load_checked_yaml
from tasks.term_scan import TermScanner

IPTC_FILE = DATA_DIR / "iptc_mediatopics.yaml"
TOPICS_FILE = DATA_DIR / "topics.yaml"
IPTC_SCHEMA = DATA_DIR / "iptc_mediatopics.schema.json"
TOPICS_SCHEMA = DATA_DIR / "topics.schema.json"
_VALUE, _TERM = itemgetter(1), itemgetter(0)  # (end, (term, entries)) -> term


@dataclass(frozen=True)
class Category:
    """One theme or topic: its code, labels and parent (topics only)."""

    code: str
    label_en: str
    label_zh: str
    parent: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """Categories and an automaton mapping each term to its (category index, weight) pairs."""

    categories: tuple[Category, ...]
    automaton: ahocorasick.Automaton
    version: str
    headline_weight: float
    # The same terms as `automaton`, for scans; None: count_terms scans `automaton` itself.
    scanner: TermScanner | None = None
    # Values derived from the terms once per process (tasks/themes.py: specificity per term).
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    # (term, category index) pairs of `support` groups: they add to a category at most in proportion to
    # what its other terms found (tasks/themes.py), so they cannot decide a theme on their own.
    support: frozenset[tuple[str, int]] = frozenset()

    def count_terms(self, text: str) -> Counter[str]:
        """Occurrences of each known term in text, leftmost-longest and non-overlapping."""
        counts: Counter[str] = Counter()
        if not text or len(self.automaton) == 0:
            return counts
        # Counter over a map of itemgetters: the whole loop runs in C.
        counts.update(map(_TERM, map(_VALUE, (self.scanner or self.automaton).iter_long(text))))
        return counts

    def entries(self, term: str) -> tuple[tuple[int, float, float], ...]:
        """(category index, weight, lead) triples of a term; lead multiplies a mention in the headline or lede.

        Empty for a generic term (matched, weighed for no category)."""
        return self.automaton.get(term)[1]


def _build(
    categories: list[Category],
    term_groups: list[list[dict]],
    version: str,
    headline_weight: float,
    generic: tuple[str, ...] = (),
    source: Path | None = None,
) -> Lexicon:
    weights: dict[str, dict[int, tuple[float, float]]] = {}
    support: set[tuple[str, int]] = set()
    specific: set[tuple[str, int]] = set()
    for index, groups in enumerate(term_groups):
        for group in groups:
            pair = (float(group["weight"]), float(group.get("lead", 1.0)))
            for word in group["words"]:
                word = str(word).strip()
                (support if group.get("support") else specific).add((word, index))
                per_term = weights.setdefault(word, {})
                # A term listed twice under one category keeps its highest weight and lead.
                old = per_term.get(index, (0.0, 1.0))
                per_term[index] = (max(old[0], pair[0]), max(old[1], pair[1]))
    for word in generic:
        word = str(word).strip()
        if weights.get(word):
            themes = ", ".join(categories[index].code for index in sorted(weights[word]))
            raise ConfigError(f"{source}: generic_terms: {word!r} is also a term of {themes}; list it in one place")
        # Matched (it shadows shorter terms inside it) but weighed for no category.
        weights[word] = {}
    automaton = ahocorasick.Automaton()
    for term, per_term in weights.items():
        entries = tuple((index, weight, lead) for index, (weight, lead) in sorted(per_term.items()))
        automaton.add_word(term, (term, entries))
    if weights:
        automaton.make_automaton()
    scanner = TermScanner(automaton.items()) if weights else None
    # A term listed both as support and as a specific term of one category is a specific term.
    return Lexicon(tuple(categories), automaton, version, headline_weight, scanner, support=frozenset(support - specific))


def load_themes(path: Path = IPTC_FILE) -> Lexicon:
    """IPTC Media Topics level 1 with their weighted terms."""
    data = load_checked_yaml(path, IPTC_SCHEMA)
    categories = [Category(t["code"], t["label_en"], t["label_zh"]) for t in data["themes"]]
    generic = tuple(data.get("generic_terms", {}).get("words", ()))
    return _build(
        categories, [t["terms"] for t in data["themes"]], data["version"], float(data["headline_weight"]), generic, path
    )


def load_topics(path: Path = TOPICS_FILE, headline_weight: float = 3.0) -> Lexicon:
    """Level-2 domain topics with their weighted terms and parent IPTC code."""
    data = load_checked_yaml(path, TOPICS_SCHEMA)
    categories = [Category(t["code"], t["label_en"], t["label_zh"], t["parent"]) for t in data["topics"]]
    return _build(categories, [t["terms"] for t in data["topics"]], data["version"], headline_weight)


@lru_cache(maxsize=1)
def default_lexicons() -> tuple[Lexicon, Lexicon]:
    """The shipped theme and topic lexicons, loaded once per process."""
    return load_themes(), load_topics()


def taxonomy_version() -> str:
    """Versions of both taxonomy files plus a hash of their bytes."""
    themes, topics = default_lexicons()
    return f"iptc-{themes.version}+topics-{topics.version}+{file_digest(IPTC_FILE, TOPICS_FILE)}"
