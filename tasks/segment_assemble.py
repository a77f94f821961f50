"""Article assembly: one article from its root block and reading order, with final line roles.

Heads become kicker / headline / subtitle, bylines give reporters, body lines are joined where
a continuation link carries a sentence across a break (dropping a character doubled at the join),
and the dateline is read on the repaired first paragraph.
"""
from __future__ import annotations

import re
from functools import lru_cache

from tasks.records import Article, CleanLine
from tasks.schema import (
    ACTION_JOINED, ACTION_KEPT, ACTION_NORMALIZED, ROLE_BODY, ROLE_BYLINE, ROLE_HEADLINE, ROLE_KICKER,
    ROLE_SUBHEAD, ROLE_SUBTITLE,
)
from tasks.segment_articles import quality_flags
from tasks.segment_heads import (
    has_surname, is_subtitle_text, lexicon, parse_byline, parse_continuation, parse_dateline, split_head_line,
)
from tasks.segment_joins import doubled_overlap, mid_start, open_end
from tasks.segment_blocks import Block
from tasks.segment_layout import heading_level

FLAG_DOUBLED = "doubled_char_at_join"


def assemble_article(ordinal: int, block: Block, order: list[int], content: list[CleanLine], texts: list[str],
              links: dict[int, int], linked_in: dict[int, int], is_subhead: list[bool],
              notes: frozenset[int] = frozenset()) -> Article:
    """Article `ordinal` from `block` (its heads and bylines) and its body lines in reading `order`;
    `notes`: content indexes of editor's notes (the dateline is read under a note opening the text).

    Sets every used line's final role, action, reason and article ordinal in `content`.
    """
    article = Article(ordinal=ordinal, headline="", paragraphs=[], source_lines=[])
    _assign_heads(article, block, content)
    for i in block.bylines:
        content[i].role = ROLE_BYLINE
        article.reporters += parse_byline(content[i].text, names_only_ok=True) or []
    article.continued_from_page = block.from_page
    previous = None
    for i in order:
        line, text = content[i], texts[i]
        marker = parse_continuation(line.text)
        if marker:
            article.continued_from_page = article.continued_from_page or marker.from_page
            article.continued_to_page = article.continued_to_page or marker.to_page
        line.role = ROLE_SUBHEAD if is_subhead[i] else ROLE_BODY
        line.action = ACTION_NORMALIZED if (line.rule_hits or marker) else ACTION_KEPT
        if linked_in.get(i) == previous and previous is not None and article.paragraphs:
            doubled = doubled_overlap(texts[previous], text)
            line.action, line.reason = ACTION_JOINED, f"continues line {content[previous].line_no}"
            if doubled:
                line.reason += f"; dropped doubled {text[:doubled]!r} at the join"
                line.ocr_flags = tuple(line.ocr_flags) + (FLAG_DOUBLED,)
                text = text[doubled:]
            article.paragraphs[-1] += text
            article.joins.append((content[previous].line_no, line.line_no))
        elif text:
            article.paragraphs.append(text)
        previous = i
    # read the dateline on the repaired first paragraph: a column break may cut `本报讯(记者 …)`
    first = 1 if order and order[0] in notes and len(article.paragraphs) > 1 else 0
    dateline = parse_dateline(article.paragraphs[first]) if article.paragraphs else None
    if dateline and not article.reporters:
        article.reporters, article.dateline_source = dateline.reporters, dateline.source
    elif dateline:
        article.dateline_source = dateline.source
    heads = [i for i in block.head] + list(block.bylines)
    article.source_lines = [content[i].line_no for i in heads + order]
    for i in heads + order:
        content[i].article_ordinal = ordinal
        if content[i].action == ACTION_KEPT and content[i].rule_hits:
            content[i].action = ACTION_NORMALIZED
    article.is_complete = _is_complete(article, order, texts, links, linked_in)
    article.quality_flags = quality_flags(article, [content[i] for i in heads + order])
    return article


def _assign_heads(article: Article, block: Block, content: list[CleanLine]) -> None:
    texts = [without_bullet(content[i].text) for i in block.head]
    roles = [ROLE_HEADLINE] * len(texts)
    if len(texts) == 1:
        kicker, headline, subtitle = split_head_line(texts[0])
        article.kicker, article.headline, article.subtitle = kicker, headline, subtitle
    elif len(texts) == 2 and _wrapped_title(texts, [heading_level(content[i]) for i in block.head]):
        article.headline = texts[0] + texts[1]
    elif texts:
        main = _main_title(texts, [heading_level(content[i]) for i in block.head])
        roles = [ROLE_KICKER if k < main else ROLE_HEADLINE if k == main else ROLE_SUBTITLE for k in range(len(texts))]
        article.headline = split_head_line(texts[main])[1]
        article.kicker = " ".join(texts[:main]) or split_head_line(texts[main])[0]
        article.subtitle = " ".join(texts[main + 1:]) or split_head_line(texts[main])[2]
    for i, role in zip(block.head, roles):
        content[i].role, content[i].action = role, ACTION_NORMALIZED if content[i].rule_hits else ACTION_KEPT


def without_bullet(text: str) -> str:
    """A head line without the bullet that sets it off in a column of items (`◆标题`, `■ 标题`)."""
    return text.strip().lstrip(_bullets()).strip() or text.strip()


@lru_cache(maxsize=1)
def _bullets() -> str:
    return "".join(b for b in lexicon()["byline_bullets"] if b != "·")  # `·` joins words, it sets nothing off


def _wrapped_title(texts: list[str], levels: list[int | None]) -> bool:
    """Two head lines that are one title wrapped before a name: the top line ends on a person's
    office (`天津市人大财政经济委员会主任委员`), the next opens with a 2-3 character name and goes on
    (`王洪海接受纪律审查和监察调查`). A 引题 is a clause (`…建议`), not a bare office."""
    top, bottom = texts
    if len(set(lv for lv in levels if lv)) > 1 or re.search(r"[\s，,。；;：:！!？?]", top) or len(bottom) < 4:
        return False
    office = next((o for o in _wrap_offices() if top.endswith(o)), None)
    return bool(office) and len(top) > len(office) and has_surname(bottom) and not is_subtitle_text(bottom)


@lru_cache(maxsize=1)
def _wrap_offices() -> tuple[str, ...]:
    """Offices a wrapped title's top line may end on, longest first (a longer office wins)."""
    lex = lexicon()
    return tuple(sorted({*lex["person_titles"], *lex.get("head_wrap_titles", ())}, key=len, reverse=True))


def _main_title(texts: list[str], levels: list[int | None]) -> int:
    """Which of 2-3 stacked head lines is the main title (引题 above it, 副题 below it).

    Evidence in order: markup levels (the one heading-marked line, or the highest level), a
    dash-led 副题 (the title is the line above it); else the second line: a 副题 is set off by a
    dash, so of two plain lines the top one is the 引题, however long (a long event line over a
    short slogan is still 引题 + 主题), and of three the middle one is the title.
    """
    marked = [lv for lv in levels if lv]
    if len(set(marked)) > 1 or len(marked) == 1:
        return levels.index(min(marked))
    dashed = [k for k, t in enumerate(texts) if is_subtitle_text(t)]
    if dashed and dashed[0] > 0:
        return dashed[0] - 1
    return 1


def _is_complete(article: Article, order: list[int], texts: list[str], links: dict[int, int], linked_in: dict[int, int]) -> bool:
    if not article.headline or article.continued_from_page or article.continued_to_page or not order:
        return False
    first, last = order[0], order[-1]
    return not (mid_start(texts[first]) > 0 and first not in linked_in) and not (open_end(texts[last]) and last not in links)
