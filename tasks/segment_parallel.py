"""Parallel paragraph openers: paragraphs that enumerate on one template belong to one article.

News and reports walk through a list with paragraphs that open alike: `一是…/二是…`, `首先…/其次…`,
`第一，/第二，`, `(一)/(二)`, or a clause repeated around a varying slot (`在强机制方面，…`,
`在育链群方面，…`). Two stories on one topic share their vocabulary, so the language-model
ratio cannot tell them apart, but the other story does not share the frame of the enumeration.

A unit's opener is its opening clause (up to the first comma or colon, at most MAX_OPENER
characters). Two openers share a frame when they differ only in one slot of 1..MAX_SLOT
characters between a common prefix and suffix of at least MIN_FIXED characters together, or
when both open with members of one ordinal series (the later unit with a later member). Frames
are found on the page, never listed; stock openers (`今年以来`/`去年以来`, `记者了解到`/`记者注意到`),
speech (`某某表示`) and dates are left out, as every story has them.

Relabelling (tasks/segment_assign.py) adds PARALLEL_BONUS to a unit's score for each article that
holds an earlier unit (file order) of the same frame, ANNOUNCED_BONUS for each article whose head
or earlier unit names the unit's slot (a lead announcing `强机制、育链群…`), and SERIES_GLUE to the
cost of a change of label between two neighbours of one frame (an enumeration moves as a whole).
Measured on 100 scrambled `enumerated` pages x seeds 0-2, exact (tuning / held-out): .697/.703
without; PARALLEL_BONUS 0.6 alone .713/.734; with ANNOUNCED_BONUS 0.6 and SERIES_GLUE 0.4
.728/.742 (either alone .718/.720 tuning; PARALLEL_BONUS 0.4/1.0 .715/.718; SERIES_GLUE 1.0 .718).
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.segment_heads import lexicon

# mean log-ratio per sqrt(bigram) a unit gains for an article that holds an earlier unit of its frame
PARALLEL_BONUS = 0.6
ANNOUNCED_BONUS = 0.6  # the same, for an article whose head or earlier unit names the unit's slot
SERIES_GLUE = 0.4  # extra cost of a change of label between two neighbours of one frame
MAX_OPENER = 10  # characters of an opening clause that can be a frame
MAX_SLOT = 4  # characters of the varying slot
MIN_FIXED = 2  # characters the two openers share around the slot
# ordinal series of enumerated paragraphs, each member in its order
ORDINAL_SERIES = (
    ("一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是"),
    ("首先", "其次", "再次", "然后", "最后"),
    ("第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八"),
    ("其一", "其二", "其三", "其四", "其五"),
    ("(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)"),
    ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"),
    ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"),
    ("一方面", "另一方面"),
)
_NUMERALS = "一二三四五六七八"
_ALONE_AFTER = ("，", ",", "、", "：", ":")
_CLAUSE_END = re.compile(r"[，,：:；;。！？!?]")
_NOT_IN_FRAMES = re.compile(r"[0-9０-９]")  # dates and figures differ between any two stories
_NUMERAL_SLOT = re.compile(r"[零一二三四五六七八九十百千万亿两]")  # nor do quantities (十八公里/四十六公里)


@lru_cache(maxsize=1)
def _stock_openers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Openers every news story uses (two characters and more) and speech verbs."""
    lex = lexicon()
    openers = {w for key in ("paragraph_openers", "sentence_openers") for w in lex[key] if len(w) >= 2}
    return tuple(sorted(openers)), tuple(v for v in lex["speech_verbs"] if len(v) >= 2)


def _members_by_first_char() -> dict[str, tuple[tuple[int, int, str], ...]]:
    """(series, rank, member) of every series member, grouped by the member's first character,
    in series then rank order: a paragraph can open only with the members of its first character."""
    grouped: dict[str, list[tuple[int, int, str]]] = {}
    for s, series in enumerate(ORDINAL_SERIES):
        for rank, word in enumerate(series):
            grouped.setdefault(word[0], []).append((s, rank, word))
    return {char: tuple(members) for char, members in grouped.items()}


_MEMBERS_BY_FIRST_CHAR = _members_by_first_char()


def ordinal(text: str) -> tuple[int, int] | None:
    """(series, rank) of the ordinal the text opens with, the longest member first."""
    found = None
    for s, rank, word in _MEMBERS_BY_FIRST_CHAR.get(text[:1], ()):
        # 第一/其一 must stand alone (第一，), not open a word (第一批, 第二季度)
        alone = word[-1] not in _NUMERALS or text[len(word):len(word) + 1] in _ALONE_AFTER
        if text.startswith(word) and alone and (found is None or len(word) > found[2]):
            found = (s, rank, len(word))
    return found[:2] if found else None


def opener(text: str) -> str | None:
    """The opening clause that may be a frame, or None (no clause end soon, or a stock opener)."""
    body = text.strip()
    end = _CLAUSE_END.search(body, 0, MAX_OPENER + 1)
    if not end or end.start() < 2:
        return None
    clause = body[:end.start()]
    stock, speech = _stock_openers()
    if _NOT_IN_FRAMES.search(clause) or clause.startswith(stock) or any(v in clause for v in speech):
        return None
    return clause


def same_frame(a: str, b: str) -> bool:
    """True when two distinct openers differ only in one slot of 1..MAX_SLOT characters each
    between a shared prefix and suffix of at least MIN_FIXED characters together."""
    if a == b:
        return False
    prefix, suffix = _shared(a, b)
    slots = (a[prefix:len(a) - suffix], b[prefix:len(b) - suffix])
    return (prefix + suffix >= MIN_FIXED and all(1 <= len(slot) <= MAX_SLOT for slot in slots)
            and not any(_NUMERAL_SLOT.search(slot) for slot in slots))


def _shared(a: str, b: str) -> tuple[int, int]:
    """Lengths of the common prefix and of the common suffix after it."""
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    return prefix, suffix


class ParallelOpeners:
    """Which paragraph units open on the frame of which earlier units."""

    def __init__(self, unit_texts: list[str], order: list[int], head_texts: list[str] = ()):
        """`order`: the units in file order (earlier units vouch for later ones)."""
        openers = [opener(t) for t in unit_texts]
        ordinals = [ordinal(t.strip()) for t in unit_texts]
        self.earlier: dict[int, list[int]] = {}  # unit -> earlier units of its frame
        slots: dict[int, set[str]] = {}
        seen: list[int] = []
        for u in order:
            matches = []
            # a unit with neither an ordinal nor an opener can match no earlier unit
            for v in seen if ordinals[u] or openers[u] else ():
                if _follows(ordinals[u], ordinals[v]):
                    matches.append(v)
                elif openers[u] and openers[v] and same_frame(openers[u], openers[v]):
                    matches.append(v)
                    for w, other in ((u, openers[v]), (v, openers[u])):
                        slots.setdefault(w, set()).add(_slot(openers[w], other))
            if matches:
                self.earlier[u] = matches
            seen.append(u)
        self.partners = {frozenset((u, v)) for u, vs in self.earlier.items() for v in vs}
        # unit -> (earlier units, heads) that name one of its slots: a lead announcing the series
        self.announced: dict[int, tuple[list[int], list[int]]] = {}
        for u, found in slots.items():
            named = [s for s in found if len(s) >= 2]
            before = order[:order.index(u)]
            units = [v for v in before if v not in slots and any(s in unit_texts[v] for s in named)]
            heads = [a for a, head in enumerate(head_texts) if any(s in head for s in named)]
            if units or heads:
                self.announced[u] = (units, heads)
        self.active = bool(self.earlier)

    def bonuses(self, label: list[int], label_sets: list[list[int]], home: list[int],
                moves: dict[int, list[float]] | None = None,
                stays: dict[int, float] | None = None) -> tuple[dict[int, list[float]], dict[int, float]]:
        """Per unit, the bonus for each of its labels (as `label_sets`) and the bonus for staying
        home, from the articles that now hold an earlier unit of its frame or announce its slot;
        added to copies of other evidence's `moves` and `stays` when given."""
        moves, stays = dict(moves or {}), dict(stays or {})
        for u, matches in self.earlier.items():
            self._add(u, {label[v] for v in matches}, PARALLEL_BONUS, label_sets, home, moves, stays)
        for u, (units, heads) in self.announced.items():
            self._add(u, {label[v] for v in units} | set(heads), ANNOUNCED_BONUS, label_sets, home, moves, stays)
        return moves, stays

    @staticmethod
    def _add(u: int, holders: set[int], bonus: float, label_sets: list[list[int]], home: list[int],
             moves: dict[int, list[float]], stays: dict[int, float]) -> None:
        found = [bonus if l in holders else 0.0 for l in label_sets[u]]
        if any(found):
            moves[u] = [a + b for a, b in zip(moves.get(u, [0.0] * len(found)), found)]
        if home[u] in holders:
            stays[u] = stays.get(u, 0.0) + bonus

    def glue(self, rows: list[int], glue: list[float] | None) -> list[float] | None:
        """`glue` (per row, the extra cost of a change of label before it) plus SERIES_GLUE where a
        row and the one before it open on one frame: an enumeration moves together or not at all."""
        if not SERIES_GLUE:
            return glue
        out = list(glue) if glue is not None else [0.0] * len(rows)
        for k in range(1, len(rows)):
            if frozenset((rows[k], rows[k - 1])) in self.partners:
                out[k] += SERIES_GLUE
        return out


def _slot(clause: str, other: str) -> str:
    """The part of `clause` that differs from `other`, an opener of the same frame."""
    prefix, suffix = _shared(clause, other)
    return clause[prefix:len(clause) - suffix]


def _follows(later: tuple[int, int] | None, earlier: tuple[int, int] | None) -> bool:
    """The later unit's ordinal comes after the earlier unit's in one series."""
    return bool(later and earlier and later[0] == earlier[0] and later[1] > earlier[1])
