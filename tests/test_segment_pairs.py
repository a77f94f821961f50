"""Evidence read across a column break for one candidate pair (tasks/segment_pairs.py)."""
import pytest

from tasks.segment_joins import doubled_overlap
from tasks.segment_pairs import WEIGHTS, dear, doubled_opens_sentence


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
