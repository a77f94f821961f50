"""The memo of what one line alone says hands out fresh objects equal to a fresh measurement."""
import dataclasses

from tasks.clean_lexicon import load_lexicons
from tasks.clean_memo import MEMO_MAX_CHARS, clear_memo, local_flags, local_line
from tasks.clean_flags import line_flags
from tasks.clean_score import DEFAULT_THRESHOLDS, line_evidence, local_verdict

LINES = ["来源：某某日报 2024-03-05", "■ 本报记者 张三", "分享到：", "今年以来，全市新增就业12万人。", "要闻",
         "某某 摄", "正文" * (MEMO_MAX_CHARS // 2 + 1)]


def _fresh(line_no: int, raw: str):
    ln = line_evidence(line_no, raw)
    local_verdict(ln, load_lexicons(), DEFAULT_THRESHOLDS)
    return ln


def test_a_remembered_line_equals_a_fresh_measurement_under_its_own_number():
    clear_memo()
    lex = load_lexicons()
    for raw in LINES:
        first = local_line(1, raw, lex, DEFAULT_THRESHOLDS)
        again = local_line(7, raw, lex, DEFAULT_THRESHOLDS)
        assert dataclasses.asdict(first) == dataclasses.asdict(_fresh(1, raw))
        assert dataclasses.asdict(again) == dataclasses.asdict(_fresh(7, raw))


def test_a_remembered_line_shares_no_mutable_state_with_the_next_one():
    clear_memo()
    lex = load_lexicons()
    first = local_line(1, LINES[0], lex, DEFAULT_THRESHOLDS)
    first.meta_fields["source_name"] = "改动"
    first.extra["head"] = True
    first.decide(None, None, 0.5)
    again = local_line(2, LINES[0], lex, DEFAULT_THRESHOLDS)
    assert dataclasses.asdict(again) == dataclasses.asdict(_fresh(2, LINES[0]))
    assert again.role == "metadata" and again.extra == {}


def test_remembered_flags_equal_fresh_flags():
    for text in ["正文 abc 正文", "锟斤拷", "正常的一句话。", "x" * (MEMO_MAX_CHARS + 1)]:
        assert local_flags(text) == line_flags(text)
