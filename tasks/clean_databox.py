"""Data boxes read line by line: a table of figures, market rows, weather lines.

OCR reads a printed table row by row: each row is a few fields set apart by spaces, figures among
them (`猪肉 26.80元/斤`, `工业增加值 859.09亿元 4.09%`, `明天 小雨转多云 18～26℃`), and no sentence.
One such line could be a title (`盘活存量空间 孕育发展动能` has no figure, but `全市新增就业 12万人`
might), so only a run of two or more rows is a box, or one row under a row of column names (`项目 本月 同比`,
two-character words side by side, read as a control bar); the run takes in its header row (fields without
figures) and the box's short label just above it. A line that other evidence took out already (the box's
unit or source note, `单位：亿元`, a header read as a control bar) does not break a run: OCR may read a note
between the rows. All of it is page furniture, not article text.
"""
from __future__ import annotations

import re

from tasks.clean_widgets import is_widget_bar

MIN_ROWS = 2  # rows in a run before it counts as a box
MAX_ROW_CHARS = 40  # a table row is short; a longer line with figures is prose
MAX_LABEL_CHARS = 6  # the box's label over its rows (`天气预报`, `本周菜价`)
MAX_HEADER_FIELD_CHARS = 6  # a column name is a word or two
MAX_PLACED_GAP = 2  # lines already taken out (notes, a header) that may stand between two rows of one box
_SENTENCE = re.compile(r"[，。！？；,;!?]")
_FIGURE = re.compile(r"\d")
_FIELDS = re.compile(r"\s+")


def _fields(text: str) -> list[str]:
    text = text.strip()
    if not text or len(text) > MAX_ROW_CHARS or _SENTENCE.search(text):
        return []
    return _FIELDS.split(text)


def is_data_row(text: str) -> bool:
    """True for a line of two or more space-separated fields, one holding a figure, and no sentence."""
    fields = _fields(text)
    return len(fields) >= 2 and any(_FIGURE.search(f) and len(f) <= 12 for f in fields)


def _is_header(text: str) -> bool:
    """Column names: two or more short fields (`品名 价格`), not a two-part title."""
    fields = _fields(text)
    return len(fields) >= 2 and all(len(f) <= MAX_HEADER_FIELD_CHARS for f in fields)


def _is_label(text: str) -> bool:
    fields = _fields(text)
    return len(fields) == 1 and len(fields[0]) <= MAX_LABEL_CHARS and not _FIGURE.search(fields[0])


def _next_row(rows: list[bool], placed: list[bool], end: int) -> int | None:
    """The row that goes on the run ending at `end`: right under it, or past at most MAX_PLACED_GAP placed lines."""
    k = end + 1
    while k < len(rows) and not rows[k] and placed[k] and k - end <= MAX_PLACED_GAP:
        k += 1
    return k if k < len(rows) and rows[k] else None


def _under_column_names(texts: list[str], placed: list[bool], k: int) -> bool:
    """Row k stands under a row of column names (`项目 本月 同比`), past at most MAX_PLACED_GAP placed notes."""
    j = k - 1
    while j >= 0 and placed[j] and k - j <= MAX_PLACED_GAP and not is_widget_bar(texts[j]):
        j -= 1
    return j >= 0 and k - j <= MAX_PLACED_GAP + 1 and is_widget_bar(texts[j])


def data_box_lines(texts: list[str], placed: list[bool] | None = None, closed: list[bool] | None = None) -> list[int]:
    """Indexes of the lines among a page's non-blank lines `texts` that make up data boxes. `placed`: the lines
    that other evidence took out already; up to MAX_PLACED_GAP of them may stand between two rows of a box.
    `closed`: those of them that can be no row nor label (a metadata line of date and time)."""
    placed = placed or [False] * len(texts)
    header_texts = texts
    texts = [t if not shut else "" for t, shut in zip(texts, closed or [False] * len(texts))]
    rows = [is_data_row(t) for t in texts]
    found: list[int] = []
    k = 0
    while k < len(texts):
        if not rows[k]:
            k += 1
            continue
        end, count = k, 1
        while (nxt := _next_row(rows, placed, end)) is not None:
            end, count = nxt, count + 1
        if count >= MIN_ROWS or _under_column_names(header_texts, placed, k):
            first = k - 1 if k and _is_header(texts[k - 1]) else k
            first = first - 1 if first and _is_label(texts[first - 1]) else first
            found += range(first, end + 1)
        k = end + 1
    return found
