"""attach_metadata: page metadata copied into articles, reporters read from an author field."""
import pytest

from tasks.records import Article, CleanLine
from tasks.schema import ROLE_METADATA
from tasks.segment_articles import attach_metadata


def _page_with_author(value: str, articles: int = 1) -> list[Article]:
    found = [Article(ordinal=k, headline=f"标题{k}", paragraphs=["正文。"], source_lines=[k + 2]) for k in range(articles)]
    meta = CleanLine(1, value, value, ROLE_METADATA, metadata={"source_name": "某某网", "author": value})
    attach_metadata(found, [meta])
    return found


@pytest.mark.parametrize("value, reporters", [
    ("林小禾 郑可欣 吴天宇", ["林小禾", "郑可欣", "吴天宇"]),  # space-separated, as crawlers leave them
    ("记者：周海川、林晓", ["周海川", "林晓"]),
    ("某某社记者 陈思远", ["陈思远"]),
    ("新华社 吴天宇", ["吴天宇"]),  # an agency beside the name is no reporter
    ("本报评论员", []),  # a title, no name
    ("文明", []),  # a common word that happens to start with a surname
    ("文静怡", ["文静怡"]),  # 文 as a surname, not the 文／ label
])
def test_reporters_from_an_author_field_are_names_only(value, reporters):
    assert _page_with_author(value)[0].reporters == reporters


def test_author_field_is_not_spread_over_several_articles():
    assert all(not a.reporters for a in _page_with_author("林小禾", articles=2))


def test_page_fields_reach_every_article():
    assert all(a.source_name == "某某网" for a in _page_with_author("林小禾", articles=2))
