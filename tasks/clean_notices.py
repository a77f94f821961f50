"""A classified notice block read as one piece: the lines between its formulae are advertising too.

A block of paid notices set among a newspaper page's stories (lost-licence notices, job ads, phone and
address lines) is told line by line by its legal and contact formulae (tasks/data/lexicons.yaml,
boilerplate `classified` and `contact`). A notice worded without one (`…现面向社会招聘技术员3名。`) reads
as a sentence, but it stands inside the block: a short line whose nearest lines above and below are both
advertising belongs to it. Article text does not sit between two such lines, which open or close a block.
"""
from __future__ import annotations

ADVERTISING_KINDS = ("classified", "contact")  # lexicon boilerplate kinds of a notice block's own lines
ADVERTISING_REASONS = frozenset(f"boilerplate: {kind}" for kind in ADVERTISING_KINDS)
NOTICE_MAX_CHARS = 80  # a notice is a line or two of small print; a longer line is a paragraph


def inside_notice_blocks(reasons: list[str | None], texts: list[str]) -> list[int]:
    """Indexes of open lines (reason None) standing between two advertising lines of a notice block
    (`reasons`: the reason each non-blank line was given so far, in page order)."""
    advertising = [reason in ADVERTISING_REASONS for reason in reasons]
    return [k for k in range(1, len(reasons) - 1)
            if reasons[k] is None and advertising[k - 1] and advertising[k + 1] and len(texts[k]) <= NOTICE_MAX_CHARS]
