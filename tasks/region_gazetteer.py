"""The region gazetteer: GB/T 2260 divisions from the cpca package, plus our alias data.

Codes and names come only from cpca's resources/adcodes.csv (12-digit codes, the first
six are GB/T 2260); hierarchy and level are read off the code. Short names (天津市 -> 天津)
are derived by stripping administrative suffixes, kept only when at least two characters
long, unambiguous and not an ordinary word (region_aliases.yaml). Abbreviations,
multi-region terms and foreign names come from tasks/data/*.yaml.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import ahocorasick

from tasks.config import DATA_DIR, ConfigError, file_digest, load_checked_yaml
from tasks.term_scan import TermScanner
from tasks.schema import LEVEL_COUNTY, LEVEL_PREFECTURE, LEVEL_PROVINCE

ALIASES_FILE = DATA_DIR / "region_aliases.yaml"
COUNTRIES_FILE = DATA_DIR / "countries.yaml"

# Kinds of surface forms in the automaton.
FULL, SHORT, MULTI, HOME, COUNTRY, NOT_PLACE = "full", "short", "multi", "home", "country", "not_place"

# Rows of the csv that are grouping nodes, not places (市辖区, 省直辖县级行政区划, 县).
_GROUPING = re.compile(r"^(市辖区|县|.*直辖县级行政区划)$")
_PROVINCE_SUFFIX = r"(省|市|特别行政区|自治区)$"
_PREFECTURE_SUFFIX = r"(市|地区|盟|自治州)$"
_COUNTY_SUFFIX = r"(市|区|县|旗|自治县|自治旗|特区|林区)$"


@dataclass(frozen=True)
class Place:
    adcode: str  # six digits
    name: str
    level: str

    @property
    def province(self) -> str:
        return self.adcode[:2] + "0000"

    @property
    def prefecture(self) -> str | None:
        return None if self.level == LEVEL_PROVINCE else self.adcode[:4] + "00"


@dataclass
class Gazetteer:
    places: dict[str, Place]
    # surface form -> (kind, payload): FULL/SHORT -> tuple of adcodes (several when
    # ambiguous), MULTI -> tuple of adcodes, HOME -> weight, COUNTRY -> alpha-2.
    automaton: ahocorasick.Automaton
    org_suffixes: tuple[str, ...]
    org_max_gap: int
    org_weight: float
    version: str
    children: dict[str, list[str]] = field(default_factory=dict)
    # The same terms as `automaton`, for scans (iter_long); None: scans use `automaton` itself.
    scanner: TermScanner | None = None

    def parent(self, adcode: str) -> str | None:
        """The nearest existing ancestor: county -> prefecture (or province in municipalities)."""
        place = self.places[adcode]
        if place.level == LEVEL_COUNTY and place.prefecture in self.places:
            return place.prefecture
        return None if place.level == LEVEL_PROVINCE else place.province

    def rolled_up(self, direct: dict[str, float]) -> dict[str, float]:
        """Evidence per place plus that of all places below it: a county's counts for its prefecture and province."""
        rolled: dict[str, float] = {}
        for code, weight in direct.items():
            node: str | None = code
            while node:
                rolled[node] = rolled.get(node, 0.0) + weight
                node = self.parent(node)
        return rolled


def cpca_adcodes_path() -> Path:
    """adcodes.csv inside the installed cpca distribution (found without importing cpca)."""
    path = Path(str(metadata.distribution("cpca").locate_file("cpca/resources/adcodes.csv")))
    if not path.exists():
        raise ConfigError(f"{path}: cpca gazetteer file not found")
    return path


def _nations(adcodes: Path) -> list[str]:
    text = (adcodes.parent / "56_nations.csv").read_text(encoding="utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip()]
    # 维吾尔族 appears in names as 维吾尔; strip with and without 族, longest first.
    return sorted({n for name in names for n in (name, name.removesuffix("族"))}, key=len, reverse=True)


def _short_name(name: str, level: str, nations: list[str]) -> str:
    suffix = {LEVEL_PROVINCE: _PROVINCE_SUFFIX, LEVEL_PREFECTURE: _PREFECTURE_SUFFIX}.get(level, _COUNTY_SUFFIX)
    short = re.sub(suffix, "", name)
    if short != name and ("自治" in name):
        changed = True
        while changed:  # 广西壮族 -> 广西, 延边朝鲜族 -> 延边, 景宁畲族 -> 景宁
            changed = False
            for nation in nations:
                if short.endswith(nation) and len(short) > len(nation) + 1:
                    short, changed = short[: -len(nation)], True
    return short


def _level(adcode: str) -> str:
    if adcode.endswith("0000"):
        return LEVEL_PROVINCE
    return LEVEL_PREFECTURE if adcode.endswith("00") else LEVEL_COUNTY


def _read_places(path: Path) -> dict[str, Place]:
    places = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code, name = row["adcode"][:6], row["name"].strip()
            if not _GROUPING.match(name):
                places[code] = Place(code, name, _level(code))
    return places


def _surface_forms(places: dict[str, Place], nations: list[str], common_words: set[str]) -> dict[str, tuple]:
    full: dict[str, list[str]] = {}
    for place in places.values():
        full.setdefault(place.name, []).append(place.adcode)
    short: dict[str, list[str]] = {}
    for place in places.values():
        form = _short_name(place.name, place.level, nations)
        if form != place.name and len(form) >= 2 and form not in common_words:
            short.setdefault(form, []).append(place.adcode)
    forms: dict[str, tuple] = {name: (FULL, tuple(codes)) for name, codes in full.items() if name not in common_words}
    for form, codes in short.items():
        if form in forms:
            continue  # a full name wins over another place's short form
        levels = {places[c].level for c in codes}
        if len(codes) > 1 and LEVEL_PROVINCE in levels:
            # 吉林省 / 吉林市: the short form names the province.
            codes = [c for c in codes if places[c].level == LEVEL_PROVINCE]
        if len(codes) == 1:
            forms[form] = (SHORT, tuple(codes))
    return forms


def _resolve_name(name: str, forms: dict[str, tuple], abbreviations: dict[str, str], where: str) -> str:
    name = abbreviations.get(name, name)
    kind, codes = forms.get(name, (None, ()))
    if kind not in (FULL, SHORT) or len(codes) != 1:
        raise ConfigError(f"{ALIASES_FILE}: field '{where}': '{name}' is not a unique place in the gazetteer")
    return codes[0]


@lru_cache(maxsize=1)
def gazetteer_version() -> str:
    """The gazetteer's version (cpca release, its data and our alias files), without building it:
    a rerun with nothing changed only compares versions."""
    aliases, countries = load_checked_yaml(ALIASES_FILE), load_checked_yaml(COUNTRIES_FILE)
    return (f"cpca-{metadata.version('cpca')}+{file_digest(cpca_adcodes_path())}"
            f"+aliases-{aliases['version']}+countries-{countries['version']}+{file_digest(ALIASES_FILE, COUNTRIES_FILE)}")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process from cpca and tasks/data/{region_aliases,countries}.yaml."""
    adcodes = cpca_adcodes_path()
    aliases = load_checked_yaml(ALIASES_FILE)
    countries = load_checked_yaml(COUNTRIES_FILE)
    places = _read_places(adcodes)
    forms = _surface_forms(places, _nations(adcodes), set(aliases["common_words"]))
    abbreviations = aliases["abbreviations"]
    for char, name in abbreviations.items():
        _resolve_name(name, forms, {}, f"abbreviations/{char}")
    entries: dict[str, tuple] = dict(forms)
    for term, members in aliases["multi_regions"].items():
        codes = tuple(dict.fromkeys(_resolve_name(m, forms, abbreviations, f"multi_regions/{term}") for m in members))
        entries[term] = (MULTI, codes)
    for term, weight in aliases["home_terms"].items():
        entries[term] = (HOME, float(weight))
    for term, alpha2 in countries["countries"].items():
        entries.setdefault(term, (COUNTRY, alpha2))
    for term in aliases["not_places"]:
        entries[term] = (NOT_PLACE, None)
    automaton = ahocorasick.Automaton()
    for term, entry in entries.items():
        automaton.add_word(term, (term,) + entry)
    automaton.make_automaton()
    org = aliases["organisations"]
    gazetteer = Gazetteer(places, automaton, tuple(org["suffixes"]), int(org["max_gap"]), float(org["weight"]), gazetteer_version())
    gazetteer.scanner = TermScanner(automaton.items())
    for code in places:
        parent = gazetteer.parent(code)
        if parent:
            gazetteer.children.setdefault(parent, []).append(code)
    return gazetteer
