"""Line roles: every non-blank line gets boilerplate, furniture, caption, metadata, continuation or content.

Score first, decide second. Each line gets local evidence (generic patterns from
tasks/data/lexicons.yaml, length, punctuation, CJK ratio, link share, recurrence across the run);
then document evidence decides: where the stretches of article text are, what stands in the head
zone above them, runs of short labels over a headline group, lines repeated within the page.
All thresholds are fields of `Thresholds`. Content lines are refined by segmentation; when unsure
between furniture and headline we leave ROLE_CONTENT with a lower score.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import jsonschema
import yaml

from tasks.normalize import is_cjk, markdown_evidence, normalize_text
from tasks.records import CleanLine, SourceDocument
from tasks.schema import (
    MARKUP_HEADING,
    MARKUP_IMAGE,
    MARKUP_LINK,
    MARKUP_TABLE,
    ROLE_BOILERPLATE,
    ROLE_CAPTION,
    ROLE_CONTENT,
    ROLE_CONTINUATION,
    ROLE_FURNITURE,
    ROLE_METADATA,
)

LEXICON_PATH = Path(__file__).parent / "data" / "lexicons.yaml"
LEXICON_SCHEMA_PATH = Path(__file__).parent / "data" / "lexicons.schema.json"

# OCR artefacts seen on a line (CleanLine.ocr_flags); segmentation counts them per article.
FLAG_STRAY_LATIN = "stray_latin_word"  # a lower-case Latin word standing alone inside Chinese text
FLAG_REPLACEMENT_CHAR = "replacement_char"  # U+FFFD: bytes that could not be decoded
FLAG_MIXED_SCRIPT = "mixed_script"  # Cyrillic/Greek letters inside Chinese text (OCR look-alikes)
FLAG_PRIVATE_USE = "private_use_char"  # private-use code points, usually unmapped glyphs
FLAG_MOJIBAKE = "mojibake"  # classic GBK/UTF-8 confusion sequences (锟斤拷, 烫烫烫)


@dataclass(frozen=True)
class Thresholds:
    """Every number the role decision uses, in one place."""

    anchor_min_cjk: int = 14  # a line of article text: at least this many Han characters ...
    anchor_long_cjk: int = 40  # ... ending a sentence, or this long with inner punctuation
    anchor_max_link_share: float = 0.3  # ... mostly outside links
    block_break_lines: int = 2  # this many link/boilerplate lines in a row end a stretch of text
    block_min_cjk: int = 60  # a stretch of text shorter than this (Han chars) is a sidebar blurb
    block_min_share: float = 0.15  # ... or smaller than this share of the largest stretch
    link_line_share: float = 0.5  # a line with this share of its text in links is a link line
    head_lookback: int = 8  # non-blank lines examined above a stretch of text for its head
    head_max_lines: int = 3  # kicker, headline, subtitle (bylines not counted)
    head_min_cjk: int = 5  # head lines shorter than this above a web text are labels
    run_max_heads: int = 2  # in a run of short lines over body text, only the last ones are heads
    label_max_cjk: int = 4  # a short label without punctuation in a group of head lines is furniture
    short_line_cjk: int = 30  # lines up to this long without final punctuation are "short"
    metadata_max_chars: int = 80  # longer lines are not metadata lines
    repeat_max_chars: int = 40  # short lines repeated within a page are furniture/captions
    copy_min_chars: int = 20  # a line this long that starts another, longer line is a teaser copy
    recurring_max_chars: int = 10  # only label-length recurring lines count as page furniture


DEFAULT_THRESHOLDS = Thresholds()

_SENTENCE_END = re.compile(r"[。！？!?…；;”」』]\s*$|[。！？]”\s*$")
_FULL_STOP = re.compile(r"[。；;]|[，,].*[！!？?…][”」』]?\s*$")
_PUNCT = re.compile(r"[，。！？；、：“”,;]")
_BYLINE = re.compile(
    r"^[■□▲△●○◆◇▶►★☆\s]*(?:(?:本报|本刊|新华社|中新社|人民日报)(?:特约|见习|实习)?(?:记者|通讯员)"
    r"|(?:特约|见习|实习)?(?:记者|通讯员|实习生|撰稿)[\s：:]+[\u4e00-\u9fff]|文\s*/|作者[：:\s])"
    r"|^[■□▲●◆▶]\s*\S"
    r"|^(?:[\u4e00-\u9fff]{2,3}\s+){1,5}[\u4e00-\u9fff]{2,3}$"
)
_ORDINAL = re.compile(r"^[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]?$")
_SUBTITLE = re.compile(r"^[—-]{1,2}")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_VALUE_END = re.compile(r"\s{2,}|\s(?=\S{1,6}[：:])|(?=(?:记者|作者|编辑|责任编辑|来源|发布时间|时间)[：:])")
_STRAY_LATIN = re.compile(r"[\u4e00-\u9fff]\s+[a-z]{2,}\s+[\u4e00-\u9fff]")
_MIXED = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_PRIVATE = re.compile(r"[\ue000-\uf8ff]")
_MOJIBAKE = re.compile(r"锟斤拷|烫烫烫|屯屯屯|ï¿½|Ã.Ã")


@dataclass(frozen=True)
class Lexicons:
    """Compiled patterns of tasks/data/lexicons.yaml."""

    version: str
    boilerplate: tuple[tuple[str, re.Pattern[str], int], ...]  # (kind, pattern, max chars)
    boilerplate_blocks: re.Pattern[str]
    metadata: tuple[tuple[str, re.Pattern[str]], ...]
    caption: re.Pattern[str]
    continuation: re.Pattern[str]
    furniture: re.Pattern[str]


def _join(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=4)
def load_lexicons(path: Path = LEXICON_PATH) -> Lexicons:
    """Load and validate (JSON Schema) the lexicon file; compiled patterns are cached."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(LEXICON_SCHEMA_PATH.read_text(encoding="utf-8")))
    limits = data["boilerplate_max_chars"]
    return Lexicons(
        version=data["version"],
        boilerplate=tuple((k, _join(v), int(limits.get(k, 80))) for k, v in data["boilerplate"].items()),
        boilerplate_blocks=_join(data["boilerplate_blocks"]),
        metadata=tuple((k, _join(v)) for k, v in data["metadata"].items()),
        caption=_join(data["caption"]),
        continuation=_join(data["continuation"]),
        furniture=_join(data["furniture"]),
    )


def lexicons_version() -> str:
    """Version string of the lexicon file, for the dataset manifest."""
    return load_lexicons().version


@dataclass
class _Line:
    """Evidence about one non-blank line, and the verdict so far."""

    line_no: int
    raw: str
    text: str
    rule_hits: tuple[str, ...]
    markup: tuple[str, ...]
    link_share: float
    cjk: int
    ends_sentence: bool
    has_punct: bool
    role: str | None = None  # decided non-content role, None while open
    reason: str | None = None
    score: float = 0.5
    meta: tuple[str, str] | None = None
    anchor: bool = False
    head_boilerplate: bool = False  # a label that opens a block of boilerplate (相关推荐, 关于我们)
    extra: dict[str, bool] = field(default_factory=dict)

    @property
    def is_link_line(self) -> bool:
        return MARKUP_LINK in self.markup and self.link_share >= DEFAULT_THRESHOLDS.link_line_share


def _evidence(line_no: int, raw: str) -> _Line:
    text, hits = normalize_text(raw)
    md = markdown_evidence(text)
    visible = md.text
    cjk = sum(1 for ch in visible if is_cjk(ch))
    share = md.link_chars / max(len(visible.replace(" ", "")), 1) if md.link_chars else 0.0
    if not visible and MARKUP_LINK in md.kinds:
        share = 1.0
    return _Line(
        line_no=line_no,
        raw=raw,
        text=visible,
        rule_hits=hits,
        markup=md.kinds,
        link_share=min(share, 1.0),
        cjk=cjk,
        ends_sentence=bool(_SENTENCE_END.search(visible)),
        has_punct=bool(_PUNCT.search(visible)),
    )


def _metadata_value(field_name: str, text: str, match: re.Match[str]) -> str | None:
    if field_name == "published_at":
        m = _DATE.search(text)
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None
    rest = text[match.end():].strip()
    rest = _VALUE_END.split(rest, maxsplit=1)[0].strip(" ：:|丨")
    return rest or None


def _local_verdict(ln: _Line, lex: Lexicons, th: Thresholds) -> None:
    """Decide what the line alone says; leave role None when only its context can tell."""
    text, n = ln.text, len(ln.text)
    if not text:
        kind = "image" if MARKUP_IMAGE in ln.markup else "link" if MARKUP_LINK in ln.markup else "markup"
        ln.role, ln.reason, ln.score = ROLE_BOILERPLATE, f"boilerplate: {kind} only", 0.0
        return
    if lex.continuation.search(text):
        ln.role, ln.reason, ln.score = ROLE_CONTINUATION, "continuation: marker alone on its line", 0.05
        return
    if n <= th.metadata_max_chars and not re.search(r"[。！？]", text[:-1]):
        for field_name, pattern in lex.metadata:
            m = pattern.search(text)
            if m and not (field_name == "author" and ln.cjk > 24):
                ln.role, ln.reason, ln.score = ROLE_METADATA, f"metadata: {field_name}", 0.05
                ln.meta = (field_name, _metadata_value(field_name, text, m) or "")
                return
    if n <= 60 and lex.caption.search(text) and (not _BYLINE.search(text) or re.search(r"摄[)）]?$", text)):
        ln.role, ln.reason, ln.score = ROLE_CAPTION, "caption: photo caption or credit", 0.1
        return
    if lex.boilerplate_blocks.search(text):
        ln.role, ln.reason, ln.score = ROLE_BOILERPLATE, "boilerplate: block label", 0.05
        ln.head_boilerplate = True
        return
    for kind, pattern, max_chars in lex.boilerplate:
        if n <= max_chars and pattern.search(text):
            ln.role, ln.reason, ln.score = ROLE_BOILERPLATE, f"boilerplate: {kind}", 0.05
            return
    if ln.is_link_line:
        ln.role, ln.reason, ln.score = ROLE_BOILERPLATE, "boilerplate: link line", 0.1
        return
    if lex.furniture.search(text):
        ln.role, ln.reason, ln.score = ROLE_FURNITURE, "furniture: page or section label", 0.15
        return
    # Open lines: a content score from length, punctuation, script and links.
    score = 0.35 + 0.25 * ln.ends_sentence + 0.1 * ln.has_punct + 0.2 * min(ln.cjk / 60, 1.0)
    score += 0.1 * (ln.cjk / max(n, 1)) - 0.5 * ln.link_share
    ln.score = round(max(0.0, min(score, 1.0)), 3)
    # Article text: sentences (a final 。), or long punctuated lines, or table rows; list headlines are not.
    sentence_like = bool(_FULL_STOP.search(text)) or (ln.cjk >= th.anchor_long_cjk and "，" in text)
    table_row = MARKUP_TABLE in ln.markup and ln.cjk >= 2
    ln.anchor = ln.link_share <= th.anchor_max_link_share and (
        (ln.cjk >= th.anchor_min_cjk and sentence_like) or table_row
    )


def _blocks(lines: list[_Line], th: Thresholds) -> list[tuple[int, int]]:
    """Stretches of article text as (first, last) indexes of anchor lines, small sidebars left out."""
    blocks: list[list[int]] = []
    breakers, in_boiler_section, current = 0, False, None
    for i, ln in enumerate(lines):
        if ln.head_boilerplate:
            in_boiler_section, current = True, None
            continue
        if in_boiler_section and MARKUP_HEADING in ln.markup and not ln.head_boilerplate:
            in_boiler_section = False
        if ln.anchor and not in_boiler_section:
            if current is None or breakers >= th.block_break_lines:
                current = [i, i, 0]
                blocks.append(current)
            current[1], current[2] = i, current[2] + ln.cjk
            breakers = 0
        elif _is_breaker(ln):
            breakers += 1
        elif ln.role is None and ln.cjk == 0 and not _ORDINAL.match(ln.text):
            breakers += 1
    if not blocks:
        return []
    largest = max(b[2] for b in blocks)
    return [(b[0], b[1]) for b in blocks if b[2] >= max(th.block_min_cjk, th.block_min_share * largest)]


def _is_breaker(ln: _Line) -> bool:
    # Navigation and widgets separate page regions; images, placeholders and rules do not.
    soft = ln.reason is not None and ln.reason.endswith(("image only", "markup only", "placeholder"))
    return not soft and (ln.is_link_line or ln.role == ROLE_BOILERPLATE)


def _is_label(ln: _Line, th: Thresholds) -> bool:
    return ln.cjk <= th.label_max_cjk and not ln.has_punct and not _ORDINAL.match(ln.text)


def _mark_heads(lines: list[_Line], start: int, stop: int, th: Thresholds, outside: bool) -> None:
    """Above a stretch of text (or inside it, above a paragraph): keep the head, label the rest."""
    heads: list[int] = []
    i = start - 1
    while i >= stop and len(heads) < th.head_lookback:
        ln = lines[i]
        if ln.anchor:
            break
        if ln.role is not None:
            # One stray widget or tab bar between headline and text is skipped; two in a row end the head.
            above = lines[i - 1] if i > stop else None
            if ln.head_boilerplate or (_is_breaker(ln) and above is not None
                                       and (_is_breaker(above) or above.head_boilerplate)):
                break
            i -= 1
            continue
        heads.append(i)
        i -= 1
    titles = [j for j in heads if not (_BYLINE.search(lines[j].text) or _ORDINAL.match(lines[j].text))]
    kept = 0
    for rank, j in enumerate(heads):  # nearest to the text first
        ln = lines[j]
        is_byline = bool(_BYLINE.search(ln.text)) and ln.cjk <= 24
        is_sub = bool(_SUBTITLE.match(ln.text))
        if is_byline or _ORDINAL.match(ln.text):
            ln.extra["head"] = True
            continue
        # In a group of head lines, a bare short label (特别报道, 记者手记) is a section label, not a title.
        opening_label = len(titles) > 1 and _is_label(ln, th) and not (rank == 0 and MARKUP_HEADING in ln.markup)
        nearest_heading = rank == 0 and MARKUP_HEADING in ln.markup
        if ln.cjk < th.head_min_cjk and not ln.has_punct and (outside or opening_label) and not nearest_heading:
            if opening_label:
                ln.role, ln.reason, ln.score = ROLE_FURNITURE, "furniture: short label over a headline group", 0.2
            else:
                ln.role, ln.reason, ln.score = ROLE_BOILERPLATE, "boilerplate: short label near the head", 0.2
            continue
        seen_elsewhere = ln.extra.get("repeated") or ln.extra.get("recurring")
        if kept >= th.run_max_heads + (1 if is_sub else 0) or opening_label or seen_elsewhere:
            ln.role, ln.reason, ln.score = ROLE_FURNITURE, "furniture: label above a headline group", 0.3
            continue
        kept += 1
        ln.extra["head"] = True


def _mark_truncated_copies(lines: list[_Line], th: Thresholds) -> None:
    # A page's meta description or a teaser repeats the start of the article's first paragraph.
    by_prefix: dict[str, list[_Line]] = {}
    for ln in lines:
        if len(ln.text) >= th.copy_min_chars:
            by_prefix.setdefault(ln.text[: th.copy_min_chars], []).append(ln)
    for group in by_prefix.values():
        for ln in group:
            stem = ln.text.rstrip(".…").rstrip()
            if ln.role is None and any(o is not ln and len(o.text) > len(stem) and o.text.startswith(stem)
                                       for o in group):
                ln.role, ln.reason, ln.score = ROLE_BOILERPLATE, "boilerplate: truncated copy of another line", 0.1
                ln.anchor = False


def _classify(doc: SourceDocument, recurring: frozenset[str], th: Thresholds) -> list[_Line]:
    lex = load_lexicons()
    lines = [_evidence(i + 1, raw) for i, raw in enumerate(doc.lines) if raw.strip()]
    for ln in lines:
        _local_verdict(ln, lex, th)
    _mark_truncated_copies(lines, th)
    counts = Counter(ln.text for ln in lines)
    for ln in lines:
        short = len(ln.text) <= th.repeat_max_chars and not ln.ends_sentence and ln.cjk >= 1
        if short and counts[ln.text] > 1 and not _BYLINE.search(ln.text):
            ln.extra["repeated"] = True
        if short and len(ln.text) <= th.recurring_max_chars and ln.text in recurring and not _BYLINE.search(ln.text):
            ln.extra["recurring"] = True
    blocks = _blocks(lines, th)
    in_block = [False] * len(lines)
    for first, last in blocks:
        for k in range(first, last + 1):
            in_block[k] = True
    # Heads above each stretch of text and above each paragraph within it.
    previous_end = -1
    for first, last in blocks:
        _mark_heads(lines, first, max(previous_end + 1, first - th.head_lookback * 2), th, outside=True)
        for k in range(first + 1, last + 1):
            if lines[k].anchor and not lines[k - 1].anchor:
                _mark_heads(lines, k, first, th, outside=False)
        previous_end = last
    for k, ln in enumerate(lines):
        if ln.role is not None:
            continue
        if ln.extra.get("repeated") and not ln.extra.get("head"):
            ln.role, ln.reason, ln.score = ROLE_FURNITURE, "furniture: short line repeated within the page", 0.2
        elif ln.extra.get("recurring") and not ln.extra.get("head") and not ln.anchor:
            ln.role, ln.reason, ln.score = ROLE_FURNITURE, "furniture: short line recurring across documents", 0.2
        elif not in_block[k] and not ln.extra.get("head"):
            ln.role, ln.reason = ROLE_BOILERPLATE, "boilerplate: outside the article text"
            ln.score = min(ln.score, 0.3)
        elif ln.extra.get("head") and not ln.anchor:
            ln.score = min(ln.score, 0.6)
    return lines


def _flags(text: str) -> tuple[str, ...]:
    flags = []
    if _STRAY_LATIN.search(text):
        flags.append(FLAG_STRAY_LATIN)
    if "\ufffd" in text:
        flags.append(FLAG_REPLACEMENT_CHAR)
    if _MIXED.search(text) and any(is_cjk(ch) for ch in text):
        flags.append(FLAG_MIXED_SCRIPT)
    if _PRIVATE.search(text):
        flags.append(FLAG_PRIVATE_USE)
    if _MOJIBAKE.search(text):
        flags.append(FLAG_MOJIBAKE)
    return tuple(flags)


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
            ocr_flags=_flags(ln.text),
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
