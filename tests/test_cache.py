"""The per-document cache: keys follow content, versions and shared recurring lines; entries are atomic."""
from __future__ import annotations

from tasks import cache
from tasks.records import SourceDocument

VERSIONS = {"code": "1", "dictionary": "d1"}


def _doc(lines: tuple[str, ...], sha: str = "s1", name: str = "a.txt") -> SourceDocument:
    return SourceDocument(source_file=name, sha256=sha, byte_count=10, encoding="utf-8", media_type="text/plain",
                          lines=lines)


def test_key_is_stable_and_follows_what_decides_the_output():
    doc = _doc(("本报讯 今天天气晴。", "第二版"))
    key = cache.document_key(doc, frozenset(), VERSIONS)
    assert key == cache.document_key(doc, frozenset(), dict(reversed(list(VERSIONS.items()))))
    assert key != cache.document_key(_doc(doc.lines, sha="s2"), frozenset(), VERSIONS)
    assert key != cache.document_key(_doc(doc.lines, name="b.txt"), frozenset(), VERSIONS)
    assert key != cache.document_key(doc, frozenset(), {**VERSIONS, "dictionary": "d2"})
    # Recurring lines matter only when this document has them.
    assert key != cache.document_key(doc, frozenset({"第二版"}), VERSIONS)
    assert key == cache.document_key(doc, frozenset({"别的报头"}), VERSIONS)


def test_store_then_load_round_trips_and_misses_are_none(tmp_path):
    assert cache.load(tmp_path, "ab" * 32) is None
    cache.store(tmp_path, "ab" * 32, {"rows": [1, 2]})
    assert cache.load(tmp_path, "ab" * 32) == {"rows": [1, 2]}
    assert not [p for p in tmp_path.rglob(".tmp-*")]


def test_a_torn_entry_is_a_miss(tmp_path):
    key = "cd" * 32
    cache.store(tmp_path, key, [1])
    next(tmp_path.rglob("*.pickle")).write_bytes(b"\x80\x05truncated")
    assert cache.load(tmp_path, key) is None
