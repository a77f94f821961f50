"""Article-level fields filled after assembly: page metadata and quality flags."""
from __future__ import annotations

import re
from collections import Counter

from tasks.records import Article, CleanLine
from tasks.schema import ROLE_METADATA
from tasks.segment_heads import parse_names

SHORT_PARAGRAPH_CHARS = 8
FLAG_SHORT_PARAGRAPH = "very_short_paragraph"


def quality_flags(article: Article, lines: list[CleanLine]) -> dict[str, int]:
    """Counts of OCR artefacts on the article's lines plus very short paragraphs."""
    flags: Counter = Counter(flag for line in lines for flag in line.ocr_flags)
    short = sum(1 for p in article.paragraphs if len(p.strip()) < SHORT_PARAGRAPH_CHARS)
    if short:
        flags[FLAG_SHORT_PARAGRAPH] += short
    return dict(sorted(flags.items()))


def _reporters_from(value: str) -> list[str]:
    """Names in an author field (`何梦舒 惠晓霜`, `记者：张三`)."""
    value = re.sub(r"^.*?(?:记者|作者|文|撰稿)\s*[:：]?\s*", "", value.strip())
    return parse_names(value) or ([value] if re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", value) else [])


def attach_metadata(articles: list[Article], lines: list[CleanLine]) -> None:
    """Copy page metadata (source, editors, date, author) found by cleaning into the articles.

    Page metadata speaks for the whole page, so it goes to every article; the author is used
    for reporters only when the page holds a single article without a byline.
    """
    fields: dict[str, list[str]] = {}
    for line in lines:
        if line.role == ROLE_METADATA:
            found = line.metadata or ({line.metadata_field: line.metadata_value} if line.metadata_value else {})
            for name, value in found.items():
                fields.setdefault(name, []).append(value.strip())
    for article in articles:
        if fields.get("source_name"):
            article.source_name = article.source_name or fields["source_name"][0]
        if fields.get("editors"):
            names = [n for value in fields["editors"] for n in re.split(r"[\s、,，]+", value) if n]
            article.editors = article.editors or names
        if fields.get("published_at"):
            article.published_at = article.published_at or fields["published_at"][0]
    if len(articles) == 1 and not articles[0].reporters and fields.get("author"):
        seen: list[str] = []
        for value in fields["author"]:
            seen += [n for n in _reporters_from(value) if n not in seen]
        articles[0].reporters = seen
