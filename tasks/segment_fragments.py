"""Prose fragments that read like titles: evidence that a short line without sentence punctuation
was cut from a paragraph at a column break.

A page read out of column order leaves lines such as `市住房城乡建设委城建处处长`,
`据园区管委会负责人周` or `本届运动会以“全民健`: short, no full stop, so title-like by length and
punctuation alone. Their text still shows the cut: a quote or bracket left unclosed or closed
without its opening (`远航)记者从…`), a last character
that cannot end a title (的, 在, 与 ...), a bare job title waiting for its name and speech verb, a job
title followed by a cut-off surname, a news-sentence opener with a comma, a speaker's verb
and comma (`…建议，`), or a dateline cut before its `日电` (`新华社北京5月12`). Vocabularies come from
tasks/data/segment_lexicon.yaml (fragment_final_chars, person_titles, sentence_openers, speech_verbs,
dateline_sources).
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.segment_heads import TEXT_CACHE_SIZE, has_surname, is_kicker_text, is_subtitle_text, lexicon, split_head_line
from tasks.segment_joins import doubled_overlap

MAX_DOUBLED = 2  # characters OCR repeats at a column break; a longer repeat is a name taken up again
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
    return 1.0 if text[-1] in lexicon()["fragment_final_chars"] or cut_within(text) else 0.0


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def cut_within(text: str) -> bool:
    """The line's text shows a cut sentence before its last character: fragment_evidence without the
    last character's evidence, which a title shares (`…大有作为`, `…要让居民参与`)."""
    text = text.strip()
    if len(text) < 2 or is_subtitle_text(text) or is_kicker_text(text):
        return False
    lex = lexicon()
    if any(text.count(a) != text.count(b) for a, b in _PAIRS):
        return True  # a quote or bracket opened and never closed, or closed and never opened: a cut inside it
    tail = _title_tail().search(text)
    if tail and (not tail.group(1) or has_surname(tail.group(1))):
        return True  # `…处长` or `…负责人周`: a name and what the person said follow elsewhere
    if re.search(r"[，,]", text) and any(text.startswith(o) for o in lex["sentence_openers"]):
        return True
    if _cut_dateline().match(text):
        return True  # `新华社北京5月12`: a dateline cut before its `日电`
    return bool(_speech().search(text))  # `…负责人介绍，`: reported speech opens a news sentence; titles quote with `：`


def doubled_at_break(text: str, nxt: str, max_doubled: int = MAX_DOUBLED) -> bool:
    """True when `nxt` opens by repeating the last one or two characters of `text`, as OCR does
    when it reads the characters at a column break twice: `text` was cut there, not a title.
    Longer repeats are a title naming what the text opens with (`——记…胡震刚` over `胡震刚带领…`),
    and a line with a kicker or 副题 is a title whatever follows it."""
    kicker, _, subtitle = split_head_line(text)
    return (not kicker and not subtitle and not is_subtitle_text(text)
            and 1 <= doubled_overlap(text, nxt) <= max_doubled)


@lru_cache(maxsize=1)
def _cut_dateline() -> re.Pattern:
    sources = "|".join(map(re.escape, lexicon()["dateline_sources"]))
    return re.compile(rf"(?:{sources})[\u4e00-\u9fff]{{0,6}}[0-9０-９]+[月0-9０-９]*$")


@lru_cache(maxsize=1)
def _speech() -> re.Pattern:
    verbs = sorted(lexicon()["speech_verbs"], key=len, reverse=True)
    return re.compile(rf"[\u4e00-\u9fff]{{2}}(?:{'|'.join(map(re.escape, verbs))})[，,]")
