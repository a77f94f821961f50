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


def test_dedup_and_quality_are_timed_on_published_articles(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from zhpress.bench import dedup_and_quality_seconds

    text = "新华社北京三月五日电，国务院总理在人民大会堂作政府工作报告。"
    table = pa.table({
        "article_id": ["a1", "a2"], "text": [text, text], "paragraphs": [[text], [text]],
        "tokens": [["新华社", "北京"], ["新华社"]], "joins": [[], [[1, 2]]],
        "quality_flags": pa.array([[], [{"flag": "broken_line", "count": 1}]], pa.list_(pa.struct([("flag", pa.string()), ("count", pa.int32())]))),
    })
    pq.write_table(table, tmp_path / "articles.parquet")
    count, dedup_s, quality_s = dedup_and_quality_seconds(tmp_path)
    assert count == 2 and dedup_s >= 0 and quality_s >= 0


def test_scaling_is_throughput_at_once_over_throughput_alone():
    from zhpress.bench import scaling

    # Two shares of 100 characters, 1 s each alone: together in 1 s is 2x, in 2 s (one core) 1x.
    assert scaling([(100, 1.0), (100, 1.0)], [(100, 1.0), (100, 1.0)]) == 2.0
    assert scaling([(100, 1.0), (100, 1.0)], [(100, 2.0), (100, 1.5)]) == 1.0


def test_raw_jieba_scaling_runs_two_processes(tmp_path):
    import math

    from zhpress.bench import raw_jieba_scaling

    make_corpus(tmp_path / "c", 20_000)
    # Timings of a tiny corpus are noise: only that a finite positive ratio comes back.
    assert math.isfinite(ratio := raw_jieba_scaling(tmp_path / "c")) and ratio > 0
