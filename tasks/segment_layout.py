"""First pass of segmentation: give each content line a block kind (head, byline, body, marker);
tasks/segment_blocks.py then cuts the page, in file order, into layout blocks.

Head evidence is scored per line, then decided against one threshold (HEAD_THRESHOLD).
"""
from __future__ import annotations

import re

from tasks.records import CleanLine
from tasks.schema import MARKUP_EMPHASIS, MARKUP_HEADING
from tasks.segment_heads import (
    headline_likeness,
    is_kicker_text,
    is_subtitle_text,
    parse_byline,
    parse_continuation,
    parse_dateline,
    split_head_line,
)
from tasks.segment_blocks import KIND_BODY, KIND_BYLINE, KIND_HEAD, KIND_MARKER
from tasks.segment_clauses import opens_inside_clause
from tasks.segment_fragments import cut_within, doubled_at_break, fragment_evidence
from tasks.segment_joins import bridge_word, mid_start, open_end
from tasks.segment_ngram import CharModel, spanning_word
from tasks.segment_starts import bullets_head_items, closing_line, is_lead_in, standing_section_head

HEAD_THRESHOLD = 0.95
UNANNOUNCED_COST = 0.0  # a title line followed straight by body text, with no byline or dateline between
FRAGMENT_COST = 0.6  # a title-like line whose own text shows a cut inside a sentence (segment_fragments)
DOUBLED_COST = 0.6  # the next line opens by repeating this line's last characters (segment_fragments)
READS_ON_LLR = 1.0  # n-gram ratio across a line end above which the next line reads on from it
LABEL_ANNOUNCES = 0.6  # a column label (`短评`) that cleaning took out stood right above the line: a title under it
MAX_HEAD_LINES = 3
_SENTENCE_PUNCTUATION = re.compile(r"[，,；;。！？!?]")
_CLAUSE_MARKS = re.compile(r"[，,；;。]")  # marks inside running text (a title may end on ？ or ！, and use 、)
_HEADING_MARK = re.compile(r"\s*(#{1,6})\s")
_EMPHASIS_LINE = re.compile(r"\s*\*\*[^*]+\*\*\s*")



def heading_level(line: CleanLine) -> int | None:
    """Markdown heading depth of a line (`## x` -> 2), None when it is not a heading."""
    match = _HEADING_MARK.match(line.raw)
    if match:
        return len(match.group(1))
    return 1 if line.markup == MARKUP_HEADING else None


def is_emphasis_line(line: CleanLine) -> bool:
    return line.markup == MARKUP_EMPHASIS or bool(_EMPHASIS_LINE.fullmatch(line.raw))


def _likeness(text: str) -> float:
    """Title likeness of a line, read on its main title when a kicker or 副题 shares the line."""
    kicker, headline, subtitle = split_head_line(text)
    if kicker or subtitle:
        return min(1.0, headline_likeness(headline) + 0.3)
    return headline_likeness(text)


def head_scores(content: list[CleanLine], title: str | None = None, model: CharModel | None = None,
                labelled: frozenset[int] = frozenset()) -> list[float]:
    """Evidence per content line that it is a title line (headline, kicker or subtitle); `labelled`: indexes
    of lines right under a column label that cleaning took out."""
    texts = [line.text.strip() for line in content]
    levels = [heading_level(line) for line in content]
    top_level = min((lv for lv in levels if lv), default=None)
    likeness = [_likeness(t) for t in texts]
    model = model or CharModel(texts)
    # the n-gram ratio of every line break _reads_on may ask about, all at once (same numbers)
    asked = [i for i in range(len(texts) - 1) if (likeness[i] >= 0.5 or is_subtitle_text(texts[i])) and open_end(texts[i])]
    llrs = dict(zip(asked, model.cross_llrs([(texts[i], texts[i + 1]) for i in asked])))
    announced = [_announces_body(nxt) for nxt in texts[1:]] + [False]  # a byline, dateline or `(上接…)` follows
    bullet_sections = not bullets_head_items(texts)  # a bullet sets off a subhead, or on this page an item's title
    scores = []
    for i, text in enumerate(texts):
        if is_subtitle_text(text) and i > 0 and likeness[i - 1] >= 0.5:
            likeness[i] = max(likeness[i], 0.6)  # 副题 run long and carry commas
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        prev = texts[i - 1] if i > 0 else ""
        # a dateline opens body text, cut or not; a numbered section head between paragraphs heads a section
        if (likeness[i] < 0.5 or parse_dateline(text) or standing_section_head(text, prev, nxt, bullet_sections)
                or closing_line(text, prev, nxt) or is_lead_in(text)):
            scores.append(0.0)
            continue
        score = likeness[i]
        if levels[i]:
            score += 0.3 if levels[i] == top_level else -0.1
        announces_body = announced[i]
        # a line without sentence punctuation right over a title that a byline or dateline announces,
        # and under no title itself, is the head's top line (引题), not a paragraph cut at a column
        # break: the title does not finish its sentence, however open its last character
        over_announced = (bool(nxt) and _bare_title(nxt, likeness[i + 1]) and announced[i + 1]
                          and not _SENTENCE_PUNCTUATION.search(text) and not (i > 0 and _bare_title(prev, likeness[i - 1])))
        if announces_body:
            score += 0.6
        if i in labelled:
            score += LABEL_ANNOUNCES
        elif nxt and likeness[i + 1] < 0.5 and i > 0:
            score -= UNANNOUNCED_COST
        # a title-like line stacked on a top-level markdown heading is its kicker
        over_title = top_level is not None and not levels[i] and i + 1 < len(texts) and levels[i + 1] == top_level
        if nxt and likeness[i + 1] >= 0.5 and (is_subtitle_text(nxt) or is_kicker_text(text) or over_title or over_announced):
            score += 0.4
        if is_subtitle_text(text) and i > 0 and likeness[i - 1] >= 0.5:
            score += 0.4
        if is_emphasis_line(content[i]):
            score += 0.3 if (prev and is_kicker_text(prev)) else -0.3
        if text.endswith(("？", "?")):
            score -= 0.5
        if i == 0:
            score += 0.3
        if title and text and (text in title or title in text):
            score += 0.5
        if top_level and not levels[i] and not is_emphasis_line(content[i]):
            score -= 0.2  # a page that marks its titles with markup: unmarked lines are not titles
        prev_runs_on = prev and open_end(prev) and parse_byline(prev, names_only_ok=True) is None
        may_read_on = bool(nxt) and not announces_body and not over_announced  # the next line may finish this one
        runs_on = may_read_on and open_end(text) and bridge_word(text, nxt)
        if mid_start(text) > 0 or (prev_runs_on and bridge_word(prev, text)) or runs_on:
            score -= 0.6
        if may_read_on and doubled_at_break(text, nxt):
            score -= DOUBLED_COST  # OCR read the characters at a column break twice: a cut line
        marked = levels[i] or is_emphasis_line(content[i])  # markup says title: n-gram evidence yields
        if not marked and not over_announced:
            score -= FRAGMENT_COST * fragment_evidence(text)
        if may_read_on and (mid_start(nxt) >= 0.9 or (not marked and _reads_on(model, text, nxt, llrs.get(i)))):
            score -= 0.6  # the next line finishes this one's sentence: a column break, not a title
        scores.append(score)
    return scores


def label_announced(content: list[CleanLine], labelled: frozenset[int]) -> frozenset[int]:
    """The lines of `labelled` (right under a column label that cleaning took out) that read as the title the
    label announces. On a page read out of column order the line under a label is as often a piece of a
    paragraph (`本报讯（记者 …`, `在老城区改造过程中，有的小区`); the label announces a line only when its own
    text reads as a title and it does not read on into the line under it (the label still outweighs a last
    character that looks cut: `…要让居民参与`)."""
    texts = [line.text.strip() for line in content]
    return frozenset(i for i in labelled if _reads_as_title(texts[i])
                     and not (i + 1 < len(texts) and _reads_into(texts[i], texts[i + 1])))


def _reads_as_title(text: str) -> bool:
    """Title-like on its own text: no dateline, no clause marks of running text, no cut before its last
    character (an unclosed quote, a job title waiting for its name: segment_fragments.cut_within), not opening
    mid-sentence."""
    return (_likeness(text) >= 0.5 and not parse_dateline(text) and not _CLAUSE_MARKS.search(text)
            and not cut_within(text) and mid_start(text) == 0)


def _reads_into(text: str, nxt: str) -> bool:
    """The next line finishes this one's sentence: a word spans the break, OCR doubled characters across it,
    or the next line opens mid-sentence or inside a clause (`…两百多` + `人次，饭菜…`). A byline, dateline or `(上接…)`
    under the line opens text: nothing reads on into it."""
    if _announces_body(nxt):
        return False
    return ((open_end(text) and (bridge_word(text, nxt) or opens_inside_clause(nxt))) or doubled_at_break(text, nxt)
            or mid_start(nxt) >= 0.9)


def _bare_title(text: str, likeness: float) -> bool:
    """A title-like line without sentence punctuation (possibly the top of a head group)."""
    return bool(text) and likeness >= 0.5 and not _SENTENCE_PUNCTUATION.search(text)


def _announces_body(text: str) -> bool:
    """The line opens an article's text: a byline, a dateline or `(上接第N版)`."""
    opens_from = parse_continuation(text)
    return bool(parse_byline(text, names_only_ok=True) or parse_dateline(text) or (opens_from and opens_from.from_page))


def _reads_on(model: CharModel, text: str, nxt: str, llr: float | None = None) -> bool:
    """The next line's first characters continue this line's last ones (word or n-gram evidence;
    `llr`: model.cross_llr(text, nxt) when computed already)."""
    if not open_end(text):
        return False
    return spanning_word(text, nxt) >= 3 or (model.cross_llr(text, nxt) if llr is None else llr) >= READS_ON_LLR


def line_kinds(content: list[CleanLine], title: str | None = None, threshold: float = HEAD_THRESHOLD,
               model: CharModel | None = None, labelled: frozenset[int] = frozenset()) -> list[str]:
    """Block kind of every content line: head, byline, body or a standalone continuation marker.

    `model`: the page's character n-gram model, when the caller has built it already; `labelled`: indexes of
    lines right under a column label that cleaning took out."""
    scores = head_scores(content, title, model, labelled)
    kinds: list[str] = []
    run = 0
    for i, line in enumerate(content):
        text = line.text.strip()
        marker = parse_continuation(text)
        after_head = bool(kinds) and kinds[-1] == KIND_HEAD
        if marker and not marker.text:
            kind = KIND_MARKER
        elif parse_byline(text, names_only_ok=after_head) is not None:
            kind = KIND_BYLINE
        elif scores[i] >= threshold and run < MAX_HEAD_LINES:
            kind = KIND_HEAD
        else:
            kind = KIND_BODY
        run = run + 1 if kind == KIND_HEAD else 0
        kinds.append(kind)
    return kinds
