"""The repeated parts of a review page as HTML: one row per source line, one card per article.

A page shows every line of its document and every article in full, so these parts are built
with str.join over strings escaped once, instead of a Jinja loop per line and per chip (that
loop was 3.5 s of a 20 MB corpus's 5 s of publishing). The page around them is the Jinja
template review_document.html.j2. Every text that comes from the data goes through `escape`,
which escapes exactly as Jinja's autoescape (markupsafe) does.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from tasks.schema import ACTION_DROPPED, ACTION_JOINED

NO_ARTICLE = "<p>No article was found in this document.</p>\n"
NONE_MARK = "—"  # an empty list in an article card
SEPARATOR = "\0"  # joins values escaped in one pass; escaping leaves it alone
CHIP, CHIP_END = '<span class="chip">', "</span>"


def escape(value) -> str:
    """HTML-escape a value as markupsafe does (& < > " ' ; None is shown as 'None', like Jinja)."""
    text = value if type(value) is str else str(value)
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;")
    )


# Labels, codes, names, roles and reasons come from small vocabularies: escaped once each.
escape_term = lru_cache(maxsize=1 << 16)(escape)


def escape_all(values: list) -> list[str]:
    """`escape` of each value, done in one pass over their concatenation (a page has thousands)."""
    texts = [v if type(v) is str else str(v) for v in values]
    parts = escape(SEPARATOR.join(texts)).split(SEPARATOR)
    return parts if len(parts) == len(texts) else [escape(t) for t in texts]  # a value held the separator


def escaped_join(values: list, html_separator: str) -> str:
    """The escaped values joined by `html_separator` (markup, not escaped)."""
    texts = [v if type(v) is str else str(v) for v in values]
    joined = SEPARATOR.join(texts)
    if joined.count(SEPARATOR) != len(texts) - 1:  # a value held the separator
        return html_separator.join(escape(t) for t in texts)
    return escape(joined).replace(SEPARATOR, html_separator)


def line_rows(lines: dict[str, list], cards: dict[str, dict], orphan_colour: str, role_class) -> str:
    """The `<tr>` of every source line (`lines`: columns, name -> values), in the order given:
    article marker, reading step, paragraph, join, reason."""
    classes: dict[str | None, tuple[str, str]] = {}  # role -> (escaped role, its CSS class)
    escaped: dict[str | None, str] = {}  # actions, reasons and article ids repeat on a page
    raw_texts, raw_cleans = lines["text"], lines["clean_text"]
    texts = escape_all(raw_texts)
    cleans = escape_all([c or "" for c in raw_cleans])
    rows = []
    columns = (lines["line_no"], lines["role"], lines["action"], lines["article_id"], lines["reason"], raw_texts, raw_cleans)
    for (line_no, role, action, article_id, reason, text, clean_text), text_html, clean_html in zip(zip(*columns), texts, cleans):
        if role not in classes:
            classes[role] = (escape_term(role), role_class(role))
        role_text, css = classes[role]
        dropped = action == ACTION_DROPPED
        card = cards.get(article_id) if article_id is not None else None
        marker, colour, joined_to = "", None, None
        if article_id is not None and card is None:
            marker, colour = '<a href="#A?">A?</a>', orphan_colour
        elif card is not None:
            label, colour = card["label"], card["colour"]
            step, paragraph = card["step"].get(line_no), card["paragraph_of"].get(line_no)
            marker = f'<a href="#{label}">{label}</a>' + (f" #{step}" if step else "") + (f" ¶{paragraph}" if paragraph else "")
            joined_to = card["joined_to"].get(line_no)
            if joined_to is None and action == ACTION_JOINED:
                joined_to = _previous(card["source_lines"], line_no)
        style = f' style="background: {colour}"' if colour else ""
        for value in (action, reason, article_id):
            if value not in escaped:
                escaped[value] = escape(value)
        article_attrs = f' data-article="{escaped[article_id]}" data-colour="{colour}"' if article_id else ""
        clean = (
            f'<details class="clean"><summary>as normalised</summary>{clean_html}</details>'
            if clean_text is not None and clean_text != text.strip()
            else ""
        )
        note = f'<span class="join">↪ joined to line <a href="#L{joined_to}">{joined_to}</a></span> ' if joined_to else ""
        if dropped:
            note += "dropped: " + (escaped[reason] if reason else "(no reason given)")
        elif reason:
            note += ("" if joined_to else escaped[action] + ": ") + escaped[reason]
        rows.append(
            f'<tr id="L{line_no}" class="row-{css[2:]}{" dropped" if dropped else ""}" data-line="{line_no}"'
            f' data-role="{role_text}" data-action="{escaped[action]}"{article_attrs}>\n'
            f'<td class="no">{line_no}</td>\n'
            f'<td class="art"{style}>{marker}</td>\n'
            f'<td class="role"><span class="badge {css}">{role_text}</span></td>\n'
            f'<td class="text"{"" if dropped else style}>{text_html}{clean}</td>\n'
            f'<td class="note">{note}</td>\n</tr>\n'
        )
    return "".join(rows)


def article_cards(cards: Iterable[dict]) -> str:
    """The `<article>` card of every article as published: headline, reporters, reading order, themes, regions, text."""
    parts = [_card(card) for card in cards]
    return "".join(parts) if parts else NO_ARTICLE


def swatches(cards: Iterable[dict]) -> str:
    """A small square per article in its colour, titled with its label and headline (the index)."""
    return "".join(
        f'<span style="background: {a["colour"]}" title="{a["label"]} {escape(a["headline"] or "")}"></span>' for a in cards
    )


def _card(a: dict) -> str:
    label, colour, article_id = a["label"], a["colour"], escape(a["article_id"])
    order, joined_to = a["source_lines"], a["joined_to"]
    reading = "".join(
        f'<a href="#L{n}">{n}</a>' + ("" if i == len(order) - 1 else "↪" if joined_to.get(order[i + 1]) == n else "→")
        for i, n in enumerate(order)
    )
    completion = "yes" if a["is_complete"] else '<span class="incomplete">no</span>'
    if a["continued_from_page"]:
        completion += f" · continued from page {escape(a['continued_from_page'])}"
    if a["continued_to_page"]:
        completion += f" · continued on page {escape(a['continued_to_page'])}"
    themes = "".join(
        f'<span class="chip{" primary" if t["code"] == a["primary_theme"] else ""}">{escape_term(t["label"])} '
        f'<small>{escape_term(t["code"])}</small> {t["score"] or 0:.2f}</span>'
        for t in a["themes"]
    )
    regions = "".join(
        f'<span class="chip{" primary" if r["adcode"] == a["primary_region"] else ""}">{escape_term(r["name"])} '
        f'<small>{escape_term(r["adcode"])} {escape_term(r["level"])}</small> ×{escape_term(r["mentions"])}</span>'
        for r in a["regions"]
    )
    fields = [
        ("reporters", _chips(a["reporters"])),
        ("complete", completion),
        ("reading order", reading),
        ("joins", _chips([f"{x}↪{y}" for x, y in a["joins"]])),
        ("themes", themes or NONE_MARK),
    ]
    if a["topics"]:
        fields.append(("topics", _chips([f"{t['label']} {t['score'] or 0:.2f}" for t in a["topics"]])))
    fields += [
        ("theme evidence", _chips(a["theme_evidence"])),
        ("regions", regions or NONE_MARK),
        ("region evidence", _chips(a["region_evidence"])),
    ]
    if a["quality_flags"]:
        fields.append(("quality flags", _chips([f"{f['flag']} ×{f['count']}" for f in a["quality_flags"]])))
    paragraphs = f"<p>{escaped_join(a['paragraphs'], '</p><p>')}</p>" if a["paragraphs"] else ""
    return (
        f'<article class="article" id="{label}" data-article="{article_id}" data-colour="{colour}" style="border-left-color: {colour}">\n'
        + (f'<div class="meta">{escape(a["kicker"])}</div>\n' if a["kicker"] else "")
        + f'<h3><span class="badge" style="background: {colour}">{label}</span> {escape(a["headline"] or "(no headline in this document)")}</h3>\n'
        + (f'<div>{escape(a["subtitle"])}</div>\n' if a["subtitle"] else "")
        + f'<div class="id">{article_id}</div>\n<dl>\n'
        + "".join(f"<dt>{name}</dt><dd>{value}</dd>\n" for name, value in fields)
        + f'</dl>\n<details><summary>text: {len(a["paragraphs"])} paragraphs, {len(a["text"])} characters</summary>\n'
        + paragraphs
        + "</details>\n</article>\n"
    )


def _chips(texts: list) -> str:
    """Each text escaped in a chip; a dash for none."""
    return f"{CHIP}{escaped_join(texts, CHIP_END + CHIP)}{CHIP_END}" if texts else NONE_MARK


def _previous(order: list[int], line_no: int) -> int | None:
    i = order.index(line_no) if line_no in order else -1
    return order[i - 1] if i > 0 else None
