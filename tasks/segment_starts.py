"""Evidence that a line opens a sentence or a paragraph, so it is a poor continuation target.

A line standing far from its article often begins a paragraph of its own (`某某建议，…`,
`市某局负责人介绍，…`, `据…`, `下一步，…`, a quotation). Read as the continuation of a line left
open elsewhere it pulls a paragraph of another article in; this score lets the pair scorer in
tasks/segment_pairs.py hold such targets back. Vocabularies: tasks/data/segment_lexicon.yaml.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from tasks.segment_heads import ends_sentence, lexicon, parse_byline, parse_dateline
from tasks.segment_joins import mid_start
from tasks.tokenize import is_known_word

SECTION_HEAD_MAX = 60  # characters of a report's numbered section head (`(二)全力促进…新质生产力`)
# a section's enumerator: `(一)`, `（一）`, `一、`, `1.`, `1、` (not `1.5`)
_ENUMERATOR = re.compile(r"^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、](?!\d))")
_OPEN_CLAUSE_END = "，,、：:；;"
SPEAKER_MAX = 18  # characters before the speech verb that can still name a speaker
SUBJECT_MAX = 16  # characters of an open sentence without a comma that may still be naming its subject
_CLAUSE = re.compile(r"[。！？!?；;”]")
class _Subjects(NamedTuple):
    """Who may stand before a speech verb besides names and offices (tasks/data/segment_lexicon.yaml)."""

    pronoun_forms: frozenset[str]  # a pronoun alone or with an adverb: `她还`, `他们也`
    institution_suffixes: tuple[str, ...]  # `市体育局`


@lru_cache(maxsize=1)
def _subjects() -> _Subjects:
    lex = lexicon()
    forms = frozenset(p + a for p in lex["subject_pronouns"] for a in ["", *lex["subject_adverbs"]])
    return _Subjects(forms, tuple(lex["institution_suffixes"]))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, tuple[str, ...], tuple[str, ...]]:
    lex = lexicon()
    openers = "|".join(re.escape(o) for o in sorted(lex["paragraph_openers"], key=len, reverse=True))
    verbs = "|".join(re.escape(v) for v in sorted(lex["speech_verbs"], key=len, reverse=True))
    opener = re.compile(rf"^(?:{openers})")
    speaker = re.compile(rf"^([^，,。：:；;“”\s]{{2,{SPEAKER_MAX}}}?)(?:{verbs})[，,：:]")
    return opener, speaker, tuple(lex["surnames"]), tuple(lex["person_titles"])


@lru_cache(maxsize=1 << 14)
def sentence_start(text: str) -> float:
    """Evidence in [0, 1] that `text` begins a sentence: 1.0 for a named speaker or an office
    and its spokesman before a speech verb, 0.8 for a quotation opening, 0.6 for a paragraph opener."""
    text = text.strip()
    opener, speaker, surnames, titles = _patterns()
    said = speaker.match(text)
    if said:
        who = said.group(1)
        # an office and its title (`某局负责人`), or a name of three characters or more (`刘海燕`)
        office = any(t in who for t in titles)
        if office or (len(who) >= 3 and who.startswith(surnames)) or _other_subject(who, surnames):
            return 1.0
    if text.startswith("“"):
        return 0.8
    if opener.match(text):
        return 0.6
    return 0.0


def _other_subject(who: str, surnames: tuple[str, ...]) -> bool:
    """A two-character name that is no dictionary word (`钟敏`; `文化`, `方面` are words), a
    pronoun with an adverb, or a body of three characters or more named by its institution."""
    if len(who) == 2 and who.startswith(surnames) and not is_known_word(who):
        return True
    subjects = _subjects()
    if who in subjects.pronoun_forms:
        return True
    return len(who) >= 3 and who.endswith(subjects.institution_suffixes)


def expects_name(text: str) -> bool:
    """Line a ends where a name or a new clause may legitimately follow (a person title, a
    list comma, a colon, a sentence whose subject is still being named): a speaker opening the
    next line may then continue it."""
    return name_follows(text) or subject_open(text)


def name_follows(text: str) -> bool:
    """Line ends on a person title, a list comma or a colon: a name or a new clause comes next."""
    text = text.rstrip()
    return text.endswith(("、", "：", ":")) or text.endswith(_patterns()[3])


def subject_open(text: str) -> bool:
    """The open sentence has only begun: its subject may still be being named."""
    text = text.rstrip()
    # the open sentence has only begun (no comma since the last sentence end): its subject, an
    # office and a name (`市人大代表、某某大学` + `某学院教授某某建议，`), may still be being named
    clause = _CLAUSE.split(text)[-1]
    return 0 < len(clause) <= SUBJECT_MAX and not any(c in clause for c in "，,")


def indented(raw: str) -> bool:
    """The source line opens with an indent (two spaces or an ideographic space): on a page that
    indents, a paragraph starts there, and no column break cuts into it."""
    return raw.startswith(("  ", "\u3000", "\t"))


def section_head(text: str, next_indented: bool) -> bool:
    """A numbered section head of a report (`(二)全力促进…生产力`): an enumerator, no closing
    punctuation, and the next line opens an indented paragraph. Without the indent the line may
    be a numbered point cut by a column break."""
    text = text.strip()
    if not next_indented or len(text) > SECTION_HEAD_MAX or not _ENUMERATOR.match(text):
        return False
    return not ends_sentence(text) and not text.endswith(tuple(_OPEN_CLAUSE_END))


def bulleted(text: str) -> bool:
    """The line is set off by a bullet (`■ 产业升级按下快进键`, `◆标题`): on a printed page, a title's mark."""
    return text.strip()[:1] in _title_bullets()


@lru_cache(maxsize=1)
def _title_bullets() -> str:
    """The bullets that set off a title, as one string (asked for every line of a page, several times)."""
    return "".join(b for b in lexicon()["byline_bullets"] if b != "·")


def bullets_head_items(texts: list[str]) -> bool:
    """The page sets its items' titles off by bullets: a bulleted line stands over a byline or dateline
    (a column of briefs, `◆标题` over `本报讯…`). Elsewhere a bulleted line between paragraphs is a
    feature's subhead (小标题), a section head like a numbered one."""
    return any(bulleted(text) and not parse_byline(text) and (parse_dateline(nxt) or parse_byline(nxt, names_only_ok=True))
               for text, nxt in zip(texts, texts[1:]))


def standing_section_head(text: str, prev: str, nxt: str, bullet_sections: bool = False) -> bool:
    """A numbered section head standing whole between paragraphs on a page without indents
    (`一、总体要求` after a finished sentence, over a line that does not start mid-sentence): a head
    inside the text, neither a title of another article nor a numbered point a column break cut
    (`一、加强` + `的生态保护，…`). Dictionary words across the break are no evidence here: two
    characters make one too often by chance (`措施` + `为应对…` reads `施为`)."""
    text = text.strip()
    marked = _ENUMERATOR.match(text) or (bullet_sections and bulleted(text) and not parse_byline(text))
    if not prev or not nxt or len(text) > SECTION_HEAD_MAX or not marked:
        return False
    finished = ends_sentence(prev) or prev.endswith(("：", ":"))  # `通知如下：` announces the sections
    return (finished and not ends_sentence(text) and not text.endswith(tuple(_OPEN_CLAUSE_END))
            and not _INNER_PUNCTUATION.search(text) and mid_start(nxt) == 0)


_INNER_PUNCTUATION = re.compile(r"[，,。；;：:]")
_ITEM_NUMBER = re.compile(r"(?:^|[：:])\s*(\d{1,2})\s*[.．、](?!\d)")
_FULL_DATE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日$")
_BRACKET_NOTE = re.compile(r"^[（(][^（()）]{2,20}[）)]$")
_LEAD_IN = re.compile(r"^(?:各.{1,40}|.{2,40}，.{1,40})[：:]$")


def closing_line(text: str, prev: str, nxt: str) -> bool:
    """A whole line of a document's closing, never a title nor a piece of a cut sentence: the next
    item of a numbered list (`2．…` under `附件：1．…`), an office signing over a date alone on its
    line, that date, or a note in brackets under it (the closing of a notice)."""
    text = text.strip()
    item = _ITEM_NUMBER.match(text)  # the neighbours are read only where the line itself asks for them
    prev_item = _ITEM_NUMBER.search(prev) if item else None
    if item and prev_item and int(prev_item.group(1)) + 1 == int(item.group(1)):
        return True
    if _FULL_DATE.match(text.replace(" ", "")) or (_BRACKET_NOTE.match(text) and _FULL_DATE.match(prev.replace(" ", ""))):
        return True
    return not _INNER_PUNCTUATION.search(text) and bool(_FULL_DATE.match(nxt.replace(" ", "")))


def is_bare_ordinal(text: str) -> bool:
    """A section number alone on its line (`一`, `01`, `(2)`), or a time of day heading an entry of a
    live report (`10:30`, `【14:05】`): a whole line, no piece of a sentence."""
    text = text.strip()
    return bool(_BARE_ORDINAL.match(text) or _BARE_CLOCK_TIME.match(text))


_BARE_ORDINAL = re.compile(r"^[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．]?$")
_BARE_CLOCK_TIME = re.compile(r"^[【\[（(]?(?:[01]?\d|2[0-3])[:：][0-5]\d[】\]）)]?$")


def is_lead_in(text: str) -> bool:
    """A line addressing the readers before the text (`各区县人民政府，市政府各部门：`): it opens the
    text, it is no title; a kicker naming a speaker ends on a colon too, without a comma or 各."""
    return bool(_LEAD_IN.match(text.strip()))
