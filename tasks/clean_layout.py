"""Document evidence for line roles: stretches of article text, their heads, teaser copies.

Works on the LineEvidence list of one document after `local_verdict`; marks `extra["head"]` on the
lines kept as headline material and gives furniture/boilerplate roles to labels around heads.
"""
from __future__ import annotations

import re

from tasks.clean_score import ORDINAL, SUBTITLE, LineEvidence, Thresholds
from tasks.head_labels import stack_labels
from tasks.segment_heads import parse_dateline
from tasks.normalize import han_bigrams
from tasks.schema import (
    MARKUP_HEADING,
    REASON_LABEL_ABOVE_HEADS,
    REASON_LABEL_IN_STACK,
    REASON_LABEL_OVER_HEADS,
    ROLE_BOILERPLATE,
    ROLE_FURNITURE,
    ROLE_METADATA,
)

COPY_CANDIDATES = 8  # longer lines a possible teaser copy is compared with
_CLAUSE_MARK = re.compile(r"[，。；！？：,;]")  # quotes may stand in a title (守护一方水土的“河长”), these not
# A page's <title> as extractors keep it: the headline, a separator, the site or channel name.
_TITLE_SUFFIX = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s|--)\s*[^。！？，,]{1,30}$")
# Every separator of _TITLE_SUFFIX holds one of these characters: a line without any cannot match, and
# finding that out is ~10x cheaper than the suffix search, which tries the pattern at every position.
_TITLE_SEPARATOR = re.compile(r"[_|｜\-—–]")


def text_blocks(lines: list[LineEvidence], th: Thresholds) -> list[tuple[int, int]]:
    """Stretches of article text as (first, last) indexes of anchor lines, small sidebars left out."""
    blocks: list[list[int]] = []
    breakers, in_boiler_section, current = 0, False, None
    for i, ln in enumerate(lines):
        if ln.head_boilerplate:
            in_boiler_section, current = True, None
            continue
        if in_boiler_section and (MARKUP_HEADING in ln.markup or ln.is_byline or parse_dateline(ln.text) is not None):
            in_boiler_section = False  # a heading, or a story's byline or dateline: the page's articles go on
        if ln.anchor and not in_boiler_section:
            if current is None or breakers >= th.block_break_lines:
                current = [i, i, 0]
                blocks.append(current)
            current[1], current[2] = i, current[2] + ln.cjk
            breakers = 0
        elif is_breaker(ln):
            breakers += 1
        elif ln.role is None and ln.cjk == 0 and not ORDINAL.match(ln.text):
            breakers += 1
    if not blocks:
        return []
    largest = max(b[2] for b in blocks)
    kept = [(b[0], b[1]) for b in blocks if b[2] >= max(th.block_min_cjk, th.block_min_share * largest)]
    return [(first, _sentence_tail(lines, last)) for first, last in kept]


def _sentence_tail(lines: list[LineEvidence], last: int) -> int:
    # A short closing sentence (会议还研究了其他事项。) is too short to be an anchor but ends the text.
    while (last + 1 < len(lines) and lines[last + 1].role is None and lines[last + 1].ends_sentence
           and lines[last + 1].cjk >= 2 and not lines[last + 1].is_link_line):
        last += 1
    return _document_closing(lines, last)


# The closing of an official document (公文, GB/T 9704): an attachment list (附件：1．… / 2．…), the
# issuing office's name and the date on lines of their own, a note in brackets (（此件公开发布）).
# The date alone would read as a web page's publication date: beside the office it signs the text.
_ATTACHMENT = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[：:]")
_LIST_ITEM = re.compile(r"^[0-9一二三四五六七八九十]{1,2}\s*[.．、]")
_FULL_DATE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日$")
_BRACKET_NOTE = re.compile(r"^[（(][^（()）]{2,20}[）)]$")
# A signing office names its kind of body last; a paper or an account (某某日报, 某某发布) over a date is
# the page's source and date, metadata.
_OFFICE_END = re.compile(r"(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|办|部|院|署|中心|公司|集团|协会|学会|联合会|街道|学校|大学)$")
SIGNATURE_MAX_CJK = 30


def _document_closing(lines: list[LineEvidence], last: int) -> int:
    """The last line of an official document's closing block right after the text at `last`, or `last`."""
    k = last + 1
    if k < len(lines) and lines[k].role is None and _ATTACHMENT.match(lines[k].text):
        k += 1
        while k < len(lines) and lines[k].role is None and _LIST_ITEM.match(lines[k].text):
            k += 1
    if k + 1 >= len(lines):
        return last
    office, date = lines[k], lines[k + 1]
    signed = (office.role is None and 0 < office.cjk <= SIGNATURE_MAX_CJK and not office.has_punct
              and not office.markup and _OFFICE_END.search(office.text) is not None
              and _FULL_DATE.match(date.text.replace(" ", "")) is not None)
    if not signed:
        return last
    date.decide(None, None, 0.5)  # the signature's date: text of the document, not page metadata
    date.meta, date.meta_fields = None, {}
    k += 1
    if k + 1 < len(lines) and lines[k + 1].role is None and _BRACKET_NOTE.match(lines[k + 1].text):
        k += 1
    return k


def is_breaker(ln: LineEvidence) -> bool:
    """Navigation and widgets separate page regions; images, placeholders and rules do not."""
    soft = ln.reason is not None and ln.reason.endswith(("image only", "markup only", "placeholder"))
    return not soft and (ln.is_link_line or ln.role == ROLE_BOILERPLATE)


def _is_head_widget(ln: LineEvidence) -> bool:
    # Share bars, font-size switches and view counters sit between an article's headline and its text.
    return ln.reason is not None and ln.reason.endswith(("share", "counters", "app_promo"))


def _is_label(ln: LineEvidence, th: Thresholds) -> bool:
    return ln.cjk <= th.label_max_cjk and not ln.has_punct and not ORDINAL.match(ln.text)


def _head_candidates(lines: list[LineEvidence], start: int, stop: int, th: Thresholds) -> list[int]:
    """Open lines above `start` (nearest first) up to the previous text or a boilerplate block."""
    heads: list[int] = []
    i = start - 1
    stop = max(stop, start - 4 * th.head_lookback)  # bounded walk: linear on pages of many labels
    while i >= stop and len(heads) < th.head_lookback:
        ln = lines[i]
        if ln.anchor:
            break
        if ln.role is not None:
            # One stray widget or tab bar between headline and text is skipped; two in a row end the head.
            above = lines[i - 1] if i > stop else None
            hard = is_breaker(ln) and not _is_head_widget(ln)
            if ln.head_boilerplate or (hard and above is not None and (
                    (is_breaker(above) and not _is_head_widget(above)) or above.head_boilerplate)):
                break
        else:
            heads.append(i)
        i -= 1
    return heads


def _is_text_piece(lines: list[LineEvidence], heads: list[int], rank: int, th: Thresholds) -> bool:
    """The head candidate at `rank`, a line with clauses, is a piece of another stretch's text: longer than a
    title runs, or right under a byline. A head over it is that text's own (a stack of its own, no list with
    the titles under it); a title with a comma (`四战并进，全方位攻坚`) is short and never under a byline."""
    above = heads[rank + 1] if rank + 1 < len(heads) else None
    return lines[heads[rank]].cjk > th.short_line_cjk or (above == heads[rank] - 1 and lines[above].is_byline)


def _opens_text(lines: list[LineEvidence], heads: list[int], rank: int) -> bool:
    """The head candidate at `rank`, a line with clauses, reads as the text's first piece, not a title
    (a title may hold a comma or colon: `四战并进，全方位攻坚`): it ends a sentence, opens with a
    dateline, or stands under a byline, which comes after the head."""
    ln = lines[heads[rank]]
    return (ln.ends_sentence or parse_dateline(ln.text) is not None
            or any(lines[j].is_byline for j in heads[rank + 1:]))


def mark_heads(lines: list[LineEvidence], start: int, stop: int, th: Thresholds, outside: bool) -> None:
    """Above a stretch of text (or inside it, above a paragraph): keep the head, label the rest.

    Which title lines are section labels is scored on the stack (tasks/head_labels.py), above or
    below its title, not read off their rank: a long kicker over a title and a 副题 stay heads."""
    heads = _head_candidates(lines, start, stop, th)
    titles = [j for j in heads if not (lines[j].is_byline or ORDINAL.match(lines[j].text))]
    stack = titles[::-1]  # in file order
    section_labels = {j for j, label in zip(stack, stack_labels([lines[j].text for j in stack])) if label}
    # More title-like lines over the text than a head holds (kicker, headline, subtitle): a list of
    # other stories' headlines (a carousel, a channel list) ends at the article's own headline. A section
    # label in the stack (本版图片) names no story: it does not make a head a list.
    title_like = [j for j in titles if lines[j].cjk >= th.head_min_cjk and not _CLAUSE_MARK.search(lines[j].text)
                  and j not in section_labels]
    listed = len(title_like) > th.head_max_lines
    under_subtitle = bool(titles) and bool(SUBTITLE.match(lines[titles[0]].text))  # the headline over its 副题
    max_heads = 1 + under_subtitle if outside and listed else th.head_max_lines
    # A line opening with a dateline opens the text: it and the pieces under it are text, not heads.
    opening = max((rank for rank, j in enumerate(heads) if parse_dateline(lines[j].text) is not None), default=-1)
    kept = 0
    for rank, j in enumerate(heads):  # nearest to the text first
        ln = lines[j]
        if rank <= opening:
            continue
        if (ln.is_byline and ln.cjk <= th.author_max_cjk) or ORDINAL.match(ln.text):
            ln.extra["head"] = True
            continue
        # In a group of head lines, a bare short label (特别报道, 记者手记) is a section label, not a title.
        nearest_heading = rank == 0 and MARKUP_HEADING in ln.markup
        if not outside and not ln.markup and is_stray_label(lines, j):
            ln.decide(ROLE_FURNITURE, "furniture: label inside the text naming none of it", 0.2)
            continue
        opening_label = len(titles) > 1 and _is_label(ln, th) and not nearest_heading
        if ln.cjk < th.head_min_cjk and not ln.has_punct and (outside or opening_label) and not nearest_heading:
            if opening_label:
                ln.decide(ROLE_FURNITURE, REASON_LABEL_OVER_HEADS, 0.2)
            else:
                ln.decide(ROLE_BOILERPLATE, "boilerplate: short label near the head", 0.2)
            continue
        seen_elsewhere = ln.extra.get("repeated") or ln.extra.get("recurring")
        if j in section_labels and not nearest_heading:
            ln.decide(ROLE_FURNITURE, REASON_LABEL_IN_STACK, 0.2)
            continue
        if opening_label or seen_elsewhere:
            ln.decide(ROLE_FURNITURE, REASON_LABEL_ABOVE_HEADS, 0.3)
            continue
        if _CLAUSE_MARK.search(ln.text) and (not outside or kept >= max_heads or _opens_text(lines, heads, rank)):
            if _is_text_piece(lines, heads, rank, th):  # the lines above head that text, not this stretch
                kept, max_heads = 0, th.head_max_lines
            continue  # a piece of a cut sentence (`说，现在每天…`): text, neither a head nor furniture
        if kept >= max_heads:  # kicker, title and 副题 are all there (or a list's nearest title): no head above
            ln.decide(ROLE_FURNITURE, "furniture: line above a full head", 0.3)
            continue
        kept += 1
        ln.extra["head"] = True


STRAY_LABEL_MAX_CJK = 6  # a column or page label (要闻, 本版图片) is a word or two
NAMED_TEXT_LINES = 2  # lines above and under a label whose words a head would name


def _is_text(ln: LineEvidence) -> bool:
    return ln.anchor or (ln.role is None and bool(_CLAUSE_MARK.search(ln.text)) and not ln.is_byline)


def is_stray_label(lines: list[LineEvidence], j: int) -> bool:
    """Line j, between two lines of text, is a bare label of a word or two that shares no two characters
    with the text around it: a page's column or section label set between the pieces (`要闻`), not a
    head, which names what it heads (`春耕忙` over `…正值春耕…`)."""
    ln = lines[j]
    # one character alone is OCR noise or a section's numeral (decided in tasks/clean.py), never a label
    if ln.has_punct or not 2 <= ln.cjk <= STRAY_LABEL_MAX_CJK or ln.is_byline or ORDINAL.match(ln.text):
        return False
    if not 0 < j < len(lines) - 1 or not (_is_text(lines[j - 1]) and _is_text(lines[j + 1])):
        return False  # a line over a title or under a head is a kicker or a section label of that head
    around = [x.text for x in lines[max(0, j - NAMED_TEXT_LINES):j + NAMED_TEXT_LINES + 1] if x is not ln]
    return not han_bigrams(ln.text) & han_bigrams("".join(around))


def mark_truncated_copies(lines: list[LineEvidence], th: Thresholds) -> None:
    """A page's meta description or a teaser repeats the start of the article's first paragraph."""
    by_prefix: dict[str, set[str]] = {}
    for ln in lines:
        if len(ln.text) >= th.copy_min_chars:
            by_prefix.setdefault(ln.text[: th.copy_min_chars], set()).add(ln.text)
    # Compare each distinct text with the few longest texts sharing its prefix: linear, not quadratic.
    longest = {p: sorted(texts, key=len, reverse=True)[:COPY_CANDIDATES] for p, texts in by_prefix.items()
               if len(texts) > 1}
    for ln in lines:
        others = longest.get(ln.text[: th.copy_min_chars]) if ln.role is None else None
        if not others:
            continue
        stem = ln.text.rstrip(".…").rstrip()
        if any(len(o) > len(stem) and o != ln.text and o.startswith(stem) for o in others):
            ln.decide(ROLE_BOILERPLATE, "boilerplate: truncated copy of another line", 0.1)
            ln.anchor = False


def mark_source_names(lines: list[LineEvidence]) -> None:
    """A line above the text naming the page's source again, as a 来源 line gives it (a WeChat
    account's name under its title): metadata, not a title. Under the text, an office of that name
    may sign a notice."""
    names = {ln.meta_fields["source_name"] for ln in lines if ln.meta_fields.get("source_name")}
    for ln in lines if names else ():
        if ln.anchor:
            break
        if ln.role is None and ln.text in names:
            ln.decide(ROLE_METADATA, "metadata: the page's source named again", 0.05)
            ln.meta, ln.meta_fields = ("source_name", ln.text), {"source_name": ln.text}


def mark_title_copies(lines: list[LineEvidence]) -> None:
    """The page's <title> (`headline_site`, `headline - channel`) repeats a line of the page: boilerplate."""
    texts = {ln.text for ln in lines}
    for ln in lines:
        cut = _TITLE_SUFFIX.search(ln.text) if ln.role is None and _TITLE_SEPARATOR.search(ln.text) else None
        if cut and cut.start() >= 4 and ln.text[:cut.start()] in texts:
            ln.decide(ROLE_BOILERPLATE, "boilerplate: page title repeating a headline", 0.1)
            ln.anchor = False
