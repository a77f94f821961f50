"""Article-level fields filled after assembly: page metadata and quality flags."""
from __future__ import annotations

import re
from collections import Counter

from tasks.records import Article, CleanLine
from tasks.schema import ROLE_METADATA
from tasks.segment_heads import has_surname, parse_byline
from tasks.tokenize import word_log_prob

SHORT_PARAGRAPH_CHARS = 8
FLAG_SHORT_PARAGRAPH = "very_short_paragraph"
_FIELD_TITLE = "记者"  # lets parse_byline read a bare list of names as a byline
MAX_NAME_CHARS = 4
COMMON_WORD_LOG_PROB = -10.5  # dictionary words more frequent than this are words, not names
# everything up to an author label; a bare 文 counts only with its separator (文静怡 is a name)
_AUTHOR_LABEL = re.compile(r"^.*?(?:(?:记者|作者|撰文|撰稿)\s*[:：/／]?|文\s*[:：/／])\s*")


def quality_flags(article: Article, lines: list[CleanLine]) -> dict[str, int]:
    """Counts of OCR artefacts on the article's lines plus very short paragraphs."""
    flags: Counter = Counter(flag for line in lines for flag in line.ocr_flags)
    short = sum(1 for p in article.paragraphs if len(p.strip()) < SHORT_PARAGRAPH_CHARS)
    if short:
        flags[FLAG_SHORT_PARAGRAPH] += short
    return dict(sorted(flags.items()))


def _reporters_from(value: str) -> list[str]:
    """Person names in an author field (`何梦舒 惠晓霜`, `记者：张三`, `新华社记者 李四`).

    The field is read as a byline (segment_heads.parse_byline); a name must open with a common
    surname, be at most MAX_NAME_CHARS long and not be a common dictionary word (an agency, a
    title or a column name such as 评论员 is no reporter)."""
    value = _AUTHOR_LABEL.sub("", value.strip())
    names = parse_byline(f"{_FIELD_TITLE} {value}") or []
    return [name for name in names if _is_person_name(name)]


def _is_person_name(name: str) -> bool:
    if "·" in name:
        return True  # a transcribed foreign or minority name: no Han surname to look for
    if not 2 <= len(name) <= MAX_NAME_CHARS or not has_surname(name):
        return False
    log_prob = word_log_prob(name)
    return log_prob is None or log_prob < COMMON_WORD_LOG_PROB


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
