"""OCR newspaper pages with the page furniture the other generators lack, with their gold, by an
independent author: checks that cleaning and segmentation hold on furniture they were not written for.

Each page is a scrambled page of tests/scrambler.py (kind `in_order`: paragraphs cut at column
breaks, bylines, a caption or folio line now and then) into which blocks of one kind of furniture
(tests/ocr_page_furniture.py) are set, then read through the whole chain (clean_document,
segment_document). Kinds and their gold:

- `masthead`: the paper's name, date with weekday and lunar date, page number and name, an editors'
  line, at the top and foot of the page, and a page guide (a label over other pages' headlines with
  their page numbers). All boilerplate.
- `notices`: a classified block (label, lost-licence notices, a job ad, phone and address lines)
  between articles or at the foot. Boilerplate: advertising, not news (a judgement call: a tender
  notice that is a web page's main content is an article in ../shared/gold, a paid notice set among a
  newspaper page's stories is not).
- `data_box`: a label over weather lines, market rows or a table of figures read row by row. Boilerplate.
- `photo_news`: photo captions with credits (`…。本报记者 X 摄`), a picture story's two captions and a
  `图片新闻` label over its caption text. Captions and credits are boilerplate (gold README).
- `commentary`: a commentary column (label: furniture; title, two paragraphs, a pen-name signature
  `□ 苏禾` standing on its line after the text: a byline naming its writer) among the news stories.
- `ocr_noise`: stray single characters and rules of repeated symbols on lines of their own
  (boilerplate), ASCII commas and stops inside body lines, a character misread as one of similar
  shape (the lines stay body).
- `feature_subheads` (a fourth author): numbered or bulleted subheads (小标题, `二、…`, `■ …`, or bare)
  over two or three of one article's paragraphs, each echoing a clause of its section. Body lines of
  that article (../shared/gold: subheads inside a feature stay in the body).
- `background_box`: a 相关链接/背景 box right after a story: its label (furniture, boilerplate) over one
  or two paragraphs of background, body lines of that story.

The page's articles are drawn with the kind's own rng (`random.Random(f"{seed}-ocr_{kind}")`), so
no other generator's pages change.

`scrambled_<kind>` (one per page kind of tests/scrambler.py; `--scrambled` runs them all) reads the scrambler's
own pages of that kind, the same page for the same seed, through the whole chain: tests.scrambler hands
segmentation the gold line roles, here cleaning must find them, so the two figures differ by what cleaning loses.

    python -m tests.ocr_pages [--pages 100] [--seed 0] [--articles heldout] [--kinds K ...] [--scrambled] [--show N]
"""
from __future__ import annotations

import argparse
import random
import re

from tests import ocr_page_furniture as ocr
from tests import web_pages
from tests.scrambler import KINDS as SCRAMBLER_KINDS, article_set, generated_pages, scrambled_page


def _shifted(gold: dict, at: int, by: int) -> dict:
    """The gold with every line number from `at` on moved down by `by`."""
    def move(n: int) -> int:
        return n + by if n >= at else n

    articles = [{**a, "headline_lines": [move(n) for n in a["headline_lines"]],
                 "byline_lines": [move(n) for n in a["byline_lines"]],
                 "body_lines": [move(n) for n in a["body_lines"]],
                 "joins": [[move(x), move(y)] for x, y in a["joins"]]} for a in gold["articles"]]
    return {**gold, "boilerplate_lines": sorted(move(n) for n in gold["boilerplate_lines"]),
            "roles": {move(n): role for n, role in gold.get("roles", {}).items()}, "articles": articles}


def _inserted(lines: list[str], gold: dict, at: int, block: list[str]) -> tuple[list[str], dict, list[int]]:
    """`block` set before line `at` (1-based; past the end: at the foot), a blank line after each of its
    lines; the page, its gold with the block's lines unassigned, and their numbers."""
    at = min(at, len(lines) + 1)
    new = [x for text in block for x in (text, "")]
    if at > len(lines):  # at the foot: after the last blank line
        lines = lines + new
        return lines, gold, list(range(len(lines) - len(new) + 1, len(lines) + 1, 2))
    gold = _shifted(gold, at, len(new))
    return lines[:at - 1] + new + lines[at - 1:], gold, list(range(at, at + len(new), 2))


def _boiler(lines: list[str], gold: dict, at: int, block: list[str]) -> tuple[list[str], dict]:
    lines, gold, numbers = _inserted(lines, gold, at, block)
    return lines, {**gold, "boilerplate_lines": sorted(gold["boilerplate_lines"] + numbers)}


def _text_lines(lines: list[str]) -> list[int]:
    return [n for n, text in enumerate(lines, 1) if text.strip()]


def _between_articles(rng: random.Random, lines: list[str], gold: dict) -> int:
    """A line opening an article's head or first line (a block set before it stands between stories)."""
    opens = [min(a["headline_lines"] + a["byline_lines"] + a["body_lines"]) for a in gold["articles"]]
    return rng.choice(opens[1:] or opens)


def _names(rng: random.Random) -> dict:
    return dict(a=rng.choice(ocr.PHOTOGRAPHERS), b=rng.choice(ocr.PERSONS), c=rng.choice(ocr.PHOTOGRAPHERS))


def masthead(rng: random.Random, lines: list[str], gold: dict) -> tuple[list[str], dict]:
    n = rng.randint(2, 16)
    fields = dict(paper=rng.choice(ocr.PAPERS), date=f"2025年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
                  weekday=rng.choice("一二三四五六日"), lunar=rng.choice(ocr.LUNAR_DATES), n=n,
                  page_name=rng.choice(ocr.PAGE_NAMES))
    top = [line.format(**fields) for line in rng.sample(ocr.FOLIO_LINES, rng.randint(2, 4))]
    if rng.random() < 0.6:
        top.append(rng.choice(ocr.STAFF_LINES).format(**_names(rng)))
    if rng.random() < 0.6:
        guide = [rng.choice(ocr.GUIDE_LABELS)]
        style = rng.choice(ocr.GUIDE_ITEMS)
        for title in rng.sample(ocr.GUIDE_TITLES, rng.randint(2, 4)):
            guide.append(style.format(title=title, n=rng.randint(2, 16)))
        top += guide
    lines, gold = _boiler(lines, gold, 1, top)
    if rng.random() < 0.5:
        foot = [line.format(**fields) for line in rng.sample(ocr.FOLIO_LINES, rng.randint(1, 2))]
        lines, gold = _boiler(lines, gold, len(lines) + 1, foot)
    return lines, gold


def _digits(rng: random.Random, k: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(k))


def notices(rng: random.Random, lines: list[str], gold: dict) -> tuple[list[str], dict]:
    fill = dict(firm=rng.choice(ocr.FIRMS), person=rng.choice(ocr.PERSONS), place=rng.choice(ocr.STREETS),
                n=rng.randint(2, 99), digits=_digits(rng, 10), digits4=_digits(rng, 4))
    block = [rng.choice(ocr.NOTICE_LABELS)]
    for text in rng.sample(ocr.LOST_NOTICES, rng.randint(1, 2)) + rng.sample(ocr.JOB_ADS, rng.randint(0, 1)):
        block.append(text.format(**fill))
    block += [text.format(**fill) for text in rng.sample(ocr.CONTACT_LINES, rng.randint(1, 3))]
    at = _between_articles(rng, lines, gold) if rng.random() < 0.5 else len(lines) + 1
    return _boiler(lines, gold, at, block)


def data_box(rng: random.Random, lines: list[str], gold: dict) -> tuple[list[str], dict]:
    rows = rng.choice([ocr.WEATHER_LINES, ocr.MARKET_ROWS, ocr.TABLE_ROWS])
    fill = dict(hi=rng.randint(20, 35), lo=rng.randint(8, 19), n=rng.randint(2, 99), d3=_digits(rng, 3),
                d2=_digits(rng, 2))
    block = [rng.choice(ocr.DATA_LABELS)] + [row.format(**fill) for row in rng.sample(rows, rng.randint(3, len(rows)))]
    at = rng.choice([1, _between_articles(rng, lines, gold), len(lines) + 1])
    return _boiler(lines, gold, at, block)


def photo_news(rng: random.Random, lines: list[str], gold: dict) -> tuple[list[str], dict]:
    for _ in range(rng.randint(1, 3)):
        scene, scene2 = rng.sample(ocr.SCENES, 2)
        person, other = rng.sample(ocr.PHOTOGRAPHERS, 2)
        caption = rng.choice(ocr.PHOTO_CAPTIONS).format(scene=scene, scene2=scene2, person=person, other=other)
        block = ([rng.choice(ocr.PHOTO_LABELS)] if rng.random() < 0.4 else []) + [caption]
        lines, gold = _boiler(lines, gold, rng.choice(_text_lines(lines)[1:] + [len(lines) + 1]), block)
    return lines, gold


def commentary(rng: random.Random, lines: list[str], gold: dict) -> tuple[list[str], dict]:
    title, paragraphs = rng.choice(ocr.COMMENTARIES)
    pen = rng.choice(ocr.PEN_NAMES)
    block = [rng.choice(ocr.COMMENT_LABELS), title, *paragraphs, rng.choice(ocr.COMMENT_SIGNATURES).format(pen=pen)]
    at = rng.choice([_between_articles(rng, lines, gold), len(lines) + 1])
    lines, gold, numbers = _inserted(lines, gold, at, block)
    entry = {"id": "c0", "headline": title, "kicker": "", "headline_lines": [numbers[1]],
             "byline_lines": [numbers[-1]], "body_lines": numbers[2:-1], "joins": [], "reporters": [pen],
             "complete": True}
    return lines, {**gold, "boilerplate_lines": sorted(gold["boilerplate_lines"] + numbers[:1]),
                   "articles": gold["articles"] + [entry]}


def ocr_noise(rng: random.Random, lines: list[str], gold: dict) -> tuple[list[str], dict]:
    lines = list(lines)
    body = [n for a in gold["articles"] for n in a["body_lines"]]
    for n in rng.sample(body, min(len(body), rng.randint(1, 3))):
        text = lines[n - 1]
        if rng.random() < 0.5:  # half-width punctuation where OCR missed the full-width forms
            text = text.replace("，", ",", rng.randint(1, 3)).replace("。", ".", 1)
        else:
            spots = [i for i in range(1, len(text) - 1) if text[i] in ocr.MISREADS
                     and "\u4e00" <= text[i - 1] <= "\u9fff" and "\u4e00" <= text[i + 1] <= "\u9fff"]
            if spots:
                i = rng.choice(spots)
                text = text[:i] + ocr.MISREADS[text[i]] + text[i + 1:]
        lines[n - 1] = text
    for _ in range(rng.randint(1, 3)):
        noise = rng.choice(ocr.STRAY) if rng.random() < 0.6 else rng.choice(ocr.RULES)
        lines, gold = _boiler(lines, gold, rng.choice(_text_lines(lines) + [len(lines) + 1]), [noise])
    return lines, gold


def _paragraphs(lines: list[str], article: dict) -> list[tuple[int, str]]:
    """An article's paragraphs: the number of each one's first line and its text, its cut pieces joined."""
    follows = dict(article["joins"])
    continuations = set(follows.values())
    result = []
    for n in article["body_lines"]:
        if n in continuations:
            continue
        text, k = lines[n - 1], n
        while k in follows:
            k = follows[k]
            text += lines[k - 1]
        result.append((n, text))
    return result


def _echoed_clause(paragraph: str) -> str | None:
    """A subhead's words: the paragraph's longest clause of 6-14 Han characters after its first (a section
    title echoes its section; it does not repeat the opening words under it)."""
    clauses = [c for c in re.split(r"[^\u4e00-\u9fff]+", paragraph)[1:] if 6 <= len(c) <= 14]
    return max(clauses, key=len) if clauses else None


def feature_subheads(rng: random.Random, lines: list[str], gold: dict) -> tuple[list[str], dict]:
    """Numbered subheads (小标题) over two or three of one article's paragraphs after its first: body lines
    of that article (../shared/gold: subheads inside a feature stay in the body)."""
    which = max(range(len(gold["articles"])), key=lambda i: (len(_paragraphs(lines, gold["articles"][i])), rng.random()))
    paragraphs = [(n, _echoed_clause(text)) for n, text in _paragraphs(lines, gold["articles"][which])[1:]]
    paragraphs = [(n, title) for n, title in paragraphs if title]
    chosen = sorted(rng.sample(paragraphs, min(len(paragraphs), rng.randint(2, 3))))
    style = rng.choice(ocr.SUBHEAD_STYLES)
    for rank, (at, title) in reversed(list(enumerate(chosen))):  # from the foot up: the numbers above stay
        lines, gold, numbers = _inserted(lines, gold, at, [style.format(n=ocr.CHINESE_RANKS[rank], title=title)])
        article = gold["articles"][which]
        body = list(article["body_lines"])
        body.insert(body.index(at + 2), numbers[0])
        gold["articles"][which] = {**article, "body_lines": body}
    return lines, gold


def background_box(rng: random.Random, lines: list[str], gold: dict) -> tuple[list[str], dict]:
    """A background box (相关链接, 背景) right after an article's last line: its label is furniture, its
    paragraphs read with the story (body lines of that article, after its text)."""
    which = rng.randrange(len(gold["articles"]))
    article = gold["articles"][which]
    at = max(article["headline_lines"] + article["byline_lines"] + article["body_lines"]) + 2
    block = [rng.choice(ocr.BOX_LABELS)] + rng.sample(ocr.BOX_PARAGRAPHS, rng.randint(1, 2))
    lines, gold, numbers = _inserted(lines, gold, at, block)
    article = gold["articles"][which]
    gold["articles"][which] = {**article, "body_lines": article["body_lines"] + numbers[1:]}
    return lines, {**gold, "boilerplate_lines": sorted(gold["boilerplate_lines"] + numbers[:1])}


def build(lines: list[str]) -> tuple[list, list]:
    """Articles and line records of one page read as a plain-text OCR dump, through the whole chain."""
    return web_pages.build(lines, "page.txt", "text/plain")


def page_score(lines: list[str], gold: dict) -> dict[str, float]:
    """scrambler.score plus the share of boilerplate lines kept in articles and of body lines lost."""
    return web_pages.page_score(lines, gold, "page.txt", "text/plain")


def _show(lines: list[str], gold: dict, result: dict) -> None:
    web_pages._show(lines, gold, result, "page.txt", "text/plain")


OCR_KINDS = {"masthead": masthead, "notices": notices, "data_box": data_box, "photo_news": photo_news,
             "commentary": commentary, "ocr_noise": ocr_noise, "feature_subheads": feature_subheads,
             "background_box": background_box}


WHOLE_CHAIN = "scrambled_"  # prefix of the scrambler's page kinds read through the whole chain
SCRAMBLED_KINDS = tuple(WHOLE_CHAIN + kind for kind in SCRAMBLER_KINDS)


def scrambled_pages(kind: str, count: int, seed: int, material: list) -> list[tuple[list[str], dict]]:
    """The scrambler's `count` pages of `kind` (the same pages tests.scrambler scores with gold roles),
    their gold without the line roles: cleaning must find every boilerplate line itself."""
    result = []
    for lines, gold, *_ in generated_pages(count, seed, kind, material):
        gold = {key: value for key, value in gold.items() if key != "roles"}
        result.append((lines, {**gold, "kind": f"ocr_{WHOLE_CHAIN}{kind}"}))
    return result


def ocr_pages(kind: str, count: int, seed: int, material: list) -> list[tuple[list[str], dict]]:
    """`count` pages of `kind` (one of OCR_KINDS, `plain`: the scrambled pages with nothing set in, or one of
    SCRAMBLED_KINDS: a scrambler page kind read through the whole chain)."""
    if kind.startswith(WHOLE_CHAIN):
        return scrambled_pages(kind.removeprefix(WHOLE_CHAIN), count, seed, material)
    rng = random.Random(f"{seed}-ocr_{kind}")
    result = []
    for _ in range(count):
        lines, gold = scrambled_page(rng, n_articles=rng.randint(2, 4), kind="in_order", articles=material)
        if kind != "plain":
            lines, gold = OCR_KINDS[kind](rng, lines, gold)
        gold = {**gold, "kind": f"ocr_{kind}"}
        gold.pop("roles", None)  # cleaning must find every boilerplate line itself
        result.append((lines, gold))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--articles", choices=["tuning", "heldout"], default="tuning")
    parser.add_argument("--kinds", nargs="*", help="page kinds (default: plain and all of OCR_KINDS)")
    parser.add_argument("--scrambled", action="store_true", help="add every kind of SCRAMBLED_KINDS")
    parser.add_argument("--show", type=int, default=0, help="print this many failing pages per kind")
    args = parser.parse_args()
    kinds = list(args.kinds or ([] if args.scrambled else ["plain", *OCR_KINDS]))
    if args.scrambled:
        kinds += [kind for kind in SCRAMBLED_KINDS if kind not in kinds]
    web_pages.print_means(kinds, ocr_pages, page_score, _show, args.pages, args.seed,
                          article_set(args.articles), args.show)


if __name__ == "__main__":
    main()
