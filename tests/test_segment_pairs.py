"""Evidence read across a column break for one candidate pair (tasks/segment_pairs.py)."""
import pytest

from tasks.segment_joins import doubled_overlap
from tasks.segment_pairs import WEIGHTS, dear, doubled_opens_sentence, doubled_recurs


@pytest.mark.parametrize("a, b, opens", [
    ("开发区管委会主任李明华", "李明华表示，开发区将", True),  # a name ends a and opens b's own sentence
    ("市体育局局长", "局长表示，今年", True),
    ("学院教授宋某建", "宋某建议，加快", False),  # OCR read `宋某建` twice: it cuts 建议
    ("增强了发展的重要性。", "性。去年", False),  # b opens no sentence
])
def test_doubled_opens_sentence(a, b, opens):
    assert doubled_opens_sentence(b, doubled_overlap(a, b)) is opens


def test_doubled_text_opening_a_sentence_is_weak_evidence():
    name = dear("开发区管委会主任李明华", "李明华表示，开发区将", 3, None)
    piece = dear("学院教授宋某建", "宋某建议，加快", 3, None)
    assert piece == pytest.approx(WEIGHTS["doubled"])
    assert name == pytest.approx(WEIGHTS["doubled"] * WEIGHTS["doubled_sentence"])
    assert name < piece


@pytest.mark.parametrize("a, b, recurs", [
    ("今年新建的体育公园", "体育公园占地两百亩，", True),  # a term ends a and opens b: named again
    ("全市新建的社区食堂", "社区食堂的菜价由街道统一核定", True),
    ("学院教授宋某建", "宋某建议，加快", False),  # OCR read `宋某建` twice: it cuts 建议
    ("今年新建的体育公", "体育公园占地两百亩，", False),  # the piece cuts 体育公园 in a
    ("增强了发展的重要性", "重要性", False),  # too short to be read as the whole of b's opening
    ("推动新质生产", "生产力发展", False),  # two characters: OCR repeats that much at a break
])
def test_doubled_recurs(a, b, recurs):
    assert doubled_recurs(a, b, doubled_overlap(a, b)) is recurs


def test_a_recurring_term_across_the_break_is_weak_evidence():
    term = dear("今年新建的体育公园", "体育公园占地两百亩，", 4, None)
    piece = dear("学院教授宋某建", "宋某建议，加快", 3, None)
    assert term == pytest.approx(WEIGHTS["doubled"] * WEIGHTS["doubled_sentence"])
    assert term < piece
