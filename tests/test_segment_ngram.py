"""Character n-gram and dictionary evidence across a column break (tasks/segment_ngram.py)."""
from tasks.segment_ngram import CharModel, spanning_word

# a page that names 周建华 in one paragraph and cuts `负责人周` + `建华介绍` in another
PAGE = ["周建华表示,园区将推行新的审批模式。", "周建华说,园区还将设立专项资金。", "据园区负责人周", "建华介绍,产业园将引进机器人企业。",
        "今年以来,我市加快推进老旧小区改造。"]


def test_cross_break_ratio_prefers_the_true_continuation():
    model = CharModel(PAGE)
    assert model.cross_llr("据园区负责人周", "建华介绍,产业园") > 1.0
    assert model.cross_llr("据园区负责人周", "建华介绍,产业园") > model.cross_llr("据园区负责人周", "今年以来,我市")


def test_probabilities_are_smoothed():
    model = CharModel(PAGE)
    assert 0 < model.prob("鑫", "园区") < model.prob("华", "周建")
    assert CharModel([]).cross_llr("", "x") == 0.0


# (a's end, b's start, longest dictionary word across the break)
SPANS = [("老", "式建筑", 2), ("完善科技金融", "服务体系", 4), ("关注传统", "手工艺", 0), ("学历层次。", "去年", 0)]


def test_spanning_word_table():
    for a, b, expected in SPANS:
        assert spanning_word(a, b) == expected, (a, b)


def test_batched_ratios_are_the_scalar_ones_bit_for_bit():
    pairs = [(a, b) for a in PAGE + ["", "  ", "x"] for b in PAGE + ["", "建", " 建华"]]
    scalar = [CharModel(PAGE).cross_llr(a, b) for a, b in pairs]
    batched = CharModel(PAGE).cross_llrs(pairs)
    assert batched == scalar
    model = CharModel(PAGE)  # memoised probabilities agree whichever path filled them
    model.cross_llrs(pairs[:10])
    assert [model.cross_llr(a, b) for a, b in pairs] == scalar


def test_no_ngram_reads_across_a_sentence_end():
    """Every sentence end closes its line of the model: each mark ends n-grams, none runs on past it."""
    import re

    from tasks.segment_ngram import SENTENCE_END_MARKS

    for mark in SENTENCE_END_MARKS:
        model = CharModel([f"园区{mark}周建华{mark}{mark}说", "周"])
        assert model.count("区" + mark) == 1 and model.count(mark + "周") == 0 and model.count(mark * 2) == 0
        assert model.count("周") == 2 and model.total == len(re.sub(r"\s", "", f"园区{mark}周建华{mark}{mark}说周"))
