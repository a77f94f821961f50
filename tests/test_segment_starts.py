"""Sentence-start evidence for continuation targets (tasks/segment_starts.py)."""
import pytest

from tasks.segment_starts import bulleted, closing_line, expects_name, sentence_start


@pytest.mark.parametrize("text, expected", [
    ("刘海燕建议,利用社区闲置用房", 1.0),  # a full name before a speech verb
    ("市商务局市场运行处负责人黄立军介绍,今年", 1.0),  # an office and its spokesman
    ("“我们要把好事办好。", 0.8),  # a quotation opens
    ("据了解,全市已建成", 0.6),  # a paragraph opener
    ("国庆说,改造内容包括", 0.0),  # the tail of a name cut at a break
    ("征求居民意见,做到一小区一方案。", 0.0),
    ("钟敏表示,博物馆还将", 1.0),  # a two-character name jieba does not know as a word
    ("她还提出,应加快培养", 1.0),  # a pronoun and an adverb
    ("市体育局表示,今后将", 1.0),  # a body named by its institution
    ("文化表示,", 0.0),  # a dictionary word is no name
    ("人表示,学徒制让企业", 0.0),  # the tail of `负责人` cut at a break
])
def test_sentence_start(text, expected):
    assert sentence_start(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("市商务局市场运行处负责人", True),  # a title: the name follows
    ("参加座谈的有市发改委、", True),
    ("质量的职业教育。”市人大代表、某某大学", True),  # the subject is still being named
    ("市民理性消费,按需购买,", False),
])
def test_expects_name(text, expected):
    assert expects_name(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("质量的职业教育。”市人大代表、某某大学", True),  # a sentence only begun: no comma yet
    ("市商务局市场运行处负责人", True),
    ("市民理性消费,按需购买,", False),  # the clause is under way
    ("市民理性消费,按需购买、", False),  # a clause under way, then a list comma
])
def test_subject_open(text, expected):
    from tasks.segment_starts import subject_open

    assert subject_open(text) is expected


def test_a_subject_being_named_exempts_only_a_speaker():
    """After an open subject only an office-and-name speaker may follow unpenalised (round 11):
    a quotation or a paragraph opener there still opens a sentence of its own."""
    import numpy as np

    from tasks.segment_pairs import start_penalty

    ta = "质量的职业教育。”市人大代表、某某大学"
    tbs = ["某学院教授刘海燕建议,利用社区闲置用房", "据了解,全市已建成", "“我们要把好事办好。"]
    got = start_penalty(ta, tbs, np.array([False, False, False]))
    assert got[0] == 0.0 and got[1] < 0.0 and got[2] < 0.0
    # after a person title or a list comma every start is still exempt
    assert not start_penalty("参加座谈的有市发改委、", tbs[1:], np.array([False, False])).any()


@pytest.mark.parametrize("text, expected", [
    ("■ 产业升级按下快进键", True), ("◆标题", True), ("  ▲ 标题", True), ("· 标题", False), ("产业升级", False), ("", True),
])
def test_bulleted(text, expected):
    assert bulleted(text) is expected  # an empty line reads as set off, as it always has


@pytest.mark.parametrize("text, prev, nxt, expected", [
    ("2．联系人名单", "附件：1．建设任务分解表", "", True),  # the next item of a numbered list
    ("2．联系人名单", "", "", False),  # no list above it
    ("2025年 3月10日", "", "", True),  # a date alone on its line
    ("（此件公开发布）", "2025年3月10日", "", True),  # a note under the date
    ("（此件公开发布）", "", "2025年3月10日", True),  # any line without clause marks over the date signs
    ("某市水务局", "", "2025年3月10日", True),  # an office signing over the date
    ("某市水务局，", "", "2025年3月10日", False),  # a clause is no signature
    ("某市水务局", "", "", False),
])
def test_closing_line_reads_its_neighbours_only_where_needed(text, prev, nxt, expected):
    assert closing_line(text, prev, nxt) is expected
