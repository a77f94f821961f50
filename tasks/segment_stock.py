"""Stock phrases of news prose, blanked out before paragraphs are compared by their terms.

Every news article has its speakers `表示` and `介绍` and names them by job title (`负责人`,
`处长`): two paragraphs sharing such phrases are no more likely to belong together. Paragraph
relabelling (tasks/segment_assign.py) counts terms only after these phrases are replaced by
blanks of the same length, so no bigram forms across the gap. Vocabularies come from
tasks/data/segment_lexicon.yaml (STOCK_VOCABULARIES; entries of two characters and more: a single
character is part of too many words).
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.segment_heads import lexicon

STOCK_VOCABULARIES = ("speech_verbs", "person_titles")


@lru_cache(maxsize=1)
def _stock_phrases() -> re.Pattern | None:
    lex = lexicon()
    words = {w for key in STOCK_VOCABULARIES for w in lex[key] if len(w) >= 2}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None


def without_stock_phrases(text: str) -> str:
    """The text with each stock phrase blanked out (same length: no bigram forms across the gap)."""
    pattern = _stock_phrases()
    return pattern.sub(lambda m: " " * len(m.group(0)), text) if pattern else text
