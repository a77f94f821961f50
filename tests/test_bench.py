"""Smoke test of the benchmark's corpus builder (the benchmark itself runs in `make bench`)."""
from __future__ import annotations

from zhpress.bench import make_corpus


def test_corpus_is_deterministic_page_like_and_sized(tmp_path):
    chars = make_corpus(tmp_path / "a", 60_000)
    make_corpus(tmp_path / "b", 60_000)
    files = sorted((tmp_path / "a").iterdir())
    assert sum(len(p.read_bytes()) for p in files) >= 60_000
    assert chars == sum(len(p.read_text(encoding="utf-8")) for p in files)
    assert [p.read_bytes() for p in files] == [p.read_bytes() for p in sorted((tmp_path / "b").iterdir())]
    # Paragraphs are rebuilt, so long lines rarely repeat across documents (they would read as furniture).
    long_lines = [line for p in files for line in p.read_text(encoding="utf-8").split("\n") if len(line) >= 80]
    assert len(set(long_lines)) >= 0.9 * len(long_lines)
