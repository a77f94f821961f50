"""Generated web dumps and markdown feature pages (tests/web_pages.py) through cleaning and
segmentation: body kept, boilerplate dropped, headline and reporters found."""
import random

import pytest

from tests.scrambler_heldout import HELDOUT_ARTICLES
from tests.web_pages import markdown_page, page_score, pages, web_page

PAGES = 30
# per page kind: minimum mean exact match, headline and reporter accuracy; no boilerplate kept, no body lost
FLOORS = {"web_page": 0.97, "markdown_article": 0.95}


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_generated_pages_of_held_out_articles_are_read_well(kind):
    results = [page_score(lines, gold) for lines, gold in pages(kind, PAGES, 0, HELDOUT_ARTICLES)]
    mean = {key: sum(r[key] for r in results) / len(results) for key in results[0]}
    assert mean["exact"] >= FLOORS[kind] and mean["headline"] >= FLOORS[kind] and mean["reporters"] >= FLOORS[kind]
    assert mean["boiler_leak"] == 0 and mean["body_lost"] == 0


def test_generated_gold_accounts_for_every_line():
    rng = random.Random(1)
    for lines, gold in (web_page(rng, HELDOUT_ARTICLES[0]), markdown_page(rng, *HELDOUT_ARTICLES[:2])):
        placed = set(gold["boilerplate_lines"])
        for article in gold["articles"]:
            placed |= set(article["headline_lines"] + article["byline_lines"] + article["body_lines"])
        assert placed == {n for n, line in enumerate(lines, 1) if line.strip()}
