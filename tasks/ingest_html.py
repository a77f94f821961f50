"""The main text of an HTML page, with its title, date and site name; never script, style or attributes.

HTML pages are decoded like any file first (their <meta charset> is often wrong); trafilatura
then keeps the paragraphs of the main text. Script, style, noscript and template elements are
dropped before extraction, and only text nodes come out, so event-handler attributes
(onclick=...) and javascript: links never reach the lines.
"""
from __future__ import annotations

import re
from functools import cache

from tasks.ingest_decode import DEFAULT_LIMITS, IngestLimits, Unreadable

HTML_TAG = re.compile(r"<(?:html|head|body|div|p|article|section|h[1-6]|span|table|br|meta|title)\b", re.IGNORECASE)
# The publication date from the page's markup only (meta, time, JSON-LD, URL), never guessed from its text.
PAGE_DATE_SEARCH = {"original_date": True, "extensive_search": False}
# Never text: code and styles. JSON-LD stays, trafilatura reads the date and title from it.
NON_TEXT_XPATH = "//script[not(@type='application/ld+json')]|//style|//noscript|//template"


def extract_html(html: str, limits: IngestLimits = DEFAULT_LIMITS) -> tuple[str, dict[str, str | None]]:
    """Main text of a page (paragraphs as lines, headed by its title; no comments, script or style) and metadata."""
    from trafilatura import bare_extraction  # noqa: PLC0415 -- slow import, only for HTML inputs
    from trafilatura.utils import load_html  # noqa: PLC0415

    if not HTML_TAG.search(html):
        raise Unreadable("no HTML markup in an HTML file")
    # load_html refuses (and logs an error for) a fragment without "html" near its start.
    tree = load_html(html if "html" in html[:50].lower() else f"<html><body>{html}</body></html>")
    if tree is None:
        raise Unreadable("HTML could not be parsed")
    for element in tree.xpath(NON_TEXT_XPATH):
        element.drop_tree()
    page = bare_extraction(tree, include_comments=False, with_metadata=True, config=_trafilatura_config(limits),
                           date_extraction_params=PAGE_DATE_SEARCH)
    if page is None or not (page.text or "").strip():
        raise Unreadable("no main text found in HTML")
    text, title = page.text, (page.title or "").strip()
    # trafilatura sometimes leaves the headline out of the text; the line roles need it there.
    head = [line.strip() for line in text.split("\n")[:3]]
    if title and not any(line and (line in title or title in line) for line in head):
        text = f"{title}\n{text}"
    return text, {"title": title or None, "published_at": page.date or None, "site_name": page.sitename or None}


@cache
def _trafilatura_config(limits: IngestLimits):
    from trafilatura.settings import use_config  # noqa: PLC0415

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(limits.min_html_text_chars))
    return config
