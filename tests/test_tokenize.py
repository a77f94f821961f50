"""tokenize: jieba precise mode with the project's user dictionary, token for token."""
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks import tokenize as tokenize_mod
from tasks.tokenize import DICTIONARY_VERSION, is_known_word, tokenize

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


_REFERENCE = tokenize_mod.reference_tokenizer()


def jieba_tokens(text: str) -> list[str]:
    """The reference: jieba's own cut with the same dictionaries, whitespace dropped."""
    return [token for token in _REFERENCE.cut(text, HMM=True) if token.strip()]


@pytest.mark.parametrize("text, term", [
    ("加快形成更多新质生产力", "新质生产力"),
    ("推动京津冀协同发展", "京津冀"),
    ("天开园核心区建设提速", "天开园"),
    ("培育专精特新企业", "专精特新"),
    ("全面实施链长制", "链长制"),
    ("物质绿色创造与制造海河实验室", "海河实验室"),
])
def test_domain_terms_stay_whole(text, term):
    assert term in tokenize(text)


def test_whitespace_dropped_and_empty():
    assert tokenize("") == []
    assert all(t.strip() for t in tokenize("盘活存量空间 孕育发展动能\n  "))


def test_dictionary_version_and_lookup():
    assert DICTIONARY_VERSION.startswith("userdict-") and len(DICTIONARY_VERSION) == 21
    assert is_known_word("新质生产力") and is_known_word("发展") and not is_known_word("发发")


# Equal-probability routes (repeated characters), HMM runs of unknown names, mixed scripts,
# numbers and percentages, dashes inside blocks, full-width and ideographic spaces.
@pytest.mark.parametrize("text", [
    "好好好", "好好好好好", "哈哈哈哈哈哈哈", "看看看看", "人人人人人", "天天向上天天",
    "记者王小明李华报道", "张三丰在武当山", "滨海新区2024年GDP增长5.6%",
    "COVID-19疫情防控", "C++和C#语言", "3.14%的增幅", "a.b_c&d#e+f-g",
    "第一　段\u3000第二段", "（完）", "——本报讯", "京津冀协同发展京津冀", "新质生产力新质生产力",
    "\n\n标题\n正文第一段。正文第二段！", "１２３ＡＢＣ全角", "𠀀𠀁扩展字符",
])
def test_identical_to_jieba_on_edge_cases(text):
    assert tokenize(text) == jieba_tokens(text)


def test_identical_to_jieba_on_every_seed_line():
    lines = [line for path in sorted(SEEDS.iterdir()) for line in path.read_text(encoding="utf-8").split("\n")]
    assert lines
    assert [tokenize(line) for line in lines] == [jieba_tokens(line) for line in lines]
    whole = "\n".join(lines)
    assert tokenize(whole) == jieba_tokens(whole)


def _dictionary_words(max_len: int = 4, limit: int = 20_000) -> list[str]:
    _REFERENCE.check_initialized()
    words = sorted(w for w, freq in _REFERENCE.FREQ.items() if freq and len(w) <= max_len)
    return random.Random(7).sample(words, limit)


def test_identical_to_jieba_on_generated_lines():
    # Thousands of lines of dictionary words, single characters and repeats, cut through the cache
    # (second pass) and without it (first pass).
    rng = random.Random(20261122)
    words = _dictionary_words()
    chars = [w for w in words if len(w) == 1]
    lines = []
    for _ in range(3000):
        parts = [rng.choice(words if rng.random() < 0.7 else chars) * rng.choice((1, 1, 1, 2, 3))
                 for _ in range(rng.randint(1, 12))]
        lines.append("".join(p + (rng.choice("，。、 ") if rng.random() < 0.2 else "") for p in parts))
    tokenize_mod._cut_block.cache_clear()
    assert [tokenize(line) for line in lines] == [jieba_tokens(line) for line in lines]
    assert [tokenize(line) for line in lines] == [jieba_tokens(line) for line in lines]


_WORDS = _dictionary_words(limit=5_000)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(list("好人天看的了是，。 1a%-"))), max_size=15))
def test_identical_to_jieba_property(parts):
    text = "".join(parts)
    assert tokenize(text) == jieba_tokens(text)


def test_short_other_pieces_are_remembered_long_ones_are_not():
    tokenize_mod._other_tokens.cache_clear()
    short = "天津港，今年（一季度）吞吐量增长。\n北京 市场"
    assert tokenize(short) == jieba_tokens(short)
    assert tokenize_mod._other_tokens.cache_info().currsize > 0
    tokenize_mod._other_tokens.cache_clear()
    # A long run of another script between Han blocks: the same tokens, nothing kept in the cache.
    long_other = "天津港" + "한국어 문장입니다 " * 20 + "北京"
    assert tokenize(long_other) == jieba_tokens(long_other)
    assert tokenize_mod._other_tokens.cache_info().currsize == 0


def test_dictionary_words_tagged_reads_jieba_tags():
    prepositions = tokenize_mod.dictionary_words_tagged(frozenset({"p"}))
    verbs = tokenize_mod.dictionary_words_tagged(frozenset({"v"}))
    assert "在" in prepositions and "在" not in verbs
    assert "举行" in verbs and "活动" not in verbs  # 活动 is tagged vn, a verbal noun
