"""Versions of code, rules and vocabularies, and per-stage counts, for the manifest and the cache key."""
from __future__ import annotations

import hashlib
import subprocess
from collections import Counter
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from tasks.records import Reject, SourceDocument

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def git_commit() -> str | None:
    """The checkout's commit, or None outside a git work tree (e.g. an installed wheel)."""
    try:
        out = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the step code and its data files: what decides a document's rows.

    Used instead of the git commit so that a commit touching only docs or tests keeps
    the cache, and uncommitted edits to a step invalidate it.
    """
    digest = hashlib.sha256()
    package = PROJECT_ROOT / "tasks"
    for path in sorted([*package.glob("*.py"), *package.glob("data/**/*")]):
        if path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# Components computed from files the code fingerprint hashes (tasks/*.py, tasks/data/**) and from
# nothing else: two runs with the same fingerprint have the same values for these.
IMPLIED_BY_CODE = ("normalization_rules", "taxonomy", "dictionary")
COMPONENT_ORDER = ("zhpress", "code", "normalization_rules", "taxonomy", "gazetteer", "dictionary", "jieba")


@lru_cache(maxsize=1)
def component_versions() -> dict[str, str]:
    """Versions of everything that decides the output besides the input itself."""
    from tasks import normalize, themes, tokenize

    implied = {
        "normalization_rules": normalize.RULES_VERSION,
        "taxonomy": themes.TAXONOMY_VERSION,
        "dictionary": tokenize.DICTIONARY_VERSION,
    }
    versions = {**independent_component_versions(), **implied}
    return {name: versions[name] for name in COMPONENT_ORDER}


def independent_component_versions() -> dict[str, str]:
    """component_versions() but those IMPLIED_BY_CODE, without loading the step modules (themes,
    tokenize and jieba take ~0.8 s to load): enough to tell that nothing changed (tasks/cache.py)."""
    from tasks.region_gazetteer import gazetteer_version

    return {
        "zhpress": metadata.version("zhpress"),
        "code": code_fingerprint(),
        "gazetteer": gazetteer_version(),
        "jieba": metadata.version("jieba"),
    }


def pipeline_info(stage_counts: dict[str, int]) -> dict:
    """Manifest block describing the pipeline that made a version."""
    return {
        "versions": {**component_versions(), "git_commit": git_commit() or "unknown"},
        "stage_counts": stage_counts,
    }


def stage_counts(documents: list[SourceDocument], rejects: list[Reject], results: list) -> dict[str, int]:
    """Counts in, out and dropped per stage for the manifest."""
    totals: Counter[str] = Counter()
    for result in results:
        totals.update(result.stage_counts)
        totals.update({f"rule_{name}": count for name, count in result.rule_counts.items()})
    return {
        "files_found": len(documents) + len(rejects),
        "documents_ingested": len(documents),
        "files_rejected": len(rejects),
        "lines_ingested": sum(1 for doc in documents for line in doc.lines if line.strip()),
        **dict(sorted(totals.items())),
    }
