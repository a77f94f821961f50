"""Markdown markup removed from a line's text, and kept as structure evidence.

Crawler dumps and PDF-to-markdown conversions carry headings, links, images, lists, quotes
and tables; the text loses the markup, the line keeps what kind it was (MARKUP_*), which
cleaning and segmentation use as evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.schema import (
    MARKUP_EMPHASIS,
    MARKUP_HEADING,
    MARKUP_IMAGE,
    MARKUP_LINK,
    MARKUP_LIST,
    MARKUP_QUOTE,
    MARKUP_TABLE,
)

_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:<[^>]*>|\\.|[^()\\\s])*(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:<[^>]*>|\\.|[^()\\\s])*(?:\s+\"[^\"]*\")?\s*\)")
# Reference-style placeholders left by text extractors: "广州[url20]", "首 页[3]".
_LINK_PLACEHOLDER = re.compile(r"\[(?:url)?\d+\]")
_HEADING = re.compile(r"^\s*#{1,6}(?:\s+|$)")
_LIST = re.compile(r"^\s*(?:[*+\-•]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*>+\s?")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_THEMATIC_BREAK = re.compile(r"^\s*(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_BOLD = re.compile(r"\*\*(.*?)\*\*|__(.+?)__")
_EM = re.compile(r"(?<![*\\A-Za-z0-9])\*(?!\s)([^*]+?)\*(?![*A-Za-z0-9])|(?<![A-Za-z0-9_])_(?!\s)([^_]+?)_(?![A-Za-z0-9_])")
_TAG = re.compile(r"</?[A-Za-z][\w-]*\s*/?>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
# Every pattern above needs one of these characters (or a numbered list marker): without any, nothing applies.
_MARKUP_CHARS = re.compile(r"[!\[\]#>*+\-•|_<\\]|^\s*\d{1,3}[.)]")


@dataclass(frozen=True)
class MarkdownEvidence:
    """What markdown stripping found on one line."""

    text: str  # the visible text, markup removed
    kinds: tuple[str, ...]  # MARKUP_* seen, most telling first
    link_chars: int  # visible characters that sat inside links
    images: int  # images removed


def markdown_evidence(line: str) -> MarkdownEvidence:
    """Strip markdown markup from one line and report the structure seen (kinds, link share, images)."""
    if not _MARKUP_CHARS.search(line):
        return MarkdownEvidence(line.strip(), (), 0, 0)  # the usual prose line: one scan instead of a dozen
    kinds: list[str] = []
    text = line
    text, images = _IMAGE.subn("", text)
    if images:
        kinds.append(MARKUP_IMAGE)
    link_chars = 0

    def _link_text(m: re.Match[str]) -> str:
        nonlocal link_chars
        link_chars += len(m.group(1).strip())
        return m.group(1)

    for _ in range(2):  # a link around an image leaves a plain link after the first pass
        text = _LINK.sub(_link_text, text)
    if _LINK_PLACEHOLDER.search(text):
        # The placeholder follows the link text; count the text run before each placeholder.
        for m in re.finditer(r"([^\[\]\t|>]*?)\[(?:url)?\d+\]", text):
            link_chars += len(m.group(1).strip())
        text = _LINK_PLACEHOLDER.sub("", text)
    if link_chars:
        kinds.append(MARKUP_LINK)
    if _TABLE_RULE.match(text) or _THEMATIC_BREAK.match(text):
        kind = MARKUP_TABLE if "|" in text else None
        return MarkdownEvidence("", tuple(kinds + ([kind] if kind else [])), link_chars, images)
    for pattern, kind in ((_HEADING, MARKUP_HEADING), (_QUOTE, MARKUP_QUOTE), (_LIST, MARKUP_LIST)):
        if pattern.match(text):
            text = pattern.sub("", text, count=1)
            kinds.append(kind)
    if text.count("|") >= 1 and re.search(r"\S\s*\|\s*\S", text):
        text = re.sub(r"\s*\|\s*", " ", text).strip()
        kinds.append(MARKUP_TABLE)
    text, bold = _BOLD.subn(lambda m: m.group(1) or m.group(2) or "", text)
    text, em = _EM.subn(lambda m: m.group(1) or m.group(2) or "", text)
    if bold or em:
        kinds.append(MARKUP_EMPHASIS)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return MarkdownEvidence(text.strip(), _rank(kinds), link_chars, images)


_RANK = (MARKUP_IMAGE, MARKUP_LINK, MARKUP_HEADING, MARKUP_TABLE, MARKUP_LIST, MARKUP_QUOTE, MARKUP_EMPHASIS)


def _rank(kinds: list[str]) -> tuple[str, ...]:
    return tuple(k for k in _RANK if k in kinds)


def strip_markdown(text: str) -> tuple[str, str | None]:
    """Remove markdown markup from one line; return the text and the main MARKUP_* kind seen (or None).

    Images are removed, links keep their text, heading/list/quote markers, table pipes and emphasis
    markers go. MARKUP_LINK is reported only when links carry most of the visible text.
    """
    ev = markdown_evidence(text)
    kinds = list(ev.kinds)
    if MARKUP_LINK in kinds and ev.link_chars < 0.5 * max(len(ev.text), 1):
        kinds.remove(MARKUP_LINK)
    return ev.text, (kinds[0] if kinds else None)
