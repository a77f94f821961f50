"""Article segmentation: cut a cleaned document into whole articles in reading order.

The steps: block kinds and layout blocks in file order (segment_layout), continuation links
across column breaks (segment_links), then articles assembled here with final line roles,
actions and reasons. One path for OCR pages, markdown features and web pages.
"""
from __future__ import annotations

import logging
from dataclasses import replace

from tasks.records import Article, CleanLine, Segmentation, SourceDocument
from tasks.schema import (
    ACTION_DROPPED, ACTION_JOINED, ACTION_KEPT, ACTION_NORMALIZED, MARKUP_EMPHASIS, MARKUP_HEADING,
    ROLE_BODY, ROLE_BYLINE, ROLE_CONTENT, ROLE_CONTINUATION, ROLE_FURNITURE, ROLE_HEADLINE,
    ROLE_KICKER, ROLE_SUBHEAD, ROLE_SUBTITLE,
)
from tasks.segment_adopt import adopt_bodies
from tasks.segment_demote import demote_fragment_heads
from tasks.segment_orphans import reassign_orphans
from tasks.segment_assign import column_evidence, relabel_units
from tasks.segment_articles import attach_metadata, quality_flags
from tasks.segment_heads import is_kicker_text, is_subtitle_text, parse_byline, parse_continuation, parse_dateline, split_head_line
from tasks.segment_joins import doubled_overlap, mid_start, open_end
from tasks.segment_layout import KIND_MARKER, Block, heading_level, is_emphasis_line, layout_blocks, line_kinds
from tasks.segment_links import body_text, choose_links, subhead_flags
from tasks.segment_ngram import CharModel

log = logging.getLogger(__name__)
FLAG_DOUBLED = "doubled_char_at_join"
MAX_RELABEL_LINES = 1500  # body lines up to which runs are relabelled globally (quadratic in paragraphs)
# Global relabelling of paragraph runs (tasks/segment_assign.py, Viterbi over a language-model
# ratio) runs only where the page shows it was read out of column order (column_evidence: share
# of body lines ending mid-sentence, plus a join that skips lines). A tidy markdown feature has
# whole-paragraph lines and no far joins; moving its paragraphs costs more than it repairs (gold
# markdown B3 .947 -> .684 ungated); other pages get the one-pass move of single paragraphs.
RELABEL_RUNS = False  # True: relabel every page, whatever its column evidence (for measuring)
SCRAMBLED_THRESHOLD = 0.3  # column evidence from which paragraphs move as runs


def segment_document(doc: SourceDocument, lines: list[CleanLine]) -> Segmentation:
    """Articles of `doc` in order of first line, and every input line with its final role.

    Never raises: on an internal error every content line goes, in file order, into one
    incomplete article with the error as its lines' reason.
    """
    lines = sorted((replace(line) for line in lines), key=lambda line: line.line_no)
    try:
        return _segment(doc, lines)
    except Exception as error:  # noqa: BLE001 - a bad page must not stop the batch
        log.exception("segmentation failed for %s", doc.source_file)
        return _fallback(lines, f"segmentation error: {type(error).__name__}")


def _segment(doc: SourceDocument, lines: list[CleanLine]) -> Segmentation:
    content = [line for line in lines if line.role == ROLE_CONTENT]
    model = CharModel([line.text for line in content])  # the page's own n-gram statistics, built once
    kinds = line_kinds(content, doc.title, model=model)
    texts = [body_text(line.text) for line in content]
    blocks = demote_fragment_heads(layout_blocks(content, kinds, _from_markers(lines)), content, texts)
    marked = [heading_level(line) is not None or is_emphasis_line(line) for line in content]
    is_subhead = subhead_flags(texts, marked)
    # table rows (cells split by `|` in the source) never take part in sentence joins, even when
    # cleaning has turned the pipes into spaces
    link_texts = [text + " |" if "|" in line.raw else text for text, line in zip(texts, content)]
    links = choose_links(blocks, link_texts, is_subhead, model=model)
    linked_in = {b: a for a, b in links.items()}
    for i, kind in enumerate(kinds):
        if kind == KIND_MARKER:
            content[i].role, content[i].action = ROLE_CONTINUATION, ACTION_DROPPED
            content[i].reason = "continuation marker standing alone"
    roots = [b for b in blocks if b.head or b.bylines or (b.body and b.body[0] not in linked_in)]
    roots.sort(key=lambda b: min(b.head + b.bylines + b.body[:1]))
    orders = [_reading_order(block, blocks, links, linked_in) for block in roots]
    heads = [" ".join(texts[i] for i in block.head) for block in roots]
    orders = adopt_bodies(heads, orders, texts, links)
    anchored = frozenset(k for k, block in enumerate(roots) if block.from_page or
                         (block.body and parse_continuation(content[block.body[0]].text)))
    if (RELABEL_RUNS or column_evidence(orders, texts, links) >= SCRAMBLED_THRESHOLD) and sum(len(order) for order in orders) <= MAX_RELABEL_LINES:
        orders = relabel_units(heads, orders, texts, links, anchored=anchored)
    else:  # a very long document: the linear one-pass move of single paragraphs
        orders = reassign_orphans(heads, orders, texts, links, anchored=anchored)
    for block, order in zip(roots, orders):
        if order:
            linked_in.pop(order[0], None)  # an adopted run opens its article's first paragraph
    bylines = _place_bylines(blocks, roots, orders)
    articles = []
    for block, order, signed in zip(roots, orders, bylines):
        block = replace(block, bylines=signed)
        if not order:
            _mark_headless_body(block, content)
            continue
        article = _assemble(len(articles), block, order, content, texts, links, linked_in, is_subhead)
        if article.paragraphs:
            articles.append(article)
        else:  # only markers or blank text: no article may be published without text
            _mark_headless_body(block, content, [i for i in order])
    for line in content:
        if line.role == ROLE_CONTENT:
            line.role, line.action, line.reason = ROLE_FURNITURE, ACTION_DROPPED, "content line in no article"
    for line in lines:
        if line.role != ROLE_CONTENT and line.article_ordinal is None:
            line.action = ACTION_DROPPED
    attach_metadata(articles, lines)
    return Segmentation(articles=articles, lines=lines)


def _from_markers(lines: list[CleanLine]) -> dict[int, int]:
    """Content index -> page, for each bare `(上接第N版)` line outside the content (cleaning drops
    it as furniture) standing between that content line and the one before it."""
    found: dict[int, int] = {}
    pending, k = None, 0
    for line in lines:
        if line.role == ROLE_CONTENT:
            if pending:
                found[k] = pending
            pending, k = None, k + 1
            continue
        marker = parse_continuation(line.text)
        if marker and marker.from_page and not marker.text:
            pending = marker.from_page
    return found


def _place_bylines(blocks: list[Block], roots: list[Block], orders: list[list[int]]) -> list[list[int]]:
    """Byline lines per article. A byline under its head stays there; one that stands after body
    text signs the article that the nearest body line above it ended up in (paragraph repair and
    orphan moves may have taken that text away from the block the byline stands in)."""
    owner = {x: k for k, order in enumerate(orders) for x in order}
    root_of = {id(block): k for k, block in enumerate(roots)}
    placed: list[list[int]] = [[] for _ in roots]
    for block in blocks:
        for i in block.bylines:
            trailing = bool(block.body) and i > block.body[0]
            above = max((x for x in owner if x < i), default=None) if trailing else None
            if above is not None:
                placed[owner[above]].append(i)
            elif id(block) in root_of:
                placed[root_of[id(block)]].append(i)
    return [sorted(b) for b in placed]


def _mark_headless_body(block: Block, content: list[CleanLine], order: list[int] = ()) -> None:
    """A head or byline with no body text anywhere on the page is not an article: furniture."""
    for i in block.head + block.bylines + list(order):
        content[i].role, content[i].action, content[i].article_ordinal = ROLE_FURNITURE, ACTION_DROPPED, None
        content[i].reason = "head or byline without body text"


def _reading_order(root: Block, blocks: list[Block], links: dict[int, int], linked_in: dict[int, int]) -> list[int]:
    """Body lines of the article rooted at `root`: each line, then what continues it, then what follows it."""
    succ = {x: (b.body[k + 1] if k + 1 < len(b.body) else None) for b in blocks for k, x in enumerate(b.body)}
    order: list[int] = []
    stack = [root.body[0]] if root.body and root.body[0] not in linked_in else []
    while stack:
        x = stack.pop()
        order.append(x)
        nxt = succ.get(x)
        if nxt is not None and nxt not in linked_in:
            stack.append(nxt)
        if x in links:
            stack.append(links[x])  # popped first: the continuation comes before what stands below
    return order


def _assemble(ordinal: int, block: Block, order: list[int], content: list[CleanLine], texts: list[str],
              links: dict[int, int], linked_in: dict[int, int], is_subhead: list[bool]) -> Article:
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
    dateline = parse_dateline(article.paragraphs[0]) if article.paragraphs else None
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
    texts = [content[i].text.strip() for i in block.head]
    roles = [ROLE_HEADLINE] * len(texts)
    if len(texts) == 1:
        kicker, headline, subtitle = split_head_line(texts[0])
        article.kicker, article.headline, article.subtitle = kicker, headline, subtitle
    elif texts:
        main = _main_title(texts, [heading_level(content[i]) for i in block.head])
        roles = [ROLE_KICKER if k < main else ROLE_HEADLINE if k == main else ROLE_SUBTITLE for k in range(len(texts))]
        article.headline = split_head_line(texts[main])[1]
        article.kicker = " ".join(texts[:main]) or split_head_line(texts[main])[0]
        article.subtitle = " ".join(texts[main + 1:]) or split_head_line(texts[main])[2]
    for i, role in zip(block.head, roles):
        content[i].role, content[i].action = role, ACTION_NORMALIZED if content[i].rule_hits else ACTION_KEPT


def _main_title(texts: list[str], levels: list[int | None]) -> int:
    """Which of 2-3 stacked head lines is the main title (引题 above it, 副题 below it).

    Evidence in order: markup levels, a dash-led 副题, a kicker ending; else a short line over
    a longer one reads as 引题 + 主题 and a long line over a shorter one as 主题 + 副题.
    """
    marked = [lv for lv in levels if lv]
    if len(set(marked)) > 1:
        return levels.index(min(marked))
    dashed = [k for k, t in enumerate(texts) if is_subtitle_text(t)]
    if dashed and dashed[0] > 0:
        return dashed[0] - 1
    if is_kicker_text(texts[0]) or len(texts) >= 3:
        return 1
    return 1 if len(texts[0]) <= len(texts[1]) else 0


def _is_complete(article: Article, order: list[int], texts: list[str], links: dict[int, int], linked_in: dict[int, int]) -> bool:
    if not article.headline or article.continued_from_page or article.continued_to_page or not order:
        return False
    first, last = order[0], order[-1]
    return not (mid_start(texts[first]) > 0 and first not in linked_in) and not (open_end(texts[last]) and last not in links)


def _fallback(lines: list[CleanLine], reason: str) -> Segmentation:
    content = [line for line in lines if line.role == ROLE_CONTENT]
    for line in lines:
        line.article_ordinal, line.action = None, ACTION_DROPPED
    if not content:
        return Segmentation(articles=[], lines=lines)
    for line in content:
        line.role, line.article_ordinal, line.action, line.reason = ROLE_BODY, 0, ACTION_KEPT, reason
    article = Article(ordinal=0, headline="", paragraphs=[line.text.strip() for line in content],
                      source_lines=[line.line_no for line in content], is_complete=False)
    return Segmentation(articles=[article], lines=lines)
