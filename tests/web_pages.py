"""Generator of web page dumps and markdown feature pages with their gold, for robustness checks.

Pages are built from the project's own articles (tests/scrambler_articles.py, tests/scrambler_heldout.py)
and page furniture written for this generator: a web dump wraps one article in menus, breadcrumbs,
metadata lines (some run together as crawlers leave them), share widgets, image captions, related-article
lists, comment forms, disclaimers and footers; a markdown feature page holds a main article, boxed
short pieces (a kicker naming a speaker over a bold title) and a second headed article after them.
Every page goes through the whole chain (clean_document, segment_document).

    python -m tests.web_pages [--pages 100] [--seed 0] [--articles heldout]   # scores per page kind
"""
from __future__ import annotations

import argparse
import random

from tasks.records import SourceDocument
from tasks.segment_heads import is_kicker_text
from tests.scrambler import _reporters, article_set, score
from tests import web_pages_furniture as furniture

class GoldPage:
    """Lines of a page being written and their gold roles."""

    def __init__(self) -> None:
        self.lines: list[str] = [""]
        self.boiler: list[int] = []
        self.articles: list[dict] = []

    def add(self, text: str, role: str = "boiler", article: dict | None = None) -> None:
        self.lines += [text, ""]
        n = len(self.lines) - 1
        if role == "boiler":
            self.boiler.append(n)
        else:
            article[f"{role}_lines"].append(n)

    def article(self, k: int, headline: str, reporters: list[str]) -> dict:
        entry = {"id": f"p{k}", "headline": headline, "kicker": "", "headline_lines": [], "byline_lines": [],
                 "body_lines": [], "joins": [], "reporters": reporters, "complete": True}
        self.articles.append(entry)
        return entry

    def gold(self, kind: str) -> dict:
        return {"seed": kind, "kind": kind, "boilerplate_lines": sorted(self.boiler), "articles": self.articles}


def web_page(rng: random.Random, article: tuple) -> tuple[list[str], dict]:
    """A crawler's dump of a news page holding `article`, and its gold."""
    kicker, headline, subtitle, byline, paragraphs = article
    page = GoldPage()
    if rng.random() < 0.4:  # the page's <title>, kept by some extractors
        page.add(f"{headline}_{rng.choice(furniture.SITES)}")
    for menu in rng.sample(furniture.MENUS, rng.randint(1, 3)):
        for text in menu:
            page.add(text)
    if rng.random() < 0.5:
        byline = ""  # many sites print the reporters only in the metadata lines
    names = rng.sample(furniture.NAMES, rng.randint(1, 3))
    reporters = _reporters(byline, paragraphs[0]) or names
    entry = page.article(0, headline, reporters)
    page.add(rng.choice(["# ", "", "## "]) + headline, "headline", entry)
    site, date = rng.choice(furniture.SITES), f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 0{rng.randint(0, 9)}:3{rng.randint(0, 9)}"
    if byline or reporters != names:  # the article's own byline names its reporters: no author field
        page.add(f"{date} 来源：{site}")
    else:
        page.add(rng.choice([f"{date}  来源：{site}  作者：{' '.join(names)}",
                             f"来源：{site}记者：{' '.join(names)}",
                             f"文／{'、'.join(names)}"]))
        if rng.random() < 0.5:
            page.add(date)
    for text in rng.choice(furniture.SHARE):
        page.add(text)
    if rng.random() < 0.3:
        page.add(rng.choice(furniture.WECHAT_HEAD).format(site=rng.choice(furniture.SITES)))
    if byline:
        page.add(rng.choice(["{}", "**{}**"]).format(byline), "byline", entry)
    for k, paragraph in enumerate(paragraphs):
        if k == 1 and rng.random() < 0.5:
            page.add(furniture.IMAGE.format(rng.randint(10, 99)))
            page.add(furniture.CAPTION.format(headline[:6], rng.choice(furniture.NAMES)))
        if k == 2 and rng.random() < 0.3:  # a bold section subhead stays in the text
            page.add(f"**{rng.choice(furniture.SUBHEADS)}**", "body", entry)
        page.add(paragraph, "body", entry)
    if rng.random() < 0.3:
        for text in rng.sample(furniture.WECHAT_TAIL, 3):
            page.add(text)
    page.add(rng.choice(["责任编辑：{}", "（责任编辑：{}）", "编辑：{} 审核：许诺"]).format(rng.choice(furniture.NAMES)))
    if rng.random() < 0.4:
        page.add(rng.choice(furniture.COUNTERS))
    if rng.random() < 0.7:
        page.add(rng.choice(furniture.DISCLAIMERS))
    if rng.random() < 0.3:
        page.add(f"上一篇：[{rng.choice(furniture.PLAIN_RELATED)}](/a/5.html)")
        page.add(f"下一篇：[{rng.choice(furniture.PLAIN_RELATED)}](/a/6.html)")
    if rng.random() < 0.7:
        page.add(rng.choice(furniture.RELATED))
        plain = rng.random() < 0.4  # titles without links, as some extractors leave them
        for text in rng.sample(furniture.PLAIN_RELATED if plain else furniture.RELATED_ITEMS, 3):
            page.add(text)
    if rng.random() < 0.6:
        for text in rng.choice(furniture.COMMENTS):
            page.add(text)
    for text in rng.choice(furniture.FOOTERS):
        page.add(text)
    return page.lines, page.gold("web_page")


def markdown_page(rng: random.Random, main: tuple, second: tuple) -> tuple[list[str], dict]:
    """A markdown feature page: a main article, boxed short pieces, then a second headed article."""
    page = GoldPage()
    for k, (kicker, headline, subtitle, byline, paragraphs) in enumerate((main, second)):
        entry = page.article(len(page.articles), headline, _reporters(byline, paragraphs[0]))
        if kicker and (k or is_kicker_text(kicker)):  # a bare label over the page's first title may be
            # a kicker or a section label (furniture): left out, the gold cannot tell
            page.add(kicker, "headline", entry)
        page.add(f"# {headline}", "headline", entry)
        if subtitle:
            page.add(f"## {subtitle}", "headline", entry)
        if byline:
            page.add(byline.lstrip("■ "), "byline", entry)
        for j, paragraph in enumerate(paragraphs):
            if j == 1 and rng.random() < 0.4:
                page.add(furniture.IMAGE.format(rng.randint(10, 99)))
                page.add(furniture.CAPTION.format(headline[:6], rng.choice(furniture.NAMES)))
            if j == 2 and rng.random() < 0.3:  # a line repeated on the page reads as furniture: one each
                page.add(f"**{furniture.SUBHEADS[k]}**", "body", entry)
            markup = rng.choice(["> ", "- "]) if j and rng.random() < 0.15 else ""  # a quote or list item
            page.add(markup + paragraph, "body", entry)
        if k == 0:
            page.add(rng.choice(["### 代表委员声音", "### 委员观点", "### 各方声音"]))
            for box_kicker, box_title, box_text in rng.sample(furniture.BOXES, rng.randint(2, 4)):
                box = page.article(len(page.articles), box_title, [])
                page.add(box_kicker, "headline", box)
                page.add(f"**{box_title}**", "headline", box)
                box["kicker"] = box_kicker
                page.add(box_text, "body", box)
    return page.lines, page.gold("markdown_article")


def build(lines: list[str], name: str = "page.md", media_type: str = "text/markdown") -> tuple[list, list]:
    """Articles and line records of one generated page, through cleaning and segmentation."""
    from tasks.clean import clean_document
    from tasks.segment import segment_document

    doc = SourceDocument(name, "0" * 64, 0, "utf-8", media_type, tuple(lines))
    seg = segment_document(doc, clean_document(doc))
    return seg.articles, seg.lines


def page_score(lines: list[str], gold: dict, name: str = "page.md", media_type: str = "text/markdown") -> dict[str, float]:
    """scrambler.score plus the share of boilerplate lines kept in articles and of body lines lost."""
    articles, records = build(lines, name, media_type)
    result = score(gold, articles)
    in_articles = {n for a in articles for n in a.source_lines}
    body = [n for a in gold["articles"] for n in a["body_lines"]]
    boiler = gold["boilerplate_lines"]
    result["boiler_leak"] = sum(n in in_articles for n in boiler) / len(boiler) if boiler else 0.0
    result["body_lost"] = sum(n not in in_articles for n in body) / len(body) if body else 0.0
    return result


def pages(kind: str, count: int, seed: int, material: list) -> list[tuple[list[str], dict]]:
    """`count` generated pages of `kind` (web_page, markdown_article, one of SITE_KINDS or FORM_KINDS)."""
    from tests.web_pages_forms import FORM_KINDS
    from tests.web_pages_sites import SITE_KINDS

    rng = random.Random(f"{seed}-{kind}")
    if kind in FORM_KINDS:  # forms of several articles pick their own
        return [FORM_KINDS[kind](rng, material) for _ in range(count)]
    if kind in SITE_KINDS:
        return [SITE_KINDS[kind](rng, rng.choice(material)) for _ in range(count)]
    if kind == "web_page":
        return [web_page(rng, rng.choice(material)) for _ in range(count)]
    return [markdown_page(rng, *rng.sample(material, 2)) for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--articles", choices=["tuning", "heldout"], default="tuning")
    parser.add_argument("--show", type=int, default=0, help="print this many failing pages per kind")
    parser.add_argument("--kinds", nargs="*", help="page kinds to generate (default: all)")
    args = parser.parse_args()
    from tests.web_pages_forms import FORM_KINDS
    from tests.web_pages_sites import SITE_KINDS

    kinds = args.kinds or ("web_page", "markdown_article", *SITE_KINDS, *FORM_KINDS)
    print_means(kinds, pages, page_score, _show, args.pages, args.seed, article_set(args.articles), args.show)


def print_means(kinds, generate, score_page, show_page, count: int, seed: int, material: list, show: int) -> None:
    """Per kind: `count` pages from `generate`, the MEAN of `score_page` over them, and up to `show`
    failing pages printed by `show_page` (shared by the page generators' command lines)."""
    for kind in kinds:
        results, shown = [], 0
        for lines, gold in generate(kind, count, seed, material):
            result = score_page(lines, gold)
            results.append(result)
            if shown < show and (result["exact"] < 1 or result["boiler_leak"] or result["body_lost"]):
                shown += 1
                show_page(lines, gold, result)
        means = {key: round(sum(r[key] for r in results) / len(results), 3) for key in results[0]}
        print("MEAN", kind, means)


def _show(lines: list[str], gold: dict, result: dict, name: str = "page.md", media_type: str = "text/markdown") -> None:
    articles, records = build(lines, name, media_type)
    print("---", {k: round(v, 3) for k, v in result.items()})
    for a in gold["articles"]:
        print("  gold", a["headline"], a["reporters"], a["headline_lines"] + a["byline_lines"] + a["body_lines"])
    for a in articles:
        print("  got ", a.headline, a.reporters, a.source_lines)
    for r in records:
        print(f"  {r.line_no:3d} {r.role:12s} {str(r.article_ordinal):4s} {(r.reason or '')[:40]:40s} | {r.text[:40]}")


if __name__ == "__main__":
    main()
