"""PNG charts of the dataset card (matplotlib, Agg): themes, regions, article length, quality score."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from tasks.card_stats import region_counts, theme_counts

CHARTS_DIR = "charts"
TOP_REGIONS = 20
QUALITY_BINS = 20


def write_charts(folder: Path, articles: pa.Table) -> dict[str, str]:
    """Bar charts of themes and regions, histograms of article length and quality_score; name -> relative path."""
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
    histograms = {
        "article_length": ("Article length", "characters in text", articles.column("char_count").to_pylist(), 30, None, "#55a868"),
        "quality_score": ("Quality score", "quality_score", _values(articles, "quality_score"), QUALITY_BINS, (0.0, 1.0), "#c44e52"),
    }
    for name, (title, xlabel, values, bins, bounds, color) in histograms.items():
        fig, ax = plt.subplots(figsize=(8, 3.5))
        ax.hist([v for v in values if v is not None] or [0], bins=bins, range=bounds, color=color)
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("articles")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        paths[name] = _save(fig, folder, name)
    return paths


def _values(table: pa.Table, name: str) -> list:
    return table.column(name).to_pylist() if name in table.column_names else []


def _save(fig, folder: Path, name: str) -> str:
    import matplotlib.pyplot as plt

    relative = f"{CHARTS_DIR}/{name}.png"
    fig.tight_layout()
    fig.savefig(folder / relative, dpi=100, metadata={"Software": None})
    plt.close(fig)
    return relative
