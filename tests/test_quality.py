"""Quality signals: table-driven on small Chinese texts, ranges and the combined score."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.quality import (
    QUALITY_COLUMNS,
    WEIGHTS,
    quality_signals,
    repeated_paragraph_count,
)

CLEAN = [
    "本报讯 昨日，市工信局召开全市工业经济工作会议，部署今年重点任务。",
    "会议提出，要加快传统产业转型升级，培育新能源、生物医药等新兴产业。",
    "今年全市将新建数字化车间三十个，推动更多企业上云用云。",
]
REPEATED = CLEAN[:2] + [CLEAN[0]]
LATIN = [
    "The Tianjin Port handled more containers this year, according to the Port Authority report.",
    "港口 said the growth came from new shipping routes to Europe and Southeast Asia.",
]
RUN_ON = ["记者昨天从市商务局获悉今年一季度全市社会消费品零售总额同比增长新能源汽车智能家电销售增长较快"
          "餐饮收入增长一成全市消费市场实现平稳开局假日消费活跃各大商圈客流明显回升夜间经济持续升温"
          "重点商贸企业销售额稳步增长线上消费保持较快增长势头"]


def _row(paragraphs, joins=(), flags=(), tokens=None):
    text = "\n".join(paragraphs)
    return {
        "text": text,
        "paragraphs": list(paragraphs),
        # Tokens as jieba would give them are not needed here: one token per character is enough.
        "tokens": tokens if tokens is not None else [c for c in text if not c.isspace()],
        "joins": [list(j) for j in joins],
        "quality_flags": [{"flag": f, "count": c} for f, c in flags],
    }


# (case, row, {column: (low, high)}) - every bound inclusive.
CASES = [
    ("clean prose", _row(CLEAN), {
        "cjk_ratio": (0.85, 0.95), "punctuation_ratio": (0.05, 0.15), "mean_sentence_length": (25, 40),
        "char_repetition_ratio": (0, 0), "repeated_paragraphs": (0, 0), "quality_score": (0.95, 1),
    }),
    ("repeated paragraph", _row(REPEATED), {
        "repeated_paragraphs": (1, 1), "char_repetition_ratio": (0.5, 0.8), "word_repetition_ratio": (0.5, 0.8),
        "quality_score": (0.3, 0.6),
    }),
    ("many Latin words", _row(LATIN), {"cjk_ratio": (0, 0.05), "quality_score": (0.2, 0.5)}),
    ("run-on without punctuation", _row(RUN_ON), {
        "punctuation_ratio": (0, 0), "mean_sentence_length": (100, 200), "quality_score": (0.2, 0.6),
    }),
    ("lines joined across breaks", _row(CLEAN, joins=[(3, 4), (6, 7)]), {
        "joined_line_share": (0.4, 0.4), "quality_score": (0.9, 0.99),
    }),
    ("OCR artefacts", _row(CLEAN, flags=[("mixed_script", 1), ("stray_latin_word", 1)]), {
        "ocr_flag_count": (2, 2), "quality_score": (0.85, 0.97),
    }),
    ("empty text", _row([]), {column: (0, 0) for column in QUALITY_COLUMNS}),
    ("blank paragraphs", _row(["", "  "]), {"quality_score": (0, 0), "mean_sentence_length": (0, 0)}),
    ("short notice", _row(["（完）"]), {"repeated_paragraphs": (0, 0), "char_repetition_ratio": (0, 0)}),
]


@pytest.mark.parametrize("case, row, expected", CASES, ids=[c[0] for c in CASES])
def test_quality_signals(case, row, expected):
    signals = quality_signals(row)
    assert set(signals) == set(QUALITY_COLUMNS)
    for column, (low, high) in expected.items():
        assert low <= signals[column] <= high, f"{case}: {column}={signals[column]}"


def test_missing_columns_never_divide_by_zero():
    signals = quality_signals({"text": None, "paragraphs": None, "tokens": None, "joins": None, "quality_flags": None})
    assert signals == {column: 0 for column in QUALITY_COLUMNS}


def test_each_fault_lowers_the_score():
    clean = quality_signals(_row(CLEAN))["quality_score"]
    for row in (_row(REPEATED), _row(LATIN), _row(RUN_ON), _row(CLEAN, joins=[(3, 4)]), _row(CLEAN, flags=[("x", 1)])):
        assert quality_signals(row)["quality_score"] < clean


def test_word_repetition_counts_tokens_not_punctuation():
    tokens = ["今年", "，", "全市", "工业", "增长", "。"] * 4 + ["完"]
    signals = quality_signals(_row(["今年，全市工业增长。" * 4 + "完"], tokens=tokens))
    assert signals["word_repetition_ratio"] == pytest.approx(12 / 13)  # 13 token 5-grams; only the one ending in 完 is unique


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (["同一段落出现了两次，应当计数。", "另一段。", "同一段落出现了两次，应当计数。"], 1),
        (["同一段落出现了三次，应当计两次。"] * 3, 2),
        (["同一 段落 空白 不同，也算重复。", "同一段落空白不同，也算重复。"], 1),
        (["（完）", "（完）"], 0),  # too short to count
        ([], 0),
    ],
)
def test_repeated_paragraph_count(paragraphs, expected):
    assert repeated_paragraph_count(paragraphs) == expected


def test_weights_sum_to_one():
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from("的是在了新闻记者。，！？abc 1\n"), max_size=60), max_size=5),
    st.integers(0, 5),
    st.integers(0, 50),
)
def test_signals_stay_in_range(paragraphs, joins, flags):
    signals = quality_signals(_row(paragraphs, joins=[(i, i + 1) for i in range(joins)], flags=[("x", flags)]))
    for column in ("cjk_ratio", "punctuation_ratio", "char_repetition_ratio", "word_repetition_ratio",
                   "joined_line_share", "quality_score"):
        assert 0.0 <= signals[column] <= 1.0, column
    assert signals["mean_sentence_length"] >= 0 and signals["repeated_paragraphs"] >= 0


# The fast paths give exactly what the plain definitions give.
_CHARS = "的中国，。！？ \n\r”）a1…；;\t\u3000\u3400\u4dbf\u9fff\uf900\ufaff\U00020001\U0003134f\U00031350§！_"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_CHARS, min_size=0, max_size=3), max_size=40))
def test_word_repetition_on_ids_equals_tuple_counting(tokens):
    from tasks.quality_counts import repetition_ratio, word_repetition_ratio, words

    assert word_repetition_ratio(tokens, 5) == repetition_ratio(words(tokens), 5)


def test_word_repetition_with_many_distinct_tokens_falls_back():
    from tasks.quality_counts import repetition_ratio, word_repetition_ratio, words

    tokens = [str(i) for i in range(5000)] * 2  # 13 bits per id: 5 ids do not fit in 64 bits
    assert word_repetition_ratio(tokens, 5) == repetition_ratio(words(tokens), 5) > 0.99


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_CHARS, max_size=80))
def test_code_point_counts_equal_the_regex_definitions(text):
    import re
    import unicodedata

    from tasks.quality import _SENTENCE_END, _SPACE
    from tasks.quality_counts import cjk_count, code_points, punctuation_count

    chars = _SPACE.sub("", text)
    cjk = re.sub(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]", "", chars)
    punctuation = [c for c in chars if ord(c) < 0x10000 and unicodedata.category(c).startswith("P")]
    assert cjk_count(code_points(chars)) == len(cjk)
    assert punctuation_count(code_points(chars)) == len(punctuation)
    sentences = [s for s in (_SPACE.sub("", s) for s in _SENTENCE_END.split(text)) if s]
    expected = sum(map(len, sentences)) / len(sentences) if sentences else 0.0
    row = {"text": text, "paragraphs": text.split("\n"), "tokens": [], "joins": [], "quality_flags": []}
    assert quality_signals(row)["mean_sentence_length"] == expected


def test_word_repetition_renumbers_ids_that_stand_far_apart():
    from tasks.quality_counts import repetition_ratio, word_repetition_ratio, words

    # Three distinct tokens, the last first seen at position 6000: 13 bits per first-position id would not
    # fit five ids in 64 bits, dense ids (2 bits) do.
    tokens = ["甲", "乙"] * 3000 + ["丙", "，", "甲", "乙", "丙", "甲"]
    assert word_repetition_ratio(tokens, 5) == repetition_ratio(words(tokens), 5)


def test_whitespace_removal_equals_the_regex_definition_on_every_code_point():
    from tasks.quality import _SPACE, _without_whitespace

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert _without_whitespace(every) == _SPACE.sub("", every)
    assert _without_whitespace(" 中\u3000文\n\t字\u2028") == "中文字"
