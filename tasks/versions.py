"""Versions of code, rules and vocabularies, and per-stage counts, for the manifest and the cache key."""
from __future__ import annotations

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
def component_versions() -> dict[str, str]:
    """Versions of everything that decides the output besides the input itself."""
    from tasks import normalize, regions, themes, tokenize

    return {
        "zhpress": metadata.version("zhpress"),
        "git_commit": git_commit() or "unknown",
        "normalization_rules": normalize.RULES_VERSION,
        "taxonomy": themes.TAXONOMY_VERSION,
        "gazetteer": regions.GAZETTEER_VERSION,
        "dictionary": tokenize.DICTIONARY_VERSION,
        "jieba": metadata.version("jieba"),
    }


def pipeline_info(stage_counts: dict[str, int]) -> dict:
    """Manifest block describing the pipeline that made a version."""
    return {"versions": component_versions(), "stage_counts": stage_counts}


def stage_counts(documents: list[SourceDocument], rejects: list[Reject], results: list) -> dict[str, int]:
    """Counts in, out and dropped per stage for the manifest."""
    totals: Counter[str] = Counter()
    for result in results:
        totals.update(result.stage_counts)
    return {
        "files_found": len(documents) + len(rejects),
        "documents_ingested": len(documents),
        "files_rejected": len(rejects),
        "lines_ingested": sum(1 for doc in documents for line in doc.lines if line.strip()),
        **dict(sorted(totals.items())),
    }
