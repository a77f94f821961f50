"""Article segmentation: cut a cleaned document into whole articles in reading order.

The steps: block kinds and layout blocks in file order (segment_layout, segment_blocks), continuation links
across column breaks (segment_links), then articles assembled here with final line roles,
actions and reasons. One path for OCR pages, markdown features and web pages.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache

from tasks.records import Article, CleanLine, Segmentation, SourceDocument
from tasks.schema import (
    REASON_BOX_LABEL,
    ACTION_DROPPED,
    ACTION_KEPT,
    COLUMN_LABEL_REASONS,
    REASON_LABEL_IN_STACK,
    ROLE_BODY,
    ROLE_CONTENT,
    ROLE_CONTINUATION,
    ROLE_FURNITURE,
)
from tasks.segment_assemble import assemble_article
from tasks.segment_adopt import adopt_bodies
from tasks.segment_cutheads import demote_cut_heads
from tasks.segment_demote import demote_fragment_heads
from tasks.segment_items import promote_item_heads
from tasks.segment_sections import keep_section_heads
from tasks.segment_orphans import reassign_orphans
from tasks.segment_assign import column_evidence, relabel_units
from tasks.segment_articles import attach_metadata
from tasks.head_labels import is_column_label, stack_labels
from tasks.segment_heads import note_label_end, parse_continuation, parse_dateline
from tasks.segment_blocks import KIND_BODY, KIND_MARKER, Block, continued_from_page, layout_blocks
from tasks.segment_bylines import place_bylines
from tasks.segment_layout import heading_level, is_emphasis_line, label_announced, line_kinds
from tasks.segment_links import body_text, choose_links, subhead_flags
from tasks.segment_starts import closing_line, indented, is_bare_ordinal
from tasks.layout_wrap import with_wrap_links, wrapped_lines
from tasks.segment_ngram import CharModel
from tasks.segment_vectors import LineTerms

log = logging.getLogger(__name__)
MAX_RELABEL_LINES = 1500  # body lines up to which runs are relabelled globally (quadratic in paragraphs)
# Global relabelling of paragraph runs (tasks/segment_assign.py, Viterbi over a language-model
# ratio) runs only where the page shows it was read out of column order (column_evidence: share
# of body lines ending mid-sentence, plus a join that skips lines). A tidy markdown feature has
# whole-paragraph lines and no far joins; moving its paragraphs costs more than it repairs (gold
# markdown B3 .947 -> .684 ungated); other pages get the one-pass move of single paragraphs.
RELABEL_RUNS = False  # True: relabel every page, whatever its column evidence (for measuring)
SCRAMBLED_THRESHOLD = 0.15  # column evidence from which paragraphs move as runs


def segment_document(doc: SourceDocument, lines: list[CleanLine]) -> Segmentation:
    """Articles of `doc` in order of first line, and every input line with its final role.

    Never raises: on an internal error every content line goes, in file order, into one
    incomplete article with the error as its lines' reason.
    """
    lines = sorted(map(_shallow_copy, lines), key=lambda line: line.line_no)
    try:
        return _segment(doc, lines)
    except Exception as error:  # noqa: BLE001 - a bad page must not stop the batch
        log.exception("segmentation failed for %s", doc.source_file)
        return _fallback(lines, f"segmentation error: {type(error).__name__}")


def _shallow_copy(line: CleanLine) -> CleanLine:
    """A shallow copy of `line`, as copy(line) makes it, without the copy module's generic protocol (a
    page has hundreds of lines)."""
    clone = object.__new__(type(line))
    clone.__dict__.update(line.__dict__)
    return clone


def _segment(doc: SourceDocument, lines: list[CleanLine]) -> Segmentation:
    content = [line for line in lines if line.role == ROLE_CONTENT]
    model = CharModel([line.text for line in content])  # the page's own n-gram statistics, built once
    labelled = label_announced(content, _under_column_labels(lines))
    kinds = line_kinds(content, doc.title, model=model, labelled=labelled)
    wraps = wrapped_lines([(line.line_no, line.raw) for line in content])
    texts = [body_text(line.text) for line in content]
    terms = lru_cache(maxsize=1)(lambda: LineTerms(texts))  # the page's bigrams, built once if asked for
    notes = _editor_notes(lines)
    boxed = _boxed(lines, kinds, texts)
    blocks = layout_blocks(content, kinds, _from_markers(lines), notes, labelled)
    blocks = _without_section_labels(blocks, content, texts)
    runs_on = frozenset(k for k, wrap in enumerate(wraps) if wrap)
    blocks = demote_fragment_heads(blocks, content, texts, terms=terms, model=model, wrapped=runs_on)
    blocks = demote_cut_heads(blocks, content, texts, terms=terms)
    blocks = keep_section_heads(blocks, content, texts, terms=terms)
    blocks = promote_item_heads(blocks, content, texts, terms=terms)
    marked = [heading_level(line) is not None or is_emphasis_line(line) for line in content]
    is_subhead = subhead_flags(texts, marked, [indented(line.raw) for line in content])
    # whole lines by design (subheads, section numbers, a notice's attachment list and signature):
    # never a piece of a cut sentence
    whole = [sub or is_bare_ordinal(text)
             or closing_line(text, texts[k - 1] if k else "", texts[k + 1] if k + 1 < len(texts) else "")
             for k, (text, sub) in enumerate(zip(texts, is_subhead))]
    # table rows (cells split by `|` in the source) never take part in sentence joins, even when
    # cleaning has turned the pipes into spaces
    link_texts = [text + " |" if "|" in line.raw else text for text, line in zip(texts, content)]
    link_scores: dict[int, float] = {}
    links = choose_links(blocks, link_texts, whole, model=model, terms=terms, scores=link_scores)
    if any(wraps):  # a hard-wrapped page: its layout joins the lines of each paragraph
        joinable = {x for block in blocks for x in block.body if not whole[x] and "|" not in link_texts[x]}
        links = with_wrap_links(links, wraps, joinable)
    linked_in = {b: a for a, b in links.items()}
    for i, kind in enumerate(kinds):
        if kind == KIND_MARKER:
            content[i].role, content[i].action = ROLE_CONTINUATION, ACTION_DROPPED
            content[i].reason = "continuation marker standing alone"
    roots = [b for b in blocks if b.head or b.bylines or (b.body and b.body[0] not in linked_in)]
    roots.sort(key=lambda b: min(b.head + b.bylines + b.body[:1]))
    successors = _successors(blocks)
    orders = [_reading_order(block, successors, links, linked_in) for block in roots]
    heads = [" ".join(texts[i] for i in block.head) for block in roots]
    orders = adopt_bodies(heads, orders, texts, links)
    anchored = frozenset(k for k, block in enumerate(roots)
                         if continued_from_page(block, content[block.body[0]].text if block.body else ""))
    # a whole line is no column fragment: it says nothing about the reading order
    lines_read = [[x for x in order if not whole[x]] for order in orders]
    scrambled = RELABEL_RUNS or column_evidence(lines_read, texts, links) >= SCRAMBLED_THRESHOLD
    if scrambled and sum(len(order) for order in orders) <= MAX_RELABEL_LINES:
        orders = relabel_units(heads, orders, texts, links, anchored=anchored, link_scores=link_scores, boxed=boxed)
        links = _within_articles(links, orders)  # a weak join relabelling took apart is no join
        linked_in = {b: a for a, b in links.items()}
    else:  # a tidy page or a very long one: the linear one-pass move of single paragraphs
        moved = reassign_orphans(heads, orders, texts, links, anchored=anchored, boxed=boxed)
        orders = moved if scrambled else _moves_to_neighbour(orders, moved)
    for block, order in zip(roots, orders):
        if order:
            linked_in.pop(order[0], None)  # an adopted run opens its article's first paragraph
    bylines = place_bylines(blocks, roots, orders, content, texts, links)
    articles = []
    for block, order, signed in zip(roots, orders, bylines):
        block = replace(block, bylines=signed)
        if not order:
            _mark_headless_body(block, content)
            continue
        article = assemble_article(len(articles), block, order, content, texts, links, linked_in, is_subhead, notes)
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


def _without_section_labels(blocks: list[Block], content: list[CleanLine], texts: list[str]) -> list[Block]:
    """Blocks whose head stacks lost their section labels (`民生直通车` over or under the title,
    tasks/head_labels.py), which become furniture. Heads with markup were read by cleaning."""
    for block in blocks:
        if len(block.head) < 2 or any(heading_level(content[i]) or is_emphasis_line(content[i]) for i in block.head):
            continue
        labels = stack_labels([texts[i] for i in block.head])
        for i in (i for i, label in zip(block.head, labels) if label):
            content[i].role, content[i].action = ROLE_FURNITURE, ACTION_DROPPED
            content[i].reason = REASON_LABEL_IN_STACK
        block.head = [i for i, label in zip(block.head, labels) if not label]
    return blocks


def _within_articles(links: dict[int, int], orders: list[list[int]]) -> dict[int, int]:
    """The links whose two lines stand in the same article."""
    owner = {x: k for k, order in enumerate(orders) for x in order}
    return {a: b for a, b in links.items() if owner.get(a) == owner.get(b)}


def _moves_to_neighbour(before: list[list[int]], after: list[list[int]]) -> list[list[int]]:
    """`after` with every paragraph move undone that does not go to the article just before its own.

    On a page in reading order a paragraph stranded under the next piece's head belongs to the
    article above that head; one that would jump back over other articles' heads and text is read
    where it stands (its own article's text goes on around it)."""
    home = {x: a for a, order in enumerate(before) for x in order}
    now = {x: a for a, order in enumerate(after) for x in order}
    if all(home[x] - now[x] in (0, 1) for x in home):
        return after
    # own lines in their place, then paragraphs taken over from the next article (as moved)
    return [[x for x in order if home[x] - now[x] not in (0, 1) or now[x] == a]
            + [x for x in after[a] if home[x] == a + 1] for a, order in enumerate(before)]


def _editor_notes(lines: list[CleanLine]) -> frozenset[int]:
    """Content indexes of editor's notes: a line opening with a note label (`编者按：…`), or the
    first content line under a label that cleaning took out standing alone on its line."""
    found, label_above, k = set(), False, 0
    for line in lines:
        end = note_label_end(line.text)
        if line.role == ROLE_CONTENT:
            if label_above or (end is not None and end < len(line.text.strip())):
                found.add(k)
            label_above, k = False, k + 1
        elif end is not None and end >= len(line.text.strip()):
            label_above = True
    return frozenset(found)


def _boxed(lines: list[CleanLine], kinds: list[str], texts: list[str]) -> frozenset[int]:
    """Content indexes of a background box's text: the body lines under a box label that cleaning took
    out (REASON_BOX_LABEL), up to a head, byline or dateline. A box stands after its story and reads
    with it, whatever words it shares with other stories."""
    found, in_box, k = set(), False, 0
    for line in lines:
        if line.role == ROLE_CONTENT:
            in_box = in_box and kinds[k] == KIND_BODY and parse_dateline(texts[k]) is None
            if in_box:
                found.add(k)
            k += 1
        elif line.reason == REASON_BOX_LABEL:
            in_box = True
    return frozenset(found)


def _under_column_labels(lines: list[CleanLine]) -> frozenset[int]:
    """Content indexes of lines standing right under a column or section label that cleaning took out
    (COLUMN_LABEL_REASONS) and that reads as one on its own text: the label announces the title under it,
    as a byline announces text, when that line reads as one (segment_layout.label_announced)."""
    found, label_above, k = set(), False, 0
    for line in lines:
        if line.role == ROLE_CONTENT:
            if label_above:
                found.add(k)
            label_above, k = False, k + 1
        else:
            label_above = line.reason in COLUMN_LABEL_REASONS and is_column_label(line.text)
    return frozenset(found)


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


def _mark_headless_body(block: Block, content: list[CleanLine], order: list[int] = ()) -> None:
    """A head or byline with no body text anywhere on the page is not an article: furniture."""
    for i in block.head + block.bylines + list(order):
        content[i].role, content[i].action, content[i].article_ordinal = ROLE_FURNITURE, ACTION_DROPPED, None
        content[i].reason = "head or byline without body text"


def _successors(blocks: list[Block]) -> dict[int, int | None]:
    """Each body line -> the body line under it in its block (None for a block's last); built once per page."""
    return {x: (b.body[k + 1] if k + 1 < len(b.body) else None) for b in blocks for k, x in enumerate(b.body)}


def _reading_order(root: Block, succ: dict[int, int | None], links: dict[int, int],
                   linked_in: dict[int, int]) -> list[int]:
    """Body lines of the article rooted at `root`: each line, then what continues it, then what follows it
    (`succ`: _successors of the page's blocks)."""
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
