"""Section labels in head stacks (tasks/head_labels.py): a short noun phrase over or under a title is
the page's section label; a long kicker with a predicate, a speaker kicker or a 副题 is not."""
import pytest

from tasks.head_labels import LABEL_THRESHOLD, has_predicate, is_column_label, label_score, stack_labels

KICKER = "区文化旅游局推出夏季夜游线路串联十二处历史街区"  # an event line: long, with a predicate
TITLE = "让老街区焕发新活力"


@pytest.mark.parametrize("text", ["政务快讯", "区县传真", "新闻背景", "民生直通车", "一线观察", "2025 城市更新"])
def test_short_noun_phrases_score_as_labels(text):
    assert label_score(text) >= LABEL_THRESHOLD


@pytest.mark.parametrize("text", [
    KICKER,  # long
    "坚持五育并举",  # short, but a verb with its object: a clause
    "新春走基层",  # ... likewise
    "市政协委员王某建议",  # a speaker kicker
    "——记社区网格员李某",  # a 副题
    "打造“城市名片”",  # quoted slogan
    "戎装再起航",  # ends on a verb, not on a noun
    "代表委员热议",  # ... likewise (a speaker and a verb)
    "某某，某某",  # punctuated
])
def test_clauses_speakers_subtitles_and_quotes_are_no_labels(text):
    assert label_score(text) < LABEL_THRESHOLD


def test_predicate_is_a_verb_with_words_after_it():
    assert has_predicate("坚持五育并举") and not has_predicate("政府回应") and not has_predicate("民生直通车")


@pytest.mark.parametrize("stack, expected", [
    ([KICKER, TITLE, "政务快讯"], [False, False, True]),  # under the title, over the text
    (["政务快讯", KICKER, TITLE], [True, False, False]),  # over the whole head
    (["政务快讯", TITLE, "区县传真"], [True, False, True]),  # both edges
    ([KICKER, TITLE], [False, False]),  # a long kicker over a shorter title is no label
    (["坚持五育并举", TITLE], [False, False]),
    ([TITLE, "——记社区网格员李某"], [False, False]),
    (["老街新韵", "——记社区网格员李某"], [False, False]),  # a short title over its 副题 stays the title
    (["政务快讯", "老街新韵"], [False, False]),  # no longer title line would stay: no label
    (["政务快讯"], [False]),
])
def test_stack_labels_only_at_the_edges_while_a_longer_title_stays(stack, expected):
    assert stack_labels(stack) == expected


def test_a_label_inside_the_stack_is_left_alone():
    assert stack_labels([KICKER, "政务快讯", TITLE]) == [False, False, False]


@pytest.mark.parametrize("text, label", [
    ("时评", True), ("今日观察", True), ("民生直通车", True),
    ("丨", False), ("口", False), ("I", False),  # one character alone: an OCR speck, no column's name
    (TITLE, False), (KICKER, False),
])
def test_a_column_label_is_read_on_its_own_text(text, label):
    assert is_column_label(text) is label
