"""Person links between paragraphs (tasks/segment_cohesion.py)."""
import pytest

from tasks.segment_cohesion import PersonLinks, introduced_names, pronoun_led


@pytest.mark.parametrize("text, names", [
    ("市交通局处长马国庆说,新线路下月开通。", {"马国庆"}),           # title + name + verb
    ("据园区负责人周建华介绍,项目分两期。", {"周建华"}),
    ("王强表示,明年继续推进。", {"王强"}),                            # opens the text
    ("李明远告诉记者,湿地水位回升。", {"李明远"}),
    ("居民高兴地说,出门方便多了。", set()),                          # 高兴地: not a name
    ("市体育局表示,比赛每年举办。", set()),                          # an office, no surname
    ("今年以来,全市新增线路三条。", set()),
])
def test_introduced_names(text, names):
    assert introduced_names(text) == names


@pytest.mark.parametrize("text, led", [
    ("她还提出,应加快培养人才。", True),
    ("他表示,将继续推进。", True),
    ("他们表示,将继续推进。", False),
    ("其他地区也在推进。", False),
])
def test_pronoun_led(text, led):
    assert pronoun_led(text) is led


def test_shared_names_glue_neighbours_and_bonus_the_introducing_article():
    import numpy as np

    units = ["处长马国庆说,改造下月开工。", "马处长还介绍,电梯已加装。", "马国庆表示,资金已到位。", "湿地候鸟数量创新高。"]
    links = PersonLinks(units, ["老旧小区改造", "湿地候鸟"])
    assert links.active
    assert links.glue([0, 1, 3], 1.0, 0.0).tolist() == [0.0, 1.0, 0.0]
    label = np.array([0, 0, 1, 1])
    bonus = links.bonuses([0, 1, 2, 3], label, [np.array([0])] * 2 + [np.array([1, 0])] * 2, 1.0, 0.0)
    assert bonus[2].tolist() == [0.0, 1.0]  # unit 2 (home 1) is scored up for article 0, which named him
    assert 3 not in bonus


def test_no_names_no_work():
    assert not PersonLinks(["今年以来,全市新增线路三条。", "线路采用新能源车辆。"], ["", ""]).active


@pytest.mark.parametrize("names, text, found", [
    ({"马国庆"}, "马国庆提醒市民注意安全。", {"马国庆"}),             # full name
    ({"马国庆"}, "马处长还提醒市民。", {"马国庆"}),                   # surname + title
    ({"马国庆", "马林"}, "马处长说。", {"马国庆", "马林"}),           # a title cannot tell two 马 apart
    ({"马国", "马国庆"}, "马国庆说。", {"马国庆"}),                   # the longest name where several start
    ({"王马"}, "王马处长说。", {"王马"}),                             # a match is read once: no 马处长 inside it
    ({"黄立军"}, "市民说好。", set()),
])
def test_mentions(names, text, found):
    from tasks.segment_cohesion import _mention_finder

    assert _mention_finder(names)(text) == found
