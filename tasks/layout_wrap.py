"""Hard-wrapped text (a PDF or e-paper page converted to text): paragraphs broken into lines of one width.

A converter breaks every line of a paragraph at the column's width, so most lines of the page have the
same length and each full line runs on into the next one, whatever character it ends on; the last line
of a paragraph is shorter, and a paragraph often opens with an indent. That width is read from the page
itself: a typeset column, not a sentence, makes so many lines equally long.
"""
from __future__ import annotations

import re
from collections import Counter

WRAP_MIN_CHARS = 12  # narrower columns are headline decks and tables, not running text
WRAP_MIN_FULL_LINES = 4  # full lines, each directly followed by another line, a page needs
WRAP_MIN_SHARE = 0.3  # share of the page's longer lines that are full
HANGING_CHARS = 3  # closing punctuation a line may hang beyond the width (never opens a line)
_INDENT = (" ", "\u3000", "\t")
_PUNCTUATION = re.compile(r"[，。、；：！？“”,;]")


def line_width(raw: str) -> int:
    """Characters of the line as laid out, leading indent included."""
    return len(raw.rstrip())


def wrap_width(numbered: list[tuple[int, str]]) -> int | None:
    """The width the page's running text was wrapped at, or None when it was not hard-wrapped.
    `numbered`: (line number, raw text) of the page's non-blank lines."""
    # only lines of sentences count: a list of headlines or links is as even, but unpunctuated
    texts = [k for k, (_, raw) in enumerate(numbered) if line_width(raw) >= WRAP_MIN_CHARS and _PUNCTUATION.search(raw)]
    if len(texts) < WRAP_MIN_FULL_LINES:
        return None
    widths = [line_width(numbered[k][1]) for k in texts]
    width, _ = Counter(widths).most_common(1)[0]
    full = [k for k in texts if _is_full(numbered[k][1], width)]
    runs_on = sum(k + 1 < len(numbered) and numbered[k + 1][0] == numbered[k][0] + 1 for k in full)
    if runs_on < WRAP_MIN_FULL_LINES or len(full) < WRAP_MIN_SHARE * len(widths):
        return None
    return width


def wrapped_lines(numbered: list[tuple[int, str]]) -> list[bool]:
    """For each line, True when it is a full line of hard-wrapped text that the next line continues:
    the next line follows it directly and does not open a paragraph with an indent."""
    width = wrap_width(numbered)
    if width is None:
        return [False] * len(numbered)
    return [_is_full(raw, width) and k + 1 < len(numbered) and numbered[k + 1][0] == number + 1
            and not numbered[k + 1][1].startswith(_INDENT)
            for k, (number, raw) in enumerate(numbered)]


def _is_full(raw: str, width: int) -> bool:
    return width - 1 <= line_width(raw) <= width + HANGING_CHARS


def with_wrap_links(links: dict[int, int], runs_on: list[bool], joinable: set[int]) -> dict[int, int]:
    """`links` (line a -> the line b continuing its sentence) with every full line of hard-wrapped text
    joined to the line after it: the layout says so whatever the pair scores chose. Both lines must be
    in `joinable` (body lines that may take part in a join); a join the wrap contradicts is dropped."""
    forced = {a: a + 1 for a, on in enumerate(runs_on) if on and a in joinable and a + 1 in joinable}
    if not forced:
        return links
    taken = set(forced.values())
    kept = {a: b for a, b in links.items() if a not in forced and b not in taken}
    kept.update(forced)
    for a in sorted(forced):  # a join back up the page could close a cycle through a wrap: the wrap wins
        seen, x = {a}, kept.get(a)
        while x is not None and x not in seen:
            seen.add(x)
            nxt = kept.get(x)
            if nxt == a:
                del kept[x]
                break
            x = nxt
    return kept
