"""Page forms for tests/web_pages.py that no other generator writes, by a second author: checks that
the cleaning and segmentation rules hold on structures they were not written for.

- `brief_column`: a column label over several short items, each its own article (a title or none; an
  untitled item opens with a dateline, `本报讯` / `新华社北京5月12日电`), then the column's footer.
- `interview`: one article in question and answer turns (`记者：…` / `问：… 答：…`), a profile box
  (a label alone on its line is furniture, as `核心提示` is; the box's text is body), a column label
  over the head (`专访`: furniture, as `两会圆桌` is in ../shared/gold).
- `pdf_page`: a newspaper page converted from PDF: running head and foot lines (paper, date, page,
  section, editors), two articles whose paragraphs are hard-wrapped every 18-30 characters (every wrap
  is a gold join), the first line of a paragraph indented on some pages.
- `live_timeline`: one article of time-stamped entries (`10:30 …`; a time alone on its line heads its
  entry as a section number does: body, a whole line joined to nothing), live-page labels and widgets.
- `comment_thread`: an article followed by readers' comments: user names, times, likes and comment
  texts that are whole sentences, some naming the article's topic. Comments are furniture.
- `quoted_table`: the paragraphs in markdown blockquotes or table cells, or followed by an English
  title and summary (a translation of the page's content, not its Chinese text: furniture).
- `brief_column_ocr`, `interview_ocr`: the same two forms as OCR reads them off a printed page: no
  web menus, metadata lines or footers, no markdown markup (bold titles and speakers are plain text).
Each builder takes the article list and draws only from its own `rng`.
"""
from __future__ import annotations

import random
import re
from functools import partial

from tests import web_pages_form_furniture as form
from tests import web_pages_furniture as furniture
from tests.scrambler import _reporters
from tests.web_pages import GoldPage


def _opens_with_dateline(paragraph: str) -> bool:
    return _reporters("", paragraph) != [] or paragraph.startswith(("本报讯", "新华社"))


def _dated(rng: random.Random, paragraph: str) -> str:
    """The paragraph opening with a dateline, as every item of a brief column does."""
    if _opens_with_dateline(paragraph):
        return paragraph
    return rng.choice(form.BRIEF_DATELINES).format(name=rng.choice(furniture.NAMES), place=rng.choice(form.PLACES),
                                                   month=rng.randint(1, 9), day=rng.randint(10, 28)) + paragraph


def brief_column(rng: random.Random, material: list, web: bool = True) -> tuple[list[str], dict]:
    """A column of short items, each an article of one or two paragraphs (`web`: on a web page, else
    as OCR reads it off a printed page)."""
    page = GoldPage() if web else _PrintedPage()
    for line in rng.choice(furniture.MENUS) if web else ():
        page.add(line)
    page.add(rng.choice(form.BRIEF_LABELS))
    for k, (_, headline, _, _, paragraphs) in enumerate(rng.sample(material, rng.randint(3, 5))):
        titled = rng.random() < 0.6
        text = _dated(rng, paragraphs[0]) if not titled or rng.random() < 0.5 else paragraphs[0]
        entry = page.article(k, headline if titled else "", _reporters("", text))
        if titled:
            page.add(rng.choice(["{}", "**{}**", "◆{}"]).format(headline), "headline", entry)
        page.add(text, "body", entry)
        if titled and len(paragraphs) > 1 and rng.random() < 0.3:
            page.add(paragraphs[1], "body", entry)
    page.add(rng.choice(form.BRIEF_FOOTERS).format(name=rng.choice(furniture.NAMES), site=rng.choice(furniture.SITES)))
    for line in rng.choice(furniture.FOOTERS) if web else ():
        page.add(line)
    return page.lines, page.gold("brief_column" if web else "brief_column_ocr")


def interview(rng: random.Random, material: list, web: bool = True) -> tuple[list[str], dict]:
    """An interview: head, profile box, an opening paragraph, then question and answer turns (`web`: on
    a web page, else as OCR reads it off a printed page)."""
    _, headline, _, byline, paragraphs = rng.choice(material)
    name, office = rng.choice(form.GUESTS)
    page = GoldPage() if web else _PrintedPage()
    for line in rng.choice(furniture.MENUS) if web else ():
        page.add(line)
    entry = page.article(0, headline, _reporters(byline, paragraphs[0]))
    if rng.random() < 0.4:  # a column label (专访, 高端访谈) over the head: section furniture, as 两会圆桌 is
        page.add(rng.choice(form.INTERVIEW_LABELS))
    page.add(rng.choice(["# ", ""]) + headline, "headline", entry)
    page.add(f"——访{office}{name}", "headline", entry)
    if byline:
        page.add(byline, "byline", entry)
    if web:
        page.add(f"{rng.randint(2020, 2025)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 来源：{rng.choice(furniture.SITES)}")
    profile = rng.choice(form.PROFILES).format(name=name, office=office)
    profile_first = rng.random() < 0.5

    def add_profile() -> None:
        if rng.random() < 0.5:
            page.add(rng.choice(form.PROFILE_LABELS))
            page.add(profile, "body", entry)
        else:
            page.add(f"【人物简介】{profile}", "body", entry)

    if profile_first:
        add_profile()
    page.add(paragraphs[0], "body", entry)
    asked, answered = rng.choice(form.QUESTION_MARKS)
    for question, paragraph in zip(rng.sample(form.QUESTIONS, len(paragraphs) - 1), paragraphs[1:]):
        page.add(asked + question, "body", entry)
        page.add(answered.format(surname=name[0] + rng.choice(["主任", "局长", ""])) + paragraph, "body", entry)
    if not profile_first:
        add_profile()
    page.add(f"责任编辑：{rng.choice(furniture.NAMES)}")
    for line in rng.choice(furniture.FOOTERS) if web else ():
        page.add(line)
    return page.lines, page.gold("interview" if web else "interview_ocr")


class _PrintedPage(GoldPage):
    """Lines as OCR reads them off a printed page: no markdown markup (a bold title is plain text)."""

    def add(self, text: str, role: str = "boiler", article: dict | None = None) -> None:
        super().add(re.sub(r"^#+\s+", "", text).replace("**", ""), role, article)


def _wrapped(paragraph: str, width: int, indent: str) -> list[str]:
    """Hard-wrapped lines of one paragraph; closing punctuation never opens a line (it hangs on the one above)."""
    text, lines, start = indent + paragraph, [], 0
    while start < len(text):
        end = start + width
        while end < len(text) and text[end] in "，。、；：！？”）":
            end += 1
        lines.append(text[start:end])
        start = end
    return lines


class _TightPage(GoldPage):
    """Lines as a PDF converter writes them: no blank line between them."""

    def add(self, text: str, role: str = "boiler", article: dict | None = None) -> None:
        super().add(text, role, article)
        self.lines.pop()


def pdf_page(rng: random.Random, material: list) -> tuple[list[str], dict]:
    """A newspaper page converted from PDF: running lines around two hard-wrapped articles."""
    paper, n = rng.choice(form.PAPERS), rng.randint(2, 12)
    date, weekday = f"2025年{rng.randint(1, 9)}月{rng.randint(10, 28)}日", rng.choice("一二三四五六日")
    width, indent = rng.randint(18, 30), rng.choice(["", "　　", "  "])
    page = _TightPage()
    page.add(rng.choice(form.RUNNING_HEADS).format(paper=paper, date=date, weekday=weekday))
    page.add(rng.choice(form.PAGE_LABELS).format(n=n) + rng.choice(["", " " + rng.choice(form.SECTION_NAMES)]))
    if rng.random() < 0.5:
        page.add(rng.choice(form.STAFF_LINES).format(a=rng.choice(furniture.NAMES), b=rng.choice(furniture.NAMES)))
    for k, (kicker, headline, subtitle, byline, paragraphs) in enumerate(rng.sample(material, 2)):
        entry = page.article(k, headline, _reporters(byline, paragraphs[0]))
        if kicker:
            page.add(kicker, "headline", entry)
            entry["kicker"] = kicker
        page.add(headline, "headline", entry)
        if subtitle:
            page.add(subtitle, "headline", entry)
        if byline:
            page.add(byline, "byline", entry)
        for paragraph in paragraphs:
            pieces = _wrapped(paragraph, width, indent)
            first = len(page.lines) + 1
            for piece in pieces:
                page.add(piece, "body", entry)
            numbers = range(first, first + len(pieces))
            entry["joins"] += [[a, b] for a, b in zip(numbers, numbers[1:])]
    page.add(rng.choice(form.PAGE_FEET).format(n=n, paper=paper, date=date))
    return page.lines, page.gold("pdf_page")


def live_timeline(rng: random.Random, material: list) -> tuple[list[str], dict]:
    """A live page: an opening paragraph, then entries stamped with their time."""
    _, headline, _, byline, paragraphs = rng.choice(material)
    page = GoldPage()
    for line in rng.choice(furniture.MENUS):
        page.add(line)
    if rng.random() < 0.5:
        page.add(rng.choice(form.LIVE_LABELS))
    entry = page.article(0, headline, _reporters(byline, paragraphs[0]))
    page.add(rng.choice(["# ", ""]) + headline, "headline", entry)
    page.add(f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 来源：{rng.choice(furniture.SITES)}")
    if byline:
        page.add(byline, "byline", entry)
    if rng.random() < 0.5:
        page.add(rng.choice(form.LIVE_WIDGETS[:3]))
    page.add(paragraphs[0], "body", entry)
    hour, minute = rng.randint(8, 15), rng.randint(0, 20)
    apart = rng.random() < 0.5  # the time alone on its line over the entry
    for paragraph in paragraphs[1:]:
        minute += rng.randint(3, 12)
        stamp = f"{hour + minute // 60}:{minute % 60:02d}"
        if apart:
            page.add(rng.choice(["{}", "**{}**", "{} "]).format(stamp), "body", entry)
            page.add(paragraph, "body", entry)
        else:
            page.add(rng.choice(["{} ", "【{}】", "{}　"]).format(stamp) + paragraph, "body", entry)
    if rng.random() < 0.5:
        page.add(rng.choice(form.LIVE_WIDGETS[3:]))
    page.add(f"责任编辑：{rng.choice(furniture.NAMES)}")
    for line in rng.choice(furniture.FOOTERS):
        page.add(line)
    return page.lines, page.gold("live_timeline")


def comment_thread(rng: random.Random, material: list) -> tuple[list[str], dict]:
    """An article page followed by its readers' comments."""
    _, headline, _, byline, paragraphs = rng.choice(material)
    page = GoldPage()
    for line in rng.choice(furniture.MENUS):
        page.add(line)
    reporters = _reporters(byline, paragraphs[0]) or rng.sample(furniture.NAMES, 1)
    entry = page.article(0, headline, reporters)
    page.add(rng.choice(["# ", ""]) + headline, "headline", entry)
    credit = "" if _reporters(byline, paragraphs[0]) else f" 作者：{reporters[0]}"
    page.add(f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 来源：{rng.choice(furniture.SITES)}{credit}")
    if byline:
        page.add(byline, "byline", entry)
    for paragraph in paragraphs:
        page.add(paragraph, "body", entry)
    page.add(f"责任编辑：{rng.choice(furniture.NAMES)}")
    page.add(rng.choice(form.COMMENT_HEADS).format(n=rng.randint(3, 99)))
    inline = rng.random() < 0.4  # the user's name and the comment on one line
    for user, text in zip(rng.sample(form.COMMENT_USERS, 4), rng.sample(form.COMMENT_TEXTS, rng.randint(2, 4))):
        text = text.format(topic=headline)
        n = rng.randint(1, 9)
        if inline:
            page.add(f"{user}：{text}")
        else:
            page.add(user)
            page.add(rng.choice(form.COMMENT_TIMES).format(n=n))
            page.add(text)
        page.add(rng.choice(form.COMMENT_LIKES).format(n=n))
    for line in rng.sample(form.COMMENT_FORMS, 2):
        page.add(line)
    for line in rng.choice(furniture.FOOTERS):
        page.add(line)
    return page.lines, page.gold("comment_thread")


def quoted_table(rng: random.Random, material: list) -> tuple[list[str], dict]:
    """Paragraphs in blockquotes or table cells, or a page with an English title and summary."""
    _, headline, _, byline, paragraphs = rng.choice(material)
    form_of_text = rng.choice(["quote", "table", "bilingual"])
    page = GoldPage()
    for line in rng.choice(furniture.MENUS):
        page.add(line)
    entry = page.article(0, headline, _reporters(byline, paragraphs[0]) or rng.sample(furniture.NAMES, 1))
    page.add(rng.choice(["# ", ""]) + headline, "headline", entry)
    if form_of_text == "bilingual":
        page.add(rng.choice(form.ENGLISH_TITLES))
    credit = "" if _reporters(byline, paragraphs[0]) else f" 作者：{entry['reporters'][0]}"
    page.add(f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} 来源：{rng.choice(furniture.SITES)}{credit}")
    if byline:
        page.add(byline, "byline", entry)
    if form_of_text == "table":
        page.add("| |")
        page.add("|---|")
    for paragraph in paragraphs:
        markup = {"quote": "> {}", "table": "| {} |", "bilingual": "{}"}[form_of_text]
        page.add(markup.format(paragraph), "body", entry)
    if form_of_text == "bilingual":
        page.add(rng.choice(form.SUMMARY_LABELS))
        for sentence in rng.sample(form.SUMMARIES, rng.randint(1, 3)):
            page.add(sentence)
    page.add(f"责任编辑：{rng.choice(furniture.NAMES)}")
    for line in rng.choice(furniture.FOOTERS):
        page.add(line)
    return page.lines, page.gold("quoted_table")


FORM_KINDS = {"brief_column": brief_column, "interview": interview, "pdf_page": pdf_page,
              "live_timeline": live_timeline, "comment_thread": comment_thread, "quoted_table": quoted_table,
              "brief_column_ocr": partial(brief_column, web=False), "interview_ocr": partial(interview, web=False)}
