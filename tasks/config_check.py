"""Check every shipped configuration file before a run does any work.

Each YAML data file of tasks/data/ is loaded through the loader that the pipeline uses (so
its JSON Schema and its own checks apply: regexes compile, adcodes exist), and the
validation suites of expectations/ are parsed. Every problem becomes one line naming the
file and the field; all of them are raised together as one ConfigError, so a user fixes
them in one go. Nothing here imports the modules that load their data at import time
(themes, regions, segment_heads): a broken file must give this message, not a traceback.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import yaml

from tasks import config
from tasks.config import ConfigError, load_checked_yaml

# segment_lexicon.yaml has no schema file of its own yet; this is the rule its loader
# (tasks/segment_heads.py: lexicon) enforces, written as a schema.
SEGMENT_LEXICON_SCHEMA = {
    "type": "object",
    "required": ["version"],
    "properties": {"version": {"type": ["string", "number"]}},
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


def _check_themes(path: Path) -> None:
    from tasks.theme_lexicon import IPTC_SCHEMA, load_themes

    load_checked_yaml(path, IPTC_SCHEMA)
    load_themes(path)


def _check_topics(path: Path) -> None:
    from tasks.theme_lexicon import TOPICS_SCHEMA, load_themes, load_topics

    load_checked_yaml(path, TOPICS_SCHEMA)
    themes = {category.code for category in load_themes().categories}
    for index, topic in enumerate(load_topics(path).categories):
        if topic.parent not in themes:
            raise ConfigError(f"{path}: field 'topics/{index}/parent': {topic.parent} is not an IPTC theme code")


def _check_gazetteer_file(path: Path) -> None:
    """Schema of region_aliases.yaml / countries.yaml; names are resolved by load_gazetteer (shipped files)."""
    load_checked_yaml(path, config.DATA_DIR / config.schema_path_for(path).name)
    if path.parent.resolve() == config.DATA_DIR.resolve():
        from tasks.region_gazetteer import load_gazetteer

        load_gazetteer()


def _check_sources(path: Path) -> None:
    from tasks.region_gazetteer import load_gazetteer
    from tasks.region_home import load_source_rules

    load_checked_yaml(path, config.DATA_DIR / "sources.schema.json")
    load_source_rules(path, frozenset(load_gazetteer().places))


def _check_clean_lexicons(path: Path) -> None:
    from tasks.clean import LEXICON_SCHEMA_PATH, load_lexicons

    data = load_checked_yaml(path, LEXICON_SCHEMA_PATH)
    for section, patterns in _pattern_lists(data):
        for index, pattern in enumerate(patterns):
            try:
                re.compile(pattern)
            except re.error as error:
                raise ConfigError(f"{path}: field '{section}/{index}': bad regular expression: {error}") from None
    load_lexicons(path)


def _pattern_lists(data: dict):
    for key, value in data.items():
        if isinstance(value, list):
            yield key, value
        elif isinstance(value, dict):
            yield from ((f"{key}/{sub}", items) for sub, items in value.items() if isinstance(items, list))


def _check_segment_lexicon(path: Path) -> None:
    try:
        data = config.load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: not readable YAML: {error}") from None
    for error in jsonschema.Draft202012Validator(SEGMENT_LEXICON_SCHEMA).iter_errors(data):
        field = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        raise ConfigError(f"{path}: field '{field}': {error.message}")


# File name in tasks/data -> its check, in the order the pipeline needs them.
CHECKS: dict[str, Callable[[Path], None]] = {
    "iptc_mediatopics.yaml": _check_themes,
    "topics.yaml": _check_topics,
    "region_aliases.yaml": _check_gazetteer_file,
    "countries.yaml": _check_gazetteer_file,
    "sources.yaml": _check_sources,
    "lexicons.yaml": _check_clean_lexicons,
    "segment_lexicon.yaml": _check_segment_lexicon,
}


def _check_suites(expectations_dir: Path | None) -> None:
    from tasks import validate_suites

    folder = expectations_dir or validate_suites.EXPECTATIONS_DIR
    for name in validate_suites.SUITE_NAMES:
        path = folder / f"{name}.json"
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise ConfigError(f"{path}: not readable JSON: {error}") from None
    try:
        validate_suites.load_suite_dicts(folder)
    except (KeyError, ValueError, TypeError) as error:
        raise ConfigError(f"{folder}: suite: {error}") from None


def check_all_configs(data_dir: Path | None = None, expectations_dir: Path | None = None) -> list[Path]:
    """Load every configuration file through its loader; raise one ConfigError naming each bad file and field.

    data_dir defaults to the shipped tasks/data; a copy may be given (tests, a user's
    edited rules). Returns the files checked.
    """
    folder = Path(data_dir) if data_dir else config.DATA_DIR
    problems, checked = [], []
    for name, check in CHECKS.items():
        path = folder / name
        checked.append(path)
        try:
            check(path)
        except ConfigError as error:
            problems.append(str(error))
        except (jsonschema.ValidationError, yaml.YAMLError, re.error, OSError, KeyError, TypeError, ValueError) as error:
            # A loader that does not speak ConfigError yet: still name the file.
            problems.append(f"{path}: {type(error).__name__}: {error}")
    try:
        _check_suites(expectations_dir)
    except ConfigError as error:
        problems.append(str(error))
    if problems:
        raise ConfigError("configuration error, nothing was run:\n  " + "\n  ".join(problems))
    return checked
