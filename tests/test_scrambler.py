"""The page generator (tests/scrambler.py): runs placed ahead of their own head, gold in reading order."""
import random

from tasks.schema import ROLE_CONTENT
from tests import scrambler, scrambler_heads

PLAIN = dict(cut=0.6, interleave=0.8, double=0.0, late_byline=0.0, furniture=0.3, continued=0.0)


def _pages(kind: str, n: int = 30, seed: int = 4) -> list[tuple[list[str], dict]]:
    """Lines and gold (less the kind's name) of `n` pages of `kind`."""
    rng = random.Random(seed)
    pages = [scrambler.scrambled_page(rng, n_articles=rng.randint(2, 5), kind=kind) for _ in range(n)]
    return [(lines, {k: v for k, v in gold.items() if k != "kind"}) for lines, gold in pages]


def test_a_zero_ahead_rate_draws_nothing_so_existing_kinds_keep_their_pages(monkeypatch):
    monkeypatch.setitem(scrambler.KINDS, "plain", PLAIN)
    monkeypatch.setitem(scrambler.KINDS, "plain_ahead_off", dict(PLAIN, ahead=0.0))
    assert _pages("plain") == _pages("plain_ahead_off")


def test_ahead_pages_put_runs_before_their_head_with_the_gold_in_reading_order(monkeypatch):
    monkeypatch.setitem(scrambler.KINDS, "plain_ahead", dict(PLAIN, ahead=0.6))
    ahead_runs = 0
    for lines, gold in _pages("plain_ahead"):
        by_headline = {article[1]: article for article in scrambler.ARTICLES}
        for article in gold["articles"]:
            ahead_runs += any(n < min(article["headline_lines"]) for n in article["body_lines"])
            # no doubled characters: the body lines in gold order spell the article's paragraphs
            assert "".join(lines[n - 1] for n in article["body_lines"]) == "".join(by_headline[article["headline"]][4])
            order = article["body_lines"]
            assert all([a, b] in [order[k:k + 2] for k in range(len(order) - 1)] for a, b in article["joins"])
    assert ahead_runs >= 10


def test_zero_head_stack_rates_draw_nothing(monkeypatch):
    monkeypatch.setitem(scrambler.KINDS, "plain", PLAIN)
    monkeypatch.setitem(scrambler.KINDS, "plain_heads_off", dict(PLAIN, event_kicker=0.0, section_label=0.0, lead_ahead=0.0))
    assert _pages("plain") == _pages("plain_heads_off")


def test_labelled_heads_pages_hold_section_labels_segmentation_must_find():
    labels = kickers = 0
    for lines, gold in _pages("labelled_heads"):
        roles = gold["roles"]
        for n in gold["boilerplate_lines"]:
            if lines[n - 1] in scrambler_heads.SECTION_LABELS:
                labels += 1
                assert n not in roles  # given to segmentation as content
                doc, clean = scrambler.page_inputs(lines, gold)
                assert next(line.role for line in clean if line.line_no == n) == ROLE_CONTENT
        for article in gold["articles"]:
            kickers += article["kicker"] in scrambler_heads.EVENT_KICKERS.values()
    assert labels >= 10 and kickers >= 10


def test_lead_ahead_pages_put_the_cut_first_paragraph_before_its_head():
    leads = 0
    for lines, gold in _pages("lead_ahead"):
        for article in gold["articles"]:
            order = article["body_lines"]
            if article["headline_lines"] and order[0] < min(article["headline_lines"]):
                leads += 1
                assert [order[0], order[1]] in article["joins"] and order[1] > max(article["headline_lines"])
    assert leads >= 10
