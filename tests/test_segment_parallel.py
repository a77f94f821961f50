"""Parallel paragraph openers as evidence in relabelling (tasks/segment_parallel.py)."""
import pytest

from tasks.segment_assign import relabel_units
from tasks.segment_parallel import ParallelOpeners, opener, ordinal, same_frame


@pytest.mark.parametrize("a, b, shared", [
    ("在强机制方面", "在育链群方面", True),     # prefix and suffix around the slot
    ("从总量看", "从结构看", True),
    ("围绕产业链", "围绕创新链", True),
    ("在强机制方面", "在强机制方面", False),   # the same opener is no enumeration
    ("记者获悉", "市民反映", False),           # nothing shared
    ("在强机制方面", "在推进京津冀产业协同发展方面", False),  # slot too long
    ("十八公里", "四十六公里", False),         # quantities differ between any two stories
])
def test_same_frame(a, b, shared):
    assert same_frame(a, b) is shared


@pytest.mark.parametrize("text, clause", [
    ("在强机制方面,三地成立工作组。", "在强机制方面"),
    ("今年以来,全市新增企业。", None),        # a stock opener every story has
    ("记者了解到,全市新增企业。", None),
    ("局长王明表示,全市新增企业。", None),      # speech
    ("4月26日,全市新增企业。", None),          # dates differ between any two stories
    ("全市新增科技型中小企业三千余家,同比增长。", None),  # no clause end soon enough
])
def test_opener(text, clause):
    assert opener(text) == clause


def test_ordinals_stand_alone():
    assert ordinal("二是加快工程建设。") == (0, 1)
    assert ordinal("第二,要让游客动手参与。") == (2, 1)
    assert ordinal("第二季度全市经济回升。") is None
    assert ordinal("其次,社区把设施建到方便处。")[1] > ordinal("首先,社区把宣传做到家门口。")[1]


def test_later_units_of_a_frame_point_at_the_holder_of_earlier_ones():
    texts = ["在强机制方面,成立工作组。", "记者昨天获悉,企业增加。", "在育链群方面,牵头产业。", "一是加强监测。", "二是加快建设。"]
    parallel = ParallelOpeners(texts, [0, 1, 2, 3, 4])
    assert parallel.earlier == {2: [0], 4: [3]}
    moves, stays = parallel.bonuses(label=[0, 1, 1, 1, 0], label_sets=[[], [], [0], [], [1]], home=[0, 1, 1, 1, 0])
    # unit 2 is drawn to article 0 (在…方面), unit 4 to article 1 (which holds 一是), not to its home 0
    assert set(moves) == {2, 4} and moves[2][0] > 0 and moves[4][0] > 0 and stays == {}
    moves, stays = parallel.bonuses(label=[0, 1, 1, 1, 1], label_sets=[[], [], [0], [], []], home=[0, 1, 1, 1, 1])
    assert 4 in stays


def test_an_enumeration_stays_together_against_a_story_on_the_same_topic():
    """Two stories on one topic by one reporter: the second (headless, opened by its dateline)
    holds two paragraphs of the first's enumeration, which the character ratio alone leaves there."""
    texts = ["本报讯(记者 张明)三地深化产业协作,从强机制、育链群、聚资源三个方面推进协同。",
             "在强机制方面,三地成立工作组,实行轮值制度。",
             "本报讯(记者 张明)记者昨天获悉,三地产业协作成效明显,园区企业持续增加。",
             "在育链群方面,三地分别牵头重点产业,园区企业协作更加紧密。",
             "在聚资源方面,三地合力培育产业集群,共建一批园区。"]
    heads, orders = ["三地推进产业协同", ""], [[0, 1], [2, 3, 4]]
    assert relabel_units(heads, orders, texts, {}) == [[0, 1, 3, 4], [2]]


def test_a_lead_announcing_the_slots_and_neighbours_of_one_frame():
    texts = ["会议提出强机制、聚资源两项任务。", "记者获悉,企业增加。", "在强机制方面,成立工作组。", "在聚资源方面,培育集群。"]
    parallel = ParallelOpeners(texts, [0, 1, 2, 3], head_texts=["", ""])
    assert parallel.announced == {2: ([0], []), 3: ([0], [])}
    # unit 2 already labelled 0: unit 3 is drawn there by the lead and by unit 2's frame
    moves, _ = parallel.bonuses(label=[0, 1, 0, 1], label_sets=[[], [], [0], [0]], home=[0, 1, 1, 1])
    assert moves[2][0] > 0 and moves[3][0] > moves[2][0]
    glue = parallel.glue([1, 2, 3], None)
    assert glue[1] == 0 and glue[2] > 0  # a dateline paragraph, then two of one frame


def _ordinal_of_every_member(text):
    """The plain definition: every member of every series, the longest that the text opens with."""
    from tasks.segment_parallel import _ALONE_AFTER, _NUMERALS, ORDINAL_SERIES
    found = None
    for s, series in enumerate(ORDINAL_SERIES):
        for rank, word in enumerate(series):
            alone = word[-1] not in _NUMERALS or text[len(word):len(word) + 1] in _ALONE_AFTER
            if text.startswith(word) and alone and (found is None or len(word) > found[2]):
                found = (s, rank, len(word))
    return found[:2] if found else None


def test_ordinal_looks_up_only_the_members_of_the_first_character_with_the_same_answer():
    from tasks.segment_parallel import ORDINAL_SERIES
    members = [word for series in ORDINAL_SERIES for word in series]
    texts = ["", "一", "第", "（", "另一方面，", "一方面要加强", "一、总体要求", "一是，", "第一批", "第一，", "首先要", "最后。"]
    texts += [word + after for word in members for after in ("", "，", "加强监管。", "、", "是")]
    for text in texts:
        assert ordinal(text) == _ordinal_of_every_member(text), text
