"""Page numbers (folios) at a page's edges: `6`, `- 6 -`, `A6`, `第6页` alone on a line above the first
line of article text or below the last one.

A printed page, and a PDF or e-paper page converted to text, carries its number in the running head
or foot; alone on its line it is page furniture, never article text. Inside the text a bare number is
a section number (`一`, `2`), so only the page's first and last few lines are read.
"""
from __future__ import annotations

import re

EDGE_LINES = 4  # non-blank lines at the top and at the bottom of the page where a folio stands
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
    return [k for k, text in enumerate(texts)
            if (k < min(EDGE_LINES, first) or k >= max(len(texts) - EDGE_LINES, last + 1)) and is_folio(text)]
