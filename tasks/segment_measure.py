"""Measure segmentation against gold annotations (../shared/gold format) or scrambled pages.

    python -m tasks.segment_measure [--gold DIR] [--docs DIR ...] [--cleaner gold|clean]

`--cleaner gold` feeds the segmenter the gold boilerplate as cleaning output, to measure
segmentation alone; `--cleaner clean` runs tasks/clean.py first (end to end).
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from tasks.records import CleanLine, SourceDocument
from tasks.schema import ROLE_BOILERPLATE, ROLE_CONTENT
from tasks.segment import segment_document


def bcubed_f1(gold: dict[int, str], pred: dict[int, str]) -> float:
    """B-cubed F1 of line-to-article clusters over the lines gold puts in articles."""
    items = list(gold)
    if not items:
        return 1.0
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for x in items:
        by_gold[gold[x]].add(x)
        if x in pred:
            by_pred[pred[x]].add(x)
    precision = recall = 0.0
    for x in items:
        g = by_gold[gold[x]]
        p = by_pred[pred[x]] if x in pred else {x}
        precision += len(g & p) / len(p)
        recall += len(g & p) / len(g) if x in pred else 1 / len(g)
    precision, recall = precision / len(items), recall / len(items)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: dict, articles: list) -> dict[str, float]:
    """B3 F1, exact article match, joins recovered/precision, headline and reporter accuracy."""
    gold_of, pred_of = {}, {}
    gold_sets = []
    for a in gold["articles"]:
        lines = set(a["headline_lines"] + a["byline_lines"] + a["body_lines"])
        gold_sets.append((a, frozenset(lines)))
        gold_of.update({x: a["id"] for x in lines})
    for art in articles:
        pred_of.update({x: art.ordinal for x in art.source_lines})
    pred_sets = {frozenset(art.source_lines): art for art in articles}
    exact = sum(1 for _, s in gold_sets if s in pred_sets)
    gold_joins = {tuple(j) for a in gold["articles"] for j in a["joins"]}
    pred_joins = {tuple(j) for art in articles for j in art.joins}
    heads = reps = 0
    for a, lines in gold_sets:
        best = max(articles, key=lambda art: len(lines & set(art.source_lines)), default=None)
        if best is not None and lines & set(best.source_lines):
            heads += best.headline.strip() == a["headline"].strip()
            reps += sorted(best.reporters) == sorted(a["reporters"])
    n = len(gold_sets)
    return {
        "articles": n, "predicted": len(articles), "b3_f1": bcubed_f1(gold_of, pred_of),
        "exact": exact / n if n else float(not articles),
        "joins_recall": len(gold_joins & pred_joins) / len(gold_joins) if gold_joins else 1.0,
        "joins_precision": len(gold_joins & pred_joins) / len(pred_joins) if pred_joins else 1.0,
        "headline": heads / n if n else 1.0, "reporters": reps / n if n else 1.0,
    }


def gold_clean_lines(doc: SourceDocument, gold: dict) -> list[CleanLine]:
    """Cleaning output as gold sees it: boilerplate lines tagged, the rest content."""
    boiler = set(gold["boilerplate_lines"])
    return [
        CleanLine(line_no=n, raw=raw, text=raw.strip().strip("#").replace("**", "").strip(),
                  role=ROLE_BOILERPLATE if n in boiler else ROLE_CONTENT)
        for n, raw in enumerate(doc.lines, 1) if raw.strip()
    ]


def load_doc(path: Path) -> SourceDocument:
    text = path.read_text(encoding="utf-8")
    return SourceDocument(path.name, "", len(text), "utf-8", "text/plain", tuple(text.split("\n")))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", default="../shared/gold")
    parser.add_argument("--docs", nargs="+", default=["seeds", "../shared/web"])
    parser.add_argument("--cleaner", choices=["gold", "clean"], default="gold")
    args = parser.parse_args()
    totals: dict[str, list[dict]] = defaultdict(list)
    for gold_path in sorted(Path(args.gold).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = next((Path(d) / gold["seed"] for d in args.docs if (Path(d) / gold["seed"]).exists()), None)
        if source is None:
            continue
        doc = load_doc(source)
        if args.cleaner == "clean":
            from tasks.clean import clean_document
            lines = clean_document(doc)
        else:
            lines = gold_clean_lines(doc, gold)
        result = score(gold, segment_document(doc, lines).articles)
        totals[gold["kind"]].append(result)
        print(gold["seed"][:40], {k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()})
    for kind, results in totals.items():
        mean = {k: round(sum(r[k] for r in results) / len(results), 3) for k in results[0]}
        print("MEAN", kind, mean)


if __name__ == "__main__":
    main()
