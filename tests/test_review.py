"""Review pages: rendered from hand-made tables, then checked in headless Chromium's DOM."""
from __future__ import annotations

import json
import os
import subprocess
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tasks.review import render_review, render_review_for_version
from tasks.review_view import PALETTE, article_colour, page_name
from tasks.schema import ARTICLES_SCHEMA, LINES_SCHEMA

CHROMIUM = "/usr/bin/chromium"
SCRIPT = "<script>document.title='pwned'</script>"
IMG = "<img src=x onerror=alert(1)>"
PAPER = "报纸/第 1 版 (早).txt"  # slash, spaces, CJK and brackets in one name
WEB = "web/page <b>.md"

# (source_file, line_no, text, role, article, action, reason); article is an index into ARTICLES.
LINES = [
    (PAPER, 1, "本报  2024年3月5日  第1版", "furniture", None, "dropped", "page furniture: date and page number"),
    (PAPER, 3, "引题：两会圆桌", "kicker", 0, "kept", None),
    (PAPER, 4, "加快形成新质生产力", "headline", 0, "kept", None),
    (PAPER, 5, "■ 本报记者 张清", "byline", 0, "kept", None),
    (PAPER, 6, "昨日，记者走进东丽区的一家企业，车间里一派繁忙。", "body", 0, "kept", None),
    (PAPER, 7, "企业负责人说，今年将继续加大研发投", "body", 0, "kept", None),
    (PAPER, 8, "入，推动产业升级。", "body", 0, "joined", None),
    (PAPER, 9, "图为车间一角。 " + SCRIPT, "caption", None, "dropped", "caption: short line after a photo marker"),
    (PAPER, 10, "盘活存量空间", "headline", 1, "kept", None),
    (PAPER, 11, "本报讯 河西区今年将改造老旧厂房十处。" + IMG, "body", 1, "normalized", "fullwidth_punctuation"),
    (PAPER, 13, "（下转第2版）", "continuation", None, "dropped", "continuation marker"),
    (PAPER, 14, "区里还将引进一批科技企业。", "body", 1, "kept", None),
    (WEB, 1, "首页 > 新闻 > 正文", "boilerplate", None, "dropped", "navigation breadcrumb"),
    (WEB, 2, "# 海河边新添一座公园", "headline", 2, "normalized", "markdown_heading"),
    (WEB, 3, "来源：天津日报  责任编辑：王五", "metadata", None, "dropped", "page metadata: source, editor"),
    (WEB, 4, "市民在公园里散步。", "body", 2, "kept", None),
]
ARTICLES = [
    dict(source_file=PAPER, headline="加快形成新质生产力", kicker="两会圆桌", reporters=["张清"],
         source_lines=[3, 4, 5, 6, 7, 8], joins=[[7, 8]], paragraphs=["昨日，记者走进东丽区的一家企业，车间里一派繁忙。",
         "企业负责人说，今年将继续加大研发投入，推动产业升级。"], is_complete=True,
         themes=[{"code": "medtop:04000000", "label": "经济", "score": 0.8}], primary_theme="medtop:04000000",
         theme_evidence=["medtop:04000000:产业×2"], regions=[{"adcode": "120110", "name": "东丽区",
         "level": "county", "mentions": 1}], primary_region="120110", region_evidence=["东丽区@body"],
         quality_flags=[{"flag": "broken_line", "count": 1}]),
    dict(source_file=PAPER, headline="盘活存量空间", source_lines=[10, 11, 14], joins=[], is_complete=False,
         paragraphs=["本报讯 河西区今年将改造老旧厂房十处。" + IMG, "区里还将引进一批科技企业。"], continued_to_page=2,
         themes=[], theme_evidence=[SCRIPT], regions=[], region_evidence=[], quality_flags=[]),
    dict(source_file=WEB, headline="海河边新添一座公园", source_lines=[2, 4], joins=[], is_complete=True,
         paragraphs=["市民在公园里散步。"], themes=[], regions=[], quality_flags=[]),
]
IDS = ["a" + format(i, "016x") for i in range(len(ARTICLES))]


def _tables() -> tuple[pa.Table, pa.Table]:
    line_rows = [
        dict(source_file=f, line_no=n, text=t, clean_text=t.lstrip("# "), role=role,
             article_id=None if art is None else IDS[art], action=action, reason=reason, content_score=0.5,
             dataset_version="v-test")
        for f, n, t, role, art, action, reason in LINES
    ]
    article_rows = []
    for id_, row in zip(IDS, ARTICLES):
        text = "\n".join(row["paragraphs"])
        article_rows.append({**row, "article_id": id_, "text": text, "char_count": len(text), "dataset_version": "v-test"})
    articles = pa.Table.from_pylist(article_rows, schema=ARTICLES_SCHEMA)
    return articles, pa.Table.from_pylist(line_rows, schema=LINES_SCHEMA)


class _Dom(HTMLParser):
    """Elements of a dumped DOM: tag, attributes and direct text, in document order."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.title, self._in_title, self.text = "", False, []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_title:
            self.title += data


def _chromium(url: str, tmp_path: Path, *extra: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *extra, url,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=True)
    except subprocess.TimeoutExpired:  # an alert() from injected markup blocks the headless page
        pytest.fail(f"chromium did not finish on {url}: did an input's script or event handler run?")
    return done.stdout


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is required in CI (apt-get install -y chromium)")
        pytest.skip(f"{CHROMIUM} not installed")
    return CHROMIUM


def test_page_names_are_safe_and_stable():
    name = page_name(PAPER)
    assert name == page_name(PAPER) != page_name(WEB)
    assert name.endswith(".html") and name.replace(".", "").replace("_", "").isalnum() and name.isascii()


def test_article_colours_stay_apart_past_the_palette():
    colours = [article_colour(i) for i in range(60)]
    assert colours[: len(PALETTE)] == list(PALETTE) and len(set(colours)) == 60


def test_every_input_text_is_escaped(tmp_path):
    articles, lines = _tables()
    render_review(articles, lines, tmp_path, ["lines.parquet: " + SCRIPT])
    for page in tmp_path.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html and "<img" not in html and "<b>" not in html, page.name


def test_warnings_are_listed_under_the_documents_they_mention(tmp_path):
    articles, lines = _tables()
    warnings = [f"{IDS[2]}: headline longer than 80 characters", "3 lines have no role", f"{PAPER}: no dateline"]
    index = render_review(articles, lines, tmp_path, warnings).read_text(encoding="utf-8")
    rows = {row.split('"', 1)[0]: row for row in index.split('<tr data-source-file="')[1:]}
    assert "headline longer than 80" in rows["web/page &lt;b&gt;.md"] and "no dateline" not in rows["web/page &lt;b&gt;.md"]
    assert "no dateline" in rows[PAPER] and "no role" not in rows[PAPER]
    assert "3 lines have no role" in index[: index.index("<table")]


def test_render_review_for_version_writes_review_folder(tmp_path):
    articles, lines = _tables()
    pq.write_table(articles, tmp_path / "articles.parquet")
    pq.write_table(lines, tmp_path / "lines.parquet")
    (tmp_path / "validation").mkdir()
    results = {"success": True, "warnings": [f"lines: expect_x(role) 1 unexpected in rows ['{WEB}:3']"]}
    (tmp_path / "validation" / "results.json").write_text(json.dumps(results), encoding="utf-8")
    index = render_review_for_version(tmp_path)
    assert index == tmp_path / "review" / "index.html"
    assert sorted(p.name for p in index.parent.iterdir()) == sorted(["index.html", page_name(PAPER), page_name(WEB)])
    assert "expect_x(role)" in (index.parent / page_name(WEB)).read_text(encoding="utf-8")
    assert "expect_x(role)" not in (index.parent / page_name(PAPER)).read_text(encoding="utf-8")


def test_review_pages_in_headless_chromium(tmp_path, chromium):
    articles, lines = _tables()
    index = render_review(articles, lines, tmp_path / "review", ["lines.parquet: " + SCRIPT])

    index_dom = _Dom(_chromium(index.as_uri(), tmp_path, "--dump-dom"))
    links = {attrs.get("href") for tag, attrs in index_dom.elements if tag == "a"}
    assert {page_name(PAPER), page_name(WEB)} <= links
    assert SCRIPT in "".join(index_dom.text) and index_dom.title.startswith("zhpress review")

    expected_colour = {}
    for source_file in (PAPER, WEB):
        page = index.parent / page_name(source_file)
        dom = _Dom(_chromium(page.as_uri(), tmp_path, "--dump-dom"))
        rows = [attrs for tag, attrs in dom.elements if "data-line" in attrs]
        source = [(n, art) for f, n, t, _, art, _, _ in LINES if f == source_file and t.strip()]
        # Every non-blank source line exactly once, in original order, with its article.
        assert [int(r["data-line"]) for r in rows] == [n for n, _ in source]
        assert [r.get("data-article") for r in rows] == [None if a is None else IDS[a] for _, a in source]
        # One colour per article, the same on its lines and on its card; articles apart.
        cards = {a["data-article"]: a["data-colour"] for tag, a in dom.elements if tag == "article"}
        line_colours = defaultdict(set)
        for r in rows:
            if "data-article" in r:
                line_colours[r["data-article"]].add(r["data-colour"])
        assert {k: {v} for k, v in cards.items()} == dict(line_colours)
        assert len(set(cards.values())) == len(cards) and set(cards.values()) <= set(PALETTE)
        expected_colour.update(cards)
        # Injected markup is shown as text and never run.
        assert dom.title.strip() == f"{source_file} · zhpress review"
        assert not [tag for tag, _ in dom.elements if tag in ("script", "img", "b")]
        if source_file == PAPER:
            text = "".join(dom.text)
            assert text.count(SCRIPT) == 2 and IMG in text  # the caption and an evidence chip
    assert Counter(expected_colour.values())[PALETTE[0]] == 2  # first article of each document


def test_lines_and_articles_that_disagree_are_shown_not_hidden(tmp_path):
    articles, lines = _tables()
    ids = lines.column("article_id").to_pylist()
    ids[-1] = "a_missing"  # the web body line names an article the articles table lacks
    lines = lines.set_column(lines.schema.get_field_index("article_id"), LINES_SCHEMA.field("article_id"), pa.array(ids))
    index = render_review(articles, lines, tmp_path)
    page = (tmp_path / page_name(WEB)).read_text(encoding="utf-8")
    assert "a_missing, which is not in the articles table" in page and ">A?<" in page
    assert "source lines [4] are not this article&#39;s in the lines table" in page
    assert "a_missing" in index.read_text(encoding="utf-8")


def test_empty_tables_give_an_empty_index(tmp_path):
    index = render_review(ARTICLES_SCHEMA.empty_table(), LINES_SCHEMA.empty_table(), tmp_path)
    assert "0 documents" in index.read_text(encoding="utf-8") and list(tmp_path.iterdir()) == [index]


def test_pages_do_not_depend_on_row_order_or_extra_documents(tmp_path):
    """Documents are grouped from Arrow slices: shuffled rows give the same files, a document with lines only gets a page."""
    articles, lines = _tables()
    render_review(articles, lines, tmp_path / "sorted")
    shuffled = [3, 0, 15, 7, 12, 1, 9, 14, 2, 11, 4, 13, 5, 10, 6, 8]
    render_review(articles.take([2, 0, 1]), lines.take(shuffled), tmp_path / "shuffled")
    names = sorted(p.name for p in (tmp_path / "sorted").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "shuffled").iterdir())
    for name in names:
        assert (tmp_path / "sorted" / name).read_bytes() == (tmp_path / "shuffled" / name).read_bytes(), name
    only_lines = pa.Table.from_pylist([{**lines.slice(0, 1).to_pylist()[0], "source_file": "无文章.txt"}], schema=LINES_SCHEMA)
    render_review(articles, pa.concat_tables([lines, only_lines]), tmp_path / "extra")
    assert (tmp_path / "extra" / page_name("无文章.txt")).exists()


@pytest.mark.parametrize("values", [["<a>", "b&c", "'\"", ""], ["x\0<y>", "<z>"], [], [None, 3]])
def test_bulk_escaping_equals_escaping_each_value(values):
    """Escaping a page's texts in one pass gives what escaping each does, even when a text holds the separator."""
    import markupsafe

    from tasks.review_html import escape_all, escaped_join

    expected = [str(markupsafe.escape(v)) for v in values]
    assert escape_all(values) == expected
    assert escaped_join(values, "<br>") == "<br>".join(expected)
