"""OCR artefacts seen on one line (CleanLine.ocr_flags); segmentation counts them per article.

Flags are evidence only: the cleaner never rewrites the text because of them.
"""
from __future__ import annotations

import re

from tasks.normalize import is_cjk

FLAG_STRAY_LATIN = "stray_latin_word"  # a lower-case Latin word standing alone inside Chinese text
FLAG_REPLACEMENT_CHAR = "replacement_char"  # U+FFFD: bytes that could not be decoded
FLAG_MIXED_SCRIPT = "mixed_script"  # Cyrillic/Greek letters inside Chinese text (OCR look-alikes)
FLAG_PRIVATE_USE = "private_use_char"  # private-use code points, usually unmapped glyphs
FLAG_MOJIBAKE = "mojibake"  # classic GBK/UTF-8 confusion sequences (锟斤拷, 烫烫烫)

_STRAY_LATIN = re.compile(r"[\u4e00-\u9fff]\s+[a-z]{2,}\s+[\u4e00-\u9fff]")
_MIXED = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_PRIVATE = re.compile(r"[\ue000-\uf8ff]")
_MOJIBAKE = re.compile(r"锟斤拷|烫烫烫|屯屯屯|ï¿½|Ã.Ã")
# A character that every artefact above needs (whitespace, U+FFFD, Greek/Cyrillic, private use, the first
# character of a mojibake sequence): most lines hold none, and one scan for them replaces five.
_MAY_FLAG = re.compile(r"[\s\ufffd\u0370-\u04ff\ue000-\uf8ff锟烫屯ïÃ]")


def line_flags(text: str) -> tuple[str, ...]:
    """FLAG_* names of the OCR artefacts found in one normalised line, in a fixed order."""
    if not _MAY_FLAG.search(text):
        return ()
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
