"""The per-document chain: clean -> segment -> tokenize -> classify, as table rows.

`process_document` is the unit that workers run, that the cache stores and that
tests call directly; it knows nothing of Prefect.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from tasks.clean import clean_document
from tasks.quality import quality_signals
from tasks.records import Article, CleanLine, SourceDocument
from tasks.regions import classify_regions, document_home_region
from tasks.schema import ACTION_DROPPED, ROLE_CONTENT, ROLE_DATELINE, ROLE_FURNITURE
from tasks.segment import segment_document
from tasks.themes import classify_themes
from tasks.tokenize import tokenize


@dataclass
class DocumentResult:
    """Rows of one document for the articles and lines tables, plus per-stage counts."""

    source_file: str
    sha256: str
    article_rows: list[dict]
    line_rows: list[dict]
    stage_counts: dict[str, int] = field(default_factory=dict)
    rule_counts: dict[str, int] = field(default_factory=dict)


def article_id(source_file: str, document_sha256: str, source_lines: list[int]) -> str:
    """Stable id: the same file with the same content and lines gets the same id in every run."""
    key = f"{source_file}\x1f{document_sha256}\x1f{','.join(map(str, source_lines))}"
    return "a" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def process_document(doc: SourceDocument, recurring: frozenset[str] = frozenset()) -> DocumentResult:
    """Run every per-document step on `doc` and return its table rows."""
    cleaned = clean_document(doc, recurring)
    segmentation = segment_document(doc, cleaned)
    ids = [article_id(doc.source_file, doc.sha256, a.source_lines) for a in segmentation.articles]
    # The page's home region (masthead, dominant place) resolves 我市/本市 and place-less articles.
    home_region = document_home_region(list(doc.lines), doc.source_file)
    # Each article's first dateline line, found in one pass over the lines (not one pass per article).
    datelines: dict[int, str] = {}
    for line in segmentation.lines:
        if line.role == ROLE_DATELINE and line.article_ordinal is not None:
            datelines.setdefault(line.article_ordinal, line.text)
    article_rows = [
        _article_row(doc, article, ids[article.ordinal], datelines.get(article.ordinal), home_region)
        for article in segmentation.articles
    ]
    for row in article_rows:
        row.update(quality_signals(row))
    line_rows = [_line_row(doc, line, ids) for line in segmentation.lines]
    rule_counts = Counter(rule for line in cleaned for rule in line.rule_hits)
    role_counts = Counter(row["role"] for row in line_rows)
    stage_counts = {
        "lines_in": len(cleaned),
        "lines_in_articles": sum(1 for row in line_rows if row["article_id"] is not None),
        "lines_dropped": sum(1 for row in line_rows if row["action"] == ACTION_DROPPED),
        "articles_out": len(article_rows),
        **{f"role_{role}": count for role, count in role_counts.items()},
    }
    return DocumentResult(doc.source_file, doc.sha256, article_rows, line_rows, stage_counts, dict(rule_counts))


def _article_row(
    doc: SourceDocument, article: Article, id_: str, dateline: str | None, home_region: str | None
) -> dict:
    text = "\n".join(article.paragraphs)
    tokens = tokenize(f"{article.headline}\n{text}" if article.headline else text)
    themes = classify_themes(article.headline, text, tokens)
    regions = classify_regions(
        article.headline, article.paragraphs, doc.source_file, dateline or article.dateline_source, document_hint=home_region
    )
    return {
        "article_id": id_,
        "source_file": doc.source_file,
        "headline": article.headline,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "reporters": list(article.reporters),
        "dateline_source": article.dateline_source,
        "source_name": article.source_name or doc.site_name,
        "editors": list(article.editors),
        "published_at": article.published_at or doc.published_at,
        "text": text,
        "paragraphs": list(article.paragraphs),
        "tokens": tokens,
        "token_count": len(tokens),
        "char_count": len(text),
        "themes": [_label_dict(label) for label in themes.themes],
        "primary_theme": themes.primary_theme,
        "topics": [_label_dict(label) for label in themes.topics],
        "theme_evidence": list(themes.evidence),
        "regions": [
            {"adcode": r.adcode, "name": r.name, "level": r.level, "mentions": r.mentions} for r in regions.regions
        ],
        "primary_region": regions.primary_region,
        "countries": list(regions.countries),
        "region_evidence": list(regions.evidence),
        "source_lines": list(article.source_lines),
        "joins": [[a, b] for a, b in article.joins],
        "is_complete": article.is_complete,
        "continued_from_page": article.continued_from_page,
        "continued_to_page": article.continued_to_page,
        "quality_flags": [{"flag": flag, "count": count} for flag, count in sorted(article.quality_flags.items())],
    }


def _label_dict(label) -> dict:
    return {"code": label.code, "label": label.label, "score": float(label.score)}


def _line_row(doc: SourceDocument, line: CleanLine, ids: list[str]) -> dict:
    # A content line that segmentation left without a role must not leak the
    # intermediate role into the published table.
    role = line.role if line.role != ROLE_CONTENT else ROLE_FURNITURE
    return {
        "source_file": doc.source_file,
        "line_no": line.line_no,
        "text": line.raw,
        "clean_text": line.text,
        "role": role,
        "article_id": ids[line.article_ordinal] if line.article_ordinal is not None else None,
        "action": line.action,
        "reason": line.reason,
        "content_score": float(line.content_score),
    }
