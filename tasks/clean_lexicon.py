"""The line-role lexicons (tasks/data/lexicons.yaml): loading, JSON Schema validation, compiled patterns."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml

LEXICON_PATH = Path(__file__).parent / "data" / "lexicons.yaml"
LEXICON_SCHEMA_PATH = Path(__file__).parent / "data" / "lexicons.schema.json"
DEFAULT_MAX_CHARS = 80  # a boilerplate kind without its own limit decides on lines up to this long


@dataclass(frozen=True)
class PatternGroup:
    """A lexicon group's patterns, searched as their alternation `(?:p1)|(?:p2)|…`: the leftmost match, the
    earliest pattern on a tie. Unanchored patterns are searched one by one: each keeps the fast scan of `re`
    (a literal prefix) that a joined alternation loses, 2-3x faster on a page's lines. A group whose patterns
    are all anchored at the line's start (`^`) is cheapest searched joined; the match is the same either way."""

    patterns: tuple[re.Pattern[str], ...]
    joined: re.Pattern[str]
    one_by_one: bool

    def search(self, text: str) -> re.Match[str] | None:
        """The match the joined alternation's `search` gives (same span), or None."""
        if not self.one_by_one:
            return self.joined.search(text)
        leftmost = None
        for pattern in self.patterns:
            match = pattern.search(text)
            if match and (leftmost is None or match.start() < leftmost.start()):
                leftmost = match
                if not match.start():
                    break  # no later pattern can start earlier, and a tie goes to the earlier one
        return leftmost


@dataclass(frozen=True)
class Lexicons:
    """Compiled patterns of tasks/data/lexicons.yaml."""

    version: str
    boilerplate: tuple[tuple[str, PatternGroup, int], ...]  # (kind, patterns, max chars)
    boilerplate_blocks: PatternGroup
    metadata: tuple[tuple[str, PatternGroup], ...]  # (field, patterns), in priority order
    metadata_joined: tuple[tuple[str, PatternGroup], ...]  # labels glued to the value before them
    caption: PatternGroup
    caption_position: PatternGroup  # where a person stands in a photo: （左）, 前排左三
    caption_scene: PatternGroup  # words that describe a photo: 图中, 合影, 在田间查看 ...
    kicker: PatternGroup  # a kicker line naming who speaks: 某代表建议
    continuation: PatternGroup
    furniture: PatternGroup


def _group(patterns: list[str]) -> PatternGroup:
    one_by_one = len(patterns) > 1 and not all(p.startswith("^") for p in patterns)
    return PatternGroup(tuple(re.compile(p) for p in patterns), re.compile("|".join(f"(?:{p})" for p in patterns)),
                        one_by_one)


@lru_cache(maxsize=4)
def load_lexicons(path: Path = LEXICON_PATH) -> Lexicons:
    """Load and validate (JSON Schema) the lexicon file; compiled patterns are cached."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(LEXICON_SCHEMA_PATH.read_text(encoding="utf-8")))
    limits = data["boilerplate_max_chars"]
    return Lexicons(
        version=data["version"],
        boilerplate=tuple(
            (kind, _group(patterns), int(limits.get(kind, DEFAULT_MAX_CHARS)))
            for kind, patterns in data["boilerplate"].items()
        ),
        boilerplate_blocks=_group(data["boilerplate_blocks"]),
        metadata=tuple((name, _group(patterns)) for name, patterns in data["metadata"].items()),
        metadata_joined=tuple((name, _group(patterns)) for name, patterns in data.get("metadata_joined", {}).items()),
        caption=_group(data["caption"]),
        caption_position=_group(data["caption_position"]),
        caption_scene=_group(data["caption_scene"]),
        kicker=_group(data["kicker"]),
        continuation=_group(data["continuation"]),
        furniture=_group(data["furniture"]),
    )


def lexicons_version() -> str:
    """Version string of the lexicon file, for the dataset manifest."""
    return load_lexicons().version
