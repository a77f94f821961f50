"""Web metadata lines (来源, 责任编辑, 作者, dates): which fields a line holds and their values.

A line may hold several fields (`发布时间：2024-03-05 来源：某某日报`); `metadata_fields` returns them
all, in the priority order of the lexicon file. CleanLine carries one field per line (the first),
so callers that want every field call `metadata_fields` on the line text.
"""
from __future__ import annotations

import re

from tasks.clean_lexicon import Lexicons, load_lexicons

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# A value ends at a wide gap, at the next "label：", or where another known label starts.
_VALUE_END = re.compile(
    r"\s{2,}|\s(?=\S{1,6}[：:])|(?=(?:记者|作者|编辑|责任编辑|来源|发布时间|时间|日期)[：:])"
)
_VALUE_TRIM = " ：:|丨"
# A metadata value is a name, a site or a date, never a sentence: `记者：下一步有什么打算？` is an
# interview turn. A question or exclamation ends speech; a full stop does after a clause of this length.
_SPEECH_END = re.compile(r"[？?！!]$|[\u4e00-\u9fff，、]{8,}。$")


def iso_date(text: str) -> str | None:
    """The first plausible date in `text` as YYYY-MM-DD, or None."""
    for m in _DATE.finditer(text):
        year, month, day = (int(g) for g in m.groups())
        if 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _value(field_name: str, text: str, match: re.Match[str]) -> str | None:
    if field_name == "published_at":
        return iso_date(text)
    rest = text[match.end():].strip()
    rest = _VALUE_END.split(rest, maxsplit=1)[0].strip(_VALUE_TRIM)
    return rest or None


def _opens_speech(field_name: str, text: str, match: re.Match[str]) -> bool:
    """The label opens a turn of speech (`记者：下一步有什么打算？`), not a metadata value."""
    value = _value(field_name, text, match) if field_name != "published_at" else None
    return bool(value and _SPEECH_END.search(value))


def metadata_fields(text: str, lexicons: Lexicons | None = None) -> dict[str, str]:
    """Every metadata field named on the line with its value, in lexicon priority order.

    `发布时间：2024-3-5 来源：某某日报` gives {"source_name": "某某日报", "published_at": "2024-03-05"}.
    A field whose label is present but whose value is empty maps to "". A label of
    `metadata_joined` counts glued to the value before it (`来源：某网记者：张三`) on such a line.
    """
    lex = lexicons or load_lexicons()
    found: dict[str, str] = {}
    for field_name, pattern in lex.metadata:
        m = pattern.search(text)
        if m and not _opens_speech(field_name, text, m):
            found[field_name] = _value(field_name, text, m) or ""
    for field_name, pattern in lex.metadata_joined if found else ():
        m = pattern.search(text)
        if m and field_name not in found and not _opens_speech(field_name, text, m):
            found[field_name] = _value(field_name, text, m) or ""
    if "published_at" not in found and found and (date := iso_date(text)):
        found["published_at"] = date  # a bare date beside a labelled source: 2024-03-05 来源：某网
    return found
