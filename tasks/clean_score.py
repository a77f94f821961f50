"""Evidence about one line (length, punctuation, CJK ratio, links, lexicon hits) and what it alone says.

`line_evidence` measures a line; `local_verdict` gives it a non-content role when the line alone is
enough (a copyright footer, a metadata label, a caption credit) and otherwise a content score that
the document pass (tasks/clean.py) completes with context. Every number is a field of `Thresholds`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from tasks.clean_lexicon import Lexicons
from tasks.clean_metadata import metadata_fields
from tasks.clean_widgets import is_widget_bar
from tasks.markdown import markdown_evidence
from tasks.normalize import count_cjk, normalize_text
from tasks.segment_heads import parse_dateline
from tasks.schema import (
    MARKUP_IMAGE,
    MARKUP_LINK,
    MARKUP_TABLE,
    REASON_SECTION_LABEL,
    ROLE_BOILERPLATE,
    ROLE_CAPTION,
    ROLE_CONTINUATION,
    ROLE_FURNITURE,
    ROLE_METADATA,
)


@dataclass(frozen=True)
class Thresholds:
    """Every number the role decision uses, in one place."""

    anchor_min_cjk: int = 14  # a line of article text: at least this many Han characters ...
    anchor_long_cjk: int = 40  # ... ending a sentence, or this long with inner punctuation
    piece_min_cjk: int = 8  # a line this long stopping on a comma is a piece of a cut paragraph, never a title
    cut_paragraph_min_cjk: int = 24  # pieces reading on into a sentence's end this long together are text
    anchor_max_link_share: float = 0.3  # ... mostly outside links
    block_break_lines: int = 2  # this many link/boilerplate lines in a row end a stretch of text
    block_min_cjk: int = 60  # a stretch of text shorter than this (Han chars) is a sidebar blurb
    block_min_share: float = 0.15  # ... or smaller than this share of the largest stretch
    link_line_share: float = 0.5  # a line with this share of its text in links is a link line
    head_lookback: int = 8  # non-blank lines examined above a stretch of text for its head
    head_max_lines: int = 3  # kicker, headline, subtitle (bylines and section labels not counted)
    head_min_cjk: int = 5  # head lines shorter than this above a web text are labels
    label_max_cjk: int = 4  # a short label without punctuation in a group of head lines is furniture
    group_title_max_cjk: int = 16  # a shared title over several pieces is at most this long
    group_min_pieces: int = 2  # ... and stands over at least this many bylined or headed pieces
    column_name_max_cjk: int = 7  # ... or, over one piece, names its column in a word or two (两会圆桌)
    caption_max_cjk: int = 60  # a photo caption sentence is at most this long
    caption_min_score: float = 0.5  # caption evidence needed to call a sentence a caption
    short_line_cjk: int = 30  # lines up to this long without final punctuation are "short"
    metadata_max_chars: int = 80  # longer lines are not metadata lines
    author_max_cjk: int = 24  # an "作者：" line longer than this is prose that mentions an author
    metadata_prose_cjk: int = 30  # a labelled line this long ending a sentence with inner commas is
    # a paragraph the date and source ran into (`2025-03-12 来源：某网 昨日，…。`): text, not metadata
    repeat_max_chars: int = 40  # short lines repeated within a page are furniture/captions
    copy_min_chars: int = 20  # a line this long that starts another, longer line is a teaser copy
    recurring_max_chars: int = 10  # only label-length recurring lines count as page furniture


DEFAULT_THRESHOLDS = Thresholds()

SENTENCE_END = re.compile(r"[。！？!?…；;”」』]\s*$|[。！？]”\s*$")
_STOP = re.compile(r"[。；;]")
_EXCLAMATION_END = re.compile(r"[！!？?…][”」』]?\s*$")
TAIL_CHARS = 8  # end-of-line patterns look only at the last few characters: linear on huge lines


def ends_with(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern` (anchored with $) matches at the end of `text`; only the tail is searched."""
    return bool(pattern.search(text[-TAIL_CHARS:]))


def is_full_sentence(text: str) -> bool:
    """A sentence stop inside, or a clause with a comma ending in ！？…: article text, not a title."""
    return bool(_STOP.search(text)) or (("，" in text or "," in text) and ends_with(_EXCLAMATION_END, text))
PUNCT = re.compile(r"[，。！？；、：“”,;]")
BYLINE = re.compile(
    r"^[■□▲△●○◆◇▶►★☆◎\s]*(?:(?:本报|本刊|新华社|中新社|人民日报)(?:特约|见习|实习)?(?:记者|通讯员|评论员)"
    r"|(?:特约|见习|实习)?(?:记者|通讯员|实习生|撰稿)[\s：:]+[\u4e00-\u9fff]|文\s*/|作者[：:\s])"
    r"|^[■□▲●◆▶◎]\s*\S"
    r"|^(?:[\u4e00-\u9fff]{2,3}\s+){1,5}[\u4e00-\u9fff]{2,3}$"
)
ORDINAL = re.compile(r"^[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]?$")
SUBTITLE = re.compile(r"^[—-]{1,2}")
_INNER_STOP = re.compile(r"[。！？]")
# Kinds whose patterns name a control's or prompt's words (扫码, 下载APP), which prose uses too; a
# copyright or contact statement is a sentence by nature and keeps its verdict.
UI_PROMPT_KINDS = frozenset({"wechat_ui", "app_promo"})
PROSE_AROUND_MIN_CJK = 10  # Han characters beside a UI phrase that make its line a sentence, not a control


def is_phrase_in_prose(text: str, match: re.Match[str]) -> bool:
    """The matched phrase is a word inside a sentence (`现在扫码就能结账，省心多了。`), not the whole
    line's shape as a control or prompt is: the line runs into clauses and holds much text beside it."""
    beside = text[:match.start()] + text[match.end():]
    return "，" in text and count_cjk(beside) >= PROSE_AROUND_MIN_CJK
_DATE_STAMP = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?|\d{1,2}月\d{1,2}日")
_CREDIT_END = re.compile(r"(?:摄|供图)[)）]?$")  # a credit closes a caption even after a ▲ marker


@dataclass
class LineEvidence:
    """Evidence about one non-blank line, and the verdict so far (role None while open)."""

    line_no: int
    raw: str
    text: str
    rule_hits: tuple[str, ...]
    markup: tuple[str, ...]
    link_share: float
    cjk: int
    ends_sentence: bool
    has_punct: bool
    is_byline: bool  # BYLINE finds a byline in the text; asked of most lines several times per page
    role: str | None = None
    reason: str | None = None
    score: float = 0.5
    meta: tuple[str, str] | None = None  # the line's first metadata field
    meta_fields: dict[str, str] = field(default_factory=dict)  # every metadata field on the line
    anchor: bool = False  # a line of article text
    head_boilerplate: bool = False  # a label that opens a block of boilerplate (相关推荐, 关于我们)
    extra: dict[str, bool] = field(default_factory=dict)

    @property
    def is_link_line(self) -> bool:
        return MARKUP_LINK in self.markup and self.link_share >= DEFAULT_THRESHOLDS.link_line_share

    def decide(self, role: str, reason: str, score: float) -> None:
        self.role, self.reason, self.score = role, reason, score

    def left_open(self, min_cjk: int) -> bool:
        """Still undecided, no byline, at least `min_cjk` Han characters, and its sentence not ended: a head's
        words or a piece of a sentence that a column break cut."""
        return self.role is None and not self.is_byline and not self.ends_sentence and self.cjk >= min_cjk


def line_evidence(line_no: int, raw: str) -> LineEvidence:
    """Normalise one raw line, strip its markdown and measure it."""
    text, hits = normalize_text(raw)
    md = markdown_evidence(text)
    visible = md.text
    cjk = count_cjk(visible)
    # a date or time beside a link (`[标题](/a/1.html) 2025-03-12`) dates a list entry: not text outside the link
    share = md.link_chars / max(len(_DATE_STAMP.sub("", visible).replace(" ", "")), 1) if md.link_chars else 0.0
    if not visible and MARKUP_LINK in md.kinds:
        share = 1.0
    return LineEvidence(
        line_no=line_no, raw=raw, text=visible, rule_hits=hits, markup=md.kinds,
        link_share=min(share, 1.0), cjk=cjk,
        ends_sentence=ends_with(SENTENCE_END, visible), has_punct=bool(PUNCT.search(visible)),
        is_byline=bool(BYLINE.search(visible)),
    )


def local_verdict(ln: LineEvidence, lex: Lexicons, th: Thresholds) -> None:
    """Decide what the line alone says; leave role None when only its context can tell."""
    text, n = ln.text, len(ln.text)
    if not text:
        kind = "image" if MARKUP_IMAGE in ln.markup else "link" if MARKUP_LINK in ln.markup else "markup"
        return ln.decide(ROLE_BOILERPLATE, f"boilerplate: {kind} only", 0.0)
    if lex.continuation.search(text):
        return ln.decide(ROLE_CONTINUATION, "continuation: marker alone on its line", 0.05)
    runs_into_prose = ln.ends_sentence and "，" in text and ln.cjk >= th.metadata_prose_cjk
    if n <= th.metadata_max_chars and not _INNER_STOP.search(text[:-1]) and not runs_into_prose:
        fields = metadata_fields(text, lex)
        if "author" in fields and ln.cjk > th.author_max_cjk:
            fields.pop("author")
        if fields:
            name, value = next(iter(fields.items()))
            ln.meta = (name, value)
            ln.meta_fields = dict(fields)
            return ln.decide(ROLE_METADATA, f"metadata: {', '.join(fields)}", 0.05)
    if n <= th.caption_max_cjk and lex.caption.search(text) and (not ln.is_byline or _CREDIT_END.search(text)):
        return ln.decide(ROLE_CAPTION, "caption: photo caption or credit", 0.1)
    if lex.boilerplate_blocks.search(text):
        ln.head_boilerplate = True
        return ln.decide(ROLE_BOILERPLATE, "boilerplate: block label", 0.05)
    for kind, pattern, max_chars in lex.boilerplate:
        hit = pattern.search(text) if n <= max_chars else None
        if hit and not (kind in UI_PROMPT_KINDS and is_phrase_in_prose(text, hit)):
            return ln.decide(ROLE_BOILERPLATE, f"boilerplate: {kind}", 0.05)
    if is_widget_bar(text):
        return ln.decide(ROLE_BOILERPLATE, "boilerplate: widget", 0.05)
    if ln.is_link_line:
        return ln.decide(ROLE_BOILERPLATE, "boilerplate: link line", 0.1)
    if lex.furniture.search(text):
        return ln.decide(ROLE_FURNITURE, REASON_SECTION_LABEL, 0.15)
    # Open lines: a content score from length, punctuation, script and links.
    score = 0.35 + 0.25 * ln.ends_sentence + 0.1 * ln.has_punct + 0.2 * min(ln.cjk / 60, 1.0)
    score += 0.1 * (ln.cjk / max(n, 1)) - 0.5 * ln.link_share
    ln.score = round(max(0.0, min(score, 1.0)), 3)
    # Article text: sentences (a final 。), or long punctuated lines, or table rows; list headlines are not.
    sentence_like = is_full_sentence(text) or (ln.cjk >= th.anchor_long_cjk and "，" in text)
    table_row = MARKUP_TABLE in ln.markup and ln.cjk >= 2
    ln.anchor = ln.link_share <= th.anchor_max_link_share and (
        (ln.cjk >= th.anchor_min_cjk and sentence_like) or table_row or is_salutation(text, ln.cjk, th)
        or opens_paragraph(text, ln.cjk, th) or (ln.cjk >= th.piece_min_cjk and ends_with(_CLAUSE_END, text))
    )


_CLAUSE_END = re.compile(r"[，、]$")  # no title, kicker or label stops on these; a column break inside a sentence may


def opens_paragraph(text: str, cjk: int, th: Thresholds) -> bool:
    """A dateline (`本报讯（记者 某某）…`, `新华社北京5月1日电`) opens an article's first paragraph, however
    short the piece a column break left of it: article text, never a title."""
    return cjk >= th.head_min_cjk and parse_dateline(text) is not None


def is_salutation(text: str, cjk: int, th: Thresholds) -> bool:
    """A line addressing the readers before the text (`各区县人民政府，市政府各部门：`): it opens the text.
    A kicker naming a speaker also ends on a colon, but lists no addressees after a comma or 各."""
    return text.endswith(("：", ":")) and cjk >= th.head_min_cjk and ("，" in text or text.startswith("各"))
