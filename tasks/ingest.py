"""Find input files and read each one into a SourceDocument, or a Reject with the reason.

Every file `discover` lists ends as exactly one SourceDocument or Reject: nothing vanishes
silently. Only hidden files and folders (name starting with ".") are left out, on purpose.
Decoding lives in tasks/ingest_decode.py, HTML extraction in tasks/ingest_html.py; their public
names are importable from here too.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tasks.ingest_decode import DEFAULT_LIMITS, IngestLimits, Unreadable, decode_bytes
from tasks.ingest_html import extract_html
from tasks.records import Reject, SourceDocument
from tasks.schema import MEDIA_HTML, MEDIA_MARKDOWN, MEDIA_TEXT

__all__ = ["DEFAULT_LIMITS", "IngestLimits", "MEDIA_BY_SUFFIX", "Unreadable", "decode_bytes", "discover",
           "extract_html", "read_document", "reject_for_path", "relative_name", "split_lines"]

MEDIA_BY_SUFFIX = {".txt": MEDIA_TEXT, ".md": MEDIA_MARKDOWN, ".markdown": MEDIA_MARKDOWN,
                   ".html": MEDIA_HTML, ".htm": MEDIA_HTML}


def discover(input_dir: Path) -> list[Path]:
    """List every non-hidden file under input_dir, sorted by relative POSIX path.

    Files of any suffix are listed (read_document rejects unsupported ones), and so are symlinks,
    which are not followed here: read_document reads the symlinked files that stay inside input_dir
    and rejects the others. Symlinked folders are listed, never descended.
    """
    input_dir = Path(input_dir)
    if not input_dir.is_dir():
        raise NotADirectoryError(f"input folder not found: {input_dir}")
    found = []
    for root, dirs, files in os.walk(input_dir, followlinks=False):
        root_path = Path(root)
        visible = [name for name in dirs if not name.startswith(".")]
        found += [root_path / name for name in visible if (root_path / name).is_symlink()]
        dirs[:] = [name for name in visible if not (root_path / name).is_symlink()]
        found += [root_path / name for name in files if not name.startswith(".")]
    return sorted(found, key=lambda path: relative_name(path, input_dir))


def relative_name(path: Path, input_dir: Path) -> str:
    """The POSIX path of path relative to input_dir, as stored in source_file."""
    return Path(os.path.relpath(path, input_dir)).as_posix()


def reject_for_path(path: Path, input_dir: Path, reason: str, data: bytes | None = None) -> Reject:
    """A Reject for path; sha256 and byte_count describe data when its bytes were read, else empty."""
    if data is None:
        return Reject(relative_name(path, input_dir), "", 0, reason)
    return Reject(relative_name(path, input_dir), hashlib.sha256(data).hexdigest(), len(data), reason)


def read_document(path: Path, input_dir: Path, limits: IngestLimits = DEFAULT_LIMITS) -> SourceDocument | Reject:
    """Read one file into a SourceDocument whose lines are numbered as `cat -n` numbers them.

    For HTML the lines are those of the main text extracted by trafilatura, headed by the page
    title when the text lacks it: line numbers refer to that text, not to the HTML source.
    Returns a Reject with the reason for symlinks out of input_dir, special files, unsupported
    types, binary, undecodable, empty or whitespace-only files.
    """
    path, input_dir = Path(path), Path(input_dir)
    refusal = _refusal_before_reading(path, input_dir, limits)
    if refusal:
        return reject_for_path(path, input_dir, refusal)
    try:
        data = path.read_bytes()
    except OSError as error:
        return reject_for_path(path, input_dir, f"unreadable: {error.strerror or error}")
    media_type = MEDIA_BY_SUFFIX.get(path.suffix.lower())
    if media_type is None:
        return reject_for_path(path, input_dir, f"unsupported file type {path.suffix.lower() or '(none)'}", data)
    metadata: dict[str, str | None] = {}
    try:
        text, encoding = decode_bytes(data, limits)
        if media_type == MEDIA_HTML:
            text, metadata = extract_html(text, limits)
    except Unreadable as error:
        return reject_for_path(path, input_dir, str(error), data)
    lines = split_lines(text)
    if not any(line.strip() for line in lines):
        return reject_for_path(path, input_dir, "no text (whitespace only)", data)
    return SourceDocument(source_file=relative_name(path, input_dir), sha256=hashlib.sha256(data).hexdigest(),
                          byte_count=len(data), encoding=encoding, media_type=media_type, lines=tuple(lines),
                          **metadata)


def _refusal_before_reading(path: Path, input_dir: Path, limits: IngestLimits) -> str | None:
    """The reason not to open path at all, or None."""
    if path.is_symlink():
        try:
            target = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            return "broken symlink (loop)"
        if not target.is_relative_to(input_dir.resolve()):
            return "symlink outside input folder"
        if not target.exists():
            return "broken symlink"
        if target.is_dir():
            return "symlinked folder (not followed; its files inside the input folder are read there)"
    if not path.is_file():
        return "not a regular file"
    size = path.stat().st_size
    if size > limits.max_bytes:
        return f"file too large ({size} bytes, limit {limits.max_bytes})"
    return None


def split_lines(text: str) -> list[str]:
    """Split on "\\n" only, as `cat -n` counts: a final newline adds no line; the CR of CRLF goes."""
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    if "\r" not in text:
        return lines
    return [line[:-1] if line.endswith("\r") else line for line in lines]
