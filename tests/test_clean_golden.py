"""Golden documents composed for the project, annotated line by line (tests/fixtures/clean/README.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tasks.clean import clean_document
from tasks.records import SourceDocument
from tasks.schema import (
    ROLE_BOILERPLATE,
    ROLE_CAPTION,
    ROLE_CONTENT,
    ROLE_CONTINUATION,
    ROLE_FURNITURE,
    ROLE_METADATA,
)

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
CODES = {"C": ROLE_CONTENT, "B": ROLE_BOILERPLATE, "F": ROLE_FURNITURE, "P": ROLE_CAPTION,
         "M": ROLE_METADATA, "K": ROLE_CONTINUATION}
MIN_PRECISION = MIN_RECALL = 0.95


def load_golden(path: Path) -> tuple[SourceDocument, dict[int, str]]:
    """The document of a fixture and the expected code of each non-blank line (by line number)."""
    lines: list[str] = []
    expected: dict[int, str] = {}
    for row in path.read_text(encoding="utf-8").split("\n"):
        if row.startswith("%"):
            continue
        if not row.strip():
            lines.append("")
            continue
        code, raw = row.split("\t", 1)
        lines.append(raw)
        expected[len(lines)] = code
    while lines and not lines[-1]:
        lines.pop()
    doc = SourceDocument(path.name, "0" * 64, 0, "utf-8", "text/markdown", tuple(lines))
    return doc, expected


def score_golden(path: Path) -> dict:
    """Non-content precision/recall of clean_document on one fixture, and the mismatched lines."""
    doc, expected = load_golden(path)
    cleaned = clean_document(doc)
    got = {c.line_no: c for c in cleaned}
    gold_nc = {n for n, code in expected.items() if code[0] != "C"}
    pred_nc = {n for n, c in got.items() if c.role != ROLE_CONTENT}
    hits = len(gold_nc & pred_nc)
    wrong = [(n, expected[n], got[n].role, got[n].reason, got[n].text) for n in sorted(expected)
             if (n in gold_nc) != (n in pred_nc)]
    return {
        "precision": hits / len(pred_nc) if pred_nc else 1.0,
        "recall": hits / len(gold_nc) if gold_nc else 1.0,
        "accounted": sorted(got) == sorted(expected),
        "wrong": wrong,
        "lines": got,
        "expected": expected,
    }


GOLDEN = sorted(FIXTURES.glob("*.tsv"))


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_non_content_precision_and_recall(path):
    result = score_golden(path)
    assert result["accounted"]
    assert result["precision"] >= MIN_PRECISION, result["wrong"]
    assert result["recall"] >= MIN_RECALL, result["wrong"]


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_golden_roles_and_metadata(path):
    result = score_golden(path)
    for line_no, code in result["expected"].items():
        line = result["lines"][line_no]
        if code[0] in "MK":
            assert line.role == CODES[code[0]], (line_no, line.text, line.role, line.reason)
        if code.startswith("M:"):
            name, value = code[2:].split("=", 1)
            assert (line.metadata_field, line.metadata_value) == (name, value), (line_no, line.text)


def test_golden_fixtures_present():
    assert len(GOLDEN) >= 3
