"""New-word discovery finds frequent, cohesive, free strings the dictionary does not know."""
from tasks.new_words import DiscoveryThresholds, discover_new_words

# A tiny corpus has low PMI everywhere (log of its size), so the cohesion bar is lowered.
SMALL_CORPUS = DiscoveryThresholds(min_count=5, min_cohesion=1.0)
CONTEXTS = ["昨日{}举行活动。", "记者走进{}看到", "在{}里，企业", "据{}负责人介绍", "{}的企业很多。", "走访{}后发现"]


def _texts(word: str) -> list[str]:
    return [template.format(word) for template in CONTEXTS] * 2


def test_a_coined_term_in_varied_contexts_is_discovered():
    words = [c.word for c in discover_new_words(_texts("天开园"), thresholds=SMALL_CORPUS)]
    assert "天开园" in words
    assert "天开" not in words and "开园" not in words  # fragments of the longer word


def test_known_words_and_rare_strings_are_left_out():
    texts = _texts("天开园") + ["链长制只出现一次。"]
    words = [c.word for c in discover_new_words(texts, known=lambda w: w == "天开园")]
    assert "天开园" not in words
    assert "链长制" not in words


def test_text_without_han_characters_gives_nothing():
    assert discover_new_words(["GDP 12.5%", "", "   "]) == []
