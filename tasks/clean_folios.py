"""Page numbers (folios) at a page's edges: `6`, `- 6 -`, `A6`, `第6页` alone on a line above the first
line of article text or below the last one; and references to other pages (a page guide's entries).

A printed page, and a PDF or e-paper page converted to text, carries its number in the running head
or foot; alone on its line it is page furniture, never article text. Inside the text a bare number is
a section number (`一`, `2`), so only the page's first and last few lines are read.

A page guide (版面导读) lists other pages' headlines with their page numbers (`第5版 某某开幕`,
`某某开幕（第5版）`, `某某开幕……5版`): a title beside a page reference, no sentence, is furniture wherever
it stands. A bare page code (`A5 某某开幕`) could open a title (`G20 …`), so it counts only on a page
holding two or more such references, as a guide does; a continuation marker (`(下转第2版)`) is not a guide.
"""
from __future__ import annotations

import re

EDGE_LINES = 4  # non-blank lines at the top and at the bottom of the page where a folio stands
_PAGE = r"(?:第\s*\d{1,3}\s*版|\d{1,3}\s*版)"
_PAGE_CODE = r"[A-Z]\d{1,2}(?:\s*版)?"
_TITLE = r"[^。！？；，,：:（）()]{2,30}?"
_BULLET = r"[◆◇■□●○▶►▲★☆·\s]*"
_LEADER = r"[\s…\.·\-—▶►]*"
_NAMED_REFERENCE = re.compile(rf"^{_BULLET}(?:{_PAGE}\s+{_TITLE}|{_TITLE}{_LEADER}[（(]?\s*{_PAGE}\s*[)）]?)\s*$")
_CODED_REFERENCE = re.compile(rf"^{_BULLET}(?:{_PAGE_CODE}\s+{_TITLE}|{_TITLE}{_LEADER}[（(]?\s*{_PAGE_CODE}\s*[)）]?)\s*$")
_CONTINUATION = re.compile(r"(?:上接|下转|转|接|续)\s*第?\s*\d")
_FOLIO = re.compile(r"^[-—–－\s]*(?:[A-Z]?\d{1,3}|第\s*\d{1,3}\s*页)[-—–－\s]*$")


def is_folio(text: str) -> bool:
    """True for a page number alone on its line (`6`, `- 6 -`, `A6`, `第6页`)."""
    return bool(_FOLIO.match(text.strip()))


def edge_folios(texts: list[str], anchors: list[bool]) -> list[int]:
    """Indexes of the folios among a page's non-blank lines `texts`: a page number among the first or
    last EDGE_LINES lines that stands above every line of article text (`anchors`) or below every one."""
    text_lines = [k for k, anchor in enumerate(anchors) if anchor]
    first = text_lines[0] if text_lines else len(texts)
    last = text_lines[-1] if text_lines else -1
    head_end, foot_start = min(EDGE_LINES, first), max(len(texts) - EDGE_LINES, last + 1)
    return [k for k, text in enumerate(texts) if (k < head_end or k >= foot_start) and is_folio(text)]


def _reference(text: str, pattern: re.Pattern) -> bool:
    text = text.strip()
    return bool(pattern.match(text)) and not _CONTINUATION.search(text)


# Every named reference holds 版 and every coded one a page code (A5): a line without either, as most are,
# is passed over without the reference patterns, whose lazy title tries every length on every line.
_NAMED_MARK = "版"
_CODE_MARK = re.compile(r"[A-Z]\d")


def page_references(texts: list[str]) -> list[int]:
    """Indexes of the lines among `texts` that name another page beside a title (a page guide's entries)."""
    named = [k for k, text in enumerate(texts) if _NAMED_MARK in text and _reference(text, _NAMED_REFERENCE)]
    coded = [k for k, text in enumerate(texts)
             if k not in named and _CODE_MARK.search(text) and _reference(text, _CODED_REFERENCE)]
    if len(named) + len(coded) < 2:
        coded = []
    return sorted(named + coded)
