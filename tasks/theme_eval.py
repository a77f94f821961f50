"""Measuring themes and regions against the gold annotations (../shared/gold format).

Measuring only: the gold files are read at evaluation time, nothing is learnt from them.
"""
from __future__ import annotations

import json
from pathlib import Path

from tasks.regions import classify_regions
from tasks.theme_lexicon import default_lexicons
from tasks.themes import classify_themes


def _source_lines(gold: dict, search_dirs: list[Path]) -> list[str] | None:
    for folder in search_dirs:
        path = folder / gold["seed"]
        if path.exists():
            return path.read_text(encoding="utf-8", errors="replace").split("\n")
    return None


def evaluate_gold_classification(gold_dir: str | Path, search_dirs: list[str | Path]) -> dict:
    """Primary theme and primary region hit rates on gold articles that carry themes / regions.

    theme_first: primary == gold's first theme; theme_accepted: primary among gold's themes;
    region_first: primary == gold's first region; region_within: primary among gold's regions
    (an article whose gold regions are empty counts as a hit when no primary is given).
    """
    code_of = {c.label_en: c.code for c in default_lexicons()[0].categories}
    dirs = [Path(d) for d in search_dirs]
    counts = dict(themes=0, theme_first=0, theme_accepted=0, regions=0, region_first=0, region_within=0)
    misses = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        lines = _source_lines(gold, dirs)
        if lines is None:
            continue
        for article in gold["articles"]:
            paragraphs = [lines[n - 1].strip() for n in article["body_lines"] if lines[n - 1].strip()]
            headline = article.get("headline") or ""
            if article.get("themes"):
                gold_codes = [code_of[name] for name in article["themes"]]
                primary = classify_themes(headline, "\n".join(paragraphs), None).primary_theme
                counts["themes"] += 1
                counts["theme_first"] += primary == gold_codes[0]
                counts["theme_accepted"] += primary in gold_codes
                if primary not in gold_codes:
                    misses.append(f"theme {gold['seed']} {headline[:20]}: {primary} not in {gold_codes}")
            if "regions" in article and (article.get("themes") or article.get("regions")):
                gold_regions = [r["adcode"] for r in article["regions"]]
                result = classify_regions(headline, paragraphs, gold["seed"])
                counts["regions"] += 1
                first = gold_regions[0] if gold_regions else None
                counts["region_first"] += result.primary_region == first
                counts["region_within"] += (result.primary_region in gold_regions) if gold_regions else result.primary_region is None
                if result.primary_region != first:
                    misses.append(f"region {gold['seed']} {headline[:20]}: {result.primary_region} vs {gold_regions}")
    rates = {
        "theme_first": counts["theme_first"] / counts["themes"] if counts["themes"] else None,
        "theme_accepted": counts["theme_accepted"] / counts["themes"] if counts["themes"] else None,
        "region_first": counts["region_first"] / counts["regions"] if counts["regions"] else None,
        "region_within": counts["region_within"] / counts["regions"] if counts["regions"] else None,
    }
    return {"counts": counts, "rates": {k: round(v, 4) if v is not None else None for k, v in rates.items()}, "misses": misses}
