"""TermScanner gives exactly ahocorasick's iter_long: on seeds, on generated text and on fuzzed strings."""
from __future__ import annotations

import random
from pathlib import Path

import ahocorasick
import pytest

from tasks.region_gazetteer import load_gazetteer
from tasks.term_scan import TermScanner
from tasks.theme_lexicon import default_lexicons

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TERMS = ["北京", "北京市", "北京市场", "京津冀", "天津", "天津港", "津港", "港口", "中国", "中国人民", "人民银行",
         "银行", "a", "ab", "abc", "bc", "市场", "场"]
CASES = [
    "北京市场监管局在天津港召开会议",
    "中国人民银行北京市分行",
    "abcabc ab a bc",
    "京津冀协同发展，天津港口繁忙。",
    "北京北京市北京市场",
    "\ue000\ue001北京\ue001\ue000市场",
    "",
    "无关文字",
]


def _plain(items) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for term, value in items:
        automaton.add_word(term, value)
    automaton.make_automaton()
    return automaton


@pytest.mark.parametrize("min_first_chars", [0, 10_000])  # with and without replacing outside characters
@pytest.mark.parametrize("text", CASES)
def test_table_of_cases(text, min_first_chars):
    items = [(term, (term, i)) for i, term in enumerate(TERMS)]
    scanner = TermScanner(items, min_first_chars=min_first_chars)
    assert list(scanner.iter_long(text)) == list(_plain(items).iter_long(text))


@pytest.mark.parametrize("min_first_chars", [0, 10_000])
def test_fuzzed_strings(min_first_chars):
    items = [(term, (term, i)) for i, term in enumerate(TERMS)]
    plain, scanner = _plain(items), TermScanner(items, min_first_chars=min_first_chars)
    rnd = random.Random(11)
    pieces = TERMS + [t[:1] for t in TERMS] + [t[1:] for t in TERMS] + list("的，。\n x1\ue000\ue001")
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert list(scanner.iter_long(text)) == list(plain.iter_long(text)), text


def test_real_vocabularies_on_seeds():
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS.glob("*")) if p.is_file()]
    assert texts
    themes, topics = default_lexicons()
    for automaton in (load_gazetteer().automaton, themes.automaton, topics.automaton):
        items = list(automaton.items())
        scanner = TermScanner(items)
        terms = [term for term, _ in items]
        rnd = random.Random(5)
        fuzzed = ["".join(rnd.choice(terms)[: rnd.randint(1, 4)] for _ in range(30)) for _ in range(200)]
        for text in texts + fuzzed:
            assert list(scanner.iter_long(text)) == list(automaton.iter_long(text))


def test_sentinel_in_a_term_is_refused():
    with pytest.raises(ValueError):
        TermScanner([("北\ue000", 1)], min_first_chars=0)


def test_long_texts_take_the_array_path_with_the_same_matches():
    items = [(term, (term, i)) for i, term in enumerate(TERMS)]
    plain, scanner = _plain(items), TermScanner(items, min_first_chars=0)
    rnd = random.Random(13)
    pieces = TERMS + list("的，。\n x1\ue000\ue001\U00020001")
    for _ in range(300):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(150, 300)))
        assert list(scanner.iter_long(text)) == list(plain.iter_long(text))
    lone_surrogate = "北京" * 200 + "\ud800" + "天津港"
    assert list(scanner.iter_long(lone_surrogate)) == list(plain.iter_long(lone_surrogate))


@pytest.mark.parametrize("min_first_chars", [0, 10_000])
def test_matches_each_equals_one_scan_per_text(min_first_chars):
    items = [(term, (term, i)) for i, term in enumerate(TERMS)]
    plain, scanner = _plain(items), TermScanner(items, min_first_chars=min_first_chars)
    rnd = random.Random(17)
    pieces = TERMS + [t[:1] for t in TERMS] + list("的，。\n x1\ue000\ue001\U00020001")
    for _ in range(300):
        # Short and long texts together: the joined text takes the array path, a lone surrogate the regex.
        texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 80))) for _ in range(rnd.randint(0, 6))]
        if rnd.random() < 0.1:
            texts.append("北京\ud800天津")
        assert scanner.matches_each(texts) == [tuple(plain.iter_long(text)) for text in texts]
