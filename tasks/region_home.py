"""A source's home region (where 我市 / 本市 point), from tasks/data/sources.yaml.

User rules match by a glob on the source file path or by a regex on the text; the first
matching rule wins. Newspapers (name -> home adcode) are the shipped knowledge that
tasks/region_document.py reads a page's home region from. See sources.yaml.
article_home decides where an article's 我市 / 本省 point: a rule, the page's home, or the
article's most-named city or province.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from tasks.config import DATA_DIR, ConfigError, load_checked_yaml
from tasks.schema import LEVEL_COUNTY, LEVEL_PROVINCE

SOURCES_FILE = DATA_DIR / "sources.yaml"
_MUNICIPALITIES = ("11", "12", "31", "50")


@dataclass(frozen=True)
class SourceRule:
    name: str
    home_adcode: str
    source_file_glob: str | None = None
    text_regex: re.Pattern | None = None

    def matches(self, source_file: str, text: str) -> bool:
        if self.source_file_glob:
            path = PurePosixPath(source_file or "")
            if fnmatch.fnmatch(str(path), self.source_file_glob) or fnmatch.fnmatch(path.name, self.source_file_glob):
                return True
        return bool(self.text_regex and self.text_regex.search(text))


def load_source_rules(path: Path = SOURCES_FILE, known_adcodes: frozenset[str] | None = None) -> tuple[SourceRule, ...]:
    """Rules of a sources file; a bad regex or an unknown adcode raises ConfigError naming the rule."""
    data = load_checked_yaml(path, DATA_DIR / "sources.schema.json")
    load_newspapers(path, known_adcodes, data)
    rules = []
    for index, entry in enumerate(data["sources"]):
        try:
            regex = re.compile(entry["text_regex"]) if entry.get("text_regex") else None
        except re.error as exc:
            raise ConfigError(f"{path}: field 'sources/{index}/text_regex': {exc}") from exc
        if known_adcodes is not None and entry["home_adcode"] not in known_adcodes:
            raise ConfigError(f"{path}: field 'sources/{index}/home_adcode': {entry['home_adcode']} not in the gazetteer")
        rules.append(SourceRule(entry["name"], entry["home_adcode"], entry.get("source_file_glob"), regex))
    return tuple(rules)


def load_newspapers(
    path: Path = SOURCES_FILE, known_adcodes: frozenset[str] | None = None, data: dict | None = None
) -> dict[str, str]:
    """Newspaper or news-site name -> home adcode; a name listed under two homes raises ConfigError."""
    data = data if data is not None else load_checked_yaml(path, DATA_DIR / "sources.schema.json")
    homes: dict[str, str] = {}
    for index, entry in enumerate(data.get("newspapers", [])):
        code = entry["home_adcode"]
        if known_adcodes is not None and code not in known_adcodes:
            raise ConfigError(f"{path}: field 'newspapers/{index}/home_adcode': {code} not in the gazetteer")
        for name in entry["names"]:
            if homes.get(name, code) != code:
                raise ConfigError(f"{path}: field 'newspapers/{index}/names': {name} already listed under {homes[name]}")
            homes[name] = code
    return homes


@lru_cache(maxsize=1)
def default_newspapers() -> dict[str, str]:
    """The shipped newspaper homes, checked against the gazetteer, loaded once per process."""
    from tasks.region_gazetteer import load_gazetteer

    return load_newspapers(SOURCES_FILE, frozenset(load_gazetteer().places))


@lru_cache(maxsize=1)
def default_source_rules() -> tuple[SourceRule, ...]:
    """The shipped source rules, checked against the gazetteer, loaded once per process."""
    from tasks.region_gazetteer import load_gazetteer

    return load_source_rules(SOURCES_FILE, frozenset(load_gazetteer().places))


def configured_home(source_file: str, text: str, rules: tuple[SourceRule, ...] | None = None) -> SourceRule | None:
    """The first rule matching this source file or text, or None."""
    for rule in default_source_rules() if rules is None else rules:
        if rule.matches(source_file, text):
            return rule
    return None


def article_home(source_file: str, text: str, hint: str | None, direct: dict[str, float], gazetteer, home_terms: list) -> tuple[str | None, str]:
    """(home adcode, how it was found) for 我市 / 本省: a sources.yaml rule, else the document hint, else the article.

    `direct`: the article's evidence per place so far (home terms not yet counted);
    `home_terms`: its 我市 / 本省 mentions (tasks.region_mentions.Mention).
    """
    rule = configured_home(source_file, text)
    if rule:
        return rule.home_adcode, f"source rule '{rule.name}'"
    if hint and hint not in gazetteer.places:
        hint = None
    if not home_terms:
        return (hint, "document hint") if hint else (None, "")
    wants_province = any("省" in m.term for m in home_terms)
    if hint:
        place = gazetteer.places[hint]
        if wants_province:
            return place.province, "document hint"
        if place.level != LEVEL_PROVINCE or hint[:2] in _MUNICIPALITIES:
            return hint, "document hint"
        # 我市 on a provincial paper's page: the article's most-named city of that province.
    rolled = gazetteer.rolled_up(direct)

    def fits(code: str) -> bool:
        place = gazetteer.places[code]
        if hint and code[:2] != hint[:2]:
            return False
        if wants_province:
            return place.level == LEVEL_PROVINCE and not place.name.endswith("市")
        return place.level != LEVEL_COUNTY and place.name.endswith("市")  # 天津市 or 武汉市

    candidates = [code for code in rolled if fits(code)]
    if not candidates:
        return (hint, "document hint") if hint and wants_province else (None, "")
    candidates.sort(key=lambda c: -rolled[c])
    if len(candidates) > 1 and rolled[candidates[0]] == rolled[candidates[1]]:
        return None, ""  # 我市 after 京津冀 alone: no way to tell which city
    return candidates[0], "inferred: the article's most-named " + ("province" if wants_province else "city")
