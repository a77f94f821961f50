"""Diagnostic of wrong joins on scrambled tuning pages (never the held-out set, never /work/shared).

For every predicted join that gold does not have, print the two sides and what the target line
really is: the start of a paragraph of the same article, a line of another article, or a true
continuation of some other line.

    python -m tests.scrambler_diag [--pages 100] [--kind interleaved] [--show 40]
"""
from __future__ import annotations

import argparse
from collections import Counter


def wrong_joins(pages: int, seed: int, kind: str) -> list[dict]:
    """One record per predicted join gold lacks: side texts and the target's gold situation."""
    from tasks import segment_links
    from tasks.schema import ROLE_CONTENT
    from tasks.segment import segment_document
    from tests.scrambler import generated_pages
    from tests.scrambler_articles import ARTICLES

    found = []
    for page, (lines, gold, doc, clean) in enumerate(generated_pages(pages, seed, kind, ARTICLES)):
        article_of = {n: a["id"] for a in gold["articles"] for n in a["body_lines"]}
        gold_joins = {tuple(j) for a in gold["articles"] for j in a["joins"]}
        gold_targets = {b for _, b in gold_joins}
        gold_next = dict(gold_joins)
        gold_prev = {b: a for a, b in gold_joins}
        index = {line.line_no: k for k, line in enumerate(x for x in clean if x.role == ROLE_CONTENT)}
        segment_links.EXPLAIN = explain = {}
        result = segment_document(doc, clean)
        segment_links.EXPLAIN = None

        def scored(a, b):
            got = explain.get((index.get(a), index.get(b)))
            return f"{got[0]:+.2f}{got[1]:+.2f}" if got else "  unscored "

        for art in result.articles:
            for a, b in (tuple(j) for j in art.joins):
                if (a, b) in gold_joins:
                    continue
                if b not in article_of:
                    why = "target not body"
                elif article_of.get(a) != article_of[b]:
                    why = "other article"
                elif b in gold_targets:
                    why = "continues another line"
                else:
                    why = "paragraph start"
                found.append({"page": page, "a": lines[a - 1].strip(), "b": lines[b - 1].strip(), "why": why,
                              "score": scored(a, b),
                              "a_gold": (scored(a, gold_next[a]) + " " + lines[gold_next[a] - 1].strip()[:10]) if a in gold_next else "-",
                              "b_gold": (scored(gold_prev[b], b) + " …" + lines[gold_prev[b] - 1].strip()[-8:]) if b in gold_prev else "-"})
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kind", default="interleaved")
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    found = wrong_joins(args.pages, args.seed, args.kind)
    print("wrong joins:", len(found), dict(Counter(f["why"] for f in found)))
    for f in found[: args.show]:
        print(f"[{f['page']}] {f['why']:>22}: …{f['a'][-12:]} ‖ {f['b'][:16]}… {f['score']}")
        print(f"      a→gold {f['a_gold']}   gold→b {f['b_gold']}")


if __name__ == "__main__":
    main()
