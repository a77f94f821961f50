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


class ConfigError(ValueError):
    """A data file is missing, unparsable or does not match its schema."""


def schema_path_for(path: Path) -> Path:
    """The schema that checks a data file: tasks/data/foo.yaml -> tasks/data/foo.schema.json."""
    return path.with_name(path.name.rsplit(".", 1)[0] + ".schema.json")


def load_checked_yaml(path: Path | str, schema_path: Path | str | None = None) -> dict[str, Any]:
    """Read a YAML file and check it against its JSON Schema; raise ConfigError naming file and field."""
    path = Path(path)
    schema_path = Path(schema_path) if schema_path else schema_path_for(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{schema_path}: schema missing or not valid JSON: {exc}") from exc
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        field = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        more = f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""
        raise ConfigError(f"{path}: field '{field}': {first.message}{more}")
    return data


def file_digest(*paths: Path | str) -> str:
    """Short SHA-256 over the bytes of the given files, for version strings."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:12]
