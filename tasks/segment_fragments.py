"""Prose fragments that read like titles: evidence that a short line without sentence punctuation
was cut from a paragraph at a column break.

A page read out of column order leaves lines such as `市住房城乡建设委城建处处长`,
`据园区管委会负责人周` or `本届运动会以“全民健`: short, no full stop, so title-like by length and
punctuation alone. Their text still shows the cut: an unclosed quote or bracket, a last character
that cannot end a title (的, 在, 与 ...), a bare job title waiting for its name and speech verb, a job
title followed by a cut-off surname, or a news-sentence opener with a comma. Vocabularies come from
tasks/data/segment_lexicon.yaml (fragment_final_chars, person_titles, sentence_openers).
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.segment_heads import TEXT_CACHE_SIZE, has_surname, is_kicker_text, is_subtitle_text, lexicon

_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("‘", "’"), ("「", "」"))


@lru_cache(maxsize=1)
def _title_tail() -> re.Pattern:
    titles = sorted(lexicon()["person_titles"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, titles))})([\u4e00-\u9fff]{{0,2}})$")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def fragment_evidence(text: str) -> float:
    """Evidence in [0, 1] that a title-like line is prose cut mid-sentence (0: reads as a title)."""
    text = text.strip()
    if len(text) < 2 or is_subtitle_text(text) or is_kicker_text(text):
        return 0.0
    lex = lexicon()
    if any(text.count(a) > text.count(b) for a, b in _PAIRS):
        return 1.0  # a quote or bracket opened and never closed: the line was cut inside it
    if text[-1] in lex["fragment_final_chars"]:
        return 1.0
    tail = _title_tail().search(text)
    if tail and (not tail.group(1) or has_surname(tail.group(1))):
        return 1.0  # `…处长` or `…负责人周`: a name and what the person said follow elsewhere
    if re.search(r"[，,]", text) and any(text.startswith(o) for o in lex["sentence_openers"]):
        return 1.0
    return 0.0
