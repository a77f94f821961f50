"""PNG charts of the dataset card (matplotlib, Agg): themes, regions, article length, quality score."""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from tasks.card_stats import region_counts, theme_counts

CHARTS_DIR = "charts"
TOP_REGIONS = 20
QUALITY_BINS = 20
FIGURE_WIDTH, HISTOGRAM_HEIGHT = 8, 3.5  # inches
LABEL_MARGIN, COUNT_MARGIN = 1.0, 0.8  # inches left of the axes: codes such as 04000000, counts


def write_charts(folder: Path, articles: pa.Table) -> dict[str, str]:
    """Bar charts of themes and regions, histograms of article length and quality_score; name -> relative path."""
    # Figures without pyplot: no global state, and none of pyplot's import and bookkeeping.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    (folder / CHARTS_DIR).mkdir(exist_ok=True)
    # Axis labels use codes: CJK fonts are not guaranteed on the machine that builds.
    charts = {
        "themes": ("Articles by primary theme (IPTC Media Topic)", [(c.removeprefix("medtop:"), n) for c, _, n in theme_counts(articles)]),
        "regions": (f"Articles by primary region (GB/T 2260, top {TOP_REGIONS})", [(c, n) for c, _, n in region_counts(articles)[:TOP_REGIONS]]),
    }
    paths = {}
    for name, (title, bars) in charts.items():
        height = 0.3 * len(bars) + 1.5
        fig = Figure(figsize=(FIGURE_WIDTH, height))
        ax = fig.add_subplot()
        _margins(fig, height, left=LABEL_MARGIN)
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
        fig = Figure(figsize=(FIGURE_WIDTH, HISTOGRAM_HEIGHT))
        ax = fig.add_subplot()
        _margins(fig, HISTOGRAM_HEIGHT, left=COUNT_MARGIN)
        ax.hist([v for v in values if v is not None] or [0], bins=bins, range=bounds, color=color)
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        ax.set_ylabel("articles")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        paths[name] = _save(fig, folder, name)
    return paths


def _values(table: pa.Table, name: str) -> list:
    return table.column(name).to_pylist() if name in table.column_names else []


def _margins(fig, height: float, left: float) -> None:
    """Fixed margins in inches (title above, axis label below): the labels are short codes and counts,
    so tight_layout's measuring pass (half the drawing time) is not needed."""
    fig.subplots_adjust(left=left / FIGURE_WIDTH, right=1 - 0.25 / FIGURE_WIDTH, top=1 - 0.4 / height, bottom=0.55 / height)


def _save(fig, folder: Path, name: str) -> str:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    relative = f"{CHARTS_DIR}/{name}.png"
    FigureCanvasAgg(fig)  # attaches itself to the figure
    fig.savefig(folder / relative, dpi=100, metadata={"Software": None})
    return relative
