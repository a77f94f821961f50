"""Region classification: GB/T 2260 regions an article is about, and foreign countries.

Score first (tasks/region_mentions.py finds mentions with position weights), then decide:

1. Evidence per region: each mention adds its position weight (dateline 2, headline 3,
   first paragraph 1.5, body 1), times `organisation` weight (0.3) when the name only
   starts an organisation's name; a multi-region term (京津冀) adds `multi` to each member;
   我市 / 本市 / 市委 add their weight to the home region (configured per source in
   sources.yaml, else the city the article names most).
2. Short county names (东丽 for 东丽区) and duplicated names (朝阳区 in 北京 and 长春) count
   only where the rest of the article supports their province: the candidate whose
   province has the most other evidence wins; with none, the mention is left out.
3. Evidence rolls up the hierarchy: a county's supports its prefecture and province.
4. primary_region: start at the province with most rolled-up evidence, then step down to
   the child with most evidence while that child dominates: its evidence is at least
   `descend_ratio` of the parent's own direct evidence and `sibling_ratio` times the
   next child's. No primary when the best province has less than `min_primary`, when
   another province has exactly as much (京津冀 alone), or when foreign places outweigh
   it `foreign_dominance` times.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from tasks.records import RegionMention, RegionResult
from tasks.region_gazetteer import COUNTRY, FULL, HOME, MULTI, SHORT, Gazetteer, gazetteer_version, load_gazetteer
from tasks.region_document import document_home_region  # noqa: F401  (public: called once per document)
from tasks.region_home import article_home
from tasks.region_mentions import Mention, PositionWeights, find_mentions
from tasks.schema import LEVEL_COUNTY, LEVEL_PROVINCE

GAZETTEER_VERSION = gazetteer_version()


@dataclass(frozen=True)
class RegionThresholds:
    """Evidence weights and decision thresholds; one visible place."""

    positions: PositionWeights = PositionWeights()
    organisation: float | None = None  # None: the weight in region_aliases.yaml
    multi: float = 0.5
    source_prior: float = 1.0  # a configured source's home region gets this much without any mention
    hint_prior: float = 1.0  # the document's home region (document_hint) gets this much without any mention
    descend_ratio: float = 0.8
    background_weight: float = 0.5  # share of home-term and prior evidence that counts against descending
    sibling_ratio: float = 2.0
    min_primary: float = 1.0
    foreign_dominance: float = 2.0


DEFAULT_REGION_THRESHOLDS = RegionThresholds()


class _Evidence:
    def __init__(self) -> None:
        self.direct: defaultdict[str, float] = defaultdict(float)
        self.background: defaultdict[str, float] = defaultdict(float)  # home terms and priors, part of direct
        self.count: Counter[str] = Counter()
        self.notes: list[str] = []

    def add(self, adcode: str, weight: float, count: int = 1, background: bool = False) -> None:
        self.direct[adcode] += weight
        self.count[adcode] += count
        if background:
            self.background[adcode] += weight


def _weight(mention: Mention, gazetteer: Gazetteer, t: RegionThresholds) -> float:
    org = gazetteer.org_weight if t.organisation is None else t.organisation
    return mention.position * (org if mention.in_organisation else 1.0)


def _province_context(gazetteer: Gazetteer, mentions: list[Mention], t: RegionThresholds) -> Counter[str]:
    """Evidence per province from unambiguous mentions other than short county names."""
    context: Counter[str] = Counter()
    for m in mentions:
        if m.kind in (FULL, SHORT, MULTI) and (m.kind == MULTI or len(m.payload) == 1):
            for code in m.payload:
                place = gazetteer.places[code]
                if m.kind == SHORT and place.level == LEVEL_COUNTY:
                    continue
                context[place.province] += _weight(m, gazetteer, t) * (t.multi if m.kind == MULTI else 1.0)
    return context


def _resolve(m: Mention, context: Counter[str], gazetteer: Gazetteer, home: str | None) -> str | None:
    """The one place a FULL/SHORT mention stands for, or None when the article does not support one."""
    codes = m.payload
    place = gazetteer.places[codes[0]]
    needs_context = len(codes) > 1 or (m.kind == SHORT and place.level == LEVEL_COUNTY)
    if not needs_context:
        return codes[0]
    support = {c: context[gazetteer.places[c].province] + (1.0 if home and home[:2] == c[:2] else 0.0) for c in codes}
    ranked = sorted(codes, key=lambda c: -support[c])
    if support[ranked[0]] <= 0 or (len(ranked) > 1 and support[ranked[0]] == support[ranked[1]]):
        return None
    return ranked[0]


def classify_regions(
    headline: str,
    paragraphs: list[str],
    source_file: str,
    dateline: str | None = None,
    thresholds: RegionThresholds = DEFAULT_REGION_THRESHOLDS,
    document_hint: str | None = None,
) -> RegionResult:
    """Chinese regions (GB/T 2260, most central first), the primary region and foreign countries of an article.

    `document_hint`: the home region of the whole document (adcode from
    `document_home_region`, computed once per document), used for 我市 / 本市 and as a
    small prior; a sources.yaml rule matching the source or the article overrides it.
    """
    gazetteer = load_gazetteer()
    t = thresholds
    headline, paragraphs = headline or "", [p for p in paragraphs or [] if p]
    mentions = find_mentions(gazetteer, headline, paragraphs, dateline, t.positions)
    context = _province_context(gazetteer, mentions, t)
    evidence, foreign, first_seen = _Evidence(), Counter(), {}
    home_terms = [m for m in mentions if m.kind == HOME]
    # Places first without the home region, so that an inferred home can be read off them.
    for order, m in enumerate(mentions):
        if m.kind == COUNTRY:
            foreign[m.payload] += m.position
        elif m.kind == MULTI:
            for code in m.payload:
                evidence.add(code, _weight(m, gazetteer, t) * t.multi)
                first_seen.setdefault(code, order)
            evidence.notes.append(f"{m.term}→{'+'.join(m.payload)}")
    for order, m in enumerate(mentions):
        if m.kind in (FULL, SHORT):
            code = _resolve(m, context, gazetteer, document_hint)
            if code is None:
                evidence.notes.append(f"unresolved {m.term}: {'|'.join(m.payload)}")
                continue
            evidence.add(code, _weight(m, gazetteer, t))
            first_seen.setdefault(code, order)
            if m.in_organisation:
                evidence.notes.append(f"{m.term}→{code} in an organisation's name (weak)")
    text = headline + "\n" + "\n".join(paragraphs)
    home, how = article_home(source_file, text, document_hint, evidence.direct, gazetteer, home_terms)
    if home:
        for m in home_terms:
            evidence.add(home, m.position * m.payload, background=True)
        first_seen.setdefault(home, len(mentions))
        if how.startswith("source"):
            evidence.add(home, t.source_prior, count=0, background=True)
    if document_hint in gazetteer.places and not how.startswith("source"):
        evidence.add(document_hint, t.hint_prior, count=0, background=True)
        first_seen.setdefault(document_hint, len(mentions))
        evidence.notes.append(f"document home region {document_hint} (prior {t.hint_prior})")
    if home and home_terms:
        evidence.notes.append(f"{'/'.join(sorted({m.term for m in home_terms}))}→{home} ({how})")
    rolled = gazetteer.rolled_up(evidence.direct)
    primary = _primary(evidence, rolled, gazetteer, t, sum(foreign.values()))
    order = sorted(evidence.direct, key=lambda c: (c != primary, -rolled[c], first_seen.get(c, 1 << 30)))
    regions = [RegionMention(c, gazetteer.places[c].name, gazetteer.places[c].level, evidence.count[c]) for c in order]
    summary = [f"{r.adcode} {r.name} score={evidence.direct[r.adcode]:.1f} mentions={r.mentions}" for r in regions]
    countries = [code for code, _ in foreign.most_common()]
    return RegionResult(regions=regions, primary_region=primary, countries=countries, evidence=summary + evidence.notes)


def _primary(evidence: _Evidence, rolled: dict[str, float], gazetteer: Gazetteer, t: RegionThresholds, foreign: float) -> str | None:
    """The documented rule of the module docstring, step 4; `rolled` is gazetteer.rolled_up(evidence.direct)."""
    direct = evidence.direct
    provinces = [c for c in rolled if gazetteer.places[c].level == LEVEL_PROVINCE]
    if not provinces:
        return None
    provinces.sort(key=lambda c: -rolled[c])
    node = provinces[0]
    if len(provinces) > 1 and rolled[provinces[1]] == rolled[node]:
        return None  # 京津冀 alone: several provinces with equal evidence
    if rolled[node] < t.min_primary or foreign >= t.foreign_dominance * rolled[node]:
        return None
    while True:
        children = sorted((c for c in gazetteer.children.get(node, ()) if rolled.get(c)), key=lambda c: -rolled[c])
        if not children:
            return node
        best = rolled[children[0]]
        runner_up = rolled[children[1]] if len(children) > 1 else 0.0
        # 我市 / 市委 and priors frame the article in its paper's city; they weigh less against a named district.
        own = direct.get(node, 0.0) - (1.0 - t.background_weight) * evidence.background.get(node, 0.0)
        if best < t.descend_ratio * own or best < t.sibling_ratio * runner_up:
            return node
        node = children[0]
