"""Sentence-start evidence for continuation targets (tasks/segment_starts.py)."""
import pytest

from tasks.segment_starts import expects_name, sentence_start


@pytest.mark.parametrize("text, expected", [
    ("刘海燕建议,利用社区闲置用房", 1.0),  # a full name before a speech verb
    ("市商务局市场运行处负责人黄立军介绍,今年", 1.0),  # an office and its spokesman
    ("“我们要把好事办好。", 0.8),  # a quotation opens
    ("据了解,全市已建成", 0.6),  # a paragraph opener
    ("国庆说,改造内容包括", 0.0),  # the tail of a name cut at a break
    ("征求居民意见,做到一小区一方案。", 0.0),
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
