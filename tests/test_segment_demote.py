"""demote_fragment_heads: a cut body line that layout stacked over a real title leaves the head
as a headless block of its own; a kicker or a line unrelated to the page's other blocks stays."""
from tasks.records import CleanLine
from tasks.schema import ROLE_CONTENT
from tasks.segment_demote import demote_fragment_heads
from tasks.segment_blocks import Block

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


def _blocks(texts, blocks, raw=None):
    content = [CleanLine(n, (raw or {}).get(n - 1, t), (raw or {}).get(n - 1, t), ROLE_CONTENT)
               for n, t in enumerate(texts, 1)]
    return [(b.head, b.bylines, b.body) for b in demote_fragment_heads(blocks, content, texts)]


def test_byline_after_the_text_does_not_announce_a_fragment_head():
    texts = ["城东新建两所公办幼儿园", "本报讯(记者 林晓)城东区今年新建两所公办幼儿园,新增学位五百个,",
             "两所幼儿园的保育员和教师由区教育局统",  # 2: cut, taken for a title
             "一招聘,幼儿园保育员和教师须持证上岗。", "本报记者 林晓",  # 4: byline signing the text above
             "河西公园改造完工", "河西公园新建步道三公里,增设座椅和照明,周边居民可就近散步健身。"]
    blocks = [Block(head=[0], body=[1]), Block(head=[2], bylines=[4], body=[3]), Block(head=[5], body=[6])]
    assert _blocks(texts, blocks)[1] == ([], [4], [2, 3])
    # the same line with its byline under it is announced: it stays a title
    blocks = [Block(head=[0], body=[1]), Block(head=[2], bylines=[3], body=[4]), Block(head=[5], body=[6])]
    assert _blocks(texts[:3] + ["本报记者 林晓", "一招聘,幼儿园保育员和教师须持证上岗。"] + texts[5:], blocks)[1][0] == [2]


def test_line_under_a_bare_continuation_marker_is_body_text():
    texts = ["七年前的青溪河,河面漂着生活", "垃圾,夏天臭味刺鼻。", "河西公园改造完工", "河西公园新建步道三公里,增设座椅。"]
    # `(上接第1版)` stood alone above line 0 (layout set from_page): the text's head is on page 1
    blocks = [Block(head=[0], body=[1], from_page=1, marker_over_head=True), Block(head=[2], body=[3])]
    assert _blocks(texts, blocks)[0] == ([], [], [0, 1])


def test_title_over_a_bare_continuation_marker_stays():
    texts = ["让老旧小区焕发新活力", "改造内容包括外墙保温、管网更新和加装电梯。"]
    # `(上接第1版)` stood alone between the title and its text: the page repeats the headline
    assert _blocks(texts, [Block(head=[0], body=[1], from_page=1)]) == [([0], [], [1])]


def test_stacked_head_under_a_bare_marker_gives_its_top_line_to_the_continued_text():
    texts = ["市医保局待遇保障处处长鄢红", "地铁四号线南段进入联调联试", "本报记者 庞浩然", "昨日,地铁四号线南段开始联调联试。"]
    blocks = [Block(head=[0, 1], bylines=[2], body=[3], from_page=1, marker_over_head=True)]
    content = [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(texts, 1)]
    parts = demote_fragment_heads(blocks, content, texts)
    assert [(b.head, b.bylines, b.body, b.from_page) for b in parts] == [([], [], [0], 1), ([1], [2], [3], None)]


def test_title_over_text_opening_with_its_marker_stays():
    texts = ["河西公园改造完工", "河西公园新建步道三公里,增设座椅和照明。"]
    blocks = [Block(head=[0], body=[1], from_page=1)]
    assert _blocks(texts, blocks, raw={1: "(上接第1版)" + texts[1]}) == [([0], [], [1])]


def test_cut_line_over_a_continued_text_is_a_piece_of_its_own():
    texts = ["刘海燕建议,利用社区", "市商务局负责人介绍,我市已建立产销对接机制。"]
    blocks = [Block(head=[0], body=[1], from_page=1)]
    assert _blocks(texts, blocks, raw={1: "(上接第1版)" + texts[1]}) == [([], [], [0]), ([], [], [1])]


def test_cut_line_heading_the_page_is_body_text():
    texts = ["市住房城乡建设委城建处处长", "马国庆说,改造内容包括外墙保温。", "河西公园改造完工", "河西公园新建步道三公里。"]
    blocks = [Block(head=[0], body=[1]), Block(head=[2], body=[3])]
    assert _blocks(texts, blocks) == [([], [], [0, 1]), ([2], [], [3])]


def test_cut_top_line_goes_even_without_cohesion():
    """`远航)记者从科学技` shares no words with the block above, but its bracket shows the cut."""
    blocks = _run("远航)记者从科学技")
    assert [(b.head, b.body) for b in blocks] == [([0], [1, 2]), ([], [3]), ([4], [5])]


def test_kicker_sharing_words_with_its_own_earlier_run_stays():
    """A run of the park story stands ahead, under the school story: the kicker shares its words, but
    shares more with the title and text right under it, so it stays the head's top line."""
    texts = ["城东新建两所公办幼儿园",
             "本报讯(记者 林晓)城东区今年新建两所公办幼儿园,新增学位五百个,缓解周边适龄儿童入园难。",
             "河西公园改造工程新建的环湖步道全长三公里,沿途增设座椅、照明和直饮水点,市民可就近散步健身。",
             "河西公园改造工程完工新增绿地两万平方米",
             "老公园焕发新活力",
             "河西公园改造工程昨日完工,公园新增绿地两万平方米,改造后的河西公园全天免费开放。"]
    blocks = [Block(head=[0], body=[1, 2]), Block(head=[3, 4], body=[5])]
    assert _blocks(texts, blocks) == [([0], [], [1, 2]), ([3, 4], [], [5])]


def test_a_head_line_that_hard_wrapping_runs_on_needs_less_cohesion_to_go():
    texts = ["城东新建两所公办幼儿园", "本报讯(记者 林晓)城东区今年新建两所公办幼儿园,新增学位五百个。",
             "两所幼儿园的保育员和教师由区教育局统一",  # 2: a paragraph's full first line, taken for a title
             "招聘,保育员和教师须持证上岗。", "老城菜市场完成提升改造", "菜市场重新划分摊位,顾客买菜更加方便。"]
    content = [CleanLine(n, t, t, ROLE_CONTENT) for n, t in enumerate(texts, 1)]

    def run(wrapped):
        blocks = [Block(head=[0], body=[1]), Block(head=[2], body=[3]), Block(head=[4], body=[5])]
        demoted = demote_fragment_heads(blocks, content, texts, threshold=1.0, wrapped=wrapped)
        return [(b.head, b.body) for b in demoted]

    assert run(frozenset())[1] == ([2], [3])  # no cohesion reaches 1.0: the title stays
    assert run(frozenset({2}))[1] == ([], [2, 3])  # the layout's evidence asks only WRAPPED_DEMOTE_COHESION
    assert run(frozenset({4}))[2] == ([4], [5])  # a line unrelated to earlier blocks stays, wrapped or not
