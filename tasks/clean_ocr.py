"""Newspaper page evidence: photo captions standing as sentences, shared titles over groups of pieces.

A caption on an OCR page is often a plain sentence (`某某（左）在田间查看小麦长势。`) with no credit and
no image marker; what gives it away is its shape (short, one clause, no quotes) together with where it
stands (under a head or label, next to an image or credit line, not in the middle of body text).
A shared title over several pieces (两会圆桌: one slogan, then each piece's headline and byline) stands
between section labels and the first piece's headline; a kicker naming a speaker never is one. OCR specks
and rules are set aside before the page's layout is read, and a cut sentence's piece stays text even when
a UI prompt's word stands in it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.clean_lexicon import Lexicons
from tasks.clean_score import SUBTITLE, UI_PROMPT_KINDS, LineEvidence, Thresholds
from tasks.schema import MARKUP_HEADING, ROLE_BOILERPLATE, ROLE_CAPTION, ROLE_CONTENT, ROLE_FURNITURE, ROLE_METADATA
from tasks.segment_wordlm import span_llr
from tasks.tokenize import dictionary_words_tagged, tokenize

# Weights of the caption score; the decision threshold is Thresholds.caption_min_score.
W_ONE_CLAUSE = 0.3  # no comma, semicolon or colon inside
W_SHORT = 0.1  # at most CAPTION_SHORT_CJK Han characters
W_POSITION_WORD = 0.5  # （左） 前排左三: where a person stands in the photo
W_SCENE_WORD = 0.25  # 合影, 在田间查看: a scene described
W_AFTER_HEAD = 0.2  # right under a head line, a label, an image or another caption
W_BEFORE_CREDIT = 0.3  # right above an image, a photo credit or caption
W_AFTER_BODY = -0.3  # right under a body paragraph: more likely the paragraph's last sentence
W_SEVERAL_SENTENCES = -0.3  # a sentence stop inside: a caption without a credit is one sentence
W_SEVERAL_CLAUSES = -0.2  # two commas or more: a caption describes one scene in a clause or two
CAPTION_SHORT_CJK = 40

# OCR noise: a line without a letter, digit or Han character (a rule of repeated symbols), or one stray
# character that is not a numeral (a numeral alone on its line numbers a section: article text).
_OCR_NOISE = re.compile(r"^[^\w]+$|^[^\W\d一二三四五六七八九十〇零百]$")


def is_ocr_noise(text: str) -> bool:
    """True for a line OCR made of specks or a printed rule (`━━━━`, `※※※`, `匚`), never `二` or `3`."""
    return bool(_OCR_NOISE.match(text.strip()))


# What re.search(r"[。.]$") finds ($: the end, or before a final line break), without scanning the line.
_FINAL_STOPS = ("。", ".", "。\n", ".\n")
# quotes, questions, datelines and reported speech (某某说，) belong to article text, never to a caption
_NOT_CAPTION = re.compile(r"[“”「」\"？！?!：:]|^(?:本报讯|本刊讯|新华社|中新社|据|记者|通讯员)"
                          r"|(?:说|表示|介绍|指出|认为|坦言|透露|建议|强调)，")
_INNER_STOP = re.compile(r"[。！？]")
_INNER_CLAUSE = re.compile(r"[，,；;]")
CAPTION_BY_PLACE = "caption: sentence placed and worded like a caption"  # the reason of a caption without credit


def _is_head_like(ln: LineEvidence) -> bool:
    # a markdown heading is a head even when it ends on a quote (守护一方水土的“河长”)
    return ln.role is None and not ln.anchor and (not ln.ends_sentence or MARKUP_HEADING in ln.markup) and 0 < ln.cjk <= 50


def _is_picture(ln: LineEvidence) -> bool:
    return ln.role == ROLE_CAPTION or (ln.reason or "").endswith("image only")


READS_ON_MIN_CJK = 8  # shorter open lines may be labels or names over a caption


_RUNNING_TEXT = re.compile(r"[，,；;。！？]")  # a title holds none of these inside (an enumeration's 、 it may)


def _reads_on(ln: LineEvidence) -> bool:
    """A line of running text cut mid-sentence: clauses in it, no sentence end, not a head or label."""
    return ln.role is None and not ln.ends_sentence and bool(_RUNNING_TEXT.search(ln.text)) and ln.cjk >= READS_ON_MIN_CJK


CAPTION_LABEL_MAX_CHARS = 6  # a picture box's label (图片新闻, 看图说话) is a short word


def is_picture_label(label: LineEvidence, caption: LineEvidence) -> bool:
    """A short open line without punctuation right above a photo caption: the picture box's label."""
    return (caption.role == ROLE_CAPTION and label.role is None and len(label.text) <= CAPTION_LABEL_MAX_CHARS
            and label.cjk > 0 and not label.has_punct and not label.is_byline)


def _open_piece(ln: LineEvidence) -> bool:
    """A line left open without clause marks (`开通后到市中心的通行时间将由`): a head, or a sentence's middle."""
    return ln.left_open(READS_ON_MIN_CJK)


def _nearest_text_above(lines: list[LineEvidence], k: int) -> int:
    """The nearest line above k that is no picture (a caption or credit, a picture box's label, furniture); -1."""
    j = k - 1
    while j >= 0 and (_is_picture(lines[j]) or lines[j].role == ROLE_FURNITURE
                      or (j + 1 < k and is_picture_label(lines[j], lines[j + 1]))):
        j -= 1
    return j


def _left_open_above(lines: list[LineEvidence], k: int) -> bool:
    """The nearest text above k reads on, or is an open piece under text that reads on (the middle of a
    sentence cut twice; not over a picture, where it may be a picture story's title over its caption): a
    photo set into a column parts a sentence from its tail, which goes on under it."""
    j = _nearest_text_above(lines, k)
    if j < 0:
        return False
    if _reads_on(lines[j]):
        return True
    i = _nearest_text_above(lines, j)
    over_picture = k + 1 < len(lines) and _is_picture(lines[k + 1])
    return _open_piece(lines[j]) and i >= 0 and _reads_on(lines[i]) and not over_picture


def set_aside_ocr_noise(lines: list[LineEvidence]) -> list[LineEvidence]:
    """Lines OCR made of specks or a printed rule are boilerplate; the other lines, which the page's layout is
    read from. Noise has no words and no language evidence, so it must not stand between a head and its
    text or between two pieces of a cut sentence (a stretch of text reads on across it)."""
    kept = []
    for ln in lines:
        if is_ocr_noise(ln.text) and not ln.meta:
            ln.decide(ROLE_BOILERPLATE, "boilerplate: OCR noise (symbols or a stray character)", 0.05)
        else:
            kept.append(ln)
    return kept


_UI_PROMPT_REASONS = frozenset(f"boilerplate: {kind}" for kind in UI_PROMPT_KINDS)


# a sentence's end, before a continuation note set after it (`…乘车。（下转第6版）`)
_SENTENCE_END = re.compile(r"[。！？](?:[（(][^（()）]{1,12}[）)])?$")


def reopen_prompt_words_in_cut_sentences(lines: list[LineEvidence]) -> None:
    """A piece with clause marks or a sentence's end right under a line that reads on is the rest of its
    sentence, even when a UI prompt's word stands in it (`在扫码就能结账，省心多了。`, `卡和手机扫码乘车。`): a
    control or prompt never continues a sentence."""
    for k in range(1, len(lines)):
        ln = lines[k]
        rest = _INNER_CLAUSE.search(ln.text) or _SENTENCE_END.search(ln.text)
        if ln.reason in _UI_PROMPT_REASONS and rest and _reads_on(lines[k - 1]):
            ln.decide(None, None, 0.5)


def caption_score(lines: list[LineEvidence], k: int, lex: Lexicons, th: Thresholds) -> float:
    """Evidence in [0, 1] that line k is a photo caption written as a sentence (0 when it cannot be)."""
    ln = lines[k]
    text = ln.text
    # The cheap tests first: most lines ending on a full stop are body paragraphs, too long to be captions.
    if ln.role is not None or not text.endswith(_FINAL_STOPS) or not 4 <= ln.cjk <= th.caption_max_cjk:
        return 0.0
    if _NOT_CAPTION.search(text) or ln.is_byline:
        return 0.0
    before = lines[k - 1] if k > 0 else None
    after = lines[k + 1] if k + 1 < len(lines) else None
    if _left_open_above(lines, k):
        return 0.0  # the sentence the text above leaves open goes on here: a paragraph's tail, not a caption
    score = W_ONE_CLAUSE * (not _INNER_CLAUSE.search(text[:-1])) + W_SHORT * (ln.cjk <= CAPTION_SHORT_CJK)
    score += W_SEVERAL_SENTENCES * bool(_INNER_STOP.search(text[:-1]))
    score += W_SEVERAL_CLAUSES * (len(_INNER_CLAUSE.findall(text)) >= 2)
    score += W_POSITION_WORD * bool(lex.caption_position.search(text))
    score += W_SCENE_WORD * bool(lex.caption_scene.search(text))
    if before is not None and before.anchor and before.role is None:
        score += W_AFTER_BODY
    elif before is None or _is_picture(before) or before.role in (ROLE_FURNITURE,):
        score += W_AFTER_HEAD * (before is None or not before.is_byline)
    elif _is_head_like(before) and not (after is None or _is_head_like(after)):
        # under a head and over another head, the sentence is all the text that head has: not a caption
        score += W_AFTER_HEAD * (not before.is_byline)
    if after is not None and _is_picture(after):
        score += W_BEFORE_CREDIT
    return max(0.0, min(score, 1.0))


# span_llr across a break from which the sentence's first word completes a line's open end (as
# segment_cutheads.COMPLETED_SPAN_LLR reads a cut head's end)
COMPLETES_SPAN_LLR = 3.0


def completes_open_line(lines: list[LineEvidence], k: int) -> bool:
    """Line k opens with what completes the last word of a line elsewhere on the page that a column
    break left open (`…重点投` + `向…企业。`): the tail of that cut sentence, not a caption."""
    return any(ln.role is None and not ln.ends_sentence and ln.cjk >= READS_ON_MIN_CJK
               and span_llr(ln.text, lines[k].text) >= COMPLETES_SPAN_LLR for j, ln in enumerate(lines) if j != k)


def mark_captions(lines: list[LineEvidence], lex: Lexicons, th: Thresholds) -> None:
    """Photo captions without a credit: short descriptive sentences placed like captions."""
    for k in range(len(lines)):
        score = caption_score(lines, k, lex, th)
        if score >= th.caption_min_score and not completes_open_line(lines, k):
            lines[k].decide(ROLE_CAPTION, f"{CAPTION_BY_PLACE} ({score:.2f})", 0.2)
            lines[k].anchor = False


def _title_like(ln: LineEvidence, th: Thresholds) -> bool:
    return (ln.role is None and not ln.is_byline and not ln.ends_sentence
            and 0 < ln.cjk <= th.group_title_max_cjk and not re.search(r"[，。：:；！？]", ln.text))


def _piece_head(lines: list[LineEvidence], j: int) -> bool:
    """Line j is a headline whose piece is complete under it: a byline or subtitle follows, or it has one."""
    nxt = lines[j + 1] if j + 1 < len(lines) else None
    return "——" in lines[j].text or (nxt is not None and (nxt.is_byline or bool(SUBTITLE.match(nxt.text))))


# jieba tags by which a title says something rather than naming a topic: a kicker is often a clause (在基层
# 一线担当作为, 乡村振兴在行动: a preposition; 价格平稳, 心坎上: ending on an adjective or a localizer), while a
# column or shared title names its topic (两会圆桌, 履职故事, 新观察, 新质生产力)
PREPOSITION_TAGS = frozenset({"p"})
CLAUSE_END_TAGS = frozenset({"a", "ad", "f", "p", "d"})


@lru_cache(maxsize=1)
def _prepositions() -> frozenset[str]:
    return dictionary_words_tagged(PREPOSITION_TAGS)


@lru_cache(maxsize=1)
def _clause_ends() -> frozenset[str]:
    return dictionary_words_tagged(CLAUSE_END_TAGS)


def names_a_topic(text: str) -> bool:
    """The title is one phrase naming a topic: no inner space (a two-part title is a kicker), no preposition,
    and no adjective, localizer or adverb at its end, by jieba's dictionary tags."""
    words = tokenize(text.strip())
    return (" " not in text.strip() and bool(words) and words[-1] not in _clause_ends()
            and not any(w in _prepositions() for w in words))


def _head_runs(lines: list[LineEvidence], first: int, last: int, th: Thresholds) -> list[list[int]]:
    """Runs of adjacent head lines (bylines left out) above and inside the stretch first..last."""
    runs: list[list[int]] = []
    for j in range(max(0, first - th.head_lookback), last + 1):
        ln = lines[j]
        if ln.extra.get("head") and ln.role is None and not ln.is_byline:
            if runs and runs[-1][-1] == j - 1:
                runs[-1].append(j)
            else:
                runs.append([j])
    return runs


def mark_group_titles(lines: list[LineEvidence], blocks: list[tuple[int, int]], lex: Lexicons,
                      th: Thresholds) -> None:
    """A short title over several pieces is page furniture, not any one piece's kicker or headline."""
    for first, last in blocks:
        runs = _head_runs(lines, first, last, th)
        complete = [run for run in runs if _piece_head(lines, run[-1])]
        for run in runs:
            if len(run) < 2:
                continue
            title, headline = run[0], run[1]
            if SUBTITLE.match(lines[headline].text):
                continue  # a 副题 (——记…) hangs from the piece's own headline, never from a shared title
            above = lines[title - 1] if title > 0 else None
            opens_section = above is None or (above.role not in (None, ROLE_CONTENT, ROLE_METADATA)
                                              and not above.anchor)
            # Several pieces under it, or a compact column name over a headline complete with its byline
            # or subtitle; kickers tend to be two-part, name a speaker, say something (a clause) or run
            # longer than a column's name (老旧小区改造按下快进键 over one piece is its kicker).
            compact = " " not in lines[title].text.strip() and lines[title].cjk <= th.column_name_max_cjk
            grouped = len(complete) >= th.group_min_pieces or compact
            if (opens_section and _title_like(lines[title], th) and not lex.kicker.search(lines[title].text)
                    and names_a_topic(lines[title].text) and _piece_head(lines, headline) and grouped):
                lines[title].decide(ROLE_FURNITURE, "furniture: shared title over a group of pieces", 0.25)
                lines[title].extra["head"] = False
