"""Publishing: version names, atomic versions with manifest/card/croissant/CHANGES, LATEST, rejected runs.

The ValidationOutcome here is hand-made (tests/publish_tables.fake_outcome): GX itself is tested in test_validate.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from tasks import manifest, publish, publish_files
from tasks.card import escape_md
from tests.conftest import PROJECT_ROOT
from tests.publish_tables import DAY, INPUT_FILES, PIPELINE_INFO, article_rows, fake_outcome, line_rows, make_table, make_tables, publish_tables

def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def published(tmp_path):
    dataset_dir = tmp_path / "out" / "news"
    return dataset_dir, publish_tables(dataset_dir, warnings=["articles: cjk_ratio low"])


@pytest.mark.parametrize(
    "existing, expected",
    [([], "2026.11.21"), (["2026.11.21"], "2026.11.21.1"), (["2026.11.21", "2026.11.21.1"], "2026.11.21.2"),
     (["2026.11.21", "2026.11.21.9", "2026.11.21.10"], "2026.11.21.11"), (["2026.11.20", "2026.11.20.3"], "2026.11.21"),
     ([".staging-2026.11.21-42", "rejected"], "2026.11.21")],
)
def test_next_version_name(tmp_path, existing, expected):
    for name in existing:
        (tmp_path / name).mkdir()
    assert publish.next_version_name(tmp_path, DAY) == expected


def test_published_versions_sort_numerically(tmp_path):
    for name in ["2026.11.21.10", "2026.11.21.2", "2026.11.21", "2026.01.05", ".staging-x", "rejected"]:
        (tmp_path / name).mkdir()
    assert publish.published_versions(tmp_path) == ["2026.01.05", "2026.11.21", "2026.11.21.2", "2026.11.21.10"]


@pytest.mark.parametrize("name", ["", ".", "..", "../x", "a/b", "/etc", ".hidden", "a\\b", "名", "x" * 65, "a..b"])
def test_unsafe_dataset_names_are_refused(tmp_path, name):
    with pytest.raises(ValueError):
        publish.dataset_path(tmp_path, name)


def test_dataset_path_stays_inside_output(tmp_path):
    assert publish.dataset_path(tmp_path, "news-v2_zh.1") == (tmp_path / "news-v2_zh.1").resolve()


def test_version_folder_has_the_contract_files(published):
    dataset_dir, path = published
    names = {p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()}
    for name in ["articles.parquet", "lines.parquet", "rejects.parquet", "manifest.json", "README.md", "CHANGES.md",
                 "changes.json", "croissant.json", "validation/index.html", "validation/results.json",
                 "charts/themes.png", "charts/regions.png", "charts/article_length.png", "charts/quality_score.png"]:
        assert name in names
    assert (dataset_dir / "LATEST").read_text().strip() == path.name == "2026.11.21"
    assert not [p for p in dataset_dir.iterdir() if p.name.startswith(".staging")]


def test_manifest_contents(published):
    _, path = published
    data = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    assert data["version"] == "2026.11.21" and data["dataset"] == "news"
    assert data["pipeline"] == PIPELINE_INFO
    assert [i["source_file"] for i in data["inputs"]] == ["paper/p1.txt", "web/w1.md"]
    outputs = {o["path"]: o for o in data["outputs"]}
    assert outputs["articles.parquet"]["rows"] == 3 and len(outputs["articles.parquet"]["sha256"]) == 64
    columns = {c["name"]: c for c in data["tables"]["lines"]["columns"]}
    assert columns["line_no"]["type"] == "int32" and "cat -n" in columns["line_no"]["description"]
    assert data["validation"]["warnings"] == ["articles: cjk_ratio low"]
    assert data["content_fingerprint"] == manifest.content_fingerprint(make_tables("other-version"))


def test_parquet_layout(published):
    _, path = published
    meta = pq.ParquetFile(path / "lines.parquet").metadata
    column = {meta.row_group(0).column(i).path_in_schema: meta.row_group(0).column(i) for i in range(meta.num_columns)}
    assert column["role"].compression == "ZSTD"
    assert "RLE_DICTIONARY" in column["role"].encodings
    schema = pq.read_schema(path / "articles.parquet")
    assert schema.field("headline").metadata[b"description"].startswith(b"Main title")


def test_parquet_bytes_follow_the_rows_not_the_batches_that_built_them(tmp_path):
    """Workers and batch sizes change how a table is chunked in memory, never the published file."""
    from tasks.schema import LINES_SCHEMA

    base = line_rows()
    rows = [dict(base[i % len(base)], line_no=i, source_file=f"p{i // 50:04d}.txt", text=f"第{i}行" * 40) for i in range(6000)]
    table = make_table(rows, LINES_SCHEMA, "2026.11.21")  # several data pages: chunk edges would move their breaks
    layouts = {
        "one chunk": table.combine_chunks(),
        "batches of 777 rows": pa.concat_tables([table.slice(i, 777) for i in range(0, table.num_rows, 777)]),
        "shrinking batches": pa.concat_tables([table.slice(0, 3000), table.slice(3000, 2000), table.slice(5000)]),
    }
    written = {}
    for name, layout in layouts.items():
        path = tmp_path / f"{len(written)}.parquet"
        publish_files.write_parquet("lines", layout, path)
        written[name] = path.read_bytes()
        assert pq.read_table(path).equals(table)
    assert len(set(written.values())) == 1


def test_read_back_with_pandas_pyarrow_duckdb_polars(published):
    import duckdb
    import pandas as pd
    import polars as pl

    _, path = published
    articles = pd.read_parquet(path / "articles.parquet")
    assert articles["headline"].tolist()[0] == "深圳前海推出金融开放新举措"
    assert pq.read_table(path / "lines.parquet").num_rows == 9
    count = duckdb.sql(f"SELECT count(*) FROM '{path / 'lines.parquet'}' WHERE role = 'headline'").fetchall()[0][0]
    assert count == 3
    frame = pl.read_parquet(path / "articles.parquet")
    assert frame.filter(pl.col("primary_region") == "110000")["headline"].to_list() == ["北京市启动冬季供暖"]


def test_second_release_same_day_and_changes(published):
    dataset_dir, first = published
    rows = article_rows()
    rows[0]["primary_theme"] = "medtop:11000000"  # changed
    added = dict(rows[2], article_id="a00000000000000ff", headline="新增文章", source_lines=[9])
    rows = [rows[0], rows[1], added]  # a0...03 removed
    version = publish.next_version_name(dataset_dir, DAY)
    second = publish_tables(dataset_dir, make_tables(version, articles=rows, lines=[]))
    assert second.name == "2026.11.21.1" == (dataset_dir / "LATEST").read_text().strip()
    changes = json.loads((second / "changes.json").read_text(encoding="utf-8"))
    assert changes["previous_version"] == first.name
    assert changes["added"] == ["a00000000000000ff"] and changes["removed"] == ["a0000000000000003"]
    assert changes["changed"] == [{"article_id": "a0000000000000001", "columns": ["primary_theme"]}]
    assert "新增文章" in (second / "CHANGES.md").read_text(encoding="utf-8")


def test_fingerprint_ignores_version_and_sees_content(published):
    dataset_dir, _ = published
    assert publish.latest_fingerprint(dataset_dir) == manifest.content_fingerprint(make_tables("2030.01.01"))
    rows = article_rows()
    rows[0]["text"] += "。"
    assert manifest.content_fingerprint(make_tables(articles=rows)) != publish.latest_fingerprint(dataset_dir)


def test_rejected_run_leaves_latest_and_versions_untouched(published):
    dataset_dir, path = published
    before = (tree_digest(path), (dataset_dir / "LATEST").read_bytes())
    report = dataset_dir.parent / "blocked-report"
    outcome = fake_outcome(report, success=False)
    with pytest.raises(ValueError):
        publish.publish_version(dataset_dir, "2026.11.21.1", make_tables(), INPUT_FILES, outcome, report, PIPELINE_INFO)
    failing = make_tables("2026.11.21.1")
    rejected = publish.reject_run(dataset_dir, "2026.11.21.1", report, outcome, tables=failing)
    again = publish.reject_run(dataset_dir, "2026.11.21.1", fake_outcome(report, success=False).results_path.parent, outcome)
    assert rejected.parent == again.parent == dataset_dir / "rejected" and rejected != again
    assert (rejected / "validation" / "results.json").is_file() and (rejected / "validation" / "index.html").is_file()
    assert not report.exists()
    note = json.loads((rejected / "rejection.json").read_text())
    assert note["critical_failures"] == outcome.critical_failures
    assert note["tables"] == ["articles.parquet", "lines.parquet", "rejects.parquet"]
    for name, table in failing.items():  # the failing tables, kept for reviewers
        assert pq.read_table(rejected / f"{name}.parquet").equals(table)
    assert not (again / "articles.parquet").exists()
    assert (tree_digest(path), (dataset_dir / "LATEST").read_bytes()) == before
    assert publish.published_versions(dataset_dir) == ["2026.11.21"]
    assert not [p for p in (dataset_dir / "rejected").iterdir() if p.name.startswith(".")]


def test_existing_version_is_never_overwritten(published):
    dataset_dir, path = published
    report = dataset_dir.parent / "again"
    with pytest.raises(FileExistsError):
        publish.publish_version(dataset_dir, path.name, make_tables(), INPUT_FILES, fake_outcome(report), report, PIPELINE_INFO)


def test_dataset_lock_is_reentrant(tmp_path):
    with publish.dataset_lock(tmp_path), publish.dataset_lock(tmp_path, timeout=0):
        pass
    assert (tmp_path / ".lock").exists()


HOLD_LOCK = "import sys; from tasks.publish_lock import dataset_lock\nwith dataset_lock(sys.argv[1]):\n    print('locked', flush=True); sys.stdin.read()"


@pytest.fixture
def lock_held_elsewhere(tmp_path):
    """A second process holding the dataset lock until its stdin is closed."""
    dataset_dir = tmp_path / "out" / "news"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(dataset_dir)], cwd=PROJECT_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "locked"
    yield dataset_dir, holder
    holder.stdin.close()
    holder.wait(timeout=10)


def test_second_publish_fails_clearly_when_the_lock_stays_held(lock_held_elsewhere):
    dataset_dir, holder = lock_held_elsewhere
    with pytest.raises(publish.DatasetLocked, match=f"another process \\(pid {holder.pid}\\)"):
        publish_tables(dataset_dir, lock_timeout=0.2)
    assert publish.published_versions(dataset_dir) == [] and not (dataset_dir / "LATEST").exists()


def test_second_publish_waits_for_the_other_process(lock_held_elsewhere):
    dataset_dir, holder = lock_held_elsewhere
    done = []
    worker = threading.Thread(target=lambda: done.append(publish_tables(dataset_dir)))
    worker.start()
    worker.join(timeout=0.5)
    assert worker.is_alive() and not done and not (dataset_dir / "LATEST").exists()  # waiting
    holder.stdin.close()  # the other process finishes
    worker.join(timeout=30)
    assert done and (dataset_dir / "LATEST").read_text().strip() == done[0].name


def test_dataset_card_front_matter_and_croissant(published):
    _, path = published
    card = (path / "README.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(card.split("---\n")[1])
    assert {c["config_name"]: c["data_files"][0]["path"] for c in meta["configs"]} == {
        "articles": "articles.parquet", "lines": "lines.parquet", "rejects": "rejects.parquet"}
    assert "medtop:04000000" in card and "charts/themes.png" in card and "cjk\\_ratio low" in card
    croissant = json.loads((path / "croissant.json").read_text(encoding="utf-8"))
    assert croissant["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    record_sets = {r["name"]: r for r in croissant["recordSet"]}
    themes = next(f for f in record_sets["articles"]["field"] if f["name"] == "themes")
    assert themes["repeated"] and [s["name"] for s in themes["subField"]] == ["themes/code", "themes/label", "themes/score"]


def test_card_reports_duplicates_and_quality(published):
    dataset_dir, first = published
    rows = article_rows()
    copy = dict(rows[0], article_id="a00000000000000c1", headline="<i>转载</i>", duplicate_of=rows[0]["article_id"], near_duplicate_score=1.0)
    rows[1]["duplicate_of"], rows[1]["near_duplicate_score"] = "a0000000000000003", 0.87  # kept copy only in the first version
    rows = [rows[0], rows[1], copy]
    version = publish.next_version_name(dataset_dir, DAY)
    card = (publish_tables(dataset_dir, make_tables(version, articles=rows, lines=[])) / "README.md").read_text(encoding="utf-8")
    duplicates = card[card.index("## Duplicates"):card.index("## Quality")]
    assert "| marked as duplicates (`duplicate_of` set) | 2 |" in duplicates
    assert "| … of a kept copy in this version | 1 |" in duplicates
    assert f"| … of a kept copy in the previous version ({first.name}) | 1 |" in duplicates
    assert "&lt;i&gt;转载&lt;/i&gt;" in duplicates and "<i>" not in duplicates
    quality = card[card.index("## Quality"):card.index("## Validation")]
    assert "![quality score](charts/quality_score.png)" in quality
    assert "| signal | min | p10 | p25 | median | p75 | p90 | max | nulls |" in quality
    for column in ("cjk_ratio", "punctuation_ratio", "ocr_flag_count", "quality_score"):
        assert f"| `{column}` |" in quality
    assert "weighted geometric mean" in quality and "| `language` | 0.25 |" in quality
    assert "| `CJK_RATIO_FULL` | `0.6` |" in quality


@pytest.mark.parametrize(
    "text, expected",
    [("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"), ("**粗体**", "\\*\\*粗体\\*\\*"),
     ("| 表 |\n---", "\\| 表 \\| ---"), ("[链接](http://x)", "\\[链接\\](http://x)"), ("# 标题 `x`", "\\# 标题 \\`x\\`"),
     (None, "")],
)
def test_escape_md(text, expected):
    assert escape_md(text) == expected


def test_croissant_loads_in_mlcroissant_when_installed(published):
    mlc = pytest.importorskip("mlcroissant")
    _, path = published
    dataset = mlc.Dataset(jsonld=str(path / "croissant.json"))
    records = list(dataset.records(record_set="articles"))
    assert len(records) == 3 and records[0]["articles/primary_region"] == b"440300"


def test_failed_staging_leaves_no_trace(published):
    dataset_dir, path = published
    report = dataset_dir.parent / "report-broken"
    tables = make_tables("2026.11.21.1")
    del tables["articles"]  # publishing needs the articles table: fails half-way through staging
    with pytest.raises(KeyError):
        publish.publish_version(dataset_dir, "2026.11.21.1", tables, INPUT_FILES, fake_outcome(report), report, PIPELINE_INFO)
    assert sorted(p.name for p in dataset_dir.iterdir()) == [".lock", "2026.11.21", "LATEST"]
    assert (dataset_dir / "LATEST").read_text().strip() == path.name


def test_content_digest_matches_fingerprint_and_row_digests():
    """One pass gives the fingerprint and the article row digests that change detection uses."""
    tables = make_tables("2026.01.01")
    content = manifest.content_digest(tables)
    assert content.article_digests == manifest.row_digests("articles", tables["articles"], "article_id")
    assert content.fingerprint == manifest.content_digest(make_tables("2030.01.01")).fingerprint


def test_fsync_tree_syncs_top_files_and_folders(tmp_path, monkeypatch):
    from tasks import publish_files

    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "doc_1.html").write_text("x")
    (tmp_path / "articles.parquet").write_bytes(b"x")
    synced = []
    monkeypatch.setattr(publish_files, "fsync", lambda path: synced.append(Path(path).relative_to(tmp_path).as_posix()))
    publish_files.fsync_tree(tmp_path)
    assert synced == ["articles.parquet", "review", "."]


def test_content_digest_ignores_chunks_dictionaries_and_row_order_but_not_values(tmp_path):
    """The digests come from Arrow buffers: chunk layout, dictionary encoding, row order and a Parquet
    round trip change nothing; one changed value changes the fingerprint and that article's digest only."""
    import pyarrow as pa

    tables = make_tables()
    content = manifest.content_digest(tables)
    lines = tables["lines"]
    relaid = dict(tables, lines=pa.concat_tables([lines.slice(3), lines.slice(0, 3)]),
                  articles=pa.concat_tables([tables["articles"].slice(0, 1), tables["articles"].slice(1)]))
    assert manifest.content_digest(relaid) == content
    folder = tmp_path / "t"
    folder.mkdir()
    publish_files.write_tables(folder, tables)
    read_back = {name: pq.read_table(folder / f"{name}.parquet") for name in tables}
    assert manifest.content_digest(read_back) == content
    rows = article_rows()
    rows[1]["reporters"] = ["李四"]
    changed = manifest.content_digest(make_tables(articles=rows))
    assert changed.fingerprint != content.fingerprint
    assert {k for k in content.article_digests if content.article_digests[k] != changed.article_digests[k]} == {rows[1]["article_id"]}
