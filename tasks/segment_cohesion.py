"""Person links between paragraphs: evidence that a paragraph continues the article it refers to.

Character statistics say little about a short paragraph; who it speaks of says more. A news
article introduces a speaker once (`处长马国庆说`, `负责人黄立军介绍`, `黄立军表示`) and comes back
to the person later by full name (`黄立军提醒…`), by surname and title (`马处长`), or by a pronoun
(`她还提出…`, `他表示…`). So a paragraph that mentions a person some article introduced belongs
with that article, and a paragraph led by a pronoun follows a paragraph that named a speaker.

Names are found by generic patterns only: a common surname plus one or two characters standing
right before a speech verb, at the start of a sentence or after a title (vocabularies from
tasks/data/segment_lexicon.yaml: surnames, person_titles, speech_verbs).
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from tasks.segment_heads import CJK, lexicon

NOT_IN_NAMES = set("的地得了着过们在是和与说也都还就又将对为以把被从这那其之于并有要个不而或")
PRONOUNS = "她他"  # a paragraph led by one of these refers back to the last named speaker
NOT_PRONOUN_NEXT = set("们人")  # 他们 (a group), 他人 (others) do not point at one speaker
_CJK_CHAR = re.compile(rf"[{CJK}]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, frozenset[str], tuple[str, ...]]:
    lex = lexicon()
    verbs = "|".join(sorted((re.escape(v) for v in lex["speech_verbs"]), key=len, reverse=True))
    titles = tuple(sorted(lex["person_titles"], key=len, reverse=True))
    return re.compile(verbs), frozenset(lex["surnames"]), titles


def introduced_names(text: str) -> set[str]:
    """Personal names the text introduces as speakers: surname + 1-2 characters before a speech
    verb, opening a clause or following a title (`处长马国庆说` gives 马国庆)."""
    verbs, surnames, titles = _patterns()
    found: set[str] = set()
    for match in verbs.finditer(text):
        end = match.start()
        for size in (3, 2):
            start = end - size
            name = text[start:end]
            if start < 0 or name[0] not in surnames or NOT_IN_NAMES & set(name):
                continue
            before = text[:start]
            if not before or not _CJK_CHAR.match(before[-1]) or before.endswith(titles):
                found.add(name)
                break
    return found


@lru_cache(maxsize=1)
def _titled() -> re.Pattern:
    """Every place a one-character surname stands before a title (`马处长`), overlaps included:
    compiled once, not per page (a page's own expression cost more than all its matching)."""
    _, surnames, titles = _patterns()
    single = "".join(sorted(s for s in surnames if len(s) == 1))
    return re.compile(rf"(?=([{single}])({'|'.join(re.escape(t) for t in titles)}))")


def _mention_finder(names: set[str]):
    """A function giving the known names a text refers to, by full name or by surname + title
    (`马处长`). Matches are read as one left-to-right scan that prefers, where several start
    together, the longest full name, then a titled surname, and resumes after each match."""
    by_surname: dict[str, set[str]] = {}
    for name in names:
        by_surname.setdefault(name[0], set()).add(name)
    longest_first = sorted(names, key=len, reverse=True)
    titled = _titled()

    def mentions(text: str) -> set[str]:
        found: dict[int, tuple[int, set[str]]] = {}  # start -> (end, names)
        for name in longest_first:
            at = text.find(name)
            while at >= 0:
                found.setdefault(at, (at + len(name), {name}))
                at = text.find(name, at + 1)
        for match in titled.finditer(text):
            if match.group(1) in by_surname:
                found.setdefault(match.start(), (match.end(2), by_surname[match.group(1)]))
        out: set[str] = set()
        resume = 0
        for at in sorted(found):
            if at >= resume:
                end, named = found[at]
                out.update(named)
                resume = end
        return out
    return mentions


def pronoun_led(text: str) -> bool:
    """True when the paragraph opens with a personal pronoun pointing at one speaker."""
    body = text.lstrip()
    return len(body) > 1 and body[0] in PRONOUNS and body[1] not in NOT_PRONOUN_NEXT


class PersonLinks:
    """Which paragraph units name, re-mention or point back at which speakers."""

    def __init__(self, unit_texts: list[str], head_texts: list[str]):
        self.intro = [introduced_names(t) for t in unit_texts]
        self.head_intro = [introduced_names(t) for t in head_texts]
        names = set().union(*self.intro, *self.head_intro)
        find = _mention_finder(names) if names else (lambda text: set())
        self.mentions = [find(t) for t in unit_texts]
        self.speaker = [bool(m) for m in self.mentions]
        self.pronoun = [pronoun_led(t) for t in unit_texts]
        # evidence exists only if some name stands in two places, or a pronoun has a speaker to follow
        seen = [n for m in self.mentions for n in m] + [n for h in self.head_intro for n in h]
        self.active = len(seen) > len(set(seen)) or (any(self.pronoun) and any(self.speaker))

    def _score(self, u: int, held: set[str], last_speaker: bool, name_weight: float, pronoun_weight: float) -> float:
        return name_weight * bool(self.mentions[u] & held) + pronoun_weight * (self.pronoun[u] and last_speaker)

    def bonuses(self, order: list[int], label: list[int], label_sets: list[list[int]],
                name_weight: float, pronoun_weight: float) -> dict[int, np.ndarray]:
        """Per unit with evidence, a bonus for each of its labels' articles as they stand before it
        (head and units so labelled that come earlier in `order`, the file order)."""
        held = [set(names) for names in self.head_intro]
        last = [False] * len(held)
        out: dict[int, np.ndarray] = {}
        for u in order:
            if self.mentions[u] or self.pronoun[u]:
                out[u] = np.array([self._score(u, held[l], last[l], name_weight, pronoun_weight)
                                   for l in label_sets[u]])
            at = int(label[u])
            held[at] |= self.mentions[u]
            last[at] = self.speaker[u]
        return out

    def glue(self, rows: list[int], name_weight: float, pronoun_weight: float) -> np.ndarray:
        """Extra cost of a change of label between each unit of an article's reading order and the
        one before it, when the two speak of the same person (a shared name, or a pronoun after
        the unit that named a speaker): such a pair moves together or not at all."""
        out = np.zeros(len(rows))
        for k in range(1, len(rows)):
            u, v = rows[k], rows[k - 1]
            out[k] = name_weight * bool(self.mentions[u] & self.mentions[v]) + pronoun_weight * (self.pronoun[u] and self.speaker[v])
        return out
