"""Word classes at a column break (tasks/segment_wordclass.py): how a line stops, and which
mid-sentence openings its end cannot stand before. Composed text."""
import numpy as np
import pytest

from tasks.segment_joins import mid_start
from tasks.segment_wordclass import END_LEANING, END_PUNCT, END_WORD, end_kind, ends_on_open_mark, start_misfits


@pytest.mark.parametrize("text, kind", [
    ("本届运动会以全民健身为主题，", END_PUNCT),
    ("新建的养老驿站、", END_PUNCT),
    ("每一处护坡，老李都", END_LEANING),  # an adverb
    ("商务部门将加强价格监测，对", END_LEANING),  # a preposition
    ("社区食堂和", END_LEANING),  # a conjunction
    ("市体育局相关负责人", END_WORD),
    ("城建处处长马国庆说，改造", END_WORD),
    ("涉及居民约12", END_WORD),
    ("这项工作进展顺利。", END_WORD),
])
def test_end_kind(text, kind):
    assert end_kind(text) == kind


SOURCES = ["以全民健身为主题，", "每一处护坡，老李都", "市体育局相关负责人"]
TARGETS = ["，学员结业后可优先就业。", "表示，明年将新建健身步道。", "们正在加紧施工。", "比赛项目贴近日常生活。"]


def test_start_misfits():
    mids = np.array([mid_start(t) for t in TARGETS])
    assert mids.tolist()[:3] == [1.0, 0.9, 0.9] and mids[3] == 0.0
    assert start_misfits(SOURCES, TARGETS, mids).tolist() == [
        [True, True, True, False],  # after a comma: no mark, no word that cannot open a sentence
        [True, False, False, False],  # after an adverb: no clause mark
        [False, False, False, False],  # after a noun anything may follow
    ]


def test_start_misfits_cut_no_line_when_no_target_opens_on_a_mark(monkeypatch):
    """A source's last word matters only against a target opening on a mark: without one, no jieba cut."""
    import tasks.segment_wordclass as wordclass

    def no_cut(text):
        raise AssertionError(f"cut {text}")

    monkeypatch.setattr(wordclass, "last_word", no_cut)
    wordclass.end_kind.cache_clear()
    targets = TARGETS[1:]
    mids = np.array([mid_start(t) for t in targets])
    assert start_misfits(SOURCES, targets, mids).tolist() == [[True, True, False], [False] * 3, [False] * 3]
    wordclass.end_kind.cache_clear()


@pytest.mark.parametrize("text, expected", [
    ("以全民健身为主题，", True), ("新建的养老驿站、 ", True), ("“", True), ("老李都", False), ("这项工作进展顺利。", False), ("", False),
])
def test_ends_on_open_mark_is_end_kinds_punct(text, expected):
    assert ends_on_open_mark(text) is expected
    assert (end_kind(text) == END_PUNCT) is expected
