"""What one line alone says (line_evidence + local_verdict, its OCR flags), remembered across a run's documents.

Page furniture, bylines and labels recur across the documents of a run, and both are pure functions of the
raw line (or its text): short lines are measured once per process and handed out as fresh objects, so the
document pass (tasks/clean.py) may mark them freely.
"""
from __future__ import annotations

from functools import lru_cache

from tasks.clean_flags import line_flags
from tasks.clean_lexicon import Lexicons
from tasks.clean_score import LineEvidence, Thresholds, line_evidence, local_verdict

MEMO_MAX_CHARS = 200  # longer lines rarely recur; they are measured each time
MEMO_MAX_LINES = 1 << 14  # the memo is emptied when it reaches this size (flat memory)
_memo: dict[str, tuple] = {}
_memo_owner: list = [None, None]  # the (Lexicons, Thresholds) the memo was filled with


def _measured(line_no: int, raw: str, lex: Lexicons, th: Thresholds) -> LineEvidence:
    ln = line_evidence(line_no, raw)
    local_verdict(ln, lex, th)
    return ln


def local_line(line_no: int, raw: str, lex: Lexicons, th: Thresholds) -> LineEvidence:
    """line_evidence(line_no, raw) with local_verdict applied; a fresh object, from the memo when it can."""
    if len(raw) > MEMO_MAX_CHARS:
        return _measured(line_no, raw, lex, th)
    owner_lex, owner_th = _memo_owner
    if owner_lex is not lex or (owner_th is not th and owner_th != th) or len(_memo) >= MEMO_MAX_LINES:
        _memo.clear()
        _memo_owner[:] = [lex, th]
    fields = _memo.get(raw)
    if fields is None:
        ln = _measured(line_no, raw, lex, th)
        _memo[raw] = (ln.raw, ln.text, ln.rule_hits, ln.markup, ln.link_share, ln.cjk, ln.ends_sentence, ln.has_punct,
                      ln.is_byline, ln.role, ln.reason, ln.score, ln.meta, dict(ln.meta_fields), ln.anchor,
                      ln.head_boilerplate)
        return ln
    *head, meta_fields, anchor, head_boilerplate = fields
    return LineEvidence(line_no, *head, dict(meta_fields), anchor, head_boilerplate, {})


def clear_memo() -> None:
    """Forget every remembered line (tests; a long-lived process that wants its memory back)."""
    _memo.clear()
    _memo_owner[:] = [None, None]
    _memo_flags.cache_clear()


_memo_flags = lru_cache(maxsize=MEMO_MAX_LINES)(line_flags)


def local_flags(text: str) -> tuple[str, ...]:
    """line_flags(text), remembered for short lines like the rest of what a line alone says."""
    return _memo_flags(text) if len(text) <= MEMO_MAX_CHARS else line_flags(text)
