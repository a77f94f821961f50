"""Dictionary word-model evidence across a column break (tasks/segment_wordlm.py)."""
import pytest

from tasks.segment_wordlm import LLR_CAP, completes_any, numeral_break, span_llr, word_boundaries, word_openings


@pytest.mark.parametrize("a, b, low, high", [
    ("改造内容包", "括外墙保温", 3.0, LLR_CAP),  # 包括 cut in two: `括` is rare on its own
    ("研发投入强度连续三", "年保持在", 1.0, LLR_CAP),  # 三年
    ("发车间隔不超过", "括外墙保温", 0.0, 0.0),  # no word spans the break
    ("发车间隔不超过", "十分钟", 0.0, 0.0),
    ("市民理性消费,", "按需购买", 0.0, 0.0),  # a's tail is no Chinese text
    ("沿线设有两", "三个换乘站", 0.0, 0.0),  # 两三个: a numeral compound forms across any break
    ("参赛者中年龄最大的七", "十六岁", 0.0, 0.0),  # 七十六岁
])
def test_span_llr(a, b, low, high):
    assert low <= span_llr(a, b) <= high


def test_span_llr_is_never_negative():
    assert span_llr("完善科技金融", "服务体系") >= 0.0


def test_word_log_prob_is_public_and_matches_the_route_table():
    from tasks.tokenize import unknown_log_prob, word_log_prob

    assert word_log_prob("包括") is not None and word_log_prob("包括") > unknown_log_prob()
    assert word_log_prob("括外墙保温") is None  # no dictionary word


@pytest.mark.parametrize("left, right, expected", [
    ("设有两", "三个", True),
    ("连续三", "年保持", False),  # 三年: a numeral and a measure word are evidence
    ("", "三个", False),
])
def test_numeral_break(left, right, expected):
    assert numeral_break(left, right) is expected


def test_word_boundaries_follow_jiebas_cut():
    assert word_boundaries("发展方式") == {0, 2, 4}


@pytest.mark.parametrize("left", ["改造内容包", "包", "不超过", "abc", "", "研发投入强度连续三"])
def test_word_openings_are_the_offsets_that_open_a_dictionary_word(left):
    from tasks.tokenize import is_word_prefix

    assert word_openings(left) == tuple(i for i in range(len(left)) if is_word_prefix(left[i:]))


OTHERS = ["菜市场恢复营业。", "民服务点和自动售货机。", "括外墙保温", "", "abc 123", "十分钟", "年保持在"]


@pytest.mark.parametrize("a", ["园区将在全市公园增设便", "改造内容包", "研发投入强度连续三", "发车间隔不超过", "市民理性消费,", ""])
@pytest.mark.parametrize("threshold", [0.0, 1.0, 3.0])
def test_completes_any_is_any_span_llr_reaching_the_threshold(a, threshold):
    for others in (OTHERS, OTHERS[:1], []):
        assert completes_any(a, others, threshold) is any(span_llr(a, b) >= threshold for b in others)
    assert completes_any("改造内容包", OTHERS, 3.0) and not completes_any("发车间隔不超过", OTHERS, 1.0)
