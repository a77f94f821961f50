"""demote_fragment_heads: a cut body line that layout stacked over a real title leaves the head
as a headless block of its own; a kicker or a line unrelated to the page's other blocks stays."""
from tasks.records import CleanLine
from tasks.schema import ROLE_CONTENT
from tasks.segment_demote import demote_fragment_heads
from tasks.segment_layout import Block

PAGE = [
    "城东新建两所公办幼儿园",  # 0 head of block 0
    "本报讯(记者 林晓)城东区今年新建两所公办幼儿园,新增学位五百个,幼儿园均配备户外活动场地,",  # 1
    "两所幼儿园的保育员和教师由区教育局统一",  # 2 cut: continues after line 3
    "",  # 3 top line of block 1's head (filled per test)
    "河西公园改造完工",  # 4 title of block 1
    "河西公园新建步道三公里,增设座椅和照明,周边居民可就近散步健身。",  # 5
]


def _run(top):
    texts = PAGE[:3] + [top] + PAGE[4:]
    content = [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(texts, 1)]
    blocks = [Block(head=[0], body=[1, 2]), Block(head=[3, 4], body=[5])]
    return demote_fragment_heads(blocks, content, texts)


def test_cut_body_line_over_a_title_leaves_the_head():
    blocks = _run("招聘,幼儿园保育员须持证上岗")
    assert [(b.head, b.body) for b in blocks] == [([0], [1, 2]), ([], [3]), ([4], [5])]


def test_kicker_over_a_title_stays():
    blocks = _run("市政协委员孟昭宽建议")
    assert [(b.head, b.body) for b in blocks] == [([0], [1, 2]), ([3, 4], [5])]


def test_kicker_unrelated_to_earlier_blocks_stays():
    blocks = _run("老城更新再添绿色空间")
    assert [(b.head, b.body) for b in blocks] == [([0], [1, 2]), ([3, 4], [5])]
