"""Cut lines taken for titles: the first piece of a paragraph that layout read as a lone head.

A page read out of column order cuts paragraphs wherever a column ends. When the first piece of a
sentence that runs long without a comma stands alone (`市园林局将在全市公园增设`), it is short and
unpunctuated like a title, and the join that would carry it on to its continuation is never tried.
A true title and such a cut piece differ in what surrounds them, so the decision weighs page
evidence, not the line's form alone (segment_fragments reads the form):

- text under it: a title names what the text under it is about, so it shares terms with that text;
  a cut piece shares them with the article it was cut from, which stands elsewhere. Evidence: the
  line is closer (character-bigram TF-IDF cosine) to some other block than to the lines under it.
- its end: a cut piece stops where the column stopped, often inside a word. Evidence: the line
  ends on a one-character word (jieba's cut; titles end on whole words: `…正式开园`), or a line
  elsewhere on the page opens with what completes its last word (segment_wordlm.span_llr).

A lone head line with nothing announcing its text (segment_demote.unannounced_head: no byline,
dateline, markup, kicker or 副题) is given back to the body when both kinds of evidence hold.

A cut piece may also stand over its own continuation: the first line of a paragraph read as a title
(`社区食堂的座位将有一半` over `留给独居老人，…`). The cohesion test cannot fire there, but the
piece reads on into the line under it, as no title does, when
- a word spans the break into that line (segment_wordlm.span_llr at least READS_ON_SPAN_LLR), or
- it ends on a word that needs what follows: a preposition, a conjunction, 的/地/得/着, or a numeral
  or measure word without its noun (jieba's dictionary tags; `dangling_end`), or
- the line under it cannot open a sentence (`opens_inside_clause`): a cut on a whole word
  (`…工作人员王志刚告诉` over `记者，近年来…`) leaves neither side a broken word, but the text under it
  opens on the rest of a clause, not on one of its own,
and it shares few terms with the text under it (below NAMES_TEXT_UNDER: a title names its text).
"""
from __future__ import annotations

import re
from typing import Callable

import numpy as np

from tasks.records import CleanLine
from tasks.segment_blocks import Block
from tasks.segment_demote import unannounced_head
from tasks.segment_joins import open_end
from tasks.segment_vectors import LineTerms, cosines, normalized, row_cosines
from tasks.segment_wordlm import completes_any, span_llr
from tasks.segment_clauses import opens_inside_clause
from tasks.tokenize import dictionary_words_tagged, tokenize

UNDER_LINES_READ = 3  # body lines under the head it is compared with
COMPLETED_SPAN_LLR = 3.0  # span_llr across the break from which a line elsewhere completes the last word
READS_ON_SPAN_LLR = 1.0  # span_llr into the single line under the head from which a word spans the break
NAMES_TEXT_UNDER = 0.1  # cosine with the text under it from which a head names that text (titles measured .13-.40)
# jieba tags of words a sentence cannot stop on: preposition, conjunction, 的 地 得 着, numeral, measure word
# (了 and 过 are left out: `春天来了` is a title)
DANGLING_TAGS = frozenset({"p", "c", "uj", "uv", "ud", "uz", "m", "q"})
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _dangling_words() -> frozenset[str]:
    return dictionary_words_tagged(DANGLING_TAGS)


def dangling_end(text: str) -> bool:
    """The line's last word (jieba's cut) needs what follows it: a title never stops on a preposition,
    a conjunction, a structural particle or a number without its noun (`…将有一半`, `…经营一家`)."""
    words = tokenize(text.strip())
    return bool(words) and words[-1] in _dangling_words()


def reads_on_below(head: str, under: str, shared: float) -> bool:
    """The head line is the first piece of the paragraph under it: it reads on into `under` (a word
    spans the break, or its last word needs what follows) and names little of the text under it
    (`shared`: its cosine with that text)."""
    if shared >= NAMES_TEXT_UNDER or not open_end(head):
        return False
    return dangling_end(head) or span_llr(head, under) >= READS_ON_SPAN_LLR or opens_inside_clause(under)


def ends_on_single_character(text: str) -> bool:
    """The line's last word (jieba's cut) is one Chinese character: the column stopped inside a word
    or right after a function word, where a title ends on a whole word."""
    words = tokenize(text.strip())
    return bool(words) and len(words[-1]) == 1 and bool(_CJK_CHAR.match(words[-1]))


def completed_elsewhere(text: str, others: list[str], threshold: float = COMPLETED_SPAN_LLR) -> bool:
    """Some line of the page opens with what completes the line's last word (`…推` + `进…`)."""
    return completes_any(text, others, threshold)


def cut_end(text: str, others: list[str]) -> bool:
    """Evidence from its end that an open line was cut at a column break, not written as a title."""
    return open_end(text) and (ends_on_single_character(text) or completed_elsewhere(text, others))


def closer_elsewhere(head: np.ndarray, under: float) -> bool:
    """The head line shares more terms with some other block (`head`: its cosines with every other
    block) than with the text under it: it names none of what it would head."""
    return head.size > 0 and float(head.max()) > under


def demote_cut_heads(blocks: list[Block], content: list[CleanLine], texts: list[str],
                     terms: Callable[[], LineTerms] | None = None) -> list[Block]:
    """Blocks whose lone unannounced head reads as a cut piece of another article's paragraph, or of
    the paragraph under it, with that head turned into the block's first body line (paragraph repair
    then joins it on).

    `terms`: returns LineTerms(texts) (the caller may share one per page with paragraph repair)."""
    weak = [k for k, block in enumerate(blocks) if unannounced_head(block, content, texts)
            and open_end(texts[block.head[0]])]
    if not weak:
        return blocks
    page_terms = terms() if terms is not None else LineTerms(texts)
    idf = page_terms.idf(page_terms.matrix)
    whole = normalized(page_terms.groups([block.head + block.bylines + block.body for block in blocks]), idf)
    probes = normalized(page_terms.groups([blocks[k].head for k in weak]), idf)
    under = normalized(page_terms.groups([blocks[k].body[:UNDER_LINES_READ] for k in weak]), idf)
    similar, own = cosines(probes, whole), row_cosines(probes, under)
    for row, k in enumerate(weak):
        block = blocks[k]
        if reads_on_below(texts[block.head[0]], texts[block.body[0]], float(own[row])):
            block.body[:0], block.head = block.head, []
    # the page is read for a completing line only where the cohesion test has passed (cheap first)
    elsewhere = [k for row, k in enumerate(weak) if blocks[k].head
                 and closer_elsewhere(np.delete(similar[row], k), float(own[row]))]
    if not elsewhere:
        return blocks
    heads = {x for block in blocks for x in block.head}
    others = [texts[x] for x in range(len(texts)) if x not in heads]
    for k in elsewhere:
        block = blocks[k]
        if cut_end(texts[block.head[0]], others):
            block.body[:0], block.head = block.head, []
    return blocks
