"""PatternGroup: a lexicon group's patterns searched one by one give the joined alternation's match."""
import re

import pytest

from tasks.clean_lexicon import PatternGroup, load_lexicons


def _joined(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@pytest.mark.parametrize("patterns, text", [
    (["记者", "本报"], "本报记者 张三"),  # the second pattern matches further left: it wins
    (["新闻发布", "新闻"], "今日新闻发布会"),  # both start at one place: the first pattern's longer span wins
    (["新闻", "新闻发布"], "今日新闻发布会"),  # ... and with the order swapped, the shorter one
    (["^首页$", "首页"], "返回首页"),  # an anchored pattern that fails leaves the other's match
    (["摄$", "图"], "图为某某在田间查看（某某 摄"),
    (["版权所有", "©"], "正文一句。"),  # no match at all
    (["a|b", "c"], "xcxbxa"),  # a pattern's own alternation stays inside it
])
def test_a_group_finds_the_match_the_joined_alternation_finds(patterns, text):
    group = PatternGroup(tuple(re.compile(p) for p in patterns), _joined(patterns), one_by_one=True)
    expected = _joined(patterns).search(text)
    found = group.search(text)
    assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))


def test_a_group_of_patterns_anchored_at_the_start_is_searched_joined():
    lex = load_lexicons()
    assert not lex.furniture.one_by_one  # every furniture pattern opens with ^
    assert lex.caption.one_by_one


def test_every_lexicon_group_matches_like_its_joined_alternation():
    lex = load_lexicons()
    groups = [g for _, g, _ in lex.boilerplate] + [g for _, g in lex.metadata + lex.metadata_joined]
    groups += [lex.boilerplate_blocks, lex.caption, lex.caption_position, lex.caption_scene, lex.kicker,
               lex.continuation, lex.furniture]
    texts = ["版权所有 © 2024 某某网", "（上接第1版）", "来源：某某日报 记者：张三", "图为某某在田间查看（某某 摄）",
             "分享到：", "某代表建议", "要闻", "相关阅读", "今年以来，全市新增就业12万人。", "前排左三为某某"]
    for group in groups:
        joined = _joined([p.pattern for p in group.patterns])
        group = PatternGroup(group.patterns, joined, one_by_one=True)  # the joined search would pass trivially
        for text in texts:
            expected, found = joined.search(text), group.search(text)
            assert (found and found.span()) == (expected and expected.span()), (group, text)
