"""Names shared by every step (roles, actions, columns) and the explicit Arrow schemas.

Column names and role names live here only; other modules import them.
"""
from __future__ import annotations

import pyarrow as pa

# Media types of ingested documents.
MEDIA_TEXT = "text/plain"
MEDIA_MARKDOWN = "text/markdown"
MEDIA_HTML = "text/html"

# Line roles. Cleaning assigns the non-content roles or ROLE_CONTENT; segmentation
# refines ROLE_CONTENT into the article roles.
ROLE_BOILERPLATE = "boilerplate"
ROLE_FURNITURE = "furniture"
ROLE_CAPTION = "caption"
ROLE_METADATA = "metadata"
ROLE_CONTENT = "content"  # intermediate only: never published
ROLE_HEADLINE = "headline"
ROLE_KICKER = "kicker"
ROLE_SUBTITLE = "subtitle"
ROLE_BYLINE = "byline"
ROLE_DATELINE = "dateline"
ROLE_BODY = "body"
ROLE_SUBHEAD = "subhead"
ROLE_CONTINUATION = "continuation"  # a continuation marker standing alone on its line

NON_CONTENT_ROLES = (ROLE_BOILERPLATE, ROLE_FURNITURE, ROLE_CAPTION, ROLE_METADATA, ROLE_CONTINUATION)
ARTICLE_HEAD_ROLES = (ROLE_HEADLINE, ROLE_KICKER, ROLE_SUBTITLE, ROLE_BYLINE)
ARTICLE_ROLES = ARTICLE_HEAD_ROLES + (ROLE_DATELINE, ROLE_BODY, ROLE_SUBHEAD)
PUBLISHED_ROLES = NON_CONTENT_ROLES + ARTICLE_ROLES

# What happened to a line on its way into the published text.
ACTION_KEPT = "kept"  # in an article's text as it stands
ACTION_NORMALIZED = "normalized"  # in an article's text, changed by named rules (see reason)
ACTION_JOINED = "joined"  # continues the previous paragraph of its article
ACTION_DROPPED = "dropped"  # not in any article's text (see reason)
ACTIONS = (ACTION_KEPT, ACTION_NORMALIZED, ACTION_JOINED, ACTION_DROPPED)

# Reasons cleaning gives a column or section label it took out (`短评`, `民生直通车`): the label stood over a
# title, so segmentation reads the content line right under it as a title the label announces.
REASON_SECTION_LABEL = "furniture: page or section label"
REASON_LABEL_OVER_HEADS = "furniture: short label over a headline group"
REASON_LABEL_IN_STACK = "furniture: section label in a head stack"
REASON_LABEL_ABOVE_HEADS = "furniture: label above a headline group"
# A box label (`相关链接`, `■ 背景`) over prose after a story: the box's paragraphs read with that story.
REASON_BOX_LABEL = "furniture: box label over prose (a background box, not a reading list)"
COLUMN_LABEL_REASONS = frozenset({REASON_SECTION_LABEL, REASON_LABEL_OVER_HEADS, REASON_LABEL_IN_STACK,
                                  REASON_LABEL_ABOVE_HEADS})

# Markdown structure evidence kept on CleanLine.markup.
MARKUP_HEADING = "heading"
MARKUP_LIST = "list"
MARKUP_QUOTE = "quote"
MARKUP_TABLE = "table"
MARKUP_LINK = "link"  # the line is mostly markdown links
MARKUP_IMAGE = "image"
MARKUP_EMPHASIS = "emphasis"

# Region levels.
LEVEL_PROVINCE = "province"
LEVEL_PREFECTURE = "prefecture"
LEVEL_COUNTY = "county"

DEFAULT_DATASET = "news"

LABEL_TYPE = pa.struct([("code", pa.string()), ("label", pa.string()), ("score", pa.float32())])
REGION_TYPE = pa.struct(
    [("adcode", pa.string()), ("name", pa.string()), ("level", pa.string()), ("mentions", pa.int32())]
)
FLAG_TYPE = pa.struct([("flag", pa.string()), ("count", pa.int32())])


def _field(name: str, type_: pa.DataType, description: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


ARTICLES_SCHEMA = pa.schema(
    [
        _field("article_id", pa.string(), "Stable id: hash of source file, its content and the article's lines.", False),
        _field("source_file", pa.string(), "Path of the source document, relative to the input folder.", False),
        _field("headline", pa.string(), "Main title; empty when the article's head is not in this document."),
        _field("kicker", pa.string(), "引题 above the headline, null if none."),
        _field("subtitle", pa.string(), "副题 below the headline (often ——记...), null if none."),
        _field("reporters", pa.list_(pa.string()), "Reporter names from bylines and datelines."),
        _field("dateline_source", pa.string(), "Dateline agency or paper (本报讯, 新华社...), null if none."),
        _field("source_name", pa.string(), "Publisher named in the page metadata (来源), null if none."),
        _field("editors", pa.list_(pa.string()), "Editors named in the page metadata (责任编辑)."),
        _field("published_at", pa.string(), "Publication date from the page metadata (ISO 8601), null if none."),
        _field("text", pa.string(), "Clean article body, paragraphs separated by newlines."),
        _field("paragraphs", pa.list_(pa.string()), "The body's paragraphs in reading order."),
        _field("tokens", pa.list_(pa.string()), "jieba precise-mode tokens of headline and text."),
        _field("token_count", pa.int32(), "Number of tokens."),
        _field("char_count", pa.int32(), "Characters in text.", False),
        _field("themes", pa.list_(LABEL_TYPE), "IPTC Media Topics (level 1) with scores, most central first."),
        _field("primary_theme", pa.string(), "Top IPTC Media Topic code, e.g. medtop:04000000."),
        _field("topics", pa.list_(LABEL_TYPE), "Domain topics of the configurable taxonomy with scores."),
        _field("theme_evidence", pa.list_(pa.string()), "Terms and features that decided the themes."),
        _field("regions", pa.list_(REGION_TYPE), "GB/T 2260 regions mentioned, most central first."),
        _field("primary_region", pa.string(), "GB/T 2260 six-digit code of the main region, null if none."),
        _field("countries", pa.list_(pa.string()), "ISO 3166 alpha-2 codes of foreign countries mentioned."),
        _field("region_evidence", pa.list_(pa.string()), "Mentions that decided the regions."),
        _field("source_lines", pa.list_(pa.int32()), "Source line numbers of headline, kicker, byline and body."),
        _field("joins", pa.list_(pa.list_(pa.int32())), "Pairs [a, b]: line b continues the sentence of line a."),
        _field("is_complete", pa.bool_(), "False when part of the article is missing from this document.", False),
        _field("continued_from_page", pa.int32(), "Page named by a (上接第N版) marker, null if none."),
        _field("continued_to_page", pa.int32(), "Page named by a (下转第N版) marker, null if none."),
        _field("quality_flags", pa.list_(FLAG_TYPE), "OCR artefacts found, with counts."),
        _field("cjk_ratio", pa.float32(), "Share of non-space characters that are CJK ideographs, in [0, 1]."),
        _field("punctuation_ratio", pa.float32(), "Share of non-space characters that are punctuation, in [0, 1]."),
        _field("mean_sentence_length", pa.float32(), "Mean characters per sentence; 0 for empty text."),
        _field("char_repetition_ratio", pa.float32(), "Share of character 10-grams occurring more than once, in [0, 1]."),
        _field("word_repetition_ratio", pa.float32(), "Share of token 5-grams occurring more than once, in [0, 1]."),
        _field("joined_line_share", pa.float32(), "Joined lines over body lines, in [0, 1]."),
        _field("ocr_flag_count", pa.int32(), "Sum of the counts in quality_flags."),
        _field("repeated_paragraphs", pa.int32(), "Paragraphs repeating an earlier paragraph of the same article."),
        _field("quality_score", pa.float32(), "Combined quality in [0, 1] (formula in the dataset card)."),
        _field("duplicate_of", pa.string(), "article_id of the kept copy this article duplicates; null for originals."),
        _field("near_duplicate_score", pa.float32(), "Estimated Jaccard similarity with duplicate_of; 0 for originals."),
        _field("dataset_version", pa.string(), "Version of the dataset this row was published in.", False),
    ]
)

LINES_SCHEMA = pa.schema(
    [
        _field("source_file", pa.string(), "Path of the source document, relative to the input folder.", False),
        _field("line_no", pa.int32(), "1-based line number, counting every line as cat -n does.", False),
        _field("text", pa.string(), "The raw source line.", False),
        _field("clean_text", pa.string(), "The line after normalisation rules."),
        _field("role", pa.string(), "Role of the line: headline, byline, body, boilerplate, furniture, ...", False),
        _field("article_id", pa.string(), "Article the line belongs to, null when none."),
        _field("action", pa.string(), "kept, normalized, joined or dropped.", False),
        _field("reason", pa.string(), "Why the line was dropped or changed; null when kept as is."),
        _field("content_score", pa.float32(), "Evidence that the line is article content, in [0, 1]."),
        _field("dataset_version", pa.string(), "Version of the dataset this row was published in.", False),
    ]
)

REJECTS_SCHEMA = pa.schema(
    [
        _field("source_file", pa.string(), "Path of the rejected file, relative to the input folder.", False),
        _field("sha256", pa.string(), "SHA-256 of the file's bytes (empty when unreadable).", False),
        _field("bytes", pa.int64(), "Size of the file in bytes.", False),
        _field("reason", pa.string(), "Why the file was not processed.", False),
        _field("dataset_version", pa.string(), "Version of the dataset this row was published in.", False),
    ]
)
