"""tables: Arrow tables with the explicit schemas, sorted, built chunk by chunk."""
from __future__ import annotations

from tasks import tables
from tasks.records import Reject
from tasks.schema import LINES_SCHEMA, REJECTS_SCHEMA


def _line(source_file: str, line_no: int, text: str) -> dict:
    return {"source_file": source_file, "line_no": line_no, "text": text, "clean_text": text, "role": "body",
            "article_id": None, "action": "kept", "reason": "正文", "content_score": 0.5}


def test_lines_sorted_with_schema_and_version():
    rows = [_line("b.txt", 2, "第二行"), _line("a.txt", 9, "标题"), _line("b.txt", 1, "第一行")]
    table = tables.lines_table(rows, "2026.01.01")
    assert table.schema == LINES_SCHEMA
    assert list(zip(table.column("source_file").to_pylist(), table.column("line_no").to_pylist())) == [
        ("a.txt", 9), ("b.txt", 1), ("b.txt", 2)]
    assert set(table.column("dataset_version").to_pylist()) == {"2026.01.01"}


def test_chunked_conversion_gives_the_same_table():
    rows = [_line(f"{i % 7}.txt", i, f"第{i}行") for i in range(50)]
    whole = tables._table(rows, LINES_SCHEMA, "v", chunk_rows=1000)
    chunked = tables._table(rows, LINES_SCHEMA, "v", chunk_rows=3)
    assert chunked.equals(whole) and chunked.num_rows == 50


def test_empty_and_rejects():
    assert tables.lines_table([], "v").num_rows == 0
    rejects = tables.rejects_table([Reject("z.txt", "00" * 32, 3, "undecodable"), Reject("a.txt", "11" * 32, 0, "empty")], "v")
    assert rejects.schema == REJECTS_SCHEMA
    assert rejects.column("source_file").to_pylist() == ["a.txt", "z.txt"]
