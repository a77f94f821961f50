"""The no-change rerun decided before Prefect loads (flows/unchanged.py), and its pieces in tasks/cache.py and tasks/versions.py."""
from __future__ import annotations

import json
import os

import pytest

from flows.unchanged import unchanged_summary
from tasks import cache, versions


def test_independent_versions_are_the_component_versions_the_code_fingerprint_does_not_imply():
    full = versions.component_versions()
    assert set(versions.IMPLIED_BY_CODE) <= set(full)
    assert versions.independent_component_versions() == {k: v for k, v in full.items() if k not in versions.IMPLIED_BY_CODE}


def test_raw_inputs_record_what_ingest_records(tmp_path):
    from tasks.ingest import discover, read_document

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("本报讯 今天天气晴。\n", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("# 标题\n正文。\n", encoding="utf-8")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01binary")  # rejected by ingest, with its checksum
    records = [read_document(p, tmp_path) for p in discover(tmp_path)]
    assert cache.raw_inputs(tmp_path) == [(r.source_file, r.sha256, r.byte_count) for r in records]


def test_raw_inputs_leave_symlinks_to_ingest(tmp_path):
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    assert cache.raw_inputs(tmp_path) is None


def _publish_manifest(output, inputs, pipeline_versions, version="2026.01.01"):
    dataset_dir = output / "news"
    (dataset_dir / version).mkdir(parents=True)
    manifest = {"inputs": [{"source_file": f, "sha256": s, "bytes": b} for f, s, b in inputs],
                "pipeline": {"versions": {**pipeline_versions, "git_commit": "abc"},
                             "stage_counts": {"documents_ingested": len(inputs), "files_rejected": 0}}}
    (dataset_dir / version / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (dataset_dir / "LATEST").write_text(version + "\n", encoding="utf-8")


@pytest.fixture
def published(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("本报讯 今天天气晴。\n", encoding="utf-8")
    _publish_manifest(tmp_path / "out", cache.raw_inputs(inputs), versions.component_versions())
    return inputs, tmp_path / "out"


def test_same_inputs_and_versions_need_no_build(published):
    inputs, output = published
    summary = unchanged_summary(inputs, output, "news")
    assert summary is not None and summary.status == "unchanged" and summary.documents == 1


def test_a_changed_input_or_component_needs_the_build(published, tmp_path):
    inputs, output = published
    assert unchanged_summary(inputs, output, "other") is None  # no LATEST there
    (inputs / "a.txt").write_text("本报讯 今天下雨。\n", encoding="utf-8")
    assert unchanged_summary(inputs, output, "news") is None
    other = tmp_path / "other"
    _publish_manifest(other, cache.raw_inputs(inputs), {**versions.component_versions(), "code": "0" * 16})
    assert unchanged_summary(inputs, other, "news") is None
