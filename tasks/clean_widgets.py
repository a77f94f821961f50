"""Page widgets told by their form, not by their words: a bar of two-character commands (`正序 倒序`).

A web page's controls (sort orders, view switches, refresh buttons) are extracted as a line of short
commands side by side: two to four tokens of two Han characters each, separated by spaces, without
punctuation, a sentence or a title's run of words. The same form is a list of reporters' names
(`张清 李明`) or a byline (`记者 王奇`), so a bar counts only when it is neither: a byline that
`parse_byline` reads, or tokens that all open with a common surname. Toggles (`自动刷新：开`) are
a lexicon pattern (tasks/data/lexicons.yaml, boilerplate `widget`).
"""
from __future__ import annotations

import re

from tasks.segment_heads import has_surname, parse_byline

BAR_MIN_TOKENS = 2
BAR_MAX_TOKENS = 4
_BAR_TOKEN = re.compile(r"^[\u4e00-\u9fff]{2}$")


def is_widget_bar(text: str) -> bool:
    """True for a line of 2-4 two-character commands side by side that is not a list of names."""
    tokens = text.split()
    if not BAR_MIN_TOKENS <= len(tokens) <= BAR_MAX_TOKENS or not all(_BAR_TOKEN.match(t) for t in tokens):
        return False
    if parse_byline(text) is not None:
        return False
    return not all(has_surname(token) for token in tokens)
