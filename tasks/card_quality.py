"""The dataset card's sections on duplicates and quality signals (issue: mark and score, never drop)."""
from __future__ import annotations

import re

import pyarrow as pa

from tasks import quality
from tasks.card_markdown import code_md, escape_md, md_table
from tasks.card_stats import QUANTILES, duplicate_counts, duplicate_examples, score_thresholds, signal_quantiles

DUPLICATE_EXAMPLES = 20
INTEGER_SIGNALS = ("ocr_flag_count", "repeated_paragraphs")
CONSTANT_NAME = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")


def duplicates_section(articles: pa.Table, previous_version: str | None) -> list[str]:
    """Markdown: how many articles are duplicates, of which version's kept copy, and the closest pairs."""
    counts = duplicate_counts(articles)
    previous = f"the previous version ({previous_version})" if previous_version else "the previous version (none)"
    parts = [
        "## Duplicates\n",
        "Exact and near duplicates are marked, never dropped: `duplicate_of` names the kept copy (an article of this "
        "version or of the previous one), `near_duplicate_score` is the estimated Jaccard similarity of character "
        "shingles with it (MinHash LSH), 0 for originals. Keep `duplicate_of IS NULL` for a deduplicated corpus.\n",
        md_table(
            ["articles", "count"],
            [
                ["all articles", counts["articles"]],
                ["marked as duplicates (`duplicate_of` set)", counts["duplicates"]],
                ["… of a kept copy in this version", counts["of_this_version"]],
                [f"… of a kept copy in {escape_md(previous)}", counts["of_previous_version"]],
                ["… with similarity 1.0", counts["similarity_1"]],
                ["kept copies named by duplicates", counts["kept_copies"]],
                ["with paragraphs repeated inside the article (`repeated_paragraphs` > 0)", counts["with_repeated_paragraphs"]],
            ],
        ) + "\n",
    ]
    examples = duplicate_examples(articles, DUPLICATE_EXAMPLES)
    if examples:
        rows = [
            [code_md(e["article_id"]), escape_md(e["headline"]), code_md(e["duplicate_of"]),
             "this" if e["kept_here"] else "previous", f"{e['score']:.3f}" if e["score"] is not None else ""]
            for e in examples
        ]
        parts += [
            f"The {len(examples)} most similar duplicates:\n",
            md_table(["article", "headline", "duplicate_of", "kept copy in version", "similarity"], rows) + "\n",
        ]
    return parts


def quality_section(articles: pa.Table, chart: str) -> list[str]:
    """Markdown: the quality_score histogram, quantiles of every signal, and the score's formula."""
    header = ["signal"] + [_quantile_name(q) for q in QUANTILES] + ["nulls"]
    rows = [
        [f"`{name}`"] + [_number(name, v) for v in values] + ([""] * (len(QUANTILES) - len(values))) + [nulls]
        for name, values, nulls in signal_quantiles(articles, quality.QUALITY_COLUMNS)
    ]
    weights = [[f"`{name}`", f"{weight:.2f}"] for name, weight in quality.WEIGHTS.items()]
    return [
        "## Quality\n",
        "Per-article quality signals are columns, computed once, so users choose their own thresholds "
        "(e.g. `WHERE quality_score >= 0.5`). Nothing was dropped for its quality.\n",
        f"![quality score]({chart})\n",
        md_table(header, rows) + "\n",
        md_table(["quality_score at least", "articles"], [[f"{t:.1f}", n] for t, n in score_thresholds(articles)]) + "\n",
        "How `quality_score` is computed (tasks/quality.py):\n",
        "```text\n" + quality_formula() + "\n```\n",
        md_table(["sub-score", "weight"], weights) + "\n",
        md_table(["constant", "value"], [[f"`{k}`", code_md(v)] for k, v in formula_constants(quality_formula())]) + "\n",
    ]


def quality_formula() -> str:
    """The formula of quality_score as documented in tasks/quality.py (its docstring, from the formula on)."""
    doc = quality.__doc__ or ""
    start = doc.find("quality_score is")
    text = doc[start:].strip() if start >= 0 else "quality_score = weighted geometric mean of the sub-scores below"
    return text.replace("```", "'''")


def formula_constants(formula: str) -> list[tuple[str, object]]:
    """(name, value) of the tasks/quality.py constants the formula names, e.g. CJK_RATIO_FULL."""
    names = sorted(set(CONSTANT_NAME.findall(formula)))
    return [(name, getattr(quality, name)) for name in names if hasattr(quality, name)]


def _quantile_name(q: float) -> str:
    return {0.0: "min", 0.5: "median", 1.0: "max"}.get(q, f"p{round(q * 100)}")


def _number(name: str, value: float) -> str:
    return str(round(value)) if name in INTEGER_SIGNALS else f"{value:.3f}"
