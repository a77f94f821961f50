"""The home region of a whole document (a newspaper page, a web page): where its 我市 / 本市 point.

Called once per document; the answer is passed to classify_regions as `document_hint`.
Evidence, strongest first:

1. a user rule of sources.yaml (file glob or text regex): the user knows best;
2. a newspaper or news site of sources.yaml named in the text (masthead, 来源：, 本报讯 lines);
   several: the most-named, a tie between homes gives no answer from this step;
3. the place mentions of the whole page: the province that clearly dominates them
   (multi-region terms such as 京津冀 do not tell the members apart and are left out)
   (`DocumentHomeThresholds`), narrowed to one of its cities when that city holds most of
   the province's evidence (a city paper writes 我市).
Otherwise None: the home region is then inferred per article.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tasks.region_gazetteer import FULL, SHORT, load_gazetteer
from tasks.region_home import configured_home, default_newspapers
from tasks.region_mentions import PositionWeights, find_mentions
from tasks.term_scan import TermScanner
from tasks.schema import LEVEL_COUNTY, LEVEL_PREFECTURE

# A site name ending in 网 followed by one of these is an ordinary word (大众网友, 北方网络).
_NOT_AFTER_SITE = set("友络民店购格点站页红球关民购")
_MUNICIPALITIES = ("11", "12", "31", "50")
_FLAT = PositionWeights(dateline=1.0, headline=1.0, first_paragraph=1.0, body=1.0)


@dataclass(frozen=True)
class DocumentHomeThresholds:
    """When the page's own place mentions make a home region; one visible place."""

    min_evidence: float = 3.0  # the dominant province needs at least this much mention weight
    min_evidence_alone: float = 2.0  # ... or this much when no other province is named at all
    dominance: float = 1.5  # ... this many times the runner-up province
    min_share: float = 0.4  # ... and this share of all Chinese place evidence on the page
    city_share: float = 0.6  # a city is the home when it holds this share of its province's evidence


DEFAULT_DOCUMENT_THRESHOLDS = DocumentHomeThresholds()


@lru_cache(maxsize=1)
def _newspaper_automaton() -> TermScanner:
    # Scanned on whole pages only, where replacing the characters of no name (one array pass) takes
    # about 40 % off the scan even with ~100 first characters at the root.
    return TermScanner(((name, (name, code)) for name, code in default_newspapers().items()), min_first_chars=0)


def newspaper_home(text: str) -> str | None:
    """Home adcode of the newspaper the text names most, or None (none named, or a tie between homes)."""
    counts: Counter[str] = Counter()
    for end, (name, code) in _newspaper_automaton().iter_long(text):
        if name.endswith("网") and text[end + 1 : end + 2] in _NOT_AFTER_SITE:
            continue
        counts[code] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def dominant_region(texts: list[str], t: DocumentHomeThresholds = DEFAULT_DOCUMENT_THRESHOLDS) -> str | None:
    """The province (or one of its cities) that clearly dominates the place mentions of the texts."""
    gazetteer = load_gazetteer()
    province: Counter[str] = Counter()
    city: Counter[str] = Counter()
    for m in find_mentions(gazetteer, "", texts, None, _FLAT):
        if m.kind not in (FULL, SHORT) or len(m.payload) != 1:
            continue  # ambiguous names (朝阳区) say nothing on their own
        place = gazetteer.places[m.payload[0]]
        if m.kind == SHORT and place.level == LEVEL_COUNTY:
            continue  # short county names (东丽) are too often other words
        weight = gazetteer.org_weight if m.in_organisation else 1.0
        province[place.province] += weight
        if place.level == LEVEL_PREFECTURE:
            city[place.adcode] += weight
        elif place.level == LEVEL_COUNTY and place.prefecture in gazetteer.places:
            city[place.prefecture] += weight
    ranked = province.most_common(2)
    if not ranked:
        return None
    best, evidence = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    total = sum(province.values())
    # A page whose every place lies in one province needs less (a web page's 发布于 / 编辑 lines).
    needed = t.min_evidence_alone if runner_up == 0 else t.min_evidence
    if evidence < needed or evidence < t.dominance * runner_up or evidence < t.min_share * total:
        return None
    if best[:2] in _MUNICIPALITIES:
        return best
    cities = [(code, value) for code, value in city.items() if code[:2] == best[:2]]
    if cities:
        code, value = max(cities, key=lambda pair: pair[1])
        if value >= t.city_share * evidence:
            return code
    return best


def document_home_region(
    texts: list[str], source_file: str, thresholds: DocumentHomeThresholds = DEFAULT_DOCUMENT_THRESHOLDS
) -> str | None:
    """Home region (adcode) of a whole document from all its text lines, or None; see the module docstring."""
    text = "\n".join(texts)
    rule = configured_home(source_file, text)
    if rule:
        return rule.home_adcode
    return newspaper_home(text) or dominant_region(texts, thresholds)
