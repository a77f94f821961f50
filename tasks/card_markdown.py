"""Markdown pieces of the dataset card: escaping text from the inputs, code spans, tables."""
from __future__ import annotations

import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")  # '<', '>' and '&' become entities first


def escape_md(text: object) -> str:
    """Text from the inputs made inert in Markdown and HTML (one line, special characters escaped)."""
    plain = " ".join(str(text if text is not None else "").split())
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", plain)


def code_md(text: object) -> str:
    """A value shown verbatim as a Markdown code span (escaped text when it holds a backtick)."""
    plain = " ".join(str(text if text is not None else "").split())
    return f"`{plain}`" if "`" not in plain else escape_md(plain)


def md_table(header: list[str], rows: list[list[object]]) -> str:
    """A Markdown pipe table; cells are written as given (escape input text before)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
