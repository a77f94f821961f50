"""Generated web dumps and markdown feature pages (tests/web_pages.py, tests/web_pages_sites.py)
through cleaning and segmentation: body kept, boilerplate dropped, headline and reporters found."""
import random

import pytest

from tests.scrambler_heldout import HELDOUT_ARTICLES
from tests.web_pages import markdown_page, page_score, pages, web_page
from tests.web_pages_sites import SITE_KINDS

PAGES = 30
# per page kind: minimum mean exact match, headline and reporter accuracy; no boilerplate kept, no body lost
# (measured on 100 held-out pages of seed 0: 1.000 everywhere but runon_meta reporters .89, an
# inline credit in bold standing before the dateline)
FLOORS = {"web_page": 0.97, "markdown_article": 0.95, "gov_notice": 0.95, "wechat_article": 0.95,
          "portal_article": 0.95, "list_page": 1.0, "paged_feature": 0.95, "runon_meta": 0.85}


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_generated_pages_of_held_out_articles_are_read_well(kind):
    results = [page_score(lines, gold) for lines, gold in pages(kind, PAGES, 0, HELDOUT_ARTICLES)]
    mean = {key: sum(r[key] for r in results) / len(results) for key in results[0]}
    assert mean["exact"] >= FLOORS[kind] and mean["headline"] >= FLOORS[kind] and mean["reporters"] >= FLOORS[kind]
    assert mean["boiler_leak"] == 0 and mean["body_lost"] == 0


def test_generated_gold_accounts_for_every_line():
    rng = random.Random(1)
    generated = [web_page(rng, HELDOUT_ARTICLES[0]), markdown_page(rng, *HELDOUT_ARTICLES[:2])]
    generated += [build(rng, article) for build in SITE_KINDS.values() for article in HELDOUT_ARTICLES]
    for lines, gold in generated:
        placed = set(gold["boilerplate_lines"])
        for article in gold["articles"]:
            placed |= set(article["headline_lines"] + article["byline_lines"] + article["body_lines"])
        assert placed == {n for n, line in enumerate(lines, 1) if line.strip()}



def test_list_pages_hold_no_article_and_every_line_is_boilerplate():
    for lines, gold in pages("list_page", 5, 0, HELDOUT_ARTICLES):
        assert gold["articles"] == []
        assert set(gold["boilerplate_lines"]) == {n for n, line in enumerate(lines, 1) if line.strip()}


# Page forms of a second author (tests/web_pages_forms.py): minimum mean exact match on 30 held-out pages
# of seed 0 (measured on 100: comment_thread, quoted_table, brief_column, interview and their OCR forms
# 1.00, pdf_page .95; live_timeline .61 is an open problem, floored where it stands so it cannot slip)
FORM_FLOORS = {"comment_thread": 1.0, "quoted_table": 1.0, "pdf_page": 0.9, "brief_column": 0.95,
               "interview": 0.95, "live_timeline": 0.55, "brief_column_ocr": 0.95, "interview_ocr": 0.95}


@pytest.mark.parametrize("kind", sorted(FORM_FLOORS))
def test_page_forms_of_a_second_author_hold_their_floor(kind):
    results = [page_score(lines, gold) for lines, gold in pages(kind, PAGES, 0, HELDOUT_ARTICLES)]
    assert sum(r["exact"] for r in results) / len(results) >= FORM_FLOORS[kind]


def test_form_gold_accounts_for_every_line():
    from tests.web_pages_forms import FORM_KINDS

    rng = random.Random(2)
    for build_page in FORM_KINDS.values():
        for _ in range(5):
            lines, gold = build_page(rng, HELDOUT_ARTICLES)
            placed = set(gold["boilerplate_lines"])
            for article in gold["articles"]:
                placed |= set(article["headline_lines"] + article["byline_lines"] + article["body_lines"])
            assert placed == {n for n, line in enumerate(lines, 1) if line.strip()}
