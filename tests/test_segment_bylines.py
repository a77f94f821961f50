"""Which article a byline standing between two articles' text signs: the finished text above it (a
signature after the text), or a later run of the article under it when the text above goes on."""
import pytest

from tasks.records import CleanLine
from tasks.schema import ROLE_CONTENT
from tasks.segment_bylines import place_bylines
from tasks.segment_blocks import Block

PARK_HEAD = "老城区新建三座口袋公园"
PARK_DONE = "三座公园均配有健身步道和儿童游乐设施,将于下月对市民开放。"
PARK_OPEN = "三座公园均配有健身步道和儿童游乐设施,将于下月"
PARK_MORE = "市园林局表示,明年还将在新城区再建五座口袋公园。"
BYLINE = "■ 本报记者 周岚"
CLINIC_HEAD = "社区卫生服务中心延长晚间门诊"
CLINIC_FIRST = "从本周起,全市四十家社区卫生服务中心的门诊时间延长至晚上八点。"
CLINIC_LATER = "中心负责人介绍,晚间门诊主要面向上班族和学生,可预约挂号。"
CLINIC_CONTINUED = "(上接第1版)中心负责人介绍,晚间门诊主要面向上班族和学生。"


def _place(park_text, park_tail=None, clinic_byline=None, clinic_later=CLINIC_LATER):
    """A page: the park head and text, the byline, a later run of the clinic article, the clinic
    head (with its own byline when given) and first paragraph, and the park's further text when given."""
    lines = [PARK_HEAD, park_text, BYLINE, clinic_later, CLINIC_HEAD]
    lines += [clinic_byline] if clinic_byline else []
    lines += [CLINIC_FIRST] + ([park_tail] if park_tail else [])
    content = [CleanLine(n, text, text, ROLE_CONTENT) for n, text in enumerate(lines, 1)]
    first = 6 if clinic_byline else 5
    park_order = [1] + ([first + 1] if park_tail else [])
    blocks = [Block(head=[0], bylines=[2], body=[1, 3]),
              Block(head=[4], bylines=[5] if clinic_byline else [], body=[first] + ([first + 1] if park_tail else []))]
    orders = [park_order, [first, 3]]
    return place_bylines(blocks, blocks, orders, content, [line.text for line in content], {})


@pytest.mark.parametrize("park_text, park_tail, signs", [
    (PARK_DONE, None, "park"),  # the park's text ends right above: a signature after it
    (PARK_OPEN, None, "clinic"),  # the line above stops mid-sentence: the park text goes on elsewhere
    (PARK_DONE, PARK_MORE, "clinic"),  # the park's text reads on further down the page
])
def test_byline_signs_finished_text_above_else_the_later_run_under_it(park_text, park_tail, signs):
    placed = _place(park_text, park_tail)
    assert placed == ([[2], []] if signs == "park" else [[], [2]])


def test_byline_stays_above_when_the_article_under_it_is_signed_by_another_byline():
    placed = _place(PARK_OPEN, clinic_byline="本报记者 吴楠")
    assert placed == [[2], [5]]


def test_byline_stays_above_when_the_text_under_it_is_continued_from_another_page():
    # a story continued from page 1 has its byline there
    placed = _place(PARK_OPEN, clinic_later=CLINIC_CONTINUED)
    assert placed == [[2], []]


PARK_CONTINUED = "(上接第1版)三座公园均配有健身步道和儿童游乐设施,将于下月对市民开放。"


def _place_after_continued_run(park_text):
    """A page: a headless run of the park story (text continued from page 1 when so marked), the
    byline, then a later run of the clinic article, its head and first paragraph."""
    lines = [park_text, BYLINE, CLINIC_LATER, CLINIC_HEAD, CLINIC_FIRST]
    content = [CleanLine(n, text, text, ROLE_CONTENT) for n, text in enumerate(lines, 1)]
    from_page = 1 if park_text.startswith("(上接") else None
    blocks = [Block(bylines=[1], body=[0, 2], from_page=from_page), Block(head=[3], body=[4])]
    return place_bylines(blocks, blocks, [[0], [4, 2]], content, [line.text for line in content], {})


@pytest.mark.parametrize("park_text, signs", [
    (PARK_DONE, "park"),  # finished text above: a signature after it
    (PARK_CONTINUED, "clinic"),  # a run continued from page 1 has its byline there: this one opens the run under it
])
def test_byline_after_a_run_continued_from_another_page_signs_the_text_under_it(park_text, signs):
    placed = _place_after_continued_run(park_text)
    assert placed == ([[1], []] if signs == "park" else [[], [1]])
