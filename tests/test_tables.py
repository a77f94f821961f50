"""tables: Arrow tables with the explicit schemas, sorted, built chunk by chunk."""
from __future__ import annotations

from tasks import memory, tables
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


def _article(source_file: str, article_id: str, first_line: int, text: str) -> dict:
    return {"article_id": article_id, "source_file": source_file, "source_lines": [first_line, first_line + 1],
            "headline": "标题", "text": text, "char_count": len(text), "is_complete": True, "joins": []}


def _result(source_file: str, articles: list[dict], lines: list[dict]):
    from tasks.pipeline import DocumentResult

    return DocumentResult(source_file, "00" * 32, articles, lines, {"lines_in": len(lines)}, {"rule_x": 1})


def test_builder_fed_in_batches_equals_tables_of_all_rows():
    """TableBuilder: batches in any order give the sorted tables, duplicate marks and version of one conversion."""
    from tasks import dedup

    long_text = "本报讯 河西区今年将改造老旧厂房十处，引进一批科技企业，推动产业升级。" * 2
    results = [
        _result("b.txt", [_article("b.txt", "a2", 5, long_text), _article("b.txt", "a1", 1, "第一篇短文。")],
                [_line("b.txt", 2, "第二行"), _line("b.txt", 1, "第一行")]),
        _result("a.txt", [_article("a.txt", "a9", 3, long_text)], [_line("a.txt", 9, "标题")]),
    ]
    builder = tables.TableBuilder().add(results[:1]).add(results[1:])
    assert builder.article_count == 3 and builder.lines_by_role() == {"body": 3}
    assert [r.article_rows for r in builder.results] == [[], []] and builder.results[0].rule_counts == {"rule_x": 1}
    built = builder.finish("2026.01.01", [Reject("z.txt", "00" * 32, 3, "undecodable")])

    rows = [dict(row) for r in results for row in r.article_rows]
    marks = dedup.mark_duplicates(rows)
    for row in rows:
        row["duplicate_of"], row["near_duplicate_score"] = marks[row["article_id"]]
    assert built["articles"].equals(tables.articles_table(rows, "2026.01.01"))
    assert built["lines"].equals(tables.lines_table([row for r in results for row in r.line_rows], "2026.01.01"))
    assert built["articles"].column("article_id").to_pylist() == ["a9", "a1", "a2"]
    assert built["articles"].column("duplicate_of").to_pylist() == ["a2", None, None]  # same length: smallest id kept
    assert built["rejects"].num_rows == 1


def test_builder_without_results():
    built = tables.TableBuilder().finish("v", [])
    assert built["articles"].num_rows == built["lines"].num_rows == 0


def test_release_memory_keeps_tables_intact():
    built = tables.TableBuilder().finish("v", [])
    memory.release_memory()  # hands freed memory back; live data is untouched
    assert built["lines"].schema == LINES_SCHEMA
