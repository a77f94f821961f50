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
class Lexicons:
    """Compiled patterns of tasks/data/lexicons.yaml."""

    version: str
    boilerplate: tuple[tuple[str, re.Pattern[str], int], ...]  # (kind, pattern, max chars)
    boilerplate_blocks: re.Pattern[str]
    metadata: tuple[tuple[str, re.Pattern[str]], ...]  # (field, pattern), in priority order
    metadata_joined: tuple[tuple[str, re.Pattern[str]], ...]  # labels glued to the value before them
    caption: re.Pattern[str]
    caption_position: re.Pattern[str]  # where a person stands in a photo: （左）, 前排左三
    caption_scene: re.Pattern[str]  # words that describe a photo: 图中, 合影, 在田间查看 ...
    kicker: re.Pattern[str]  # a kicker line naming who speaks: 某代表建议
    continuation: re.Pattern[str]
    furniture: re.Pattern[str]


def _join(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=4)
def load_lexicons(path: Path = LEXICON_PATH) -> Lexicons:
    """Load and validate (JSON Schema) the lexicon file; compiled patterns are cached."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(LEXICON_SCHEMA_PATH.read_text(encoding="utf-8")))
    limits = data["boilerplate_max_chars"]
    return Lexicons(
        version=data["version"],
        boilerplate=tuple(
            (kind, _join(patterns), int(limits.get(kind, DEFAULT_MAX_CHARS)))
            for kind, patterns in data["boilerplate"].items()
        ),
        boilerplate_blocks=_join(data["boilerplate_blocks"]),
        metadata=tuple((name, _join(patterns)) for name, patterns in data["metadata"].items()),
        metadata_joined=tuple((name, _join(patterns)) for name, patterns in data.get("metadata_joined", {}).items()),
        caption=_join(data["caption"]),
        caption_position=_join(data["caption_position"]),
        caption_scene=_join(data["caption_scene"]),
        kicker=_join(data["kicker"]),
        continuation=_join(data["continuation"]),
        furniture=_join(data["furniture"]),
    )


def lexicons_version() -> str:
    """Version string of the lexicon file, for the dataset manifest."""
    return load_lexicons().version
