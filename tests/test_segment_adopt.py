"""adopt_bodies: a head left without text takes the run that reads as its own."""
from tasks.segment_adopt import adopt_bodies


def test_headless_run_right_under_an_empty_head_is_its_text():
    heads = ["让文化遗产焕发光彩", "", "北塘湿地候鸟数量创新高"]
    texts = ["如何让库房里的文物", "活起来,成为热议的话题。", "湿地监测到的候鸟数量创新高。"]
    assert adopt_bodies(heads, [[], [0, 1], [2]], texts, {0: 1}) == [[0, 1], [], [2]]


def test_titled_article_under_an_empty_head_keeps_its_first_paragraph():
    heads = ["让文化遗产焕发光彩", "北塘湿地候鸟数量创新高"]
    texts = ["湿地监测到的候鸟数量创新高。", "湿地保护区设置观鸟屏障。"]
    assert adopt_bodies(heads, [[], [0, 1]], texts, {}) == [[], [0, 1]]
