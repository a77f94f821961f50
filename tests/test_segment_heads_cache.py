"""Memoised line parsers (tasks/segment_heads.py) hand out fresh mutable results."""
from tasks.segment_heads import parse_byline, parse_dateline


def test_memoised_byline_returns_a_fresh_list():
    first = parse_byline("本报记者 张清")
    first.append("x")
    assert parse_byline("本报记者 张清") == ["张清"]


def test_memoised_dateline_returns_fresh_reporters():
    first = parse_dateline("本报讯(记者 吴巧君)今天上午")
    first.reporters.append("x")
    assert parse_dateline("本报讯(记者 吴巧君)今天上午").reporters == ["吴巧君"]
