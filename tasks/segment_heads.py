"""Article head structures of Chinese news text: bylines, datelines, continuation markers, kickers.

Each parser takes one line's text and returns what it found or None; vocabularies come
from tasks/data/segment_lexicon.yaml so that a new agency or title is a data change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

LEXICON_PATH = Path(__file__).parent / "data" / "segment_lexicon.yaml"
CJK = "\u4e00-\u9fff"
NAME = rf"[{CJK}][{CJK}·]{{1,4}}"  # a Chinese personal name, 2-5 characters
# Pure functions of one line's text are memoised: segmentation asks about the same line from
# several steps (layout, demotion, pair scoring, assembly). Results are immutable or copied.
TEXT_CACHE_SIZE = 1 << 14
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The segmentation vocabularies (validated: every value but `version` is a list of strings)."""
    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    for key, value in data.items():
        if key != "version" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ValueError(f"{LEXICON_PATH.name}: {key} must be a list of strings")
    return data


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def ends_sentence(text: str) -> bool:
    """True when the text ends with sentence-final punctuation (closing quotes allowed after it)."""
    lex = lexicon()
    body = text.rstrip().rstrip("".join(lex["closing_after_final"]))
    return bool(body) and body[-1] in lex["sentence_final"]


@dataclass(frozen=True)
class Continuation:
    from_page: int | None
    to_page: int | None
    text: str  # the line with the markers removed


def _page_number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token in _CN_DIGITS:
        return _CN_DIGITS[token]
    if len(token) == 2 and token[0] == "十":
        return 10 + _CN_DIGITS.get(token[1], 0)
    return None


_MARKER = re.compile(r"[(（]\s*(上接|接|下转|转)\s*第?\s*([0-9一二三四五六七八九十]{1,3})\s*版\s*[)）]")


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def parse_continuation(text: str) -> Continuation | None:
    """Find `(上接第N版)` / `(下转第N版)` markers; None when the line has none."""
    found = list(_MARKER.finditer(text))
    if not found:
        return None
    from_page = to_page = None
    for match in found:
        page = _page_number(match.group(2))
        if match.group(1) in ("上接", "接"):
            from_page = from_page or page
        else:
            to_page = to_page or page
    return Continuation(from_page, to_page, _MARKER.sub("", text).strip())


@lru_cache(maxsize=4)
def _title_pattern(min_len: int = 1) -> str:
    titles = sorted((t for t in lexicon()["byline_titles"] if len(t) >= min_len), key=len, reverse=True)
    return "|".join(re.escape(t) for t in titles)


def parse_names(text: str) -> list[str]:
    """Names in a run like `张原 李宁馨、魏天权`; empty when anything else is in the run."""
    parts = [p for p in re.split(r"[\s、,，/]+", text.strip()) if p]
    if not parts or not all(re.fullmatch(NAME, p) for p in parts):
        return []
    return parts


def parse_byline(text: str, names_only_ok: bool = False) -> list[str] | None:
    """Reporter names of a byline line (`■ 本报记者 张清`, `记者 王奇 通讯员 李四`), else None.

    A bare list of names (`张原 李宁馨 魏天权`) counts only with `names_only_ok`, which the
    caller sets when the line stands right under a headline.
    """
    found = _byline_names(text, names_only_ok)
    return None if found is None else list(found)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _byline_names(text: str, names_only_ok: bool) -> tuple[str, ...] | None:
    found = _parse_byline(text, names_only_ok)
    return None if found is None else tuple(found)


def _parse_byline(text: str, names_only_ok: bool) -> list[str] | None:
    bullets = "".join(lexicon()["byline_bullets"])
    body = text.strip().lstrip(bullets).strip()
    if not body or len(body) > 40 or re.search(r"[。！？；]", body):
        return None
    if text.strip()[:1] in bullets.replace("·", "") and _one_name(body):
        return [body]  # a bullet sets off the writer's name: a commentary's signature (`□ 苏禾`)
    pieces = _byline_splitter().split(body)
    if len(pieces) > 1 and not pieces[0].strip():
        names = [n for piece in pieces[1:] for n in parse_names(piece)]
        if names and all(parse_names(piece) or not piece.strip() for piece in pieces[1:]):
            return names
        return None
    if names_only_ok and 2 <= len(body) <= 20 and not re.search(r"[,，]", body):
        names = parse_names(body)
        if (len(names) > 1 or (names and len(body) <= 3)) and all(has_surname(n) and len(n) <= 4 for n in names):
            return names
    return _signed_office(body)


def _one_name(text: str) -> bool:
    """A single personal name: two or three characters after a common surname, four after a compound one."""
    return (parse_names(text) == [text] and has_surname(text)
            and (len(text) <= 3 or (len(text) == 4 and text[:2] in _surnames())))


def _signed_office(body: str) -> list[str] | None:
    """The author of a signed piece: an office ending on a person title, a space, one name
    (`天津理工大学党委书记 刘东志`); prose never spaces a name off its title."""
    office, _, name = body.rpartition(" ")
    office = office.strip()
    if not office or re.search(r"[\s,，、：:]", office) or not office.endswith(tuple(lexicon()["person_titles"])):
        return None
    names = parse_names(name)
    # four characters only with a two-character surname (`欧阳`): `刘东志说` is speech, no name
    short = len(name) <= 3 or (len(name) == 4 and name[:2] in _surnames())
    return names if len(names) == 1 and has_surname(name) and short else None


@lru_cache(maxsize=1)
def _byline_splitter() -> re.Pattern:
    long_titles = _title_pattern(min_len=2)
    short_titles = "|".join(re.escape(t) for t in lexicon()["byline_titles"] if len(t) == 1)
    # a one-character title (文, 图, 摄) inside a run of characters is part of a name (`钱文杰`) or
    # of a word (`文化旅游融合，…` opens prose, not a byline)
    return re.compile(rf"(?:(?:^|\s+)(?:{long_titles}|(?:{short_titles})(?![{CJK}]))|(?<=[{CJK}])(?:{long_titles}))\s*[:：]?\s*")


# A web page's date, time and source that ran into the first paragraph's line before its dateline
# (`2025-03-12 10:30 来源：某网 本报讯(记者 张三)…`).
_WEB_METADATA_PREFIX = (r"(?:(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(?::\d{2})?"
                        r"|(?:来源|稿源|发布时间|时间)[：:]\s*\S{1,20})\s+)*")


@lru_cache(maxsize=1)
def _note_label() -> re.Pattern:
    labels = "|".join(re.escape(s) for s in lexicon()["editor_note_labels"])
    return re.compile(rf"\s*[【\[〔]?(?:{labels})[】\]〕]?\s*[：:]?\s*")


def note_label_end(text: str) -> int | None:
    """Where an editor's-note label (`编者按：`, `【编者按】`) opening `text` ends; None without one."""
    match = _note_label().match(text)
    return match.end() if match else None


# The paper's own dateline names the place and the day (`本报杭州5月25日讯`, `本报北京5月12日电`);
# without the day, `本报` opens prose as often (`本报记者日前从市供电公司获悉`).
_OWN_DATELINE = rf"本报(?=[{CJK}]{{1,6}}[0-9０-９]{{1,2}}月[0-9０-９]{{1,2}}日[电讯])"


@lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern:
    sources = "|".join(re.escape(s) for s in lexicon()["dateline_sources"])
    return re.compile(rf"\s*{_WEB_METADATA_PREFIX}({sources}|{_OWN_DATELINE})"
                      rf"([{CJK}0-9月日]{{0,14}}电|[{CJK}]{{0,6}}[0-9０-９]{{1,2}}月[0-9０-９]{{1,2}}日讯)?"
                      rf"\s*(?:[(（]([^)）]{{1,40}})[)）])?")


def has_surname(name: str) -> bool:
    """True when a name starts with a common surname (tasks/data/segment_lexicon.yaml)."""
    surnames = _surnames()
    return name[:1] in surnames or name[:2] in surnames


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(lexicon()["surnames"])


@dataclass(frozen=True)
class Dateline:
    source: str
    reporters: list[str]


def parse_dateline(text: str) -> Dateline | None:
    """`本报讯(记者 吴巧君)…`, `新华社北京5月1日电(记者 张三)…` at the start of a paragraph."""
    found = _dateline(text)
    return None if found is None else Dateline(found[0], list(found[1]))


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def _dateline(text: str) -> tuple[str, tuple[str, ...]] | None:
    match = _dateline_pattern().match(text)
    if not match or (match.group(1) != "本报讯" and not match.group(2) and not match.group(3)):
        return None
    reporters: list[str] = []
    if match.group(3):
        reporters = parse_byline(match.group(3)) or []
    return match.group(1), tuple(reporters)


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def split_head_line(text: str) -> tuple[str | None, str, str | None]:
    """Split one head line into (kicker, headline, subtitle).

    `市人大代表任达建议 进一步推动…` carries its kicker before a space; `标题 ——记…` its
    subtitle after a dash.
    """
    text = text.strip()
    subtitle = None
    for opener in lexicon()["subtitle_openers"]:
        cut = text.find(opener, 2)
        if cut > 0:
            text, subtitle = text[:cut].strip(), text[cut:].strip()
            break
    kicker = None
    left, _, right = text.partition(" ")
    if right.strip() and len(left) >= 4 and len(right.strip()) >= 4 and is_kicker_text(left):
        kicker, text = left, right.strip()
    return kicker, text, subtitle


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def is_kicker_text(text: str) -> bool:
    """A short line naming who proposes or says something (`市政协委员孟昭宽建议`, `…赵长龙:`)."""
    text = text.strip()
    return len(text) <= 40 and any(text.endswith(e) for e in lexicon()["kicker_endings"])


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def is_subtitle_text(text: str) -> bool:
    """`——记…` and other dash-led 副题 lines."""
    return any(text.strip().startswith(o) for o in lexicon()["subtitle_openers"])


@lru_cache(maxsize=TEXT_CACHE_SIZE)
def headline_likeness(text: str) -> float:
    """Evidence in [0, 1] that a line's own text reads as a title (short, no sentence punctuation)."""
    text = text.strip()
    n = len(text)
    if n < 4 or n > 60 or parse_continuation(text):
        return 0.0
    score = 1.0
    score -= 0.35 * len(re.findall(r"[，,；;]", text))
    if re.search(r"[。]", text):
        score -= 0.8
    if ends_sentence(text) and not text.endswith(("！", "？", "!", "?")):
        score -= 0.5
    if n > 32:
        score -= 0.3
    if not re.search(rf"[{CJK}]", text):
        score -= 0.7
    return max(0.0, min(1.0, score))
