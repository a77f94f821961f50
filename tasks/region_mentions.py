"""Finding place mentions in an article: gazetteer matches weighted by where they stand.

A mention's weight says how much it tells about where the article is: its position
(dateline, headline, first paragraph), whether the name only starts an organisation's
name (天津大学: weaker), whether it is a street (南京路: not the city).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from tasks.region_gazetteer import NOT_PLACE, Gazetteer

# Matched with pattern.match(text, pos) right after a name: no "^" (it would not match at pos) and
# no slicing of the rest of the text (which made every mention cost the length of its paragraph).
_STREET = re.compile(r"[东西南北中]?(路|街|大街|大道|胡同|巷|里\d)")
_DATELINE_DATE = re.compile(r"\d{1,2}月\d{1,2}日(电|讯)?")
_PUNCTUATION = set("，。、；：！？,.;:!?（）()《》“”\"'　 \t【】[]—")
# Characters that end a noun phrase: 东丽区的天津平高…有限公司 is not an organisation named after 东丽区.
_PHRASE_BREAKS = _PUNCTUATION | set("的和与及在是为了对把将从向等")


@dataclass(frozen=True)
class PositionWeights:
    """Weight of a mention by where it stands; one visible place."""

    dateline: float = 2.0
    headline: float = 3.0
    first_paragraph: float = 1.5
    body: float = 1.0
    dateline_window: int = 16  # a place this close to the first paragraph's start, followed by a date, is a dateline


class Mention(NamedTuple):
    """One gazetteer match (a named tuple: built tens of thousands of times per run, cheaply)."""

    term: str
    kind: str  # FULL, SHORT, MULTI, HOME or COUNTRY
    payload: object  # adcodes, a home weight or an alpha-2 code
    part: str  # "dateline", "headline" or "p<index>"
    position: float  # part weight
    in_organisation: bool


@lru_cache(maxsize=8)
def _organisation_pattern(suffixes: tuple[str, ...], max_gap: int) -> re.Pattern[str]:
    """An organisation suffix at most `max_gap` characters on, with no phrase break before it."""
    not_break = "[^" + "".join(re.escape(ch) for ch in sorted(_PHRASE_BREAKS)) + "]"
    return re.compile(f"{not_break}{{0,{max_gap}}}(?:{'|'.join(map(re.escape, suffixes))})")


_CACHED_TEXT_CHARS = 2000  # longer texts are scanned each time: the cache must stay small (flat memory)
_CACHED_TEXTS = 1024
# (scanner, text) -> matches, oldest first. About half of an article's paragraphs are source lines
# unchanged, which document_home_region has already scanned.
_match_cache: dict[tuple[object, str], tuple] = {}


def _matches_each(scanner, texts: list[str]) -> list[tuple]:
    """The automaton's leftmost-longest matches in each of `texts`: remembered ones for short texts,
    the others scanned together (TermScanner.matches_each maps their characters in one pass)."""
    key = scanner  # the object itself (as lru_cache keyed it): an id could be reused by a new scanner
    found = [_match_cache.get((key, text)) if len(text) <= _CACHED_TEXT_CHARS else None for text in texts]
    missing = [i for i, matches in enumerate(found) if matches is None]
    if not missing:
        return found
    if hasattr(scanner, "matches_each"):
        scanned = scanner.matches_each([texts[i] for i in missing])
    else:  # a plain automaton
        scanned = [tuple(scanner.iter_long(texts[i])) for i in missing]
    for i, matches in zip(missing, scanned):
        found[i] = matches
        if len(texts[i]) <= _CACHED_TEXT_CHARS:
            if len(_match_cache) >= _CACHED_TEXTS:
                _match_cache.pop(next(iter(_match_cache), None), None)  # the oldest
            _match_cache[(key, texts[i])] = matches
    return found


def _parts(headline: str, paragraphs: list[str], dateline: str | None, weights: PositionWeights):
    if dateline:
        yield "dateline", dateline, weights.dateline
    if headline:
        yield "headline", headline, weights.headline
    for index, paragraph in enumerate(paragraphs):
        yield f"p{index}", paragraph, weights.first_paragraph if index == 0 else weights.body


def find_mentions(
    gazetteer: Gazetteer, headline: str, paragraphs: list[str], dateline: str | None, weights: PositionWeights
) -> list[Mention]:
    """Every gazetteer match in reading order, leftmost-longest, with its position weight."""
    mentions = []
    scanner = gazetteer.scanner or gazetteer.automaton
    organisation = _organisation_pattern(gazetteer.org_suffixes, gazetteer.org_max_gap)
    parts = list(_parts(headline, paragraphs, dateline, weights))
    for (part, text, position), matches in zip(parts, _matches_each(scanner, [text for _, text, _ in parts])):
        for end, (term, kind, payload) in matches:
            if term.endswith("市") and text[end + 1 : end + 2] == "场":
                # 临海市场 is a seaside market, 天津市场 the Tianjin market: only the name before 市 counts.
                term, end = term[:-1], end - 1
                kind, payload = gazetteer.automaton.get(term, (term, NOT_PLACE, None))[1:]
            if kind == NOT_PLACE or _STREET.match(text, end + 1):
                continue
            start = end - len(term) + 1
            weight = position
            if part == "p0" and start < weights.dateline_window and _DATELINE_DATE.match(text, end + 1):
                weight = max(position, weights.dateline)
            # An organisation's suffix follows: the name only starts the organisation's name (weaker).
            mentions.append(Mention(term, kind, payload, part, weight, organisation.match(text, end + 1) is not None))
    return mentions
