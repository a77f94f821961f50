"""open_end_bonuses: an article whose latest unit stops mid-sentence draws the next unit."""
from tasks.segment_tails import dangling, open_end_bonuses

TEXTS = ["湿地保护区在候鸟栖息区设置了观鸟屏障,并", "公交线路新开通三条。", "安装摄像头实现全天候监测。"]


def test_an_open_end_linked_nowhere_dangles():
    assert dangling([0], TEXTS, {}) and not dangling([0], TEXTS, {0: 2}) and not dangling([1], TEXTS, {})


def test_the_unit_after_an_open_end_is_drawn_to_its_article():
    # units 0 (article 0, open), 1 (article 1, closed), 2 (standing in article 1, may move to 0)
    moves, stays = open_end_bonuses([0, 1, 2], label=[0, 1, 1], label_sets=[[], [], [0]], home=[0, 1, 1],
                                    units=[[0], [1], [2]], texts=TEXTS, links={}, bonus=0.4)
    assert moves == {2: [0.4]} and stays == {}


def test_no_bonus_once_the_sentence_is_continued():
    moves, stays = open_end_bonuses([0, 1, 2], label=[0, 1, 1], label_sets=[[], [], [0]], home=[0, 1, 1],
                                    units=[[0, 2], [1], [2]], texts=TEXTS, links={0: 2}, bonus=0.4)
    assert moves == {} and stays == {}
