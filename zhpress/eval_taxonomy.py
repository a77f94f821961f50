"""IPTC Media Topic English names -> codes, to read the gold's theme names.

The names come from the project's taxonomy file (tasks/data/iptc_mediatopics.yaml,
owned by the themes step). Its exact layout is the themes step's business, so the
reader walks it for any mapping that pairs a `medtop:` code with an English name.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from zhpress.eval_articles import normalize_name

IPTC_FILE = Path(__file__).resolve().parent.parent / "tasks" / "data" / "iptc_mediatopics.yaml"
CODE_PREFIX = "medtop:"
NAME_KEYS = ("label", "name", "label_en", "name_en", "en")


def theme_name_codes(path: Path | None = IPTC_FILE) -> dict[str, str]:
    """Normalised English name -> IPTC code; empty when the file does not exist (yet)."""
    if path is None or not Path(path).is_file():
        return {}
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    names: dict[str, str] = {}
    _collect(data, names, code=None)
    return names


def _collect(node, names: dict[str, str], code: str | None) -> None:
    if isinstance(node, dict):
        own_code = node.get("code") or node.get("qcode") or code
        if isinstance(own_code, str) and own_code.startswith(CODE_PREFIX):
            for key in NAME_KEYS:
                if isinstance(node.get(key), str):
                    names.setdefault(normalize_name(node[key]), own_code)
        for key, value in node.items():
            # A mapping keyed by code: {"medtop:04000000": {"label": ...}} or {"medtop:04000000": "economy, ..."}
            child_code = key if isinstance(key, str) and key.startswith(CODE_PREFIX) else None
            if child_code and isinstance(value, str):
                names.setdefault(normalize_name(value), child_code)
            elif isinstance(value, (dict, list)):
                _collect(value, names, child_code or (own_code if key not in ("children", "topics") else None))
    elif isinstance(node, list):
        for item in node:
            _collect(item, names, code)
