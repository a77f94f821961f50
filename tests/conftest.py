"""Shared fixtures: one Prefect test harness for the whole session (its server costs ~15 s)."""
from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture(scope="session")
def prefect_harness():
    """A real, temporary Prefect API shared by every integration test."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def non_blank_lines(folder: Path) -> set[tuple[str, int]]:
    """(source_file, line_no) of every non-blank line of every file in `folder`, numbered as cat -n."""
    found = set()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            if text.endswith("\n"):
                lines.pop()
            found.update((path.relative_to(folder).as_posix(), i) for i, line in enumerate(lines, 1) if line.strip())
    return found
