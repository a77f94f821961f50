"""Integration: the real Prefect flow and the real Great Expectations validation on seeds/."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.conftest import SEEDS, non_blank_lines

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def seeds_build(prefect_harness, tmp_path_factory):
    from flows.build import build_dataset

    output = tmp_path_factory.mktemp("output")
    summary = build_dataset(str(SEEDS), str(output), "news")
    return summary, output


def test_build_publishes_a_version_with_the_contract_files(seeds_build):
    summary, output = seeds_build
    assert summary.status == "published", summary.message
    version_dir = Path(summary.version_path)
    latest = (output / "news" / "LATEST").read_text().strip()
    assert version_dir.name == latest
    for name in ("articles.parquet", "lines.parquet", "manifest.json", "README.md", "validation/index.html"):
        assert (version_dir / name).exists(), name


def test_every_non_blank_seed_line_has_exactly_one_row(seeds_build):
    summary, _ = seeds_build
    lines = pd.read_parquet(Path(summary.version_path) / "lines.parquet")
    keys = list(zip(lines["source_file"], lines["line_no"]))
    assert len(keys) == len(set(keys))
    assert set(keys) == non_blank_lines(SEEDS)


def test_articles_read_back_with_pyarrow_and_link_to_lines(seeds_build):
    summary, _ = seeds_build
    version_dir = Path(summary.version_path)
    articles = pq.read_table(version_dir / "articles.parquet").to_pandas()
    lines = pq.read_table(version_dir / "lines.parquet").to_pandas()
    assert len(articles) >= 10
    assert articles["article_id"].is_unique
    assert set(lines["article_id"].dropna()) <= set(articles["article_id"])
    assert (articles["char_count"] > 0).all()
    assert articles["primary_theme"].str.startswith("medtop:").all()
    assert (articles["dataset_version"] == version_dir.name).all()


def test_rerun_on_unchanged_input_publishes_nothing(seeds_build):
    from flows.build import build_dataset

    _, output = seeds_build
    summary = build_dataset(str(SEEDS), str(output), "news")
    assert summary.status == "unchanged"


def test_failing_critical_expectation_blocks_publishing_and_keeps_latest(seeds_build, tmp_path):
    from flows.build import build_dataset

    _, output = seeds_build
    latest_before = (output / "news" / "LATEST").read_text()
    versions_before = sorted(p.name for p in (output / "news").iterdir())
    # Mostly unreadable input: the reject-rate cap is a critical expectation.
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(SEEDS / "004_9b1eaf1a9202b4cc.txt", inputs)
    for i in range(4):
        (inputs / f"scan_{i}.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    summary = build_dataset(str(inputs), str(output), "news")
    assert summary.status == "blocked"
    assert (output / "news" / "LATEST").read_text() == latest_before
    after = sorted(p.name for p in (output / "news").iterdir())
    assert [name for name in after if name not in ("rejected",)] == [n for n in versions_before if n != "rejected"]
    assert Path(summary.report_path).exists()


def test_build_records_summary_and_data_docs_artifacts(seeds_build):
    from prefect.client.orchestration import get_client

    summary, _ = seeds_build
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts()
    summaries = [a.data for a in artifacts if a.key == "zhpress-build-summary"]
    links = [a.data for a in artifacts if a.key == "zhpress-data-docs"]
    assert any("zhpress build: published" in data for data in summaries)
    assert any(summary.report_path in data for data in links)


def test_two_local_workers_publish_the_same_files_and_leave_no_hidden_folder(seeds_build, tmp_path):
    """With several workers the digest runs beside validation (flows/overlap.py): the same files, no leftovers."""
    import hashlib

    from flows.build import run_build

    summary, _ = seeds_build
    parallel = run_build(str(SEEDS), str(tmp_path / "out"), "news", workers=2)
    assert parallel.status == "published", parallel.message

    def digests(version: Path) -> dict[str, str]:
        files = [*version.glob("*.parquet"), *(version / "review").rglob("*.html"), version / "changes.json"]
        return {p.relative_to(version).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    one, two = digests(Path(summary.version_path)), digests(Path(parallel.version_path))
    assert len(one) > 5 and one == two
    assert not [p.name for p in (tmp_path / "out" / "news").iterdir() if p.name.startswith(".") and p.is_dir()]


def test_the_decoded_inputs_are_freed_before_validation(prefect_harness, tmp_path, monkeypatch):
    """Nothing after processing reads the documents' text: a build must not hold it through the
    serial end (validation, Parquet), where its memory peaks and grows with the corpus."""
    import gc
    import weakref

    import flows.build as build

    # weak references to this build's own documents only: other tests' leftovers do not count
    decoded = []
    read_document = build.ingest.read_document

    def reading(*args, **kwargs):
        result = read_document(*args, **kwargs)
        decoded.append(weakref.ref(result))
        return result

    alive = []
    validate_in_child = build.validate_in_child

    def counting(*args, **kwargs):
        gc.collect()
        alive.append(sum(ref() is not None for ref in decoded))
        return validate_in_child(*args, **kwargs)

    monkeypatch.setattr(build.ingest, "read_document", reading)
    monkeypatch.setattr(build, "validate_in_child", counting)
    summary = build.build_dataset(str(SEEDS), str(tmp_path), "news")
    assert summary.status == "published", summary.message
    assert summary.documents > 0 and len(decoded) >= summary.documents and alive == [0]
