"""Background boxes: a box label over prose heads a box of the story above, not a list or a new story.

On a web page `相关链接` or `延伸阅读` heads a list of other stories' titles: boilerplate to the next
heading. On a printed page the same label heads a box of background paragraphs set after a story
(../shared/gold: the box's text reads with the story; its label is furniture). The two differ by
what stands under the label: a list's items are short title-like lines without sentence ends, often
links; a box holds prose, lines of text with clause marks that end sentences.

A box label the lexicons do not know (`◆知识点`) is found by its form: a word or two set off by a bullet
or brackets, no person's name (a bullet also sets off a commentary's signature, `□ 苏禾`), over prose
it names none of (a feature's subhead names its section: `◆ 截污管网铺到了家门口`).
"""
from __future__ import annotations

import re

from tasks.clean_lexicon import Lexicons
from tasks.clean_score import LineEvidence, Thresholds
from tasks.schema import REASON_BOX_LABEL, REASON_SECTION_LABEL, ROLE_FURNITURE
from tasks.normalize import han_bigrams
from tasks.segment_heads import has_surname

NAMED_PROSE_LINES = 2  # lines of prose under a label whose words a subhead would name

_SET_OFF = re.compile(r"^\s*(?:[■□◆◇●○▲△★☆▶►◎]\s*(?P<bulleted>\S.*?)|[【\[〔](?P<bracketed>[^】\]〕]+)[】\]〕])\s*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _is_prose(ln: LineEvidence) -> bool:
    """A line of running text (an anchor: long, sentence-like, few links), still open."""
    return ln.role is None and ln.anchor and not ln.is_link_line


def is_set_off_label(text: str, max_cjk: int) -> bool:
    """A word or two set off by a bullet or brackets, without punctuation or a person's name."""
    found = _SET_OFF.match(text)
    word = found and (found["bulleted"] or found["bracketed"]).strip()
    return (bool(word) and 2 <= len(word) <= max_cjk and all(_HAN.match(c) for c in word)
            and not has_surname(word))


def _names_none_of(label: str, prose: list[LineEvidence]) -> bool:
    return not han_bigrams(label) & han_bigrams("".join(ln.text for ln in prose))


def _closes_text(ln: LineEvidence) -> bool:
    """Text that ends a sentence: a story's last line, after which a box may stand."""
    return ln.role is None and ln.ends_sentence and ln.cjk > 0


def prose_box_labels(lines: list[LineEvidence], lex: Lexicons, th: Thresholds) -> list[int]:
    """Indexes of box labels right over a line of prose: a reading-list label that printed pages also
    use for a box (the furniture lexicon's labels); a known section label set off by a bullet or
    brackets (`■ 背景`) right after a story's closing sentence; an open set-off label naming none of
    the prose."""
    found = []
    for k in range(len(lines) - 1):
        ln, under = lines[k], lines[k + 1]
        if not _is_prose(under):
            continue
        set_off = is_set_off_label(ln.text, th.label_max_cjk)
        if ln.head_boilerplate and lex.furniture.search(ln.text):
            found.append(k)
        elif ln.reason == REASON_SECTION_LABEL and set_off and k > 0 and _closes_text(lines[k - 1]):
            found.append(k)
        elif ln.role is None and set_off and _names_none_of(ln.text, lines[k + 1:k + 1 + NAMED_PROSE_LINES]):
            found.append(k)
    return found


def mark_prose_boxes(lines: list[LineEvidence], lex: Lexicons, th: Thresholds) -> None:
    """A box label over prose is furniture and opens no boilerplate block: the box's text stays text."""
    for k in prose_box_labels(lines, lex, th):
        lines[k].decide(ROLE_FURNITURE, REASON_BOX_LABEL, 0.1)
        lines[k].head_boilerplate = False
