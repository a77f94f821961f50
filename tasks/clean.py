"""Line roles: every non-blank line gets boilerplate, furniture, caption, metadata, continuation or content.

Score first, decide second. Each line gets local evidence (tasks/clean_score.py: generic patterns
from tasks/data/lexicons.yaml, length, punctuation, CJK ratio, link share); then document evidence
decides (tasks/clean_layout.py, tasks/clean_ocr.py): where the stretches of article text are, what
stands in the head zone above them, shared titles over groups of pieces, photo captions between head
and text, lines repeated within the page or recurring across the run. All thresholds are fields of
`Thresholds`. When unsure between furniture and headline we leave ROLE_CONTENT with a lower score.
"""
from __future__ import annotations

import re

from collections import Counter
from typing import Iterable

from tasks.clean_flags import (  # noqa: F401 - re-exported: FLAG_* are part of this module's API
    FLAG_MIXED_SCRIPT,
    FLAG_MOJIBAKE,
    FLAG_PRIVATE_USE,
    FLAG_REPLACEMENT_CHAR,
    FLAG_STRAY_LATIN,
)
from tasks.clean_boxes import mark_prose_boxes
from tasks.clean_databox import data_box_lines
from tasks.clean_folios import edge_folios, page_references
from tasks.clean_layout import mark_heads, mark_source_names, mark_title_copies, mark_truncated_copies, text_blocks
from tasks.clean_lexicon import (  # noqa: F401 - re-exported
    LEXICON_PATH,
    LEXICON_SCHEMA_PATH,
    Lexicons,
    load_lexicons,
    lexicons_version,
)
from tasks.clean_memo import local_flags, local_line
from tasks.clean_metadata import metadata_fields  # noqa: F401 - re-exported
from tasks.clean_notices import inside_notice_blocks
from tasks.clean_ocr import (
    CAPTION_BY_PLACE,
    is_picture_label,
    mark_captions,
    mark_group_titles,
    reopen_prompt_words_in_cut_sentences,
    set_aside_ocr_noise,
)
from tasks.clean_paragraphs import cut_paragraph_lines
from tasks.clean_score import DEFAULT_THRESHOLDS, LineEvidence, Thresholds
from tasks.layout_wrap import wrapped_lines
from tasks.markdown import markdown_evidence
from tasks.normalize import normalize_text
from tasks.records import CleanLine, SourceDocument
from tasks.schema import ROLE_BOILERPLATE, ROLE_CAPTION, ROLE_CONTENT, ROLE_FURNITURE
from tasks.segment_heads import parse_dateline


def _mark_repeats(lines: list[LineEvidence], recurring: frozenset[str], th: Thresholds) -> None:
    counts = Counter(ln.text for ln in lines)
    for ln in lines:
        short = len(ln.text) <= th.repeat_max_chars and not ln.ends_sentence and ln.cjk >= 1
        if not short or ln.is_byline:
            continue
        if counts[ln.text] > 1:
            ln.extra["repeated"] = True
        if len(ln.text) <= th.recurring_max_chars and ln.text in recurring:
            ln.extra["recurring"] = True


def _mark_folios(lines: list[LineEvidence]) -> None:
    """Page furniture found by its form: page numbers above or below all the page's text and a page guide's
    references to other pages (tasks/clean_folios.py), the rows of a data box (tasks/clean_databox.py), the
    notices of a classified block worded without its formulae (tasks/clean_notices.py)."""
    for k in edge_folios([ln.text for ln in lines], [ln.anchor for ln in lines]):
        if lines[k].role is None:
            lines[k].decide(ROLE_FURNITURE, "furniture: page number at the page's edge", 0.1)
            lines[k].extra["folio"] = True
    for k in data_box_lines([ln.text for ln in lines], [ln.role is not None for ln in lines],
                            [ln.role not in (None, ROLE_FURNITURE) for ln in lines]):
        if lines[k].role in (None, ROLE_FURNITURE):
            lines[k].decide(ROLE_FURNITURE, "furniture: data box (rows of figures)", 0.1)
            lines[k].extra["folio"] = True
    for k in page_references([ln.text for ln in lines]):
        if lines[k].role is None:
            lines[k].decide(ROLE_FURNITURE, "furniture: another page's headline and number (page guide)", 0.1)
            lines[k].extra["folio"] = True
    for k in inside_notice_blocks([ln.reason if ln.role else None for ln in lines], [ln.text for ln in lines]):
        lines[k].decide(ROLE_BOILERPLATE, "boilerplate: notice inside a block of classified notices", 0.05)


def _mark_caption_labels(lines: list[LineEvidence]) -> None:
    """A short label without punctuation right above a photo caption names the picture box: furniture."""
    for k in range(1, len(lines)):
        if is_picture_label(lines[k - 1], lines[k]):
            lines[k - 1].decide(ROLE_FURNITURE, "furniture: label over a photo caption", 0.2)


def _mark_wrapped_text(lines: list[LineEvidence]) -> None:
    """Lines of hard-wrapped running text are article text: a full line the next line continues, and
    that next line, even when a pattern alone took it for furniture (a piece of a sentence that opens
    like a widget's label); a full line that position and wording alone took for a caption is text too. Metadata and lines already placed elsewhere keep their verdict."""
    for k, runs_on in enumerate(wrapped_lines([(ln.line_no, ln.raw) for ln in lines])):
        piece = lines[k]
        if runs_on and piece.role == ROLE_CAPTION and (piece.reason or "").startswith(CAPTION_BY_PLACE):
            piece.decide(None, None, 0.5)  # a full line that runs on is a paragraph's first line, not a caption
        if not runs_on or piece.role is not None or not piece.cjk:
            continue
        piece.anchor = True
        nxt = lines[k + 1]
        if nxt.extra.get("folio"):
            continue
        if nxt.role in (ROLE_BOILERPLATE, ROLE_FURNITURE, ROLE_CAPTION) and not nxt.meta and nxt.cjk and not nxt.is_link_line:
            nxt.decide(None, None, 0.5)
            nxt.head_boilerplate = False
        if nxt.role is None and nxt.cjk:
            nxt.anchor = True


_CLAUSE_PIECE = re.compile(r"[，。；！？]")  # a head or label holds none of these; a piece of a sentence does
PIECE_MIN_CJK = 4


def _is_sentence_piece(ln: LineEvidence) -> bool:
    """An open line with clause marks, or one opening with a dateline (`本报讯（记者 某某`): a piece of text."""
    return (ln.role is None and ln.cjk >= PIECE_MIN_CJK and not ln.is_byline
            and (bool(_CLAUSE_PIECE.search(ln.text)) or parse_dateline(ln.text) is not None))


def _reads_on(ln: LineEvidence) -> bool:
    """An open piece of a sentence without clause marks (`列车将在各种工况下`): a head's words or a sentence's."""
    return ln.left_open(PIECE_MIN_CJK)


_SET_IN = (ROLE_CAPTION, ROLE_FURNITURE)  # a photo with its caption and label, or a label, set into a column


def _across_set_in(lines: list[LineEvidence], k: int, step: int) -> int:
    """The nearest line from k + step on (step 1 or -1) that is nothing set into the column."""
    j = k + step
    while 0 < j < len(lines) - 1 and lines[j].role in _SET_IN:
        j += step
    return j


def _extend_by_sentence_pieces(lines: list[LineEvidence], in_block: list[bool]) -> None:
    """Open lines with clause punctuation right above or under a stretch of text are pieces of its cut
    paragraphs (`本报讯 记者从市商务局获悉，家`), too short to anchor it alone: text, not page debris;
    so are those under a byline, which announces text (`■ 本报记者 某某` over `从本月起，参加…`).
    Under the text a whole sentence after a whole sentence is not a cut piece (a site's disclaimer). Above it, a
    cut sentence's first piece reads on into the text across a short piece without clause marks; a sentence left
    open reads on across a photo or label set into the column.
    A line opening with a dateline (`本报讯（记者 某某`) is such a piece too."""
    for k in range(1, len(lines)):  # downwards from each stretch's end or byline, while a sentence is left open
        if in_block[k] or not _is_sentence_piece(lines[k]):
            continue
        a = k - 1
        if lines[a].role in _SET_IN:
            j = _across_set_in(lines, k, -1)
            a = j if lines[j].role is None and not lines[j].ends_sentence else a
        above = lines[a]
        byline = above.role is None and above.is_byline
        cut = above.role is None and (byline or not above.ends_sentence or not lines[k].ends_sentence)
        if (in_block[a] or byline) and cut:
            in_block[k] = True
    for k in range(len(lines) - 2, -1, -1):  # upwards from each stretch's start
        if in_block[k] or not _is_sentence_piece(lines[k]):
            continue
        below = _across_set_in(lines, k, 1) if not lines[k].ends_sentence else k + 1
        if in_block[below] and lines[below].role is None:
            in_block[k] = True
        elif not lines[k].ends_sentence and below + 1 < len(lines) and in_block[below + 1] and _reads_on(lines[below]):
            in_block[k] = in_block[below] = True  # a cut sentence reads on across a short piece without clause marks


def _signs_text_above(lines: list[LineEvidence], in_block: list[bool], k: int) -> bool:
    """A byline right under a stretch of text signs it (a commentary's `□ 苏禾`, a late `■ 本报记者 某某`)."""
    return lines[k].is_byline and k > 0 and in_block[k - 1]


def _decide_open_lines(lines: list[LineEvidence], in_block: list[bool]) -> None:
    """The one place where open lines get their final role from the evidence gathered."""
    for k, ln in enumerate(lines):
        if ln.role is not None:
            continue
        head = ln.extra.get("head")
        if ln.extra.get("repeated") and not head:
            ln.decide(ROLE_FURNITURE, "furniture: short line repeated within the page", 0.2)
        elif ln.extra.get("recurring") and not head and not ln.anchor:
            ln.decide(ROLE_FURNITURE, "furniture: short line recurring across documents", 0.2)
        elif not in_block[k] and not head and not _signs_text_above(lines, in_block, k):
            ln.decide(ROLE_BOILERPLATE, "boilerplate: outside the article text", min(ln.score, 0.3))
        elif head and not ln.anchor:
            ln.score = min(ln.score, 0.6)


def _classify(doc: SourceDocument, recurring: frozenset[str], th: Thresholds) -> list[LineEvidence]:
    lex = load_lexicons()
    every_line = [local_line(i + 1, raw, lex, th) for i, raw in enumerate(doc.lines) if raw.strip()]
    lines = set_aside_ocr_noise(every_line)
    reopen_prompt_words_in_cut_sentences(lines)
    mark_truncated_copies(lines, th)
    mark_title_copies(lines)
    _mark_repeats(lines, recurring, th)
    mark_source_names(lines)
    mark_captions(lines, lex, th)
    _mark_caption_labels(lines)
    _mark_folios(lines)
    _mark_wrapped_text(lines)
    mark_prose_boxes(lines, lex, th)
    blocks = text_blocks(lines, th)
    in_block = [False] * len(lines)
    for first, last in blocks:
        in_block[first:last + 1] = [True] * (last + 1 - first)
    _extend_by_sentence_pieces(lines, in_block)
    for k in cut_paragraph_lines(lines, th):
        in_block[k] = True
    # Heads above each stretch of text and above each paragraph within it.
    previous_end = -1
    for first, last in blocks:
        mark_heads(lines, first, max(previous_end + 1, first - th.head_lookback * 2), th, outside=True)
        for k in range(first + 1, last + 1):
            if lines[k].anchor and not lines[k - 1].anchor:
                mark_heads(lines, k, first, th, outside=False)
        previous_end = last
    mark_group_titles(lines, blocks, lex, th)
    _decide_open_lines(lines, in_block)
    return every_line


def clean_document(
    doc: SourceDocument, recurring: frozenset[str] = frozenset(), thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[CleanLine]:
    """One CleanLine per non-blank line of `doc`, in line order, with role, reason and content score.

    `recurring` holds normalised lines seen in two or more documents of the run (see
    `recurring_lines`). Never raises: on an internal error every line is returned as content
    with a low score and the error named in its reason.
    """
    try:
        lines = _classify(doc, recurring, thresholds)
    except Exception as exc:  # noqa: BLE001 - a cleaner bug must not lose lines
        return [
            CleanLine(line_no=i + 1, raw=raw, text=raw.strip(), role=ROLE_CONTENT, content_score=0.5,
                      reason=f"clean error: {type(exc).__name__}")
            for i, raw in enumerate(doc.lines) if raw.strip()
        ]
    return [
        CleanLine(
            line_no=ln.line_no,
            raw=ln.raw,
            text=ln.text,
            role=ln.role or ROLE_CONTENT,
            reason=ln.reason,
            content_score=float(ln.score),
            markup=ln.markup[0] if ln.markup else None,
            rule_hits=ln.rule_hits,
            metadata_field=ln.meta[0] if ln.meta else None,
            metadata_value=(ln.meta[1] or None) if ln.meta else None,
            metadata={k: v for k, v in ln.meta_fields.items() if v} if ln.meta_fields else {},
            ocr_flags=local_flags(ln.text),
        )
        for ln in lines
    ]


def recurring_lines(docs: Iterable[SourceDocument]) -> frozenset[str]:
    """Normalised, markup-free lines that occur in two or more of `docs` (page furniture evidence)."""
    seen: Counter[str] = Counter()
    for doc in docs:
        texts = set()
        for raw in doc.lines:
            if raw.strip():
                text, _ = normalize_text(raw)
                texts.add(markdown_evidence(text).text)
        seen.update(t for t in texts if t)
    return frozenset(t for t, n in seen.items() if n >= 2)
