"""What a review page shows, computed from the published rows: colours, reading order, joins."""
from __future__ import annotations

import hashlib
from collections import Counter

from tasks.schema import ACTION_DROPPED, ACTION_JOINED, PUBLISHED_ROLES, ROLE_BODY, ROLE_SUBHEAD

PAGE_PREFIX = "doc_"
# Light backgrounds that keep dark text readable and stay apart from each other;
# articles past the palette get golden-angle hues, so no two in a document share a colour.
PALETTE = (
    "#ffd8a8", "#b2f2bb", "#a5d8ff", "#fcc2d7", "#d0bfff", "#ffec99",
    "#96f2d7", "#ffc9c9", "#bac8ff", "#d8f5a2", "#eebefa", "#c5f6fa",
)
ORPHAN_COLOUR = "#ced4da"  # a line naming an article that the articles table lacks
PARAGRAPH_ROLES = (ROLE_BODY, ROLE_SUBHEAD)  # lines that open a paragraph unless joined
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


def role_class(role: str | None) -> str:
    """CSS class of a role; unknown roles get one shared class rather than a class built from data."""
    return f"r-{role}" if role in PUBLISHED_ROLES else "r-other"


def document_view(source_file: str, articles: list[dict], lines: dict[str, list], warnings: list[str]) -> dict:
    """Everything a document page and its index row show, computed once.

    `lines` are the document's line columns (name -> values), returned sorted by line_no;
    `articles` are rows, returned as cards (tasks/review_html.py renders both). Columns, not
    a dict per line: a 20 MB corpus has 62k lines.
    """
    # Article order as in tasks/tables.py: by first source line in reading order.
    articles = sorted(articles, key=lambda a: ((a["source_lines"] or [0])[:1], a["article_id"]))
    cards = {a["article_id"]: _article_card(i, a) for i, a in enumerate(articles)}
    lines = sorted_by_line_no(lines)
    line_nos, roles, article_ids, actions = lines["line_no"], lines["role"], lines["article_id"], lines["action"]
    role_of = dict(zip(line_nos, roles))
    article_of = dict(zip(line_nos, article_ids))
    continuing = {n for n, a in zip(line_nos, actions) if a == ACTION_JOINED}
    for card in cards.values():
        card["paragraph_of"] = _paragraph_numbers(card["source_lines"], continuing | set(card["joined_to"]), role_of)
    problems = [
        f"line {n} names article {i}, which is not in the articles table"
        for n, i in zip(line_nos, article_ids)
        if i is not None and i not in cards
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
        "lines": lines,
        "line_count": len(line_nos),
        "roles": Counter(roles),
        "dropped": actions.count(ACTION_DROPPED),
        "incomplete": sum(1 for a in articles if not a["is_complete"]),
        "flags": dict(sorted(flags.items())),
        "warnings": [w for w in warnings if source_file in w or any(i in w for i in ids)],
        "problems": problems,
    }


def sorted_by_line_no(lines: dict[str, list]) -> dict[str, list]:
    """The line columns in line_no order (stable; as given when already sorted, the usual case)."""
    line_nos = lines["line_no"]
    if all(a <= b for a, b in zip(line_nos, line_nos[1:])):
        return lines
    order = sorted(range(len(line_nos)), key=line_nos.__getitem__)
    return {name: [values[i] for i in order] for name, values in lines.items()}


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

