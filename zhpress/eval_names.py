"""Names of the evaluation metrics, in report order."""
from __future__ import annotations

LINES_ACCOUNTED = "lines_accounted"  # non-blank source lines with exactly one row in lines
NON_CONTENT_PRECISION = "non_content_precision"  # predicted non-content lines that are gold boilerplate
NON_CONTENT_RECALL = "non_content_recall"  # gold boilerplate lines predicted non-content
BODY_LINES_KEPT = "body_lines_kept"  # gold body lines that reach a predicted article's text
ARTICLE_EXACT = "article_exact_match"  # gold articles whose line set equals a predicted article's
B3_PRECISION = "b3_precision"  # B-cubed over lines of gold articles
B3_RECALL = "b3_recall"
B3_F1 = "b3_f1"  # derived from B3_PRECISION and B3_RECALL
JOINS_RECOVERED = "joins_recovered"  # gold joins found in the matched predicted article
JOINS_PRECISION = "joins_precision"  # predicted joins that are gold joins
HEADLINE_ACCURACY = "headline_accuracy"
REPORTER_ACCURACY = "reporter_accuracy"
THEME_HIT = "primary_theme_hit"  # predicted primary theme is the gold's first theme
THEME_WITHIN = "primary_theme_within_gold"  # ... or any of the gold's themes
REGION_HIT = "primary_region_hit"
REGION_WITHIN = "primary_region_within_gold"

METRICS = (
    LINES_ACCOUNTED, NON_CONTENT_PRECISION, NON_CONTENT_RECALL, BODY_LINES_KEPT, ARTICLE_EXACT,
    B3_PRECISION, B3_RECALL, B3_F1, JOINS_RECOVERED, JOINS_PRECISION, HEADLINE_ACCURACY,
    REPORTER_ACCURACY, THEME_HIT, THEME_WITHIN, REGION_HIT, REGION_WITHIN,
)

# Document kinds of the gold files, for per-kind figures.
KINDS = ("ocr_newspaper_page", "markdown_article", "web_page")
