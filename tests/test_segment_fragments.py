import pytest

from tasks.segment_fragments import fragment_evidence


@pytest.mark.parametrize("text, fragment", [
    ("市住房城乡建设委城建处处长", True),        # a bare job title: name and 说 follow elsewhere
    ("据园区管委会负责人周", True),              # job title + cut-off surname
    ("本届运动会以“全民健", True),               # quote opened, never closed
    ("在大口屯镇的农机合作社的", True),          # ends on a function character
    ("今年以来,我市加快推进", True),             # news-sentence opener with a comma
    ("老旧小区改造惠及十二万户居民", False),
    ("守护一方水土的“河长”", False),
    ("市政协委员刘海燕建议", False),              # a kicker naming who proposes
    ("——记青山镇河长办主任林振东", False),        # a 副题
    ("冬季农产品供应充足价格平稳", False),
])
def test_fragment_evidence(text, fragment):
    assert (fragment_evidence(text) > 0) == fragment
