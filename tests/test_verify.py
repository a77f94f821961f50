"""verify_version finds corruption, missing, extra and mis-schemaed files; list_versions and report_summary."""
from __future__ import annotations

import json
import os
import stat

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks import publish
from tasks.manifest import file_sha256
from tasks.verify import list_versions, report_summary, verify_version
from tests.publish_tables import DAY, fake_outcome, publish_tables


@pytest.fixture
def version(tmp_path):
    dataset_dir = tmp_path / "news"
    return dataset_dir, publish_tables(dataset_dir, warnings=["articles: char_count short"])


def writable(path):
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    return path


def test_intact_version_verifies(version):
    assert verify_version(version[1]) == []


def test_corrupted_byte_is_reported(version):
    path = writable(version[1] / "articles.parquet")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    problems = verify_version(version[1])
    assert any("articles.parquet: sha256 differs" in p for p in problems)


def test_shallow_check_skips_checksums_but_not_files(version):
    """Publishing's check of the folder it just hashed: no re-hash, still sizes, missing and extra files."""
    readme = writable(version[1] / "README.md")
    readme.write_bytes(readme.read_bytes()[::-1])  # same size, other bytes: only a checksum sees it
    (version[1] / "notes.txt").write_text("x")
    os.remove(writable(version[1] / "CHANGES.md"))
    shallow = verify_version(version[1], deep=False)
    assert "notes.txt: not in the manifest" in shallow and "CHANGES.md: missing" in shallow
    assert not any("sha256" in p for p in shallow)
    assert "README.md: sha256 differs from the manifest" in verify_version(version[1])


def test_missing_and_extra_files_are_reported(version):
    os.remove(writable(version[1] / "CHANGES.md"))
    (version[1] / "notes.txt").write_text("x")
    problems = verify_version(version[1])
    assert "CHANGES.md: missing" in problems and "notes.txt: not in the manifest" in problems


def test_wrong_schema_and_row_count_are_reported(version):
    path = writable(version[1] / "lines.parquet")
    table = pq.read_table(path)
    pq.write_table(table.slice(0, 2).set_column(1, "line_no", pa.array([1, 2], pa.int64())), path)
    manifest_path = writable(version[1] / "manifest.json")
    data = json.loads(manifest_path.read_text())
    for entry in data["outputs"]:  # make the checksums agree so only the schema and the rows differ
        if entry["path"] == "lines.parquet":
            entry["sha256"], entry["bytes"] = file_sha256(path), path.stat().st_size
    manifest_path.write_text(json.dumps(data))
    problems = verify_version(version[1])
    assert any("lines.parquet: 2 rows, manifest says 9" in p for p in problems)
    assert any("lines.parquet: schema differs" in p and "line_no" in p for p in problems)


def test_no_manifest(tmp_path):
    assert verify_version(tmp_path)[0].startswith("manifest.json: unreadable")


def test_list_versions_marks_latest(version):
    dataset_dir, _ = version
    publish_tables(dataset_dir)
    lines = list_versions(dataset_dir)
    assert [line.split()[0] for line in lines] == ["2026.11.21", "2026.11.21.1"]
    assert lines[1].endswith("<- LATEST") and "3 articles" in lines[0]


def test_report_summary_of_dataset_version_and_rejected_run(version):
    dataset_dir, path = version
    text = report_summary(dataset_dir)
    assert "validation PASSED" in text and "warning  articles: char_count short" in text
    assert report_summary(path) == text
    report = dataset_dir.parent / "blocked"
    rejected = publish.reject_run(dataset_dir, publish.next_version_name(dataset_dir, DAY), report, fake_outcome(report, success=False))
    assert "validation FAILED" in report_summary(rejected) and "CRITICAL" in report_summary(rejected)
    assert report_summary(dataset_dir / "nothing").startswith("no validation report")
