"""Tests of tasks/ingest.py: discovery, decoding, rejects, `cat -n` line numbering, HTML extraction."""
from __future__ import annotations

import codecs
import os
import subprocess
import time
from pathlib import Path

import pytest

from tasks.ingest import IngestLimits, decode_bytes, discover, read_document, split_lines
from tasks.records import Reject, SourceDocument
from tasks.schema import MEDIA_HTML, MEDIA_MARKDOWN, MEDIA_TEXT

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

SIMPLIFIED = "本报讯(记者 张清)天津市今天召开新闻发布会，介绍产业链发展情况。"
TRADITIONAL = "臺灣的經濟發展在過去一年裡表現亮眼，出口總額創下歷史新高。記者王小明報導。"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def read(tmp_path: Path, name: str, data: bytes) -> SourceDocument | Reject:
    return read_document(write(tmp_path, name, data), tmp_path)


DECODED = [
    # (case, bytes, expected encoding, expected lines)
    ("utf-8", f"标题\n{SIMPLIFIED}\n".encode(), "utf-8", ["标题", SIMPLIFIED]),
    ("utf-8 with BOM", codecs.BOM_UTF8 + f"标题\n{SIMPLIFIED}\n".encode(), "utf-8-sig", ["标题", SIMPLIFIED]),
    ("utf-16-le BOM", f"标题\n{SIMPLIFIED}".encode("utf-16"), "utf-16", ["标题", SIMPLIFIED]),
    ("utf-16-be BOM", codecs.BOM_UTF16_BE + f"标题\r\n{SIMPLIFIED}".encode("utf-16-be"), "utf-16", ["标题", SIMPLIFIED]),
    ("gb18030", f"标题\n{SIMPLIFIED}\n".encode("gb18030"), "gb18030", ["标题", SIMPLIFIED]),
    ("gbk", f"{SIMPLIFIED}\n".encode("gbk"), "gb18030", [SIMPLIFIED]),
    ("gb2312 short line", "中国经济\n".encode("gb2312"), "gb18030", ["中国经济"]),
    ("gbk mostly ascii", "GDP 2024: 中国 +5%\n".encode("gbk"), "gb18030", ["GDP 2024: 中国 +5%"]),
    ("big5", f"{TRADITIONAL}\n".encode("big5"), "big5", [TRADITIONAL]),
    ("big5 short", "臺北市政府今日宣布。".encode("big5"), "big5", ["臺北市政府今日宣布。"]),
    ("crlf", "第一行\r\n\r\n第二行\r\n".encode(), "utf-8", ["第一行", "", "第二行"]),
    ("no final newline", "甲\n\n乙".encode(), "utf-8", ["甲", "", "乙"]),
    ("final blank line", "甲\n\n".encode(), "utf-8", ["甲", ""]),
    ("lone CR is not a line break", "甲\r乙\n".encode(), "utf-8", ["甲\r乙"]),
    ("controls kept raw", "甲\x0c乙\u2028丙\x85丁\n".encode(), "utf-8", ["甲\x0c乙\u2028丙\x85丁"]),
    ("stray NUL dropped", ("正文内容。" * 400 + "\x00\n下一行").encode(), "utf-8", ["正文内容。" * 400, "下一行"]),
    ("trailing NUL padding", "正文\n".encode() + b"\x00" * 4096, "utf-8", ["正文"]),
]


@pytest.mark.parametrize(("case", "data", "encoding", "lines"), DECODED, ids=[row[0] for row in DECODED])
def test_decodes_and_splits(tmp_path, case, data, encoding, lines):
    doc = read(tmp_path, "doc.txt", data)
    assert isinstance(doc, SourceDocument), doc
    assert (doc.encoding, list(doc.lines)) == (encoding, lines)
    assert doc.byte_count == len(data) and len(doc.sha256) == 64


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
REJECTED = [
    # (case, file name, bytes, words expected in the reason)
    ("png bytes", "photo.txt", PNG, "binary file (PNG image)"),
    ("nul-ridden binary", "blob.txt", bytes(range(256)) * 8, "binary content"),
    ("control-ridden", "ctl.txt", b"\x01\x02\x03abc\x04\x05\x06" * 50, "binary content"),
    ("only NUL", "nul.txt", b"\x00" * 100, "only NUL bytes"),
    ("invalid utf-8 in the middle", "bad.txt", SIMPLIFIED.encode() * 3 + b"\xff\xc3(" + SIMPLIFIED.encode(), "invalid UTF-8"),
    ("utf-8 with gbk fragment", "mix.txt", SIMPLIFIED.encode() * 20 + "中文".encode("gbk"), "invalid UTF-8"),
    ("latin-1 text", "fr.txt", "Le résumé du café était très intéressant.\n".encode("latin-1"), "undecodable"),
    ("shift_jis text", "jp.txt", "日本語のテキストです。東京都は今日発表した。\n".encode("shift_jis"), "undecodable"),
    ("empty", "empty.txt", b"", "empty file"),
    ("bom only", "bom.txt", codecs.BOM_UTF8, "empty file"),
    ("whitespace only", "blank.md", " \n\t\r\n\u3000\n".encode(), "no text"),
    ("unsupported suffix", "scan.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
    ("no suffix", "README", b"text", "unsupported file type (none)"),
    ("empty html", "page.html", b"<html><body><script>var a = 1;</script></body></html>", "no main text"),
]


@pytest.mark.parametrize(("case", "name", "data", "reason"), REJECTED, ids=[row[0] for row in REJECTED])
def test_rejects_with_reason(tmp_path, case, name, data, reason):
    reject = read(tmp_path, name, data)
    assert isinstance(reject, Reject), reject
    assert reason in reject.reason
    assert (reject.source_file, reject.byte_count) == (name, len(data))


@pytest.mark.parametrize("name", ["000_4ffe195f91a4720f.txt", "001_a64ee2d8bd336b9e.txt", "002_92f316f74dd503af.txt",
                                  "003_0d6ab5d3193fcff8.txt", "004_9b1eaf1a9202b4cc.txt"])
def test_seed_lines_match_cat_n(name):
    doc = read_document(SEEDS / name, SEEDS)
    numbered = subprocess.run(["cat", "-n", str(SEEDS / name)], capture_output=True, check=True).stdout.decode()
    expected = [row.split("\t", 1)[1] for row in numbered.split("\n") if row]
    assert list(doc.lines) == expected
    assert doc.media_type == MEDIA_TEXT and doc.encoding == "utf-8"


def test_seed_spot_check():
    doc = read_document(SEEDS / "000_4ffe195f91a4720f.txt", SEEDS)
    assert doc.lines[12] == "加快形成更多新质生产力"  # cat -n line 13
    assert doc.lines[122].startswith("式带动了基层治理提质增效")  # line 123, the file has no final newline
    assert len(doc.lines) == 123


def test_split_lines_matches_newline_count():
    for text in ["", "a", "a\n", "a\n\n", "\n", "a\nb", "a\r\nb\r\n"]:
        expected = text.count("\n") + (0 if text.endswith("\n") else 1)
        assert len(split_lines(text)) == max(expected, 1)


def test_long_lines_are_fast(tmp_path):
    long_line = "新" * 100_000
    doc = read(tmp_path, "long.txt", f"前\n{long_line}\n后\n".encode())
    assert [len(line) for line in doc.lines] == [1, 100_000, 1]
    huge = ("产业链发展，" * 1_200_000).encode()  # about 21 MB on one line, no newline
    started = time.perf_counter()
    doc = read(tmp_path, "huge.txt", huge)
    assert time.perf_counter() - started < 3.0
    assert len(doc.lines) == 1 and len(doc.lines[0]) == 7_200_000


def test_huge_gb18030_file_is_decoded(tmp_path):
    started = time.perf_counter()
    text, encoding = decode_bytes((SIMPLIFIED + "\n").encode("gb18030") * 50_000)
    assert encoding == "gb18030" and text.count("\n") == 50_000
    assert time.perf_counter() - started < 3.0


def test_discover_sorts_skips_hidden_and_keeps_every_file(tmp_path):
    names = ["b.txt", "A.MD", "新闻 稿/第 1 版.txt", "a/z.markdown", "c.HTM", "d.htm", "notes.docx", "a b.Txt"]
    for name in names:
        write(tmp_path, name, SIMPLIFIED.encode())
    write(tmp_path, "c.HTM", f"<html><body><p>{SIMPLIFIED * 3}</p></body></html>".encode())
    write(tmp_path, ".hidden.txt", b"x")
    write(tmp_path, ".git/config.txt", b"x")
    found = [path.relative_to(tmp_path).as_posix() for path in discover(tmp_path)]
    assert found == sorted(names)
    results = [read_document(path, tmp_path) for path in discover(tmp_path)]
    assert [r.source_file for r in results] == sorted(names)
    assert {r.source_file for r in results if isinstance(r, Reject)} == {"d.htm", "notes.docx"}  # d.htm holds no HTML
    media = {r.source_file: r.media_type for r in results if isinstance(r, SourceDocument)}
    assert media["A.MD"] == media["a/z.markdown"] == MEDIA_MARKDOWN and media["a b.Txt"] == MEDIA_TEXT


def test_symlinks(tmp_path):
    outside, inside = tmp_path / "outside", tmp_path / "in"
    write(outside, "secret.txt", SIMPLIFIED.encode())
    write(inside, "real.txt", SIMPLIFIED.encode())
    os.symlink(outside / "secret.txt", inside / "leak.txt")
    os.symlink(outside, inside / "leakdir")
    os.symlink(inside / "real.txt", inside / "alias.txt")
    os.symlink(inside / "missing.txt", inside / "broken.txt")
    os.symlink(inside / "loop.txt", inside / "loop.txt")
    results = {r.source_file: r for r in (read_document(p, inside) for p in discover(inside))}
    assert sorted(results) == ["alias.txt", "broken.txt", "leak.txt", "leakdir", "loop.txt", "real.txt"]
    assert results["leak.txt"] == Reject("leak.txt", "", 0, "symlink outside input folder")
    assert results["leakdir"].reason == "symlink outside input folder"
    assert "broken symlink" in results["broken.txt"].reason and "broken symlink" in results["loop.txt"].reason
    assert results["alias.txt"].lines == results["real.txt"].lines == (SIMPLIFIED,)


HTML = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>加快形成更多新质生产力_天津日报</title>
<meta property="og:site_name" content="天津日报"><meta name="date" content="2024-01-20">
<style>body {{ color: red }} .STYLETEXT {{}}</style><script>var secret = 'SCRIPTTEXT';</script></head>
<body><nav><a href="/">首页</a> | <a href="/news">新闻</a></nav>
<article><h1>加快形成更多新质生产力</h1>
<p onclick="alert('ONCLICKTEXT')">昨日，走进位于东丽区的平高智能电气有限公司，生产车间内一派热火朝天。这家企业是区工信局重点服务企业。</p>
<script>document.write('SCRIPT2TEXT')</script><noscript>NOSCRIPTTEXT</noscript>
<p>今年政府工作报告提出，全力促进科技创新、产业焕新、城市更新，加快形成更多新质生产力，区工信局局长表示干劲更足了。</p>
</article><footer>版权所有 2024</footer></body></html>"""


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("gbk", "gb18030")])
def test_html_main_text_without_script(tmp_path, charset, encoding):
    doc = read(tmp_path, "page.html", HTML.format(charset=charset).encode(charset))
    assert isinstance(doc, SourceDocument), doc
    text = "\n".join(doc.lines)
    for code in ("SCRIPTTEXT", "SCRIPT2TEXT", "ONCLICKTEXT", "STYLETEXT", "NOSCRIPTTEXT", "alert", "color"):
        assert code not in text
    assert doc.lines[0] == "加快形成更多新质生产力" and doc.lines[1].startswith("昨日，")
    assert (doc.media_type, doc.encoding) == (MEDIA_HTML, encoding)
    assert (doc.title, doc.published_at, doc.site_name) == ("加快形成更多新质生产力", "2024-01-20", "天津日报")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [f"标题 2024\n{SIMPLIFIED}\n" * 3, f"{SIMPLIFIED}{TRADITIONAL}"], ids=["ascii", "cjk only"])
def test_utf16_without_bom(tmp_path, codec, text):
    doc = read(tmp_path, "doc.txt", text.encode(codec))
    assert isinstance(doc, SourceDocument), doc
    assert (doc.encoding, list(doc.lines)) == (codec, split_lines(text))


def test_html_fragment_json_ld_date_and_no_guessed_date(tmp_path):
    json_ld = '{"@type": "NewsArticle", "datePublished": "2024-03-05", "headline": "标题"}'
    page = f'<script type="application/ld+json">{json_ld}</script><div><h1>标题</h1><p>{SIMPLIFIED * 2}</p></div>'
    doc = read(tmp_path, "fragment.html", page.encode())
    assert doc.lines == ("标题", SIMPLIFIED * 2) and doc.published_at == "2024-03-05"
    # A date in the body text is not the page's publication date.
    doc = read(tmp_path, "body_date.html", f"<div><p>2023年5月6日，{SIMPLIFIED}</p><p>{SIMPLIFIED}</p></div>".encode())
    assert doc.lines[0].startswith("2023年5月6日") and doc.published_at is None


def test_html_file_without_markup_is_rejected(tmp_path):
    assert read(tmp_path, "plain.htm", SIMPLIFIED.encode()).reason == "no HTML markup in an HTML file"


def test_special_and_large_files_are_rejected_unread(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening a FIFO would block the run
    assert read_document(tmp_path / "pipe.txt", tmp_path) == Reject("pipe.txt", "", 0, "not a regular file")
    write(tmp_path, "big.txt", SIMPLIFIED.encode())
    reject = read_document(tmp_path / "big.txt", tmp_path, IngestLimits(max_bytes=10))
    assert reject.reason.startswith("file too large") and reject.sha256 == ""


def test_missing_input_folder_raises(tmp_path):
    with pytest.raises(NotADirectoryError):
        discover(tmp_path / "nowhere")


def test_public_api_is_importable_from_tasks_ingest():
    """ingest.py was split in three (finding/reading, decoding, HTML); callers keep importing from tasks.ingest."""
    from tasks import ingest, ingest_decode, ingest_html

    assert ingest.decode_bytes is ingest_decode.decode_bytes and ingest.extract_html is ingest_html.extract_html
    for name in ("discover", "read_document", "reject_for_path", "decode_bytes", "extract_html", "IngestLimits", "Unreadable"):
        assert callable(getattr(ingest, name)), name
