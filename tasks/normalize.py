"""Named, versioned text normalisation rules (markdown stripping is in tasks/markdown.py).

Each rule is a small function text -> text, applied in the order of RULES. `normalize_text`
reports which rules changed the text so the caller can count rule hits per run and say on
each line what was changed. Bump RULES_VERSION whenever a rule's behaviour changes.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Callable

RULES_VERSION = "2026.12.1"

# Rule names, as recorded in CleanLine.rule_hits and counted per run.
RULE_NFC = "unicode_nfc"
RULE_CONTROL = "remove_control_chars"
RULE_SPACES = "normalize_spaces"
RULE_FULLWIDTH = "fullwidth_punctuation"
RULE_FULLWIDTH_STOP = "fullwidth_stop"

# Zero-width characters, BOM, soft hyphen, bidi marks; other C0/C1 controls are found by category.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e"
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACE_TABLE = str.maketrans({ch: " " for ch in _SPACES} | {"\t": " "})
# translate() walks a dict per character on non-ASCII text; most lines have nothing to replace.
_ANY_SPACE = re.compile("[" + re.escape(_SPACES) + "\t]")

# ASCII -> full-width for Chinese text. Not "." (decimals, abbreviations) and never the reverse:
# Data-Juicer's rule maps "，" to "," which is wrong for Chinese.
_FULLWIDTH = {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！"}
# Spans whose ASCII punctuation is syntax, not prose: URLs, e-mail addresses, domain names.
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|www\.[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    r"|javascript:[^\s]*"
)


def is_cjk(ch: str) -> bool:
    """True for a Han character (CJK unified ideographs and extensions, compatibility ideographs)."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F or 0xF900 <= o <= 0xFAFF
    )


_NOT_CJK = re.compile(r"[^\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002fa1f\uf900-\ufaff]+")


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


def han_bigrams(text: str) -> set[str]:
    """The text's pairs of adjacent Han characters: what a head or label shares with the text around it."""
    return {text[i:i + 2] for i in range(len(text) - 1) if _HAN_PAIR.fullmatch(text[i:i + 2])}


def count_cjk(text: str) -> int:
    """Number of Han characters in `text` (the characters `is_cjk` accepts), counted at C speed."""
    return len(_NOT_CJK.sub("", text))


def _chinese_context(ch: str) -> bool:
    # Han characters, CJK punctuation (、。《》「」...), full-width forms and curly quotes used in Chinese.
    if not ch:
        return False
    o = ord(ch)
    return is_cjk(ch) or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or ch in "“”‘’…—"


def unicode_nfc(text: str) -> str:
    """Unicode canonical composition (NFC)."""
    return unicodedata.normalize("NFC", text)


def remove_control_chars(text: str) -> str:
    """Drop zero-width characters, the BOM, NUL and other control characters (tabs are kept)."""
    if text.isprintable():  # C-speed fast path: every Cc/Cf character is non-printable
        return text
    # Decide per distinct character, then delete with one translate: linear in C even for 20 MB lines.
    doomed = {ord(ch): None for ch in set(text)
              if ch in _INVISIBLE or (ch != "\t" and unicodedata.category(ch) in ("Cc", "Cf"))}
    return text.translate(doomed) if doomed else text


def normalize_spaces(text: str) -> str:
    """Ideographic, non-breaking and other Unicode spaces and tabs become one ASCII space each."""
    return text.translate(_SPACE_TABLE) if _ANY_SPACE.search(text) else text


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


_ASCII_PUNCT = re.compile(r"[,():;?!]")
_CHINESE_ANY = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002fa1f\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’…—]")
_PAREN = re.compile(r"[()（）]")
_PROTECTED_MARKERS = ("://", "www.", "@", "javascript:")


def fullwidth_punctuation(text: str) -> str:
    """ASCII , ( ) : ; ? ! next to Chinese text become full width; numbers, Latin text and URLs keep theirs."""
    if not _ASCII_PUNCT.search(text) or not _CHINESE_ANY.search(text):
        return text
    candidates = [m.start() for m in _ASCII_PUNCT.finditer(text)]
    # The protected spans need "://", "www.", "@" or "javascript:": most lines have none to look for.
    protected = any(marker in text for marker in _PROTECTED_MARKERS)
    spans = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)] if protected else []
    starts = [a for a, _ in spans]
    changed: dict[int, str] = {}
    last = len(text) - 1
    chinese = _CHINESE_ANY.match  # the characters _chinese_context accepts, as one regex look-up
    for i in candidates:
        if spans:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < spans[k][1]:
                continue  # inside a URL or e-mail address
        ch = text[i]
        before = text[i - 1] if i and text[i - 1] != " " else _neighbour(text, i, -1)
        after = text[i + 1] if i < last and text[i + 1] != " " else _neighbour(text, i, 1)
        if ch in ",:" and before.isdigit() and after.isdigit():
            continue  # 3,000 and 1:2, 10:30
        if chinese(before) or chinese(after):
            changed[i] = _FULLWIDTH[ch]
    parentheses = [m.start() for m in _PAREN.finditer(text)] if "(" in text or ")" in text or changed else []
    _pair_parentheses(text, changed, parentheses)
    if not changed:
        return text
    # Spliced between the changed positions: list(text) would build a string object per character.
    pieces, previous = [], 0
    for i in sorted(changed):
        pieces += (text[previous:i], changed[i])
        previous = i + 1
    pieces.append(text[previous:])
    return "".join(pieces)


def _pair_parentheses(text: str, changed: dict[int, str], positions: list[int]) -> None:
    # A pair is converted as a whole: "天津(2023)" must not end as "天津（2023)".
    stack: list[int] = []
    for i in positions:
        ch = changed.get(i, text[i])
        if ch in "(（":
            stack.append(i)
        elif ch in ")）" and stack:
            j = stack.pop()
            if (changed.get(j, text[j]) == "（") != (ch == "）"):
                changed[j], changed[i] = "（", "）"


# An ASCII stop that ends a Chinese sentence: after a Han character or a closing quote, before Han text, an
# opening quote or the line's end. Never in 12.5, www.x.cn or a file name, nor after a line's enumerator (一.).
_HAN = r"\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002fa1f\uf900-\ufaff"
_SENTENCE_STOP = re.compile(rf"(?<=[{_HAN}”’」』）])\.(?= *(?:[{_HAN}“‘「『（”’」』]|$))")
_ENUMERATOR = re.compile(r"^ *[（(]?[一二三四五六七八九十百零〇]{1,3}[)）]?$")


def fullwidth_stop(text: str) -> str:
    """An ASCII `.` ending a Chinese sentence (`共同的责任.上游`, `…的能力.`) becomes `。`: OCR misread the stop."""
    if "." not in text:
        return text
    stops = [m.start() for m in _SENTENCE_STOP.finditer(text) if not _ENUMERATOR.match(text[:m.start()])]
    if stops and any(marker in text for marker in _PROTECTED_MARKERS):
        spans = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]
        stops = [i for i in stops if not any(a <= i < b for a, b in spans)]
    for i in stops:
        text = text[:i] + "。" + text[i + 1:]
    return text


RULES: tuple[tuple[str, Callable[[str], str]], ...] = (
    (RULE_NFC, unicode_nfc),
    (RULE_CONTROL, remove_control_chars),
    (RULE_SPACES, normalize_spaces),
    (RULE_FULLWIDTH, fullwidth_punctuation),
    (RULE_FULLWIDTH_STOP, fullwidth_stop),
)


def normalize_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Apply RULES in order; return the new text and the names of the rules that changed it."""
    hits: list[str] = []
    for name, rule in RULES:
        new = rule(text)
        if new != text:
            hits.append(name)
            text = new
    return text, tuple(hits)
