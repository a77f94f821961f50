"""Issue 8, bad input: every broken file either becomes rows or a row of rejects.parquet, and the run goes on.

One folder holds every bad-input case next to two seeds; it goes once through the real flow
(Prefect + Great Expectations) and each case is checked in the published tables. Cases that
must stop a run (a bad configuration file, a folder of nothing readable, too many rejects)
have their own small runs. Speed: the cleaner and the segmenter must stay linear on huge lines.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from tasks.ingest import read_document
from tasks.records import SourceDocument
from tests.conftest import SEEDS

SENTENCE = "本报讯(记者 张清)天津市今天召开新闻发布会，介绍产业链发展情况。"
BODY = [
    "推进产业链发展座谈会在天津召开",
    "本报讯(记者 张清)天津市今天召开新闻发布会，介绍今年以来产业链发展情况和下一步工作安排。",
    "发布会上，市工业和信息化局负责人表示，全市重点产业链已形成较为完整的配套体系，企业创新能力不断提升。",
    "下一步，本市将继续加大政策支持力度，推动更多项目落地见效，为经济高质量发展注入新动能。",
]
TEXT = "\n".join(BODY) + "\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06" + bytes(range(256)) * 4
BOILERPLATE = "首页 | 新闻 | 图片 | 视频\n版权所有 © 2024 某某网 All Rights Reserved\n未经授权，禁止转载\n联系我们\n"
HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>推进产业链发展座谈会在天津召开</title>
<script>window.SCRIPTMARK = 1; fetch('http://evil.example/x')</script></head>
<body onload="alert('ONLOADMARK')"><article><h1>推进产业链发展座谈会在天津召开</h1>
<p onclick="alert('ONCLICKMARK')" onmouseover="steal()">{0}</p>
<img src="x.png" onerror="alert('ONERRORMARK')"><a href="javascript:alert('HREFMARK')">{1}</a>
<script type="text/javascript">document.write('<p>SCRIPT2MARK</p>')</script><p>{2}</p></article></body></html>"""
MARKUP_HEADLINE = "<script>alert('XSSMARK')</script><img src=x onerror=alert(1)>产业链发展座谈会召开"
CODE_MARKS = ("SCRIPTMARK", "ONLOADMARK", "ONCLICKMARK", "ONERRORMARK", "HREFMARK", "SCRIPT2MARK", "alert", "fetch(")

# name -> bytes. Readable ones must come out as lines; the others as rejects with the reason given.
READABLE = {
    "gb18030.txt": TEXT.encode("gb18030"),
    "utf16.txt": TEXT.encode("utf-16"),  # with its byte-order mark
    "utf16le-nobom.txt": TEXT.encode("utf-16-le"),
    "stray-nul.txt": (TEXT[:40] + "\x00" + TEXT[40:]).encode() + "正文。".encode() * 400,
    "long-line.txt": ("标题\n" + (SENTENCE * 3031)[:100_000] + "\n" + TEXT).encode(),
    "boilerplate-only.md": BOILERPLATE.encode(),
    "copy one.txt": TEXT.encode(),
    "copy two.txt": TEXT.encode(),
    "新闻 稿/第 1 版 (副本).txt": TEXT.encode(),
    "page.html": HTML_PAGE.format(*BODY[1:]).encode(),
    "markup <i>&amp;.txt": (f"{MARKUP_HEADLINE}\n" + "\n".join(BODY[1:]) + "\n").encode(),
}
REJECTED = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (" \n\t\r\n\u3000\n  \n".encode(), "no text (whitespace only)"),
    "photo.txt": (PNG, "binary file (PNG image)"),
    "bad-utf8.txt": (SENTENCE.encode() * 5 + b"\xff\xfe\xc3(" + SENTENCE.encode() * 5, "invalid UTF-8"),
    "nul-binary.txt": (b"\x00\x01abc\x00\x00" * 200, "binary content"),
}
OUTSIDE_MARK = "此行来自输入目录之外不应出现"


def build_bad_input_folder(root: Path) -> Path:
    """Every case of the issue in one input folder, plus two seeds so the reject rate stays normal."""
    inputs = root / "inputs"
    for name, data in {**READABLE, **{n: d for n, (d, _) in REJECTED.items()}}.items():
        (inputs / name).parent.mkdir(parents=True, exist_ok=True)
        (inputs / name).write_bytes(data)
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, inputs)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OUTSIDE_MARK + "。\n", encoding="utf-8")
    os.symlink(outside / "secret.txt", inputs / "link-out.txt")
    os.symlink(outside, inputs / "dir-out")
    return inputs


@pytest.fixture(scope="module")
def bad_input_build(prefect_harness, tmp_path_factory):
    from flows.build import build_dataset

    root = tmp_path_factory.mktemp("bad_input")
    inputs = build_bad_input_folder(root)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("prefect").addHandler(handler)
    try:
        summary = build_dataset(str(inputs), str(root / "output"), "news", workers=1, cache_dir=None)
    finally:
        logging.getLogger("prefect").removeHandler(handler)
    assert summary.status == "published", summary.message
    version = Path(summary.version_path)
    tables = {name: pq.read_table(version / f"{name}.parquet").to_pylist() for name in ("articles", "lines", "rejects")}
    return summary, tables, [record.getMessage() for record in records]


def lines_of(tables: dict, source_file: str) -> list[dict]:
    return [row for row in tables["lines"] if row["source_file"] == source_file]


def test_run_goes_on_and_every_file_is_accounted_for(bad_input_build):
    summary, tables, _ = bad_input_build
    published = {row["source_file"] for row in tables["lines"]}
    rejected = {row["source_file"] for row in tables["rejects"]}
    expected_rejects = set(REJECTED) | {"link-out.txt", "dir-out"}
    assert rejected == expected_rejects
    assert published == set(READABLE) | {p.name for p in sorted(SEEDS.glob("*.txt"))[:2]}
    assert summary.rejects == len(expected_rejects)


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_unreadable_file_is_a_reject_row_with_digest_size_and_reason(bad_input_build, name):
    _, tables, _ = bad_input_build
    data, reason = REJECTED[name]
    (row,) = [row for row in tables["rejects"] if row["source_file"] == name]
    assert reason in row["reason"]
    assert row["bytes"] == len(data)
    assert row["sha256"] == hashlib.sha256(data).hexdigest()


def test_every_reject_has_a_clear_log_line(bad_input_build):
    _, tables, messages = bad_input_build
    for row in tables["rejects"]:
        assert any(row["source_file"] in m and row["reason"] in m for m in messages), row["source_file"]


def test_symlinks_out_of_the_input_folder_are_not_followed(bad_input_build):
    _, tables, _ = bad_input_build
    rows = {row["source_file"]: row for row in tables["rejects"]}
    for name in ("link-out.txt", "dir-out"):
        assert rows[name]["reason"] == "symlink outside input folder"
        assert (rows[name]["sha256"], rows[name]["bytes"]) == ("", 0)  # never opened
    assert not any(OUTSIDE_MARK in row["text"] for row in tables["lines"])


@pytest.mark.parametrize("name", ["gb18030.txt", "utf16.txt", "utf16le-nobom.txt", "copy one.txt", "新闻 稿/第 1 版 (副本).txt"])
def test_legacy_encodings_and_odd_names_read_as_the_same_text(bad_input_build, name):
    _, tables, _ = bad_input_build
    assert [row["text"] for row in lines_of(tables, name)] == BODY
    assert any(row["source_file"] == name for row in tables["articles"])


def test_stray_nul_byte_is_dropped_and_line_numbers_kept(bad_input_build):
    _, tables, _ = bad_input_build
    rows = lines_of(tables, "stray-nul.txt")
    assert [row["line_no"] for row in rows] == [1, 2, 3, 4, 5] and rows[0]["text"] == BODY[0]
    assert not any("\x00" in row["text"] for row in tables["lines"])


def test_line_of_100000_characters_is_kept_whole(bad_input_build):
    _, tables, _ = bad_input_build
    rows = {row["line_no"]: row for row in lines_of(tables, "long-line.txt")}
    assert len(rows[2]["text"]) == 100_000 and rows[3]["text"] == BODY[0]


def test_file_of_nothing_but_boilerplate_gives_dropped_lines_and_no_article(bad_input_build):
    _, tables, _ = bad_input_build
    rows = lines_of(tables, "boilerplate-only.md")
    assert len(rows) == BOILERPLATE.count("\n")
    assert all(row["action"] == "dropped" and row["reason"] for row in rows)
    assert not any(row["source_file"] == "boilerplate-only.md" for row in tables["articles"])


def test_same_content_under_two_names_gives_two_sets_of_rows_with_distinct_ids(bad_input_build):
    _, tables, _ = bad_input_build
    one = [row for row in tables["articles"] if row["source_file"] == "copy one.txt"]
    two = [row for row in tables["articles"] if row["source_file"] == "copy two.txt"]
    assert one and [row["text"] for row in one] == [row["text"] for row in two]
    assert not {row["article_id"] for row in one} & {row["article_id"] for row in two}
    ids = [row["article_id"] for row in tables["articles"]]
    assert len(ids) == len(set(ids))


def test_html_script_and_event_handlers_never_reach_the_text(bad_input_build):
    _, tables, _ = bad_input_build
    rows = lines_of(tables, "page.html")
    assert rows and rows[0]["text"] == BODY[0]
    published = [row["text"] for row in rows] + [r["text"] for r in tables["articles"] if r["source_file"] == "page.html"]
    for mark in CODE_MARKS:
        assert not any(mark in text for text in published), mark


def test_input_text_is_escaped_where_it_is_rendered(bad_input_build):
    """Markup typed in a text file, or in a file name, is data: the card and the Data Docs never carry it raw."""
    summary, tables, _ = bad_input_build
    assert any(MARKUP_HEADLINE in row["text"] for row in tables["lines"])  # kept as data in the tables
    version = Path(summary.version_path)
    rendered = [p for p in version.rglob("*") if p.suffix in (".html", ".md") and p.is_file()]
    assert rendered
    for path in rendered:
        page = path.read_text(encoding="utf-8")
        assert "<script>alert('XSSMARK')" not in page and "<i>&amp;" not in page, path.relative_to(version)


def test_folder_of_nothing_readable_is_unusable_and_publishes_nothing(prefect_harness, tmp_path):
    from flows.build import build_dataset

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name, (data, _) in REJECTED.items():
        (inputs / name).write_bytes(data)
    summary = build_dataset(str(inputs), str(tmp_path / "output"), "news", workers=1, cache_dir=None)
    assert summary.status == "unusable" and summary.rejects == len(REJECTED)
    assert not (tmp_path / "output" / "news" / "LATEST").exists()


# --- Configuration files with a schema error: stop before any work, naming file and field.

def _set(path: list, value):
    """A change to a parsed YAML file: set the item at path (a value of None deletes it)."""
    def change(data):
        holder = data
        for key in path[:-1]:
            holder = holder[key]
        if value is None:
            del holder[path[-1]]
        else:
            holder[path[-1]] = value
    return change


def _append(key: str, item):
    return lambda data: data[key].append(item)


BROKEN_CONFIGS = [
    # (file, change to its parsed content, words the message must hold)
    ("topics.yaml", _set(["topics", 0, "parent"], "medtop:99999999"), ["topics.yaml", "topics/0/parent"]),
    ("iptc_mediatopics.yaml", _set(["themes", 0, "label_zh"], None), ["iptc_mediatopics.yaml", "themes/0"]),
    ("sources.yaml", _set(["sources"], [{"name": "x", "source_file_glob": "*", "home_adcode": "999999"}]),
     ["sources.yaml", "sources/0/home_adcode"]),
    ("lexicons.yaml", _append("continuation", "(unclosed"), ["lexicons.yaml", "continuation/"]),
    ("segment_lexicon.yaml", _set(["sentence_final", 0], 1), ["segment_lexicon.yaml", "sentence_final/0"]),
    ("region_aliases.yaml", _set(["version"], None), ["region_aliases.yaml", "version"]),
]
CONFIG_IDS = ["topics-parent", "iptc-missing", "sources-adcode", "lexicons-regex", "segment-type", "aliases-version"]


def broken_data_dir(tmp_path: Path, name: str, change) -> Path:
    """A copy of tasks/data with one file changed (comments are lost, the content is what counts)."""
    from tasks.config import DATA_DIR

    data_dir = tmp_path / "data"
    shutil.copytree(DATA_DIR, data_dir)
    data = yaml.safe_load((data_dir / name).read_text(encoding="utf-8"))
    change(data)
    (data_dir / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return data_dir


def test_shipped_configuration_passes_the_check():
    from tasks.config_check import CHECKS, check_all_configs

    assert {path.name for path in check_all_configs()} == set(CHECKS)


@pytest.mark.parametrize(("name", "change", "words"), BROKEN_CONFIGS, ids=CONFIG_IDS)
def test_config_error_names_file_and_field(tmp_path, name, change, words):
    from tasks.config import ConfigError
    from tasks.config_check import check_all_configs

    with pytest.raises(ConfigError) as raised:
        check_all_configs(broken_data_dir(tmp_path, name, change))
    for word in words:
        assert word in str(raised.value)


def test_cli_stops_on_a_bad_config_before_any_work(tmp_path, monkeypatch):
    """`zhpress build` checks the configuration first: no flow run, no output folder content."""
    from click.testing import CliRunner

    import flows.build
    import flows.server
    from tasks import config
    from zhpress.cli import main

    data_dir = broken_data_dir(tmp_path, *BROKEN_CONFIGS[0][:2])
    monkeypatch.setattr(config, "DATA_DIR", data_dir)
    ran = []

    class FlowStub:
        def with_options(self, **options):
            return self

        def __call__(self, *args, **kwargs):
            ran.append(args)
            raise AssertionError("the flow ran despite a broken configuration file")

    monkeypatch.setattr(flows.server, "ensure_prefect_api", lambda: None)
    monkeypatch.setattr(flows.build, "build_dataset", FlowStub())
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--input", str(inputs), "--output", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code not in (0, None) and not ran
    assert "topics.yaml" in result.output and "topics/0/parent" in result.output
    assert not (tmp_path / "out" / "news").exists()


# --- Huge inputs: linear time.

def _clean_and_segment_seconds(text: str) -> float:
    from tasks.clean import clean_document
    from tasks.segment import segment_document

    doc = SourceDocument("big.txt", "0" * 64, len(text), "utf-8", "text/plain", (text,))
    started = time.perf_counter()
    segment_document(doc, clean_document(doc))
    return time.perf_counter() - started


@pytest.mark.parametrize("unit", [SENTENCE, "产业链发展，"], ids=["sentences", "commas without full stop"])
def test_cleaner_and_segmenter_are_linear_on_one_huge_line(unit):
    _clean_and_segment_seconds(SENTENCE)  # warm up lexicons and jieba
    small = _clean_and_segment_seconds(unit * (5_000 // len(unit)))
    large = _clean_and_segment_seconds(unit * (40_000 // len(unit)))
    # Linear work grows 8x; quadratic work 64x. Allow noise, and a floor for tiny timings.
    assert large < max(20 * small, 0.3), (small, large)


def test_tokenizer_is_linear_on_a_long_run_without_punctuation():
    from tasks.tokenize import tokenize

    def seconds(text: str) -> float:
        started = time.perf_counter()
        tokenize(text)
        return time.perf_counter() - started

    seconds("热身")
    small, large = seconds("新" * 1_000), seconds("新" * 16_000)
    # Linear work grows 16x; quadratic work 256x.
    assert large < max(50 * small, 0.3), (small, large)


@pytest.mark.slow
def test_20_mb_file_without_newline_is_read_and_cut_in_reasonable_time(tmp_path):
    unit = SENTENCE.encode()
    data = unit * (20 * 1024 * 1024 // len(unit))
    (tmp_path / "huge.txt").write_bytes(data)
    started = time.perf_counter()
    doc = read_document(tmp_path / "huge.txt", tmp_path)
    read_seconds = time.perf_counter() - started
    assert isinstance(doc, SourceDocument) and len(doc.lines) == 1 and doc.byte_count == len(data)
    assert read_seconds < 5.0
    assert _clean_and_segment_seconds(doc.lines[0]) < 30.0

