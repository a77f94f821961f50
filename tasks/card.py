"""The human- and machine-readable description of a version: README.md card, charts, CHANGES.md, croissant.json.

The card follows Hugging Face dataset cards (YAML front matter with one config per
table); croissant.json follows MLCommons Croissant 1.0 (tasks/card_croissant.py).
Every string that comes from the inputs (headlines, labels, names) is escaped
before it goes into Markdown (tasks/card_markdown.py).
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import yaml

from tasks.card_charts import write_charts
from tasks.card_croissant import write_croissant  # noqa: F401 - publish calls card.write_croissant (a kill step in test_robustness_faults)
from tasks.card_markdown import code_md, escape_md, md_table
from tasks.card_quality import duplicates_section, quality_section
from tasks.card_stats import median, region_counts, theme_counts
from tasks.manifest import schema_description

LICENSE_NOTE = (
    "The article texts remain the property of their publishers and are included for research on the "
    "processing of news text; check the rights of each source before redistributing them. The derived "
    "annotations (line roles, segmentation, themes, regions, tokens) are published under CC BY 4.0."
)
LOAD_EXAMPLE = (
    "```python\nimport pandas as pd\narticles = pd.read_parquet(\"articles.parquet\")\n\nimport duckdb\n"
    "duckdb.sql(\"SELECT primary_theme, count(*) FROM 'articles.parquet' GROUP BY 1\").show()\n\n"
    "import polars as pl\nlines = pl.read_parquet(\"lines.parquet\")\n```\n"
)


def front_matter(dataset: str, version: str, tables: dict[str, pa.Table]) -> str:
    """Hugging Face YAML front matter: one config per table, articles the default."""
    rows = tables["articles"].num_rows
    size = "n<1K" if rows < 1000 else "1K<n<10K" if rows < 10_000 else "10K<n<100K" if rows < 100_000 else "100K<n<1M"
    meta = {
        "pretty_name": f"zhpress {dataset} {version}",
        "language": ["zh"],
        "license": "other",
        "license_name": "publishers-rights-cc-by-4-annotations",
        "task_categories": ["text-classification", "token-classification"],
        "tags": ["news", "chinese", "ocr", "iptc-media-topics", "gb-t-2260"],
        "size_categories": [size],
        "configs": [
            {"config_name": name, "data_files": [{"split": "train", "path": f"{name}.parquet"}], **({"default": True} if name == "articles" else {})}
            for name in tables
        ],
    }
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def write_card(folder: Path, dataset: str, version: str, tables: dict[str, pa.Table], validation: dict, pipeline_info: dict, changes: dict, input_count: int) -> None:
    """README.md: front matter, how to load, columns, counts and charts, duplicates, quality, validation, provenance, licence."""
    articles = tables["articles"]
    charts = write_charts(folder, articles)
    lengths = articles.column("char_count")
    parts = [
        front_matter(dataset, version, tables),
        f"# zhpress `{dataset}` dataset, version {version}\n",
        f"Chinese news articles cleaned, segmented, tokenised and classified by zhpress from {input_count} input files: "
        f"**{articles.num_rows}** articles, **{tables['lines'].num_rows}** source lines (each with its role and what became of it)"
        + (f", **{tables['rejects'].num_rows}** rejected files" if "rejects" in tables else "") + ".\n",
        "## Load it\n", LOAD_EXAMPLE, "## Tables and columns\n",
    ]
    for name, table in tables.items():
        columns = [[f"`{c['name']}`", f"`{c['type']}`", escape_md(c["description"])] for c in schema_description(table.schema)]
        parts += [f"### {name} ({table.num_rows} rows)\n", md_table(["column", "type", "description"], columns) + "\n"]
    parts += [
        "## Themes\n", f"![themes]({charts['themes']})\n",
        md_table(["primary theme", "label", "articles"], [[f"`{c}`", escape_md(l), n] for c, l, n in theme_counts(articles)]) + "\n",
        "## Regions\n", f"![regions]({charts['regions']})\n",
        md_table(["primary region", "name", "articles"], [[f"`{c}`", escape_md(l), n] for c, l, n in region_counts(articles)]) + "\n",
        "## Article length\n", f"![article length]({charts['article_length']})\n",
        f"Characters per article: min {pc.min(lengths).as_py()}, median {median(lengths)}, max {pc.max(lengths).as_py()}.\n",
    ]
    parts += duplicates_section(articles, changes.get("previous_version"))
    parts += quality_section(articles, charts["quality_score"])
    parts += _validation_section(validation)
    parts += [
        "## Changes\n",
        f"Against {changes['previous_version'] or 'nothing (first version)'}: {len(changes['added'])} articles added, "
        f"{len(changes['removed'])} removed, {len(changes['changed'])} changed. See CHANGES.md and changes.json.\n",
        "## Provenance\n",
        "Built by the zhpress pipeline; `manifest.json` lists every input file with its SHA-256, every output file with "
        "its SHA-256, size and rows, the versions below and the content fingerprint.\n",
        md_table(["component", "version"], [[escape_md(k), code_md(v)] for k, v in (pipeline_info.get("versions") or {}).items()]) + "\n",
        "Counts per stage:\n",
        md_table(["stage count", "value"], [[escape_md(k), v] for k, v in (pipeline_info.get("stage_counts") or {}).items()]) + "\n",
        "## Licence\n", LICENSE_NOTE + "\n",
    ]
    (folder / "README.md").write_text("\n".join(parts), encoding="utf-8")


def _validation_section(validation: dict) -> list[str]:
    parts = [
        "## Validation\n",
        f"Result: **{'passed' if validation['success'] else 'failed'}**, {len(validation['warnings'])} warnings. "
        f"Open [the Data Docs]({validation['data_docs']}) for every expectation with its observed values; raw results in `{validation['results']}`.\n",
        "Open [the review pages](review/index.html) to see how every source page was cut into articles, line by line.\n",
        md_table(["suite", "evaluated", "passed", "failed"], [[s, v["evaluated"], v["passed"], v["failed"]] for s, v in validation["summary"].items()]) + "\n",
    ]
    return parts + [f"- warning: {escape_md(w)}" for w in validation["warnings"]] + [""]


def write_changes_markdown(folder: Path, version: str, changes: dict, articles: pa.Table) -> None:
    """CHANGES.md: articles added, removed and changed since the previous version, by article_id."""
    headlines = dict(zip(articles.column("article_id").to_pylist(), articles.column("headline").to_pylist()))
    lines = [f"# Changes in {version}\n", f"Previous version: {changes['previous_version'] or 'none (first version)'}\n"]
    for kind in ("added", "removed"):
        lines.append(f"## {kind.capitalize()} ({len(changes[kind])})\n")
        lines += [f"- `{i}` {escape_md(headlines.get(i) or '')}" for i in changes[kind]] + [""]
    lines.append(f"## Changed ({len(changes['changed'])})\n")
    lines += [f"- `{c['article_id']}`: {', '.join(c['columns'])}" for c in changes["changed"]] + [""]
    (folder / "CHANGES.md").write_text("\n".join(lines), encoding="utf-8")
