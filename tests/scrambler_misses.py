"""Diagnostic of articles that are not matched exactly on scrambled pages, counted by cause.

For every gold article whose line set no predicted article has, each wrong line (missing from
the best-matching predicted article, or in it without belonging) is classed by its gold kind
(head, byline, body, boilerplate) and by where it went: to another gold article's prediction,
to a prediction of its own (the article split in two), or nowhere. A body line is also marked
`join` when gold joins it to a line above and the prediction does not join it to that line (the
read-across choice),
`joined` when both join it (its paragraph went wrong as a whole), `para` when it opens a paragraph
(placement of whole paragraphs) and `para+joined` when the prediction joined it to a line above.

    python -m tests.scrambler_misses [--pages 100] [--kind interleaved] [--articles heldout] [--show 10]
"""
from __future__ import annotations

import argparse
from collections import Counter

from tests.scrambler import ARTICLE_SETS, article_set


def _page_misses(lines: list[str], gold: dict, articles: list) -> list[dict]:
    """One record per gold article without an exact match: its wrong lines with their causes."""
    kind_of = {n: "boiler" for n in gold["boilerplate_lines"]}
    gold_of, joined = {}, set()
    for g in gold["articles"]:
        for part, kind in (("headline_lines", "head"), ("byline_lines", "byline"), ("body_lines", "body")):
            for n in g[part]:
                kind_of[n], gold_of[n] = kind, g["id"]
        joined |= {tuple(j) for j in g["joins"]}
    predicted = {art.ordinal: frozenset(art.source_lines) for art in articles}
    pred_joins = {tuple(j) for art in articles for j in art.joins}
    owner = {n: o for o, ns in predicted.items() for n in ns}

    def majority(o) -> str | None:
        counts = Counter(gold_of.get(n) for n in predicted[o])
        return counts.most_common(1)[0][0] if counts else None

    records = []
    for g in gold["articles"]:
        mine = frozenset(g["headline_lines"] + g["byline_lines"] + g["body_lines"])
        if any(ns == mine for ns in predicted.values()):
            continue
        best = max(predicted, key=lambda o: len(predicted[o] & mine), default=None)
        got = predicted.get(best, frozenset())
        causes = []
        for n in sorted(mine - got):
            where = "dropped" if n not in owner else ("split" if majority(owner[n]) == g["id"] else "to_other")
            causes.append(_cause("missing", kind_of[n], where, n, joined, pred_joins))
        for n in sorted(got - mine):
            causes.append(_cause("extra", kind_of.get(n, "boiler"), "from_other", n, joined, pred_joins))
        records.append({"id": g["id"], "complete": g["complete"], "causes": causes,
                        "lines": {n: lines[n - 1].strip() for n in mine | got}, "mine": sorted(mine),
                        "got": sorted(got)})
    return records


def _cause(side: str, kind: str, where: str, n: int, joined: set, pred_joins: set) -> str:
    detail = ""
    if kind == "body":
        gold_in = {j for j in joined if j[1] == n}
        pred_in = {j for j in pred_joins if j[1] == n}
        if gold_in:
            detail = "/joined" if gold_in == pred_in else "/join"
        else:
            detail = "/para+joined" if pred_in else "/para"
    return f"{side}:{kind}{detail}:{where}"


def misses(pages: int, seed: int, kind: str, articles: list) -> tuple[int, list[dict]]:
    """(gold articles seen, miss records) over `pages` pages of `kind`, generated as tests/scrambler.py does."""
    from tasks.segment import segment_document
    from tests.scrambler import generated_pages

    found, total = [], 0
    for page, (lines, gold, doc, clean) in enumerate(generated_pages(pages, seed, kind, articles)):
        total += len(gold["articles"])
        for record in _page_misses(lines, gold, segment_document(doc, clean).articles):
            found.append({"page": page, **record})
    return total, found


def summary(records: list[dict]) -> Counter:
    """Per miss, its main cause: the kinds of wrong line it has, most telling first."""
    order = ["head", "byline", "boiler", "body/para", "body/para+joined", "body/joined", "body/join"]
    main = Counter()
    for record in records:
        kinds = {c.split(":")[1] for c in record["causes"]}
        wheres = {c.split(":")[2] for c in record["causes"]}
        key = "+".join(k for k in order if k in kinds) + " " + "+".join(sorted(wheres))
        main[key] += 1
    return main


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kind", default="interleaved")
    parser.add_argument("--articles", choices=ARTICLE_SETS, default="tuning")
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--only", default="", help="show only misses with a cause containing this text (split, head, …)")
    args = parser.parse_args()
    total, records = misses(args.pages, args.seed, args.kind, article_set(args.articles))
    print(f"{args.kind}: {len(records)} of {total} gold articles missed")
    for key, count in summary(records).most_common():
        print(f"  {count:4d}  {key}")
    print("line causes:", dict(Counter(c for r in records for c in r["causes"]).most_common()))
    shown = [r for r in records if any(args.only in c for c in r["causes"])]
    for record in shown[: args.show]:
        print(f"\n[page {record['page']} {record['id']}] {' '.join(record['causes'])}")
        for n in sorted(record["lines"]):
            mark = " " if n in record["mine"] and n in record["got"] else "-" if n in record["mine"] else "+"
            print(f"  {mark}{n:3d} {record['lines'][n][:60]}")


if __name__ == "__main__":
    main()
