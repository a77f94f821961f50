"""A paragraph that column breaks cut into short pieces, read back from the lines alone.

On an OCR page a paragraph set in a narrow column, or cut at a column break, can come apart into
pieces none of which is long enough to anchor a stretch of text (`下一步，科技部将会同有关部门完善` +
`服务体系，推动更多中小企` + `业成长为专精特新企业。`). Read together they are one: pieces with clause
marks that leave the sentence open, and the line that ends it. Such a run is article text wherever it
stands on the page, even away from any other text (the first piece of a page, a paragraph between two
page notes). A head or a label rarely holds a comma, and a list of headlines, where one may, has lines
without one in between and no sentence end under them.
"""
from __future__ import annotations

import re

from tasks.clean_score import LineEvidence, Thresholds
from tasks.segment_heads import parse_dateline

_CLAUSE_MARK = re.compile(r"[，；,;]")  # marks between a sentence's clauses (not 、 or ：, which titles use)


def _open_clause_piece(ln: LineEvidence) -> bool:
    """A piece of a sentence with clause marks in it, or opening with a dateline, that leaves it open."""
    return ln.left_open(1) and (bool(_CLAUSE_MARK.search(ln.text)) or parse_dateline(ln.text) is not None)


# a statement's full stop, before a continuation note set after it (`…乘车。（下转第6版）`); a title may end
# on a question or exclamation mark or a quote, a paragraph's last piece stops here
_STATEMENT_END = re.compile(r"。(?:[（(][^（()）]{1,12}[）)])?$")


def _ends_paragraph(ln: LineEvidence) -> bool:
    return ln.role is None and not ln.is_byline and ln.cjk > 0 and bool(_STATEMENT_END.search(ln.text))


def cut_paragraph_lines(lines: list[LineEvidence], th: Thresholds) -> list[int]:
    """Indexes of the lines of every run that reads as one paragraph cut into pieces: open pieces with
    clause marks (the first at least `th.piece_min_cjk` long) and the line that ends the sentence with a
    full stop, together at least `th.cut_paragraph_min_cjk` Han characters long."""
    found: list[int] = []
    k = 0
    while k < len(lines):
        if not (_open_clause_piece(lines[k]) and lines[k].cjk >= th.piece_min_cjk):
            k += 1
            continue
        j, size = k + 1, lines[k].cjk
        while j < len(lines) and _open_clause_piece(lines[j]) and not _ends_paragraph(lines[j]):
            size, j = size + lines[j].cjk, j + 1
        if j < len(lines) and _ends_paragraph(lines[j]) and size + lines[j].cjk >= th.cut_paragraph_min_cjk:
            found += range(k, j + 1)
            k = j + 1
        else:
            k += 1
    return found
