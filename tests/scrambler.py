"""Generator of scrambled newspaper pages with their gold annotation, for tests and measurement.

Articles composed for the project (tests/scrambler_articles.py) are laid out as an OCR page reads
out of column order: paragraphs cut mid-sentence (sometimes with a character doubled at the cut),
runs of an article moved behind the next article(s) or ahead of its own head (kind "ahead": among
earlier articles' pieces, a column read before the one holding the head), bylines after the text,
captions and furniture between pieces, continuations from another page (with or without
`(上接第N版)`), tails sent to another page (`(下转第N版)`) and pieces of a cut paragraph lost from
the page (kind "lost": the line before the gap ends open with no continuation, the line after it
starts mid-sentence; gold joins nothing across the gap). A page kind sets the rates of these
features. Features of `continuation_heads` pages (rates absent elsewhere, so other kinds' pages stay
as they were): the headline repeated above a standalone `(上接第N版)`, a kicker ending without
punctuation, a byline standing before a later run of its article. `enumerated` pages hold one article
whose paragraphs enumerate on a template (tests/scrambler_enumerated.py) among ordinary ones, cut
into runs. `labelled_heads` and `lead_ahead` pages hold the head stacks of tests/scrambler_heads.py:
long event 引题 and section labels (boilerplate given to segmentation as content), and heads
standing over the continuation of their own cut first paragraph.

    python -m tests.scrambler [--pages 200] [--seed 0] [--articles heldout]   # scores per page kind
"""
from __future__ import annotations

import argparse
import random
from collections import defaultdict

from tasks.records import CleanLine, SourceDocument
from tasks.schema import ROLE_CAPTION, ROLE_CONTENT, ROLE_FURNITURE
from tests.scrambler_articles import ARTICLES, CAPTIONS, FURNITURE, OPEN_KICKERS
from tests.scrambler_heads import event_kicker, lead_ahead, with_section_label
from tests.scrambler_heldout import HELDOUT_ARTICLES, HELDOUT_OPEN_KICKERS

# rates per page kind: cut a paragraph, move runs behind other articles, double a character at a
# cut, byline after the text, caption/furniture between pieces, piece continued from/to another page,
# a cut paragraph loses one of its pieces, and a later run placed ahead of its own article's head
# (0 for the older kinds: their pages stay as they were)
KINDS = {
    "in_order": dict(cut=0.6, interleave=0.0, double=0.0, late_byline=0.0, furniture=0.2, continued=0.0),
    "interleaved": dict(cut=0.6, interleave=0.8, double=0.0, late_byline=0.0, furniture=0.2, continued=0.0),
    "doubled": dict(cut=0.8, interleave=0.5, double=0.6, late_byline=0.0, furniture=0.2, continued=0.0),
    "heads": dict(cut=0.5, interleave=0.4, double=0.1, late_byline=0.6, furniture=0.6, continued=0.0),
    "continued": dict(cut=0.5, interleave=0.4, double=0.1, late_byline=0.1, furniture=0.3, continued=0.8),
    "mixed": dict(cut=0.6, interleave=0.6, double=0.2, late_byline=0.2, furniture=0.4, continued=0.3),
    "lost": dict(cut=0.7, interleave=0.5, double=0.1, late_byline=0.1, furniture=0.3, continued=0.2, lost=0.35),
    "continuation_heads": dict(cut=0.5, interleave=0.5, double=0.1, late_byline=0.2, furniture=0.3, continued=0.5,
                               head_over_marker=0.7, open_kicker=0.5, byline_before_run=0.6),
    "ahead": dict(cut=0.6, interleave=0.8, double=0.1, late_byline=0.1, furniture=0.3, continued=0.0, ahead=0.6),
    # one enumerating article per page among the others, its runs moved behind them
    "enumerated": dict(cut=0.6, interleave=0.9, double=0.1, late_byline=0.1, furniture=0.3, continued=0.2,
                       enumerated=1.0),
    # a long event line as 引题 over the title, a section label over the head or under the title
    "labelled_heads": dict(cut=0.6, interleave=0.5, double=0.1, late_byline=0.3, furniture=0.3, continued=0.0,
                           event_kicker=0.6, section_label=0.7),
    # the cut first paragraph among an earlier article's pieces, its head over the continuation
    "lead_ahead": dict(cut=0.8, interleave=0.5, double=0.1, late_byline=0.5, furniture=0.3, continued=0.0,
                       lead_ahead=0.7),
}
_KICKERS = {**OPEN_KICKERS, **HELDOUT_OPEN_KICKERS}
_NO_CUT_AFTER = "。！？；：“（(、"
_NO_CUT_BEFORE = "，。、；：！？”）)"


def _fragments(paragraph: str, rng: random.Random, rates: dict, may_lose: bool = False) -> tuple[list[tuple[str, bool]], bool]:
    """Cut a paragraph into 1-3 lines at column breaks, never next to sentence punctuation: (text,
    continues the line before) each, and whether a piece was lost (only when `may_lose`)."""
    if len(paragraph) < 30 or rng.random() >= rates["cut"]:
        return [(paragraph, False)], False
    cuts: list[int] = []
    for _ in range(rng.choice([1, 1, 2])):
        for _ in range(20):
            cut = rng.randrange(8, len(paragraph) - 8)
            if (paragraph[cut - 1] not in _NO_CUT_AFTER and paragraph[cut] not in _NO_CUT_BEFORE
                    and all(abs(cut - c) > 8 for c in cuts)):
                cuts.append(cut)
                break
    bounds = [0] + sorted(cuts) + [len(paragraph)]
    frags = [paragraph[a:b] for a, b in zip(bounds, bounds[1:])]
    lost = -1  # the new draw only where the rate is set: older kinds keep their pages byte for byte
    if rates.get("lost") and may_lose and len(frags) > 1 and rng.random() < rates["lost"]:
        lost = rng.randrange(len(frags))
    for k in range(1, len(frags)):
        tail = frags[k - 1][-rng.choice([1, 2]):]
        if rng.random() < rates["double"] and all("\u4e00" <= ch <= "\u9fff" for ch in tail) and lost not in (k - 1, k):
            frags[k] = tail + frags[k]  # OCR read the characters at the break twice
    return [(f, k > 0 and k - 1 != lost) for k, f in enumerate(frags) if k != lost], lost >= 0


def _article_items(article: tuple, rng: random.Random, rates: dict, continued: str | None) -> tuple[list, list, bool]:
    """(head items, body items, whole) of one article; items are (kind, text, joins_previous);
    `whole` is False when a piece of a paragraph was lost."""
    kicker, headline, subtitle, byline, paragraphs = article
    head = [("head", t, False) for t in (kicker, headline, subtitle) if t]
    paragraphs = list(paragraphs)
    if continued == "from":  # the head and first paragraph stand on another page
        head, byline, paragraphs = [], "", paragraphs[1:]
    if continued == "to":  # the tail goes to another page
        paragraphs = paragraphs[:-1]
    body = []
    whole = True
    for number, paragraph in enumerate(paragraphs):
        # never the first paragraph: a dateline's reporters must stay on the page
        frags, lost = _fragments(paragraph, rng, rates, may_lose=number > 0)
        whole = whole and not lost
        body += [("body", f, joins) for f, joins in frags]
    if continued == "from":
        if rng.random() < 0.5:
            body[0] = ("body", "(上接第1版)" + body[0][1], False)
        elif _happens("head_over_marker", rng, rates):  # the title repeated over a bare marker
            head = [("head", article[1], False), ("marker", "(上接第1版)", False)]
        else:
            head = [("marker", "(上接第1版)", False)]
    if continued == "to":
        body[-1] = ("body", body[-1][1] + "(下转第6版)", body[-1][2])
    if byline and rng.random() < rates["late_byline"]:
        body.append(("byline", byline, False))
    elif byline:
        head.append(("byline", byline, False))
    return head, body, whole


def _happens(feature: str, rng: random.Random, rates: dict) -> bool:
    """Draw for a feature only when the kind has a rate for it (other kinds' draws stay the same)."""
    return bool(rates.get(feature)) and rng.random() < rates[feature]


def _with_open_kicker(article: tuple, rng: random.Random, rates: dict) -> tuple:
    if article[0] or article[1] not in _KICKERS or not _happens("open_kicker", rng, rates):
        return article
    return (_KICKERS[article[1]], *article[1:])


def _enumerating(articles: list) -> list:
    """The enumerating articles that go with an article set: held-out ones with held-out articles."""
    from tests.scrambler_enumerated import ENUMERATED_ARTICLES, HELDOUT_ENUMERATED_ARTICLES

    return HELDOUT_ENUMERATED_ARTICLES if articles is HELDOUT_ARTICLES else ENUMERATED_ARTICLES


def _byline_before_later_run(runs: list[list]) -> list[list]:
    """The byline taken from under the head or after the text to the start of the second run (items
    are ((kind, text, joins previous), reading position))."""
    bylines = [item for run in runs for item in run if item[0][0] == "byline"]
    if not bylines:
        return runs
    runs = [[item for item in run if item[0][0] != "byline"] for run in runs]
    runs[1][:0] = bylines
    return runs


def scrambled_page(rng: random.Random, n_articles: int = 4, kind: str = "mixed",
                   double_rate: float | None = None, articles: list | None = None) -> tuple[list[str], dict]:
    """Lines of one scrambled page (blank lines between, as OCR dumps have) and its gold dict.

    `articles`: the material drawn on (default: the tuning set, tests/scrambler_articles.py)."""
    rates = dict(KINDS[kind])
    if double_rate is not None:
        rates["double"] = double_rate
    drawn = rng.sample(articles or ARTICLES, n_articles)
    if _happens("enumerated", rng, rates):  # the draw only where the rate is set: older kinds stay the same
        drawn[rng.randrange(n_articles)] = rng.choice(_enumerating(articles or ARTICLES))
    chosen = [_with_open_kicker(article, rng, rates) for article in drawn]
    heldout = articles is HELDOUT_ARTICLES
    chosen = [event_kicker(article, heldout) if _happens("event_kicker", rng, rates) else article for article in chosen]
    pieces = []
    lossy: set[int] = set()  # articles a piece of which is missing from the page
    from_other_page = set()
    for k, article in enumerate(chosen):
        continued = None
        if rng.random() < rates["continued"]:
            continued = "from" if rng.random() < 0.6 else "to"
        if continued == "from":
            from_other_page.add(k)
        head, body, whole = _article_items(article, rng, rates, continued)
        if _happens("section_label", rng, rates):
            head = with_section_label(head, rng, heldout)
        if not whole:
            lossy.add(k)
        starts = [j for j in range(1, len(body)) if body[j][0] == "body"]
        n_runs = 1 + (rng.random() < rates["interleave"]) + (rng.random() < rates["interleave"] / 3)
        splits = sorted(rng.sample(starts, min(len(starts), n_runs - 1)))
        bounds = [0] + splits + [len(body)]
        # each item with its reading position within its article: file order may differ from it
        head = [(item, n) for n, item in enumerate(head, -len(head))]
        body = [(item, n) for n, item in enumerate(body)]
        runs = [(head if j == 0 else []) + body[a:b] for j, (a, b) in enumerate(zip(bounds, bounds[1:]))]
        if len(runs) > 1 and _happens("byline_before_run", rng, rates):
            runs = _byline_before_later_run(runs)
        if k and _happens("lead_ahead", rng, rates):
            runs[0], lead = lead_ahead(runs[0])
            if lead:  # after an earlier article's first piece, like a run ahead of its head
                pieces.append((rng.randrange(k) + 0.75, k, lead))
        for j, items in enumerate(runs):
            place = k + j + (0.5 if j else 0.0)
            if rates.get("ahead") and j and k and rng.random() < rates["ahead"]:
                place = rng.randrange(k) + 0.75  # after an earlier article's first piece and runs behind it
            pieces.append((place, k, items))
    pieces.sort(key=lambda p: p[0])
    lines = [""]
    boiler: dict[int, str] = {}
    labels: list[int] = []  # boilerplate given to segmentation as content: it must find them itself
    if rng.random() < 0.7:
        lines += [rng.choice(FURNITURE), ""]
        boiler[len(lines) - 1] = ROLE_FURNITURE
    where: dict[int, list[tuple[int, str, int, bool]]] = defaultdict(list)  # (reading position, kind, line, joins)
    for _, k, items in pieces:
        for (item_kind, text, joins_previous), position in items:
            lines += [text, ""]
            if item_kind == "marker":
                boiler[len(lines) - 1] = ROLE_FURNITURE
            elif item_kind == "label":
                labels.append(len(lines) - 1)
            else:
                where[k].append((position, item_kind, len(lines) - 1, joins_previous))
        if rng.random() < rates["furniture"]:
            caption = rng.random() < 0.5
            lines += [rng.choice(CAPTIONS if caption else FURNITURE), ""]
            boiler[len(lines) - 1] = ROLE_CAPTION if caption else ROLE_FURNITURE
    gold_articles = [_gold_article(k, article, [e[1:] for e in sorted(where[k])], lines, k in from_other_page,
                                   k not in lossy)
                     for k, article in enumerate(chosen)]
    gold = {"seed": "scrambled", "kind": f"scrambled_{kind}", "boilerplate_lines": sorted([*boiler, *labels]),
            "roles": boiler, "articles": gold_articles}
    return lines, gold


def _gold_article(k: int, article: tuple, entries: list, lines: list[str], from_other_page: bool = False,
                  whole: bool = True) -> dict:
    """Gold of one article; `entries` (kind, line number, joins previous) are in reading order.
    `from_other_page`: the first paragraph stands on another page (a title repeated here does not
    bring its dateline); `whole`: no piece of it was lost."""
    headline = article[1]
    heads = [n for kind, n, _ in entries if kind == "head"]
    bylines = [n for kind, n, _ in entries if kind == "byline"]
    order = [(n, joins_previous) for kind, n, joins_previous in entries if kind == "body"]
    joins = [[a, b] for (a, _), (b, joins_previous) in zip(order, order[1:]) if joins_previous]
    byline = lines[bylines[0] - 1] if bylines else ""
    return {"id": f"s{k}", "headline": headline if heads else "", "kicker": article[0],
            "headline_lines": heads, "byline_lines": bylines,
            # the dateline is read on the whole first paragraph: a cut inside `本报讯(记者 …)` does
            # not change who wrote the article (no head on the page: the paragraph is elsewhere)
            "reporters": _reporters(byline, article[4][0] if heads and not from_other_page else ""),
            "body_lines": [n for n, _ in order], "joins": joins,
            "complete": bool(heads) and not from_other_page and whole}


def _reporters(byline: str, first: str) -> list[str]:
    from tasks.segment_heads import parse_byline, parse_dateline

    if byline:
        return parse_byline(byline) or []
    dateline = parse_dateline(first)
    return dateline.reporters if dateline else []


def page_inputs(lines: list[str], gold: dict) -> tuple[SourceDocument, list[CleanLine]]:
    """The document and the cleaning output (furniture and captions tagged) for a generated page."""
    doc = SourceDocument("scrambled.txt", "", 0, "utf-8", "text/plain", tuple(lines))
    roles = gold["roles"] if "roles" in gold else {n: ROLE_FURNITURE for n in gold["boilerplate_lines"]}
    clean = [CleanLine(n, raw, raw.strip(), roles.get(n, ROLE_CONTENT)) for n, raw in enumerate(lines, 1) if raw.strip()]
    return doc, clean


def score(gold: dict, articles: list) -> dict[str, float]:
    """One page's B3 F1, exact article match, joins recovered/precision, headline and reporter
    accuracy, each as `zhpress evaluate` defines it (zhpress/eval_articles.py)."""
    from zhpress.eval_articles import bcubed_sums, best_match, compare_article, gold_article_lines
    from zhpress.eval_names import ARTICLE_EXACT, HEADLINE_ACCURACY, REPORTER_ACCURACY
    from zhpress.eval_tables import PredictedArticle

    predicted = [PredictedArticle(str(art.ordinal), frozenset(art.source_lines), art.headline, list(art.reporters),
                                  {tuple(j) for j in art.joins}, None, [], None) for art in articles]
    precision, recall, n_lines = bcubed_sums(gold["articles"], {x: p.article_id for p in predicted for x in p.lines})
    precision, recall = (precision / n_lines, recall / n_lines) if n_lines else (1.0, 1.0)
    outcomes = [compare_article(a, best_match(gold_article_lines(a), predicted), predicted, {})["outcomes"]
                for a in gold["articles"]]
    gold_joins = {tuple(j) for a in gold["articles"] for j in a["joins"]}
    pred_joins = set().union(*(p.joins for p in predicted))
    n = len(outcomes)

    def rate(name: str) -> float:
        return sum(o[name] for o in outcomes) / n if n else 1.0

    return {
        "articles": n, "predicted": len(articles),
        "b3_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "exact": rate(ARTICLE_EXACT) if n else float(not articles),
        "joins_recall": len(gold_joins & pred_joins) / len(gold_joins) if gold_joins else 1.0,
        "joins_precision": len(gold_joins & pred_joins) / len(pred_joins) if pred_joins else 1.0,
        "headline": rate(HEADLINE_ACCURACY), "reporters": rate(REPORTER_ACCURACY),
    }


ARTICLE_SETS = ("tuning", "heldout")


def article_set(name: str) -> list:
    """The annotated articles pages are built from: "tuning", or "heldout" (never tuned on, for reporting)."""
    if name == "heldout":
        return HELDOUT_ARTICLES
    return ARTICLES


def generated_pages(pages: int, seed: int, kind: str, articles: list | None = None):
    """`pages` scrambled pages of `kind`, the same for the same seed: (lines, gold, document, clean lines) each."""
    rng = random.Random(f"{seed}-{kind}")
    for _ in range(pages):
        lines, gold = scrambled_page(rng, n_articles=rng.randint(2, 5), kind=kind, articles=articles)
        yield (lines, gold, *page_inputs(lines, gold))


def measure(pages: int, seed: int, kinds: list[str], articles: list | None = None) -> dict[str, dict[str, float]]:
    """Mean segmentation scores per page kind over `pages` generated pages of each kind."""
    from tasks.segment import segment_document

    means = {}
    for kind in kinds:
        results = [score(gold, segment_document(doc, clean).articles)
                   for _, gold, doc, clean in generated_pages(pages, seed, kind, articles)]
        means[kind] = {k: round(sum(r[k] for r in results) / len(results), 3) for k in results[0]}
    return means


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--kinds", nargs="+", default=list(KINDS))
    parser.add_argument("--articles", choices=ARTICLE_SETS, default="tuning",
                        help="heldout: articles never tuned on (tests/scrambler_heldout.py), for reporting")
    args = parser.parse_args()
    for kind, mean in measure(args.pages, args.seed, args.kinds, article_set(args.articles)).items():
        print(f"MEAN scrambled_{kind}", mean)


if __name__ == "__main__":
    main()
