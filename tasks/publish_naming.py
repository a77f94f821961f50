"""Names in a dataset folder: safe dataset names, date-based version names, LATEST and its fingerprint."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from tasks.manifest import MANIFEST_NAME

LATEST = "LATEST"
REJECTED_DIR = "rejected"
VALIDATION_DIR = "validation"
REVIEW_DIR = "review"
CHANGES_JSON = "changes.json"
DATASET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
VERSION_NAME = re.compile(r"^(\d{4})\.(\d{2})\.(\d{2})(?:\.(\d+))?$")


def validate_dataset_name(name: str) -> str:
    """The name itself if it is a safe folder name (no path separators, no '..'); else ValueError."""
    if not DATASET_NAME.match(name or "") or ".." in name:
        raise ValueError(f"invalid dataset name {name!r}: use letters, digits, '.', '_' or '-' (at most 64)")
    return name


def dataset_path(output_dir: Path, name: str) -> Path:
    """`<output_dir>/<name>`, refusing names that would escape output_dir."""
    root = Path(output_dir).resolve()
    path = (root / validate_dataset_name(name)).resolve()
    if path.parent != root:
        raise ValueError(f"dataset {name!r} escapes {root}")
    return path


def version_key(name: str) -> tuple[int, ...]:
    """Sort key of a version name: 2026.11.21 < 2026.11.21.1 < 2026.11.21.10 < 2026.11.22."""
    match = VERSION_NAME.match(name)
    if not match:
        raise ValueError(f"not a version name: {name!r}")
    year, month, day, serial = match.groups()
    return int(year), int(month), int(day), int(serial or 0)


def published_versions(dataset_dir: Path) -> list[str]:
    """Names of the published versions, oldest first (hidden staging folders and rejected/ excluded)."""
    if not Path(dataset_dir).is_dir():
        return []
    names = [p.name for p in Path(dataset_dir).iterdir() if p.is_dir() and VERSION_NAME.match(p.name)]
    return sorted(names, key=version_key)


def next_version_name(dataset_dir: Path, today: date) -> str:
    """Today's date as YYYY.MM.DD, or YYYY.MM.DD.N for the N-th further release of the day."""
    base = f"{today.year:04d}.{today.month:02d}.{today.day:02d}"
    taken = {v for v in published_versions(dataset_dir) if v == base or v.startswith(base + ".")}
    if base not in taken:
        return base
    return f"{base}.{max(version_key(v)[3] for v in taken) + 1}"


def latest_version(dataset_dir: Path) -> str | None:
    """The version named by LATEST, or None before the first release."""
    path = Path(dataset_dir) / LATEST
    if not path.is_file():
        return None
    name = path.read_text(encoding="utf-8").strip()
    return name if VERSION_NAME.match(name) and (Path(dataset_dir) / name).is_dir() else None


def latest_fingerprint(dataset_dir: Path) -> str | None:
    """Content fingerprint of the LATEST version, or None when there is none."""
    version = latest_version(dataset_dir)
    if version is None:
        return None
    data = json.loads((Path(dataset_dir) / version / MANIFEST_NAME).read_text(encoding="utf-8"))
    return data.get("content_fingerprint")
