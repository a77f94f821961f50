import pytest

from tasks.segment_fragments import cut_within, doubled_at_break, fragment_evidence


@pytest.mark.parametrize("text, fragment", [
    ("市住房城乡建设委城建处处长", True),        # a bare job title: name and 说 follow elsewhere
    ("据园区管委会负责人周", True),              # job title + cut-off surname
    ("本届运动会以“全民健", True),               # quote opened, never closed
    ("在大口屯镇的农机合作社的", True),          # ends on a function character
    ("今年以来,我市加快推进", True),             # news-sentence opener with a comma
    ("区教育局负责人介绍,今年全区", True),       # a speaker's verb and comma: reported speech
    ("新华社上海3月8", True),                    # a dateline cut before its 日电
    ("老旧小区改造惠及十二万户居民", False),
    ("专家建议：加快建设社区食堂", False),        # a title quotes with a colon
    ("新华社记者镜头下的春天", False),
    ("守护一方水土的“河长”", False),
    ("市政协委员刘海燕建议", False),              # a kicker naming who proposes
    ("——记青山镇河长办主任林振东", False),        # a 副题
    ("冬季农产品供应充足价格平稳", False),
])
def test_fragment_evidence(text, fragment):
    assert (fragment_evidence(text) > 0) == fragment


@pytest.mark.parametrize("text, nxt, cut", [
    ("两所幼儿园均配备户外活动场地和保健室", "室,师资由区教育局统一招聘。", True),   # one character read twice
    ("区教育局负责人王", "负责人王立新介绍,", False),                               # no repeat at the break
    ("扎根山村二十年 ——记乡村教师周明远", "周明远带领学生建起了图书角。", False),  # a 副题 naming the text's subject
    ("乡村教师周明远", "周明远带领学生建起了图书角。", False),                     # a 3-character repeat: a name taken up again
    ("——访区科技局局长周明", "周明，1970年生，长期从事科技管理工作。", False),     # a 副题 over the guest's profile
])
def test_doubled_at_break(text, nxt, cut):
    assert doubled_at_break(text, nxt) == cut


def test_bracket_closed_without_its_opening_is_a_cut():
    assert fragment_evidence("远航)记者从科学技") == 1.0
    assert fragment_evidence("科技部(记者站)揭牌") == 0.0


def test_a_title_cannot_end_on_a_determiner():
    assert fragment_evidence("连日来,宝坻区各") == 1.0 and fragment_evidence("宝坻区乡镇春耕忙") == 0.0


@pytest.mark.parametrize("text, fragment, within", [
    ("老旧小区改造要让居民参与", 1.0, False),  # only the last character looks cut: titles end so too
    ("守护绿水青山 生态治理大有作为", 1.0, False),
    ("记者从市教育局处长", 1.0, True),  # a job title waiting for its name
    ("全区将举办“书香社区", 1.0, True),  # a quote left open
    ("区教育局负责人介绍，", 1.0, True),  # reported speech
    ("城东新建三所公办幼儿园", 0.0, False),
])
def test_cut_within_is_fragment_evidence_before_the_last_character(text, fragment, within):
    assert fragment_evidence(text) == fragment and cut_within(text) == within
