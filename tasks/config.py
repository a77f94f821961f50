"""Loading of the project's YAML data files, each checked against its JSON Schema.

Vocabularies and rules are data (tasks/data/*.yaml) with a schema next to them
(tasks/data/<name>.schema.json); a file that does not match its schema stops the
run with a ConfigError naming the file and the offending field.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jsonschema
import yaml

DATA_DIR = Path(__file__).parent / "data"
# libyaml's C parser when PyYAML was built with it: about 10x faster on the vocabularies, same documents.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_VALID: set[bytes] = set()  # digests of (file text, schema text) pairs that passed their schema


class ConfigError(ValueError):
    """A data file is missing, unparsable or does not match its schema."""


def schema_path_for(path: Path) -> Path:
    """The schema that checks a data file: tasks/data/foo.yaml -> tasks/data/foo.schema.json."""
    return path.with_name(path.name.rsplit(".", 1)[0] + ".schema.json")


def load_yaml(text: str) -> Any:
    """Parse YAML as yaml.safe_load does (plain data only), with the C parser when available."""
    return yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 - a safe loader


def load_checked_yaml(path: Path | str, schema_path: Path | str | None = None) -> dict[str, Any]:
    """Read a YAML file and check it against its JSON Schema; raise ConfigError naming file and field."""
    path = Path(path)
    schema_path = Path(schema_path) if schema_path else schema_path_for(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = load_yaml(text)
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    try:
        schema_text = schema_path.read_text(encoding="utf-8")
        schema = json.loads(schema_text)
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{schema_path}: schema missing or not valid JSON: {exc}") from exc
    # A run loads each file more than once (the up-front check, then its loader): the same text
    # under the same schema is validated once per process.
    checked = hashlib.sha256(text.encode("utf-8") + b"\0" + schema_text.encode("utf-8")).digest()
    if checked in _VALID:
        return data
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        field = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        more = f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""
        raise ConfigError(f"{path}: field '{field}': {first.message}{more}")
    _VALID.add(checked)
    return data


def file_digest(*paths: Path | str) -> str:
    """Short SHA-256 over the bytes of the given files, for version strings."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:12]
