"""Review pages: static HTML showing how every source document was cut into articles.

One index of source documents and one page per document: the source lines in their
original order, coloured by article and marked by role, with the reason for every
dropped line, each article's reading order and joins numbered, and beside them the
articles as published. Files are self-contained (inline CSS, no script, no network)
and every input text is escaped by Jinja2's autoescape.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from tasks.schema import ACTION_DROPPED, ACTION_JOINED, PUBLISHED_ROLES, ROLE_BODY, ROLE_SUBHEAD

TEMPLATES = Path(__file__).parent / "templates"
REVIEW_DIR = "review"
VALIDATION_RESULTS = "validation/results.json"  # written by tasks/validate.py, moved by publishing
PAGE_PREFIX = "doc_"
# Light backgrounds that keep dark text readable and stay apart from each other;
# articles past the palette get golden-angle hues, so no two in a document share a colour.
PALETTE = (
    "#ffd8a8", "#b2f2bb", "#a5d8ff", "#fcc2d7", "#d0bfff", "#ffec99",
    "#96f2d7", "#ffc9c9", "#bac8ff", "#d8f5a2", "#eebefa", "#c5f6fa",
)
ORPHAN_COLOUR = "#ced4da"  # a line naming an article that the articles table lacks
PARAGRAPH_ROLES = (ROLE_BODY, ROLE_SUBHEAD)  # lines that open a paragraph unless joined
# The columns the pages show: token lists and signals stay in Arrow.
ARTICLE_COLUMNS = (
    "article_id", "source_file", "source_lines", "joins", "headline", "kicker", "subtitle", "text", "is_complete",
    "continued_from_page", "continued_to_page", "primary_theme", "primary_region", "reporters", "themes", "topics",
    "regions", "theme_evidence", "region_evidence", "paragraphs", "quality_flags",
)
LINE_COLUMNS = ("source_file", "line_no", "text", "clean_text", "role", "article_id", "action", "reason")
LIST_COLUMNS = ("reporters", "themes", "topics", "regions", "theme_evidence", "region_evidence", "paragraphs", "quality_flags")


def page_name(source_file: str) -> str:
    """Safe, stable file name of a document's review page (names may hold spaces, CJK, slashes)."""
    return f"{PAGE_PREFIX}{hashlib.sha256(source_file.encode('utf-8')).hexdigest()[:16]}.html"


def article_colour(position: int) -> str:
    """Background colour of the article at `position` (0-based, in document order)."""
    if position < len(PALETTE):
        return PALETTE[position]
    hue = (position * 137.508) % 360  # golden angle: successive hues stay far apart
    return f"hsl({hue:.0f}, 75%, {82 - 6 * (position // 24 % 2)}%)"


def render_review(
    articles: pa.Table, lines: pa.Table, out_dir: Path, validation_warnings: Iterable[str] = ()
) -> Path:
    """Write the review index and one page per source document under `out_dir`; return index.html.

    Documents are rendered one at a time from Arrow slices of the columns the pages show (never
    the token lists), so memory holds one document's Python rows, not the whole corpus.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    warnings = [str(w) for w in validation_warnings]
    env = _environment()
    page = env.get_template("review_document.html.j2")
    documents, written = [], set()
    for source_file, doc_articles, doc_lines in _documents(articles, lines):
        doc = _document_view(source_file, doc_articles, doc_lines, warnings)
        (out_dir / doc["page"]).write_text(page.render(doc=doc, palette=PALETTE), encoding="utf-8")
        written.add(doc["page"])
        documents.append(_index_entry(doc))
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


def _index_entry(doc: dict) -> dict:
    """What the index keeps of a rendered document: counts and article swatches, not its lines."""
    slim = {k: v for k, v in doc.items() if k not in ("lines", "articles")}
    slim["articles"] = [{"label": a["label"], "colour": a["colour"], "headline": a["headline"]} for a in doc["articles"]]
    slim["line_count"] = len(doc["lines"])
    return slim


def _documents(articles: pa.Table, lines: pa.Table) -> Iterator[tuple[str, list[dict], list[dict]]]:
    """(source_file, its article rows, its line rows) in source_file order, one document at a time."""
    article_groups = _groups(articles.select([c for c in ARTICLE_COLUMNS if c in articles.column_names]))
    line_groups = _groups(lines.select([c for c in LINE_COLUMNS if c in lines.column_names]))
    next_article, next_line = next(article_groups, None), next(line_groups, None)
    while next_article is not None or next_line is not None:
        source_file = min(g[0] for g in (next_article, next_line) if g is not None)
        doc_articles, doc_lines = [], []
        if next_article is not None and next_article[0] == source_file:
            doc_articles = next_article[1].to_pylist()
            next_article = next(article_groups, None)
        if next_line is not None and next_line[0] == source_file:
            doc_lines = next_line[1].to_pylist()
            next_line = next(line_groups, None)
        yield source_file, doc_articles, doc_lines


def _groups(table: pa.Table) -> Iterator[tuple[str, pa.Table]]:
    """Slices of `table` sharing one source_file, in source_file order (zero-copy when already sorted)."""
    if table.num_rows == 0:
        return
    files = table.column("source_file")
    if not _is_sorted(files):
        table = table.take(pc.sort_indices(files))  # stable: rows of a document keep their order
        files = table.column("source_file")
    runs = pc.run_end_encode(files.combine_chunks())
    start = 0
    for value, end in zip(runs.values.to_pylist(), runs.run_ends.to_pylist()):
        yield value, table.slice(start, end - start)
        start = end


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
    )
    env.globals["role_class"] = _role_class
    return env


def _role_class(role: str | None) -> str:
    """CSS class of a role; unknown roles get one shared class rather than a class built from data."""
    return f"r-{role}" if role in PUBLISHED_ROLES else "r-other"


def _document_view(source_file: str, articles: list[dict], lines: list[dict], warnings: list[str]) -> dict:
    """Everything a document page and its index row show, computed once."""
    # Article order as in tasks/tables.py: by first source line in reading order.
    articles = sorted(articles, key=lambda a: ((a["source_lines"] or [0])[:1], a["article_id"]))
    cards = {a["article_id"]: _article_card(i, a) for i, a in enumerate(articles)}
    lines = sorted(lines, key=lambda r: r["line_no"])
    role_of = {r["line_no"]: r["role"] for r in lines}
    article_of = {r["line_no"]: r["article_id"] for r in lines}
    continuing = {r["line_no"] for r in lines if r["action"] == ACTION_JOINED}
    for card in cards.values():
        card["paragraph_of"] = _paragraph_numbers(card["source_lines"], continuing | set(card["joined_to"]), role_of)
    problems = [
        f"line {r['line_no']} names article {r['article_id']}, which is not in the articles table"
        for r in lines
        if r["article_id"] is not None and r["article_id"] not in cards
    ] + [
        f"{card['label']}: source lines {stray[:10]} are not this article's in the lines table"
        for card in cards.values()
        if (stray := [n for n in card["source_lines"] if article_of.get(n, "") != card["article_id"]])
    ]
    ids = set(cards)
    flags = Counter()
    for a in articles:
        flags.update({f["flag"]: f["count"] for f in a["quality_flags"] or []})
    return {
        "source_file": source_file,
        "page": page_name(source_file),
        "articles": list(cards.values()),
        # Namespaces, not dicts: Jinja tries an attribute before a key, and a page shows every line (-30 % time).
        "lines": [SimpleNamespace(**_line_view(row, cards.get(row["article_id"]))) for row in lines],
        "roles": Counter(r["role"] for r in lines),
        "dropped": sum(1 for r in lines if r["action"] == ACTION_DROPPED),
        "incomplete": sum(1 for a in articles if not a["is_complete"]),
        "flags": dict(sorted(flags.items())),
        "warnings": [w for w in warnings if source_file in w or any(i in w for i in ids)],
        "problems": problems,
    }


def _article_card(position: int, article: dict) -> dict:
    """An article as published, with its colour and, per source line, its place in reading order."""
    joins = [tuple(pair) for pair in article["joins"] or [] if pair is not None and len(pair) == 2]
    order = list(article["source_lines"] or [])
    lists = {name: article[name] or [] for name in LIST_COLUMNS}
    return {
        **article,
        **lists,
        "label": f"A{position + 1}",
        "colour": article_colour(position),
        "source_lines": order,
        "joins": joins,
        "step": {line_no: i + 1 for i, line_no in enumerate(order)},
        "joined_to": {b: a for a, b in joins},
        "text": article["text"] or "",
    }


def _line_view(row: dict, card: dict | None) -> dict:
    """One source line as shown: its article marker, reading step, paragraph and join."""
    view = {**row, "label": None, "colour": None, "step": None, "paragraph": None, "joined_to": None}
    view["clean_differs"] = row["clean_text"] is not None and row["clean_text"] != row["text"].strip()
    view["is_dropped"] = row["action"] == ACTION_DROPPED
    view["role_class"] = _role_class(row["role"])
    if row["article_id"] is None:
        return view
    if card is None:
        return {**view, "label": "A?", "colour": ORPHAN_COLOUR}
    line_no = row["line_no"]
    joined_to = card["joined_to"].get(line_no)
    if joined_to is None and row["action"] == ACTION_JOINED:
        joined_to = _previous(card["source_lines"], line_no)
    return {
        **view,
        "label": card["label"],
        "colour": card["colour"],
        "step": card["step"].get(line_no),
        "paragraph": card["paragraph_of"].get(line_no),
        "joined_to": joined_to,
    }


def _paragraph_numbers(order: list[int], continuing: set[int], role_of: dict[int, str]) -> dict[int, int]:
    """Paragraph number of each body line in reading order; a joined line keeps its paragraph's."""
    numbers, current = {}, 0
    for line_no in order:
        if role_of.get(line_no) not in PARAGRAPH_ROLES:
            continue
        if line_no not in continuing or current == 0:
            current += 1
        numbers[line_no] = current
    return numbers


def _previous(order: list[int], line_no: int) -> int | None:
    i = order.index(line_no) if line_no in order else -1
    return order[i - 1] if i > 0 else None
