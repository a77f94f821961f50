"""Review pages: static HTML showing how every source document was cut into articles.

One index of source documents and one page per document: the source lines in their
original order, coloured by article and marked by role, with the reason for every
dropped line, each article's reading order and joins numbered, and beside them the
articles as published. Files are self-contained (inline CSS, no script, no network)
and every input text is escaped: by Jinja2's autoescape in the templates, by
tasks/review_html.py in the rows and cards it builds for them.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, Future
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from tasks.publish_naming import REVIEW_DIR, VALIDATION_DIR
from tasks.review_html import article_cards, line_rows, swatches
from tasks.review_view import ORPHAN_COLOUR, PAGE_PREFIX, PALETTE, document_view, role_class

TEMPLATES = Path(__file__).parent / "templates"
VALIDATION_RESULTS = f"{VALIDATION_DIR}/results.json"  # written by tasks/validate.py, moved by publishing
# The columns the pages show: token lists and signals stay in Arrow.
ARTICLE_COLUMNS = (
    "article_id", "source_file", "source_lines", "joins", "headline", "kicker", "subtitle", "text", "is_complete",
    "continued_from_page", "continued_to_page", "primary_theme", "primary_region", "reporters", "themes", "topics",
    "regions", "theme_evidence", "region_evidence", "paragraphs", "quality_flags",
)
BLOCK_ROWS = 1_024  # rows converted to Python at a time: 4096 articles held ~45 MiB of Python objects, twice at a block change
MAX_PENDING_PAGES = 8  # pages encoded and waiting for the writer thread
LINE_COLUMNS = ("source_file", "line_no", "text", "clean_text", "role", "article_id", "action", "reason")


def render_review(
    articles: pa.Table, lines: pa.Table, out_dir: Path, validation_warnings: Iterable[str] = (), pool: Executor | None = None
) -> Path:
    """Write the review index and one page per source document under `out_dir`; return index.html.

    Documents are rendered one at a time from the columns the pages show (never the token lists),
    converted to Python a block of documents at a time, so memory holds one block, not the corpus. With a
    thread `pool`, files are written on it while the next page is rendered.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    warnings = [str(w) for w in validation_warnings]
    env = _environment()
    page = env.get_template("review_document.html.j2")
    documents, written, pending = [], set(), []
    for source_file, doc_articles, doc_lines in _documents(articles, lines):
        doc = document_view(source_file, doc_articles, doc_lines, warnings)
        cards = {card["article_id"]: card for card in doc["articles"]}
        html = page.render(
            doc=doc,
            line_rows=Markup(line_rows(doc["lines"], cards, ORPHAN_COLOUR, role_class)),  # escaped by review_html
            article_cards=Markup(article_cards(doc["articles"])),
        )
        _write(pool, pending, out_dir / doc["page"], html)
        written.add(doc["page"])
        documents.append(_index_entry(doc))
    for done in pending:
        done.result()  # a failed write raises here
    for stale in out_dir.glob(f"{PAGE_PREFIX}*.html"):  # pages of documents no longer present
        if stale.name not in written:
            stale.unlink()

    mentioned = {w for doc in documents for w in doc["warnings"]}
    totals = {
        "articles": sum(len(d["articles"]) for d in documents),
        "lines": sum(d["line_count"] for d in documents),
        "dropped": sum(d["dropped"] for d in documents),
        "roles": sum((d["roles"] for d in documents), Counter()),
    }
    index = out_dir / "index.html"
    index.write_text(
        env.get_template("review_index.html.j2").render(
            documents=documents,
            totals=totals,
            general_warnings=[w for w in warnings if w not in mentioned],
            palette=PALETTE,
        ),
        encoding="utf-8",
    )
    return index


def _write(pool: Executor | None, pending: list[Future], path: Path, html: str) -> None:
    if pool is None:
        path.write_bytes(html.encode("utf-8"))
        return
    while pending and (pending[0].done() or len(pending) >= MAX_PENDING_PAGES):  # memory stays a few pages
        pending.pop(0).result()  # a failed write raises here
    pending.append(pool.submit(path.write_bytes, html.encode("utf-8")))


def _index_entry(doc: dict) -> dict:
    """What the index keeps of a rendered document: counts and article swatches, not its lines."""
    slim = {k: v for k, v in doc.items() if k not in ("lines", "articles")}
    slim["articles"] = [{"label": a["label"], "colour": a["colour"], "headline": a["headline"]} for a in doc["articles"]]
    slim["swatches"] = Markup(swatches(doc["articles"]))  # escaped by review_html
    return slim


def _documents(articles: pa.Table, lines: pa.Table) -> Iterator[tuple[str, list[dict], dict[str, list]]]:
    """(source_file, its article rows, its line columns) in source_file order, one document at a time."""
    article_groups = _groups(articles.select([c for c in ARTICLE_COLUMNS if c in articles.column_names]))
    line_groups = _groups(lines.select([c for c in LINE_COLUMNS if c in lines.column_names]))
    next_article, next_line = next(article_groups, None), next(line_groups, None)
    no_lines = {name: [] for name in LINE_COLUMNS}
    while next_article is not None or next_line is not None:
        source_file = min(g[0] for g in (next_article, next_line) if g is not None)
        doc_articles, doc_lines = [], no_lines
        if next_article is not None and next_article[0] == source_file:
            columns = next_article[1]
            doc_articles = [dict(zip(columns, values)) for values in zip(*columns.values())]
            next_article = next(article_groups, None)
        if next_line is not None and next_line[0] == source_file:
            doc_lines = next_line[1]
            next_line = next(line_groups, None)
        yield source_file, doc_articles, doc_lines


def _groups(table: pa.Table) -> Iterator[tuple[str, dict[str, list]]]:
    """(source_file, its rows as columns name -> values) in source_file order.

    Columns are converted to Python a block of documents at a time (about BLOCK_ROWS rows):
    one conversion per column and block instead of per document, and memory holds one block.
    """
    if table.num_rows == 0:
        return
    files = table.column("source_file")
    if not _is_sorted(files):
        table = table.take(pc.sort_indices(files))  # stable: rows of a document keep their order
        files = table.column("source_file")
    runs = pc.run_end_encode(files.combine_chunks())
    values, ends = runs.values.to_pylist(), runs.run_ends.to_pylist()
    first = 0  # first document of the block
    while first < len(ends):
        block_start = ends[first - 1] if first else 0
        last = first  # last document of the block: at least one, whole documents only
        while last + 1 < len(ends) and ends[last + 1] - block_start <= BLOCK_ROWS:
            last += 1
        block = table.slice(block_start, ends[last] - block_start).to_pydict()
        start = 0
        for i in range(first, last + 1):
            end = ends[i] - block_start
            yield values[i], {name: column[start:end] for name, column in block.items()}
            start = end
        first = last + 1


def _is_sorted(column: pa.ChunkedArray) -> bool:
    if len(column) < 2:
        return True
    flat = column.combine_chunks()
    return pc.all(pc.less_equal(flat.slice(0, len(flat) - 1), flat.slice(1))).as_py() is not False


def render_review_for_version(version_dir: Path, validation_warnings: Iterable[str] | None = None) -> Path:
    """Render `<version_dir>/review/` from the version's articles.parquet and lines.parquet.

    Without `validation_warnings`, the warnings of `<version_dir>/validation/results.json` are shown
    when that file exists.
    """
    version_dir = Path(version_dir)
    articles = pq.read_table(version_dir / "articles.parquet")
    lines = pq.read_table(version_dir / "lines.parquet")
    if validation_warnings is None:
        results = version_dir / VALIDATION_RESULTS
        validation_warnings = json.loads(results.read_text(encoding="utf-8")).get("warnings", []) if results.exists() else []
    return render_review(articles, lines, version_dir / REVIEW_DIR, validation_warnings)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every input text is escaped, whatever the template name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # each page extends the base template: no stat() of the files per page
    )
    env.globals["role_class"] = role_class
    return env
