"""The human- and machine-readable description of a version: README.md card, charts, CHANGES.md, croissant.json.

The card follows Hugging Face dataset cards (YAML front matter with one config per
table); croissant.json follows MLCommons Croissant 1.0, written by hand as JSON-LD.
Every string that comes from the inputs (headlines, labels, names) is escaped
before it goes into Markdown.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import yaml

from tasks.manifest import file_sha256, schema_description

CHARTS_DIR = "charts"
TOP_REGIONS = 20
LICENSE_NOTE = (
    "The article texts remain the property of their publishers and are included for research on the "
    "processing of news text; check the rights of each source before redistributing them. The derived "
    "annotations (line roles, segmentation, themes, regions, tokens) are published under CC BY 4.0."
)
CROISSANT_CONTEXT = {
    "@language": "en", "@vocab": "https://schema.org/", "sc": "https://schema.org/",
    "cr": "http://mlcommons.org/croissant/", "rai": "http://mlcommons.org/croissant/RAI/",
    "dct": "http://purl.org/dc/terms/", "citeAs": "cr:citeAs", "column": "cr:column", "conformsTo": "dct:conformsTo",
    "data": {"@id": "cr:data", "@type": "@json"}, "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "examples": {"@id": "cr:examples", "@type": "@json"}, "extract": "cr:extract", "field": "cr:field",
    "fileObject": "cr:fileObject", "fileProperty": "cr:fileProperty", "fileSet": "cr:fileSet", "format": "cr:format",
    "includes": "cr:includes", "isLiveDataset": "cr:isLiveDataset", "jsonPath": "cr:jsonPath", "key": "cr:key",
    "md5": "cr:md5", "parentField": "cr:parentField", "path": "cr:path", "recordSet": "cr:recordSet",
    "references": "cr:references", "regex": "cr:regex", "repeated": "cr:repeated", "replace": "cr:replace",
    "separator": "cr:separator", "source": "cr:source", "subField": "cr:subField", "transform": "cr:transform",
    "equivalentProperty": "cr:equivalentProperty", "samplingRate": "cr:samplingRate",
}
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")  # '<', '>' and '&' become entities first


def escape_md(text: object) -> str:
    """Text from the inputs made inert in Markdown and HTML (one line, special characters escaped)."""
    plain = " ".join(str(text if text is not None else "").split())
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", plain)


def code_md(text: object) -> str:
    """A value shown verbatim as a Markdown code span (escaped text when it holds a backtick)."""
    plain = " ".join(str(text if text is not None else "").split())
    return f"`{plain}`" if "`" not in plain else escape_md(plain)


def theme_counts(articles: pa.Table) -> list[tuple[str, str, int]]:
    """(code, label, articles) by primary theme, most frequent first; label from the themes column."""
    labels = {}
    for themes in articles.column("themes").to_pylist():
        for theme in themes or []:
            labels.setdefault(theme["code"], theme["label"])
    counts = Counter(c or "(none)" for c in articles.column("primary_theme").to_pylist())
    return [(code, labels.get(code, ""), n) for code, n in counts.most_common()]


def region_counts(articles: pa.Table) -> list[tuple[str, str, int]]:
    """(adcode, name, articles) by primary region, most frequent first."""
    names = {}
    for regions in articles.column("regions").to_pylist():
        for region in regions or []:
            names.setdefault(region["adcode"], region["name"])
    counts = Counter(c or "(none)" for c in articles.column("primary_region").to_pylist())
    return [(code, names.get(code, ""), n) for code, n in counts.most_common()]


def write_charts(folder: Path, articles: pa.Table) -> dict[str, str]:
    """PNG bar charts of themes and regions and a histogram of article length; name -> relative path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    (folder / CHARTS_DIR).mkdir(exist_ok=True)
    # Axis labels use codes: CJK fonts are not guaranteed on the machine that builds.
    charts = {
        "themes": ("Articles by primary theme (IPTC Media Topic)", [(c.removeprefix("medtop:"), n) for c, _, n in theme_counts(articles)]),
        "regions": (f"Articles by primary region (GB/T 2260, top {TOP_REGIONS})", [(c, n) for c, _, n in region_counts(articles)[:TOP_REGIONS]]),
    }
    paths = {}
    for name, (title, bars) in charts.items():
        fig, ax = plt.subplots(figsize=(8, 0.3 * len(bars) + 1.5))
        ax.barh([b[0] for b in reversed(bars)], [b[1] for b in reversed(bars)], color="#4c72b0")
        ax.set_title(title)
        ax.set_xlabel("articles")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        paths[name] = _save(fig, folder, name)
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.hist(articles.column("char_count").to_pylist() or [0], bins=30, color="#55a868")
    ax.set_title("Article length")
    ax.set_xlabel("characters in text")
    ax.set_ylabel("articles")
    paths["article_length"] = _save(fig, folder, "article_length")
    return paths


def _save(fig, folder: Path, name: str) -> str:
    import matplotlib.pyplot as plt

    relative = f"{CHARTS_DIR}/{name}.png"
    fig.tight_layout()
    fig.savefig(folder / relative, dpi=100, metadata={"Software": None})
    plt.close(fig)
    return relative


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


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def write_card(folder: Path, dataset: str, version: str, tables: dict[str, pa.Table], validation: dict, pipeline_info: dict, changes: dict, input_count: int) -> None:
    """README.md: front matter, how to load, columns, counts and charts, validation, provenance, licence."""
    articles = tables["articles"]
    charts = write_charts(folder, articles)
    lengths = articles.column("char_count")
    parts = [
        front_matter(dataset, version, tables),
        f"# zhpress `{dataset}` dataset, version {version}\n",
        f"Chinese news articles cleaned, segmented, tokenised and classified by zhpress from {input_count} input files: "
        f"**{articles.num_rows}** articles, **{tables['lines'].num_rows}** source lines (each with its role and what became of it)"
        + (f", **{tables['rejects'].num_rows}** rejected files" if "rejects" in tables else "") + ".\n",
        "## Load it\n",
        "```python\nimport pandas as pd\narticles = pd.read_parquet(\"articles.parquet\")\n\nimport duckdb\n"
        "duckdb.sql(\"SELECT primary_theme, count(*) FROM 'articles.parquet' GROUP BY 1\").show()\n\n"
        "import polars as pl\nlines = pl.read_parquet(\"lines.parquet\")\n```\n",
        "## Tables and columns\n",
    ]
    for name, table in tables.items():
        columns = [[f"`{c['name']}`", f"`{c['type']}`", escape_md(c["description"])] for c in schema_description(table.schema)]
        parts += [f"### {name} ({table.num_rows} rows)\n", _table(["column", "type", "description"], columns) + "\n"]
    parts += [
        "## Themes\n", f"![themes]({charts['themes']})\n",
        _table(["primary theme", "label", "articles"], [[f"`{c}`", escape_md(l), n] for c, l, n in theme_counts(articles)]) + "\n",
        "## Regions\n", f"![regions]({charts['regions']})\n",
        _table(["primary region", "name", "articles"], [[f"`{c}`", escape_md(l), n] for c, l, n in region_counts(articles)]) + "\n",
        "## Article length\n", f"![article length]({charts['article_length']})\n",
        f"Characters per article: min {pc.min(lengths).as_py()}, median {_median(lengths)}, max {pc.max(lengths).as_py()}.\n",
        "## Validation\n",
        f"Result: **{'passed' if validation['success'] else 'failed'}**, {len(validation['warnings'])} warnings. "
        f"Open [the Data Docs]({validation['data_docs']}) for every expectation with its observed values; raw results in `{validation['results']}`.\n",
        "Open [the review pages](review/index.html) to see how every source page was cut into articles, line by line.\n",
        _table(["suite", "evaluated", "passed", "failed"], [[s, v["evaluated"], v["passed"], v["failed"]] for s, v in validation["summary"].items()]) + "\n",
    ]
    parts += [f"- warning: {escape_md(w)}" for w in validation["warnings"]] + [""]
    parts += [
        "## Changes\n",
        f"Against {changes['previous_version'] or 'nothing (first version)'}: {len(changes['added'])} articles added, "
        f"{len(changes['removed'])} removed, {len(changes['changed'])} changed. See CHANGES.md and changes.json.\n",
        "## Provenance\n",
        "Built by the zhpress pipeline; `manifest.json` lists every input file with its SHA-256, every output file with "
        "its SHA-256, size and rows, the versions below and the content fingerprint.\n",
        _table(["component", "version"], [[escape_md(k), code_md(v)] for k, v in (pipeline_info.get("versions") or {}).items()]) + "\n",
        "Counts per stage:\n",
        _table(["stage count", "value"], [[escape_md(k), v] for k, v in (pipeline_info.get("stage_counts") or {}).items()]) + "\n",
        "## Licence\n", LICENSE_NOTE + "\n",
    ]
    (folder / "README.md").write_text("\n".join(parts), encoding="utf-8")


def _median(values: pa.ChunkedArray) -> object:
    ordered = sorted(v for v in values.to_pylist() if v is not None)
    return ordered[len(ordered) // 2] if ordered else None


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


def _croissant_type(type_: pa.DataType) -> str:
    if pa.types.is_integer(type_):
        return "sc:Integer"
    if pa.types.is_floating(type_):
        return "sc:Float"
    if pa.types.is_boolean(type_):
        return "sc:Boolean"
    return "sc:Text"


def _croissant_field(record: str, file_id: str, field: pa.Field, path: list[str]) -> dict:
    type_, repeated = field.type, False
    while pa.types.is_list(type_) or pa.types.is_large_list(type_):
        type_, repeated = type_.value_type, True
    name = "/".join(path)
    entry = {"@type": "cr:Field", "@id": f"{record}/{name}", "name": name,
             "description": (field.metadata or {}).get(b"description", b"").decode("utf-8")}
    if pa.types.is_struct(type_):
        entry["subField"] = [_croissant_field(record, file_id, type_.field(i), path + [type_.field(i).name]) for i in range(type_.num_fields)]
    else:
        entry["dataType"] = _croissant_type(type_)
    entry["source"] = {"fileObject": {"@id": file_id}, "extract": {"column": path[0]}}
    if len(path) > 1:
        entry["source"]["transform"] = {"jsonPath": "$." + ".".join(path[1:])}
    if repeated:
        entry["repeated"] = True
    return entry


def write_croissant(folder: Path, dataset: str, version: str, tables: dict[str, pa.Table], table_files: dict[str, str]) -> None:
    """croissant.json: Croissant 1.0 JSON-LD with one FileObject and one RecordSet per table."""
    document = {
        "@context": CROISSANT_CONTEXT, "@type": "sc:Dataset", "conformsTo": "http://mlcommons.org/croissant/1.0",
        "name": f"zhpress-{dataset}", "version": version, "inLanguage": "zh",
        "description": "Chinese news articles cleaned, segmented, tokenised and classified (IPTC Media Topics, GB/T 2260 regions) by zhpress.",
        "license": "https://creativecommons.org/licenses/by/4.0/", "url": "README.md",
        "datePublished": "-".join(version.split(".")[:3]),
        "citeAs": f"zhpress {dataset} dataset, version {version}.",
        "distribution": [
            {"@type": "cr:FileObject", "@id": path, "name": path, "contentUrl": path,
             "encodingFormat": "application/x-parquet", "sha256": file_sha256(folder / path)}
            for path in table_files.values()
        ],
        "recordSet": [
            {"@type": "cr:RecordSet", "@id": name, "name": name,
             "field": [_croissant_field(name, table_files[name], f, [f.name]) for f in table.schema]}
            for name, table in tables.items()
        ],
    }
    (folder / "croissant.json").write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
