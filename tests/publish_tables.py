"""Tiny hand-made articles/lines/rejects tables for the validate, publish and verify tests."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa

from tasks.quality import quality_signals
from tasks.schema import ARTICLES_SCHEMA, LINES_SCHEMA, REJECTS_SCHEMA

THEMES = {"medtop:04000000", "medtop:11000000", "medtop:15000000"}
ADCODES = {"110000", "310000", "440300"}

_ARTICLES = [
    # (article_id, source_file, headline, text, theme, region, source_lines)
    ("a0000000000000001", "paper/p1.txt", "深圳前海推出金融开放新举措", "本报讯（记者 王芳）深圳前海日前发布多项金融开放举措。\n业内人士认为，这将吸引更多外资机构落户。", "medtop:04000000", "440300", [1, 2, 3, 4]),
    ("a0000000000000002", "paper/p1.txt", "北京市启动冬季供暖", "北京市今日起正式进入供暖季，全市供热单位提前完成设备检修。", "medtop:11000000", "110000", [6, 7]),
    ("a0000000000000003", "web/w1.md", "上海举办马拉松赛", "上海国际马拉松赛鸣枪开跑，三万八千名跑者参赛。", "medtop:15000000", "310000", [3, 4]),
]


def article_rows() -> list[dict]:
    rows = []
    for article_id, source_file, headline, text, theme, region, source_lines in _ARTICLES:
        tokens = [c for c in headline + text if c.strip()]  # stand-in for jieba: one token per character
        rows.append(
            {
                "article_id": article_id, "source_file": source_file, "headline": headline, "kicker": None,
                "subtitle": None, "reporters": ["王芳"] if "王芳" in text else [], "dateline_source": None,
                "source_name": None, "editors": [], "published_at": None, "text": text,
                "paragraphs": text.split("\n"), "tokens": tokens, "token_count": len(tokens), "char_count": len(text),
                "themes": [{"code": theme, "label": theme, "score": 0.9}], "primary_theme": theme, "topics": [],
                "theme_evidence": [], "regions": [{"adcode": region, "name": "x", "level": "province", "mentions": 1}],
                "primary_region": region, "countries": [], "region_evidence": [], "source_lines": source_lines,
                "joins": [], "is_complete": True, "continued_from_page": None, "continued_to_page": None,
                "quality_flags": [], "duplicate_of": None, "near_duplicate_score": 0.0,
            }
        )
        rows[-1].update(quality_signals(rows[-1]))
    return rows


def line_rows() -> list[dict]:
    rows = []
    for article in article_rows():
        for i, line_no in enumerate(article["source_lines"]):
            role = "headline" if i == 0 else "body"
            rows.append(
                {"source_file": article["source_file"], "line_no": line_no, "text": f"第{line_no}行", "clean_text": f"第{line_no}行",
                 "role": role, "article_id": article["article_id"], "action": "kept", "reason": None, "content_score": 0.9}
            )
    rows.append({"source_file": "paper/p1.txt", "line_no": 5, "text": "广告", "clean_text": "广告", "role": "boilerplate",
                 "article_id": None, "action": "dropped", "reason": "advertisement", "content_score": 0.1})
    return rows


def make_table(rows: list[dict], schema: pa.Schema, version: str) -> pa.Table:
    columns = {name: [row.get(name) for row in rows] for name in schema.names if name != "dataset_version"}
    columns["dataset_version"] = [version] * len(rows)
    return pa.Table.from_pydict(columns, schema=schema)


def make_tables(version: str = "2026.11.21", articles: list[dict] | None = None, lines: list[dict] | None = None) -> dict[str, pa.Table]:
    """articles, lines and an empty rejects table, all with the explicit schemas."""
    return {
        "articles": make_table(article_rows() if articles is None else articles, ARTICLES_SCHEMA, version),
        "lines": make_table(line_rows() if lines is None else lines, LINES_SCHEMA, version),
        "rejects": make_table([], REJECTS_SCHEMA, version),
    }


def fake_outcome(report_dir, success: bool = True, warnings: list[str] | None = None):
    """A ValidationOutcome with a hand-written report, so publishing tests need not run GX."""
    import json
    from pathlib import Path

    from tasks.validate import ValidationOutcome

    report_dir = Path(report_dir)
    report_dir.mkdir(parents=True, exist_ok=True)
    summary = {"articles": {"evaluated": 2, "passed": 2 if success else 1, "failed": 0 if success else 1}}
    critical = [] if success else ["articles: expect_column_values_to_be_unique(article_id) 2 unexpected"]
    (report_dir / "index.html").write_text("<html>articles</html>", encoding="utf-8")
    results = {"success": success, "critical_failures": critical, "warnings": warnings or [], "summary": summary, "suites": {}}
    (report_dir / "results.json").write_text(json.dumps(results), encoding="utf-8")
    return ValidationOutcome(success, critical, warnings or [], report_dir / "results.json", report_dir / "index.html", summary)


PIPELINE_INFO = {"versions": {"zhpress": "0.1.0", "taxonomy": "t1", "gazetteer": "g1", "dictionary": "d1"}, "stage_counts": {"files_found": 2}}
INPUT_FILES = [("paper/p1.txt", "0" * 64, 120), ("web/w1.md", "1" * 64, 80)]


DAY = date(2026, 11, 21)


def publish_tables(dataset_dir: Path, tables=None, day=DAY, lock_timeout: float | None = None, **outcome) -> Path:
    """Publish `tables` (default: the tiny ones) as the next version of the day, with a hand-made outcome."""
    from tasks import publish

    version = publish.next_version_name(dataset_dir, day)
    tables = tables or make_tables(version)
    report = dataset_dir.parent / f"report-{version}"
    return publish.publish_version(
        dataset_dir, version, tables, INPUT_FILES, fake_outcome(report, **outcome), report, PIPELINE_INFO, lock_timeout
    )
