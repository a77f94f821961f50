"""Bytes to text: which codec a file is in, and whether it is text at all.

Decoding, in order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; bytes that are
almost all valid UTF-8 are corrupt UTF-8 and rejected (a CJK codec would only make mojibake);
otherwise every codec among GB18030 (⊃ GBK ⊃ GB2312), Big5, cp950 and BOM-less UTF-16 that decodes
the bytes strictly is scored by the share of common hanzi among the characters that tell codecs
apart, and the best is kept above `min_legacy_common_ratio`. charset-normalizer's guess is named in
undecodable rejects.

NUL bytes: trailing NUL padding (left by crashed writers) is ignored, and up to `max_nul_ratio`
stray NULs inside otherwise good text are dropped (a NUL is never part of a UTF-8, GB18030 or Big5
character and never a newline, so line numbers stay those of `cat -n`); more means binary, unless
they are the high bytes of BOM-less UTF-16 text. Other control characters stay in the raw lines.
"""
from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass
from functools import cache

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# Signatures of common binary formats, so that the reject reason names them.
MAGIC_NUMBERS = ((b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
                 (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive or Office file"),
                 (b"\x1f\x8b", "gzip archive"), (b"\xd0\xcf\x11\xe0", "OLE document (DOC/XLS)"),
                 (b"\x7fELF", "executable"), (b"SQLite format 3\x00", "SQLite database"))

LEGACY_CODECS = ("gb18030", "big5", "cp950")  # in order of preference on a tie
UTF16_CODECS = ("utf-16-le", "utf-16-be")  # without byte-order mark
COMMON_PUNCTUATION = "，。、；：？！“”‘’（）《》【】〔〕—…·「」『』﹐﹑"
# Characters that tell a right CJK decoding from a wrong one: hanzi, CJK punctuation, and what wrong
# decodings produce (pinyin letters, Greek, Cyrillic, box drawing, kana, bopomofo, hangul, private use).
TELLING = re.compile("[\u0100-\u024f\u0370-\u04ff\u2500-\u257f\u3001-\u303f\u3040-\u31bf\u3400-\u4dbf"
                     "\u4e00-\u9fff\uac00-\ud7af\ue000-\uf8ff\uf900-\ufaff\ufe10-\ufe6f\ufffd\U00020000-\U0003134f"
                     "“”‘’—…·]")
# Control characters other than tab, newline, CR, form feed, vertical tab and escape.
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class IngestLimits:
    """The thresholds of ingestion, in one place."""

    max_bytes: int = 64 * 1024 * 1024  # larger files are rejected unread
    max_nul_ratio: float = 0.001  # NUL bytes (trailing padding aside) above this share of bytes: binary
    max_control_ratio: float = 0.01  # other control characters above this share of characters: binary
    control_allowance: int = 4  # ... beyond these few, which any file may carry
    max_invalid_utf8_ratio: float = 0.05  # invalid sequences among non-ASCII characters: still UTF-8
    min_legacy_common_ratio: float = 0.7  # share of common hanzi among telling characters, non-UTF-8
    legacy_sample_chars: int = 20_000  # telling characters scored per candidate codec
    min_html_text_chars: int = 50  # trafilatura's MIN_EXTRACTED_SIZE; its 250 suits Latin, not CJK text


DEFAULT_LIMITS = IngestLimits()


class Unreadable(Exception):
    """Bytes that cannot become text; the message is the reject reason."""



def decode_bytes(data: bytes, limits: IngestLimits = DEFAULT_LIMITS) -> tuple[str, str]:
    """Decode raw bytes; returns (text, codec name) or raises Unreadable with the reason."""
    if not data:
        raise Unreadable("empty file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), limits), codec
            except UnicodeDecodeError as error:
                raise Unreadable(f"invalid {codec} after its byte-order mark at byte {error.start}") from None
    for magic, kind in MAGIC_NUMBERS:
        if data.startswith(magic):
            raise Unreadable(f"binary file ({kind})")
    try:
        text_bytes, binary = _without_nul(data, limits), None
    except Unreadable as error:  # unless NULs are the high bytes of UTF-16 text
        text_bytes, binary = b"", error
    first_bad = 0
    if text_bytes:
        try:
            return _checked(text_bytes.decode("utf-8"), limits), "utf-8"
        except UnicodeDecodeError as error:
            first_bad = error.start
        _raise_if_corrupt_utf8(text_bytes, first_bad, limits)
    candidates = [*_strict_decodes(text_bytes, LEGACY_CODECS), *_strict_decodes(data, UTF16_CODECS)]
    scored = [(_common_ratio(text, limits.legacy_sample_chars), -rank, codec, text)
              for rank, (codec, text) in enumerate(candidates)]
    if scored:
        ratio, _, codec, text = max(scored)
        if ratio >= limits.min_legacy_common_ratio:
            return _checked(text, limits), codec
    if binary:
        raise binary
    raise Unreadable(f"undecodable: not UTF-8 (bad byte at {first_bad}) and no Chinese codec fits "
                     f"(charset-normalizer guess: {_guess(data)})")

def _without_nul(data: bytes, limits: IngestLimits) -> bytes:
    """Drop trailing NUL padding and a few stray NULs; raise Unreadable when NULs say binary."""
    text_part = data.rstrip(b"\x00")
    if not text_part:
        raise Unreadable("binary content (only NUL bytes)")
    nul_count = text_part.count(b"\x00")
    if nul_count > limits.max_nul_ratio * len(text_part):
        raise Unreadable(f"binary content ({nul_count} NUL bytes)")
    return text_part.replace(b"\x00", b"")


def _raise_if_corrupt_utf8(data: bytes, first_bad: int, limits: IngestLimits) -> None:
    """Raise Unreadable when data is UTF-8 with a few invalid sequences rather than another codec."""
    decoded = data.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd")
    non_ascii = len(decoded) - len(decoded.encode("ascii", errors="ignore"))
    if non_ascii > invalid and invalid <= limits.max_invalid_utf8_ratio * non_ascii:
        raise Unreadable(f"invalid UTF-8: {invalid} bad byte sequence(s), first at byte {first_bad}")


def _strict_decodes(data: bytes, codec_names: tuple[str, ...]):
    for codec in codec_names if data else ():
        try:
            yield codec, data.decode(codec)
        except UnicodeDecodeError:
            continue


def _common_ratio(text: str, sample_chars: int) -> float:
    """Share of common hanzi and CJK punctuation among the characters that tell codecs apart.

    A wrong CJK codec still decodes, but into rare hanzi, kana, hangul, Greek, box drawing or
    private-use characters; Latin-1 signs, spaces and general punctuation are neutral.
    """
    sample = [match.group() for match in itertools.islice(TELLING.finditer(text), sample_chars)]
    if not sample:
        return 0.0
    common = _common_characters()
    return sum(char in common for char in sample) / len(sample)


@cache
def _common_characters() -> frozenset[str]:
    """GB2312 level 1 (3,755 frequent simplified hanzi) and Big5 level 1 (5,401 frequent traditional)."""
    pairs = [bytes([lead, trail]).decode("gb2312") for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF)
             if (lead, trail) < (0xD7, 0xFA)]
    for lead, trail in itertools.product(range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]):
        if (lead << 8 | trail) <= 0xC67E:
            pairs.append(bytes([lead, trail]).decode("big5"))
    return frozenset(pairs) | frozenset(COMMON_PUNCTUATION)


def _guess(data: bytes) -> str:
    import charset_normalizer  # noqa: PLC0415

    best = charset_normalizer.from_bytes(data[:65536]).best()
    return best.encoding if best else "none"


def _checked(text: str, limits: IngestLimits) -> str:
    """Return text unless it is empty or its control characters show it is binary."""
    if not text:
        raise Unreadable("empty file")
    limit = int(limits.max_control_ratio * len(text)) + limits.control_allowance
    controls = sum(1 for _ in itertools.islice(BINARY_CONTROL.finditer(text), limit + 1))
    if controls > limit:
        raise Unreadable(f"binary content (control characters above {limits.max_control_ratio:.0%} of text)")
    return text
