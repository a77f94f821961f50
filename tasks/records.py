"""The record types that flow between zhpress steps, declared once.

A step takes and returns these plain dataclasses; only tasks/tables.py turns
them into Arrow tables (with the explicit schema of tasks/schema.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceDocument:
    """One decoded input file, split into lines exactly as `cat -n` numbers them."""

    source_file: str  # POSIX path relative to the input folder
    sha256: str  # of the raw bytes
    byte_count: int
    encoding: str  # codec the bytes were decoded with, e.g. "utf-8", "gb18030"
    media_type: str  # MEDIA_TEXT, MEDIA_MARKDOWN or MEDIA_HTML
    lines: tuple[str, ...]  # lines[i] is line number i + 1, without its newline
    title: str | None = None  # page metadata, when the format carries it (HTML)
    published_at: str | None = None
    site_name: str | None = None


@dataclass(frozen=True)
class Reject:
    """An input file that could not be read, with the reason."""

    source_file: str
    sha256: str
    byte_count: int
    reason: str


@dataclass
class CleanLine:
    """One non-blank source line after normalisation, with the role it was given.

    Cleaning sets `role` to a non-content role (boilerplate, furniture, caption,
    metadata) or to ROLE_CONTENT; segmentation then refines content lines into
    headline, kicker, subtitle, byline, body, ... and fills `article_ordinal`.
    """

    line_no: int  # 1-based, as `cat -n`
    raw: str  # the line as in the source
    text: str  # normalised text (markup removed, punctuation widths fixed)
    role: str
    reason: str | None = None  # why a non-content role was given, or what was changed
    content_score: float = 1.0  # evidence that the line is article content, in [0, 1]
    markup: str | None = None  # markdown structure seen on the line: MARKUP_*
    rule_hits: tuple[str, ...] = ()  # names of normalisation rules that changed the line
    metadata_field: str | None = None  # for metadata lines: "source_name", "editors", "published_at", "author"
    metadata_value: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)  # every field found on a metadata line
    article_ordinal: int | None = None  # index into Segmentation.articles
    action: str = "kept"  # ACTION_*
    ocr_flags: tuple[str, ...] = ()  # OCR artefacts seen on this line (FLAG_*)


@dataclass
class Article:
    """An article assembled from a document's lines, in reading order."""

    ordinal: int  # position among the document's articles (order of first line)
    headline: str
    paragraphs: list[str]
    source_lines: list[int]  # headline, kicker, subtitle, byline and body lines, reading order
    kicker: str | None = None
    subtitle: str | None = None
    reporters: list[str] = field(default_factory=list)
    dateline_source: str | None = None
    joins: list[tuple[int, int]] = field(default_factory=list)  # (a, b): line b continues line a's sentence
    is_complete: bool = True
    continued_from_page: int | None = None
    continued_to_page: int | None = None
    quality_flags: dict[str, int] = field(default_factory=dict)
    source_name: str | None = None
    editors: list[str] = field(default_factory=list)
    published_at: str | None = None


@dataclass
class Segmentation:
    """A document cut into articles; `lines` carries every non-blank line with its final role."""

    articles: list[Article]
    lines: list[CleanLine]


@dataclass(frozen=True)
class Label:
    """A classification label with its score in [0, 1]."""

    code: str
    label: str
    score: float


@dataclass
class ThemeResult:
    themes: list[Label]  # IPTC Media Topics level 1, most central first
    topics: list[Label]  # level-2 domain topics from the configurable taxonomy
    evidence: list[str]  # terms/features that decided, e.g. "medtop:04000000:产业链×3"

    @property
    def primary_theme(self) -> str | None:
        return self.themes[0].code if self.themes else None


@dataclass(frozen=True)
class RegionMention:
    adcode: str  # GB/T 2260 six digits
    name: str
    level: str  # LEVEL_PROVINCE, LEVEL_PREFECTURE, LEVEL_COUNTY
    mentions: int


@dataclass
class RegionResult:
    regions: list[RegionMention]  # most central first
    primary_region: str | None
    countries: list[str]  # ISO 3166 alpha-2
    evidence: list[str]
