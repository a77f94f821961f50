"""Line starts that cannot open a sentence (tasks/segment_joins.py: mid_start)."""
import pytest

from tasks.segment_joins import HEADLESS_START, mid_start
from tasks.tokenize import first_word


@pytest.mark.parametrize("text, expected", [
    ("，推动更多企业成长", 1.0),  # punctuation first
    ("级智能制造产业集群。", HEADLESS_START),  # a measure word cut from its number
    ("们正在加紧施工，预计年底完工。", HEADLESS_START),  # a plural suffix cut from its noun
    ("的故事以更加鲜活的方式呈现。", HEADLESS_START),  # a particle
    ("表示，将根据客流变化调整发车。", HEADLESS_START),  # a speech verb whose speaker stands above
    ("说，这是大家期待已久的事。", HEADLESS_START),
    ("地铁开通以来，客流逐月增长。", 0.0),  # 地 is part of the first word
    ("所有人都参与了讨论。", 0.0),
    ("建议在中小学开设体验课。", 0.0),  # a speech verb without its comma opens a sentence
    ("今年以来，全市新增企业三千家。", 0.0),
])
def test_mid_start(text, expected):
    assert mid_start(text) == expected


def test_first_word_follows_the_dictionary_route():
    assert first_word("地铁开通") == "地铁"
    assert first_word("级智能") == "级"
    assert first_word("") == ""


def test_doubled_overlap_finds_the_repeated_piece_wherever_a_ends():
    from tasks.segment_joins import doubled_overlap

    assert doubled_overlap("重要性。", "性。去年") == 2
    assert doubled_overlap("教授宋某建", "宋某建议，") == 3
    assert doubled_overlap("会议指出", "今年以来") == 0  # a's last character not at b's start
    assert doubled_overlap("指出", "出") == 0  # too short to hold a doubled piece


def test_bridge_word_ignores_numeral_compounds():
    from tasks.segment_joins import bridge_word

    assert bridge_word("改造内容包", "括外墙保温")
    assert not bridge_word("沿线设有两", "三个换乘站")  # 两三个 forms across any break between numerals


@pytest.mark.parametrize("a, b, expected", [
    ("保留了一批老", "式建筑的风貌", True),  # 老式 reads across the break
    ("改造内容包", "括外墙保温", True),  # 包括
    ("转变发展", "方式", False),  # each side's edge is a word of its own as long
    ("发车间隔不超过", "十分钟", False),
    ("市民理性消费,", "按需购买", False),
    ("", "括外墙保温", False),
])
def test_bridge_word_reads_a_dictionary_word_across_the_break(a, b, expected):
    from tasks.segment_joins import bridge_word

    assert bridge_word(a, b) is expected
