"""opens_inside_clause: a line opening on a bare noun clause or a one-character adverb continues a
clause begun on another line; a time phrase, a clause with a verb, a preposition or a numeral opens
a sentence of its own. (Sentences written for these tests.)"""
import pytest

from tasks.segment_clauses import bare_noun_clause, leaning_adverb_start, opens_inside_clause


@pytest.mark.parametrize("text, expected", [
    ("记者,每天中午有两百多位老人来这里吃饭。", True),
    ("专线,由志愿者上门送到家。", True),
    ("图书和报刊,供老人免费借阅。", True),  # nouns joined by 和
    ("连日来,城南公园的桃花陆续开放。", False),  # a time phrase
    ("今年以来,全区新建社区食堂十二个。", False),
    ("近日,市民政局召开会议。", False),
    ("周海林表示,食堂将延长供餐时间。", False),  # a verb: a clause of its own
    ("在城南社区,老人们排队取餐。", False),  # a preposition
    ("食堂负责人周海林告诉记者", False),  # no clause mark: nothing closed
    ("社区居民代表许红梅、志愿者王强和食堂负责人周海林,", False),  # too long for a bare clause
    ("各街道办事处，区各有关部门：", False),  # a notice's address list opens its text
    ("夜幕降临，城南夜市人头攒动。", False),  # an idiom jieba tags as a name (nr) is a clause
    ("人头攒动，摊位前排起长队。", False),  # a set phrase (l) is a clause
])
def test_bare_noun_clause(text, expected):
    assert bare_noun_clause(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("则建议在食堂旁增设休息区。", True),
    ("也将在下个月开业。", True),
    ("同时,食堂还将推出夜间套餐。", False),  # a two-character connective opens sentences
    ("目前,食堂每天供餐两次。", False),
])
def test_leaning_adverb_start(text, expected):
    assert leaning_adverb_start(text) is expected


def test_opens_inside_clause():
    assert opens_inside_clause("记者,每天中午有两百多位老人来这里吃饭。")
    assert opens_inside_clause("则建议在食堂旁增设休息区。")
    assert not opens_inside_clause("入夏以来,老街夜市每晚客流超过两万人次。")
