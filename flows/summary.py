"""What a build did, in a module of its own: the CLI reports an unchanged rerun without loading Prefect."""
from __future__ import annotations

from dataclasses import dataclass, field

UNCHANGED_MESSAGE = "input and pipeline unchanged since the latest version: nothing processed or published"


@dataclass
class BuildSummary:
    """What a build did; the CLI prints it and exits by `status`."""

    status: str  # "published", "unchanged", "blocked", "unusable"
    message: str
    documents: int = 0
    rejects: int = 0
    documents_computed: int = 0  # the rest came from the cache
    articles: int = 0
    lines_by_role: dict[str, int] = field(default_factory=dict)
    version_path: str | None = None
    report_path: str | None = None
    validation: dict = field(default_factory=dict)
