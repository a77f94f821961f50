"""Web page kinds of other sites for tests/web_pages.py: structures the plain `web_page` kind lacks.

- `gov_notice`: a government notice: reference-numbered menus, an index table, the document number,
  the addressee line, numbered sections, an attachment list, the issuing office and date closing the
  text (the notice's own signature: body), QR and print widgets, attachment downloads.
- `wechat_article`: an account line, date and place, follow prompts, image placeholders, section
  ordinals and bold heads, editor, source and reviewer lines after the text, past-article lists, the
  reader's UI strings (some in English).
- `portal_article`: headline carousels above the article, and after it long lists of other headlines
  (links, plain titles with source and date glued, numbered ranks), often with no label over them.
- `list_page`: a channel page with no article at all: every line is boilerplate.
- `paged_feature`: English navigation, an editor's note over the text (a label alone on its line is
  boilerplate, the note's text is body), photo captions and credits between paragraphs, full- and
  half-width punctuation mixed, the article split over pages (`上一页 1 2 下一页`).
- `runon_meta`: the date and source line, or an inline credit, run into the first paragraph's line
  (the line is mostly text: body).
Each builder draws only from its own `rng`, so the older kinds' pages stay byte for byte.
"""
from __future__ import annotations

import random

from tests import web_pages_furniture as furniture
from tests import web_pages_site_furniture as site
from tests.scrambler import _reporters
from tests.web_pages import GoldPage


def _date(rng: random.Random) -> tuple[str, str]:
    """(YYYY-MM-DD hh:mm, Y年M月D日) of one publication day."""
    month, day, hour, minute = rng.randint(1, 9), rng.randint(10, 28), rng.randint(8, 18), rng.randint(10, 59)
    return f"2025-0{month}-{day} {hour}:{minute}", f"2025年{month}月{day}日"


def _mixed_punctuation(paragraph: str, rng: random.Random) -> str:
    """Some sites type half-width punctuation in Chinese text, inconsistently."""
    if rng.random() >= 0.5:
        return paragraph
    return paragraph.replace("，", ", ", rng.randint(1, 4)).replace("：", ":").replace("（", "(").replace("）", ")")


def _menu(page: GoldPage, rng: random.Random, items: list[str]) -> None:
    if rng.random() < 0.5:
        for item in items:
            page.add(f"  * {item}")
    else:
        page.add(" ".join(items))


def _headline_list(page: GoldPage, rng: random.Random, count: int, with_site: bool = True) -> None:
    """Other stories' headlines in one style, as related lists, carousels and channel pages give them."""
    style, dates = rng.choice(site.RELATED_STYLES), rng.choice(site.DATES)
    for n, title in enumerate(rng.sample(site.OTHER_HEADLINES, count), 1):
        date = dates.format(n=n % 10)
        page.add(style.format(t=title, d=date, n=n, site=rng.choice(furniture.SITES) if with_site else ""))


def _credits(rng: random.Random, article: tuple) -> tuple[list[str], list[str]]:
    """The article's reporters, and the names a metadata line must credit (none when the text names them)."""
    names = rng.sample(furniture.NAMES, rng.randint(1, 2))
    reporters = _reporters("", article[4][0])
    return (reporters, []) if reporters else (names, names)


def gov_notice(rng: random.Random, article: tuple) -> tuple[list[str], dict]:
    """A notice of a government office; the body paragraphs come from `article`."""
    paragraphs = article[4][1:] if len(article[4]) > 2 else article[4]
    office, topic = rng.choice(site.OFFICES), rng.choice(site.NOTICE_TOPICS)
    headline = rng.choice(site.NOTICE_KINDS).format(topic)
    code, (stamp, day) = f"东政办发〔2025〕{rng.randint(2, 60)}号", _date(rng)
    page = GoldPage()
    _menu(page, rng, site.GOV_MENU)
    if rng.random() < 0.5:
        page.add(rng.choice(site.ENGLISH_MENU))
    page.add(rng.choice(site.GOV_CRUMBS))
    index_first = rng.random() < 0.5  # the index table stands above the title or under it
    index = [line.format(n=rng.randint(10, 99), office=office, code=code) for line in site.INDEX_LINES]
    if index_first:
        for line in index:
            page.add(line)
    entry = page.article(0, headline, [])
    page.add(rng.choice(["# ", "", "## "]) + headline, "headline", entry)
    page.add(rng.choice([f"发布时间：{stamp} 来源：{office} 浏览次数：{rng.randint(100, 9999)}",
                         f"时间：{stamp[:10]}  来源：{office}", f"{stamp[:10]} 来源：{office} 【字体：大 中 小】"]))
    if not index_first:
        for line in index:
            page.add(line)
    elif rng.random() < 0.5:
        page.add(code)
    page.add(rng.choice(site.ADDRESSEES), "body", entry)
    sections = rng.random() < 0.5
    for k, paragraph in enumerate(paragraphs):
        if sections and k < len(site.SECTION_HEADS):
            page.add(site.SECTION_HEADS[k], "body", entry)
        page.add(paragraph, "body", entry)
    attachments = rng.sample(site.ATTACHMENTS, 2) if rng.random() < 0.6 else []
    for k, name in enumerate(attachments, 1):
        page.add(f"{'附件：' if k == 1 else '　　'}{k}．{topic}{name}", "body", entry)
    page.add(office, "body", entry)  # the signature closes the notice: part of its text
    page.add(day, "body", entry)
    if rng.random() < 0.3:
        page.add("（此件公开发布）", "body", entry)
    for widget in rng.sample(site.GOV_WIDGETS, 2):
        page.add(widget)
    if attachments and rng.random() < 0.5:
        page.add("相关附件：")
        for k, name in enumerate(attachments, 1):
            page.add(f"[附件{k}．{topic}{name}.docx](/files/2025/{k}.docx)")
    if rng.random() < 0.5:
        page.add(rng.choice(["相关文件", "## 相关链接"]))
        _headline_list(page, rng, rng.randint(2, 4), with_site=False)
    for line in rng.choice(site.GOV_FOOTERS):
        page.add(line)
    return page.lines, page.gold("gov_notice")


def wechat_article(rng: random.Random, article: tuple) -> tuple[list[str], dict]:
    """A WeChat article as a crawler dumps it, with the reader's UI strings after it."""
    _, headline, _, byline, paragraphs = article
    account, (stamp, day) = rng.choice(furniture.SITES), _date(rng)
    page = GoldPage()
    wrapped = rng.random() < 0.5
    if wrapped:
        page.add("<main-content>")
    reporters, credited = _credits(rng, article)
    entry = page.article(0, headline, reporters)
    page.add(rng.choice(["# {} ", "{}", "# {}"]).format(headline), "headline", entry)
    if rng.random() < 0.7:
        page.add(rng.choice(site.ACCOUNT_LINES).format(name=rng.choice(furniture.NAMES), site=account))
    page.add(rng.choice(site.WECHAT_DATES).format(date=day.replace("年0", "年"), time=stamp[-5:],
                                                  place=rng.choice(site.PLACES)))
    if rng.random() < 0.5:
        page.add(rng.choice(site.FOLLOW).format(site=account))
    images = iter(range(1, 20))
    if rng.random() < 0.5:
        page.add(rng.choice(site.WECHAT_IMAGES).format(n=next(images)))
    sections = rng.random() < 0.4 and len(paragraphs) >= 4
    ordinals = rng.choice([["**1**", "**2**"], ["一", "二"], ["01", "02"]])
    heads = iter(rng.sample(furniture.SUBHEADS, 2))
    for k, paragraph in enumerate(paragraphs):
        if sections and k in (1, 3):
            page.add(ordinals[k // 2], "body", entry)  # section numbering of the text stays in it
            if rng.random() < 0.5:
                page.add("* * *")
            page.add(f"**{next(heads)}**", "body", entry)
        elif k and rng.random() < 0.3:
            page.add(rng.choice(site.WECHAT_IMAGES).format(n=next(images)))
            if rng.random() < 0.5:
                page.add(rng.choice(site.PHOTO_CAPTIONS).format(place=rng.choice(site.CAPTION_PLACES),
                                                               name=rng.choice(furniture.NAMES), site=account))
        page.add(paragraph, "body", entry)
    if rng.random() < 0.3:
        page.add(rng.choice(site.END_MARKS))
    if credited:
        page.add(f"来源：{account}记者：{' '.join(credited)}")
    for line in rng.sample(site.EDITOR_LINES, rng.randint(1, 3)):
        a, b = rng.sample(furniture.NAMES, 2)
        page.add(line.format(a=a, b=b, site=account, office=rng.choice(site.OFFICES)))
    if rng.random() < 0.5:
        page.add(rng.choice(site.PAST_LABELS))
        _headline_list(page, rng, 3, with_site=False)
    for group in rng.sample(site.WECHAT_UI, rng.randint(1, 2)):
        for line in group:
            page.add(line.format(site=account))
    if wrapped:
        page.add("</main-content>")
    return page.lines, page.gold("wechat_article")


def portal_article(rng: random.Random, article: tuple) -> tuple[list[str], dict]:
    """A portal's article page between carousels and long lists of other headlines."""
    _, headline, _, _, paragraphs = article
    page = GoldPage()
    for menu in rng.sample(furniture.MENUS, 2):
        for line in menu:
            page.add(line)
    if rng.random() < 0.5:  # a headline carousel above the article's own head
        _headline_list(page, rng, rng.randint(3, 5))
    reporters, credited = _credits(rng, article)
    entry = page.article(0, headline, reporters)
    page.add(rng.choice(["# ", "", "### "]) + headline, "headline", entry)
    stamp, _ = _date(rng)
    credit = f" 作者：{' '.join(credited)}" if credited else ""
    page.add(f"{stamp} 来源：{rng.choice(furniture.SITES)}{credit}")
    for paragraph in paragraphs:
        page.add(paragraph, "body", entry)
    if rng.random() < 0.4:
        page.add(rng.choice(["关键词：", "标签："]) + " ".join(rng.sample(["创新", "民生", "产业", "乡村振兴"], 2)))
    if rng.random() < 0.5:
        page.add(rng.choice(furniture.RELATED))
    _headline_list(page, rng, rng.randint(6, 12))  # often no label: the list follows the text directly
    if rng.random() < 0.5:
        page.add(rng.choice(site.RANK_LABELS))
        for n, title in enumerate(rng.sample(site.OTHER_HEADLINES, 5), 1):
            page.add(f"{n} {title}")
    for line in rng.choice(furniture.FOOTERS):
        page.add(line)
    return page.lines, page.gold("portal_article")


def list_page(rng: random.Random, article: tuple) -> tuple[list[str], dict]:
    """A channel page listing headlines and teasers, with no article on it."""
    page = GoldPage()
    _menu(page, rng, site.GOV_MENU if rng.random() < 0.5 else [m[2:] for m in furniture.MENUS[1]])
    if rng.random() < 0.4:
        page.add(rng.choice(site.ENGLISH_MENU))
    channel = rng.choice(site.CHANNELS)
    page.add(rng.choice(["## {}", "{}", "#### {}"]).format(channel))
    page.add(f"当前位置：首页 > {channel}")
    _headline_list(page, rng, rng.randint(8, 16))
    if rng.random() < 0.6:  # a teaser box: the start of some story, cut short
        paragraph = article[4][rng.randrange(len(article[4]))]
        page.add(rng.choice(site.TEASERS).format(text=paragraph[:rng.randint(24, 40)]))
    page.add(rng.choice(site.PAGER))
    for line in rng.choice(furniture.FOOTERS):
        page.add(line)
    return page.lines, page.gold("list_page")


def paged_feature(rng: random.Random, article: tuple) -> tuple[list[str], dict]:
    """A feature's first page: editor's note, captions and credits, mixed punctuation, a pager."""
    _, headline, subtitle, byline, paragraphs = article
    page = GoldPage()
    page.add(rng.choice(site.ENGLISH_MENU))
    for line in rng.choice(furniture.MENUS):
        page.add(line)
    reporters, credited = _credits(rng, article)
    entry = page.article(0, headline, reporters)
    page.add("# " + headline, "headline", entry)
    if subtitle:
        page.add("## " + subtitle, "headline", entry)
    stamp, _ = _date(rng)
    page.add(f"{stamp}  来源：{rng.choice(furniture.SITES)}" + (f"  作者：{' '.join(credited)}" if credited else ""))
    if rng.random() < 0.6:
        note = rng.choice(site.EDITOR_NOTES).format(head=headline)
        if rng.random() < 0.5:  # the label alone on its line, the note's text under it
            page.add(rng.choice(site.NOTE_LABELS))
            note = note.split("】", 1)[-1].split("：", 1)[-1]
        page.add(note, "body", entry)
    for k, paragraph in enumerate(paragraphs):
        if k and rng.random() < 0.4:
            page.add(furniture.IMAGE.format(rng.randint(10, 99)))
            page.add(rng.choice(site.PHOTO_CAPTIONS).format(place=rng.choice(site.CAPTION_PLACES),
                                                           name=rng.choice(furniture.NAMES),
                                                           site=rng.choice(furniture.SITES)))
        page.add(_mixed_punctuation(paragraph, rng), "body", entry)
    entry["complete"] = False  # page 1 of 2: the rest of the feature is on the next page
    page.add(rng.choice(site.PAGER[:4]))
    page.add(f"责任编辑：{rng.choice(furniture.NAMES)}")
    for line in rng.choice(furniture.FOOTERS):
        page.add(line)
    return page.lines, page.gold("paged_feature")


def runon_meta(rng: random.Random, article: tuple) -> tuple[list[str], dict]:
    """The metadata line or an inline credit runs into the first paragraph's line."""
    _, headline, _, _, paragraphs = article
    page = GoldPage()
    for line in rng.choice(furniture.MENUS):
        page.add(line)
    reporters, credited = _credits(rng, article)
    entry = page.article(0, headline, reporters)
    page.add(rng.choice(["# ", "", "## "]) + headline, "headline", entry)
    stamp, _ = _date(rng)
    source = rng.choice(furniture.SITES)
    prefix = rng.choice([f"{stamp} 来源：{source} ", f"来源：{source} {stamp}  ", f"**{' '.join([source, *credited])}** "])
    page.add(prefix + paragraphs[0], "body", entry)
    for paragraph in paragraphs[1:]:
        page.add(paragraph, "body", entry)
    if credited:
        page.add(f"作者：{' '.join(credited)}")
    page.add(f"责任编辑：{rng.choice(furniture.NAMES)}")
    for line in rng.choice(furniture.FOOTERS):
        page.add(line)
    return page.lines, page.gold("runon_meta")


SITE_KINDS = {"gov_notice": gov_notice, "wechat_article": wechat_article, "portal_article": portal_article,
              "list_page": list_page, "paged_feature": paged_feature, "runon_meta": runon_meta}
