"""tokenize: jieba precise mode with the project's user dictionary."""
import pytest

from tasks.tokenize import DICTIONARY_VERSION, is_known_word, tokenize


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
