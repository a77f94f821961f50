"""Language-model ratio scores of paragraph units under article models (tasks/segment_ratio.py)."""
import numpy as np

from tasks.segment_ratio import RatioScorer


def _scorer():
    # two bigram columns; article 0's head uses column 0, article 1's head column 1
    units = [(np.array([0]), np.array([2.0])), (np.array([1]), np.array([2.0])), (np.array([], dtype=int), np.array([]))]
    heads = np.array([[3.0, 0.0], [0.0, 3.0]])
    return RatioScorer(units, heads, np.array([0.5, 0.5]), 0.3, np.array([0, 1, 2]))


def test_a_unit_scores_higher_under_the_article_that_shares_its_bigrams():
    scorer = _scorer()
    scores = scorer.emissions([0, 0, 0], [[0, 1], [0, 1], [0, 1]])
    assert scores[0][0] > 0 > scores[0][1]
    assert scores[1][1] > 0 > scores[1][0]
    assert scores[2] == [0.0, 0.0]  # no bigrams, no evidence


def test_memoised_scores_equal_a_fresh_computation():
    scorer = _scorer()
    first = scorer.emissions([0, 1, 1], [[0, 1], [0, 1], [0, 1]])
    again = scorer.emissions([0, 1, 1], [[0, 1], [0, 1], [0, 1]])
    assert first == again == _scorer().emissions([0, 1, 1], [[0, 1], [0, 1], [0, 1]])
    assert scorer.home_scores(1, [1, 2], [0, 1, 1]) == _scorer().home_scores(1, [1, 2], [0, 1, 1])


def test_scores_are_the_numpy_expression_bit_for_bit():
    rng = np.random.default_rng(5)
    heads = rng.integers(0, 4, size=(3, 12)).astype(float)
    units = [(np.sort(rng.choice(12, 5, replace=False)), rng.integers(1, 4, size=5) * 0.75) for _ in range(4)]
    background = rng.random(12) + 0.05
    scorer = RatioScorer(units, heads, background, 0.3, np.arange(4))
    cols, x = units[0]
    sizes = heads.sum(axis=1)
    ratio = heads[np.array([0, 1, 2])[:, np.newaxis], cols]  # the steps of the all-numpy version
    ratio *= (0.3 / np.maximum(sizes, 1.0))[:, np.newaxis]
    ratio /= background[cols]
    ratio += 1.0 - 0.3
    np.log(ratio, out=ratio)
    expected = (ratio @ x / scorer.lengths[0]).tolist()
    assert scorer.emissions([0, 0, 0, 0], [[0, 1, 2], [], [], []])[0] == expected
    home = heads[2][cols][np.newaxis, :]  # a single row: its own matrix product, as before
    home *= np.array([0.3 / max(sizes[2], 1.0)])[:, np.newaxis]
    home /= background[cols]
    home += 1.0 - 0.3
    np.log(home, out=home)
    assert scorer.home_scores(2, [0], [0, 0, 0, 0]) == (home @ x / scorer.lengths[0]).tolist()


def test_all_home_scores_are_each_articles_home_scores():
    rng = np.random.default_rng(9)
    heads = rng.integers(0, 4, size=(3, 10)).astype(float)
    units = [(np.sort(rng.choice(10, int(k), replace=False)), rng.integers(1, 4, size=int(k)) * 0.75)
             for k in rng.integers(0, 6, size=8)]
    label = [0, 0, 1, 0, 2, 1, 2, 0]
    articles = [(0, [0, 1, 3, 7]), (1, [2, 5, 6]), (2, [4, 6])]
    args = (units, heads, rng.random(10) + 0.05, 0.3, np.arange(8))
    together = RatioScorer(*args).all_home_scores(articles, label)
    assert together == [RatioScorer(*args).home_scores(a, rows, label) for a, rows in articles]


def test_adding_several_units_at_once_sums_as_one_addition_per_unit():
    """_add lays several units end to end in one np.add.at: each element's sum must be the one
    a `+=` per unit, in order, gives (shared columns included), bit for bit."""
    rng = np.random.default_rng(11)
    units = [(np.sort(rng.choice(40, int(k), replace=False)), rng.random(int(k)) * 3.1) for k in rng.integers(1, 30, size=9)]
    scorer = RatioScorer(units, rng.random((2, 40)), rng.random(40) + 0.05, 0.3, np.arange(9))
    for chosen in ([4], [0, 3, 5], list(range(9)), [8, 1, 8]):
        expected = scorer.heads[0].copy()
        for u in chosen:
            cols, x = units[u]
            expected[cols] += x
        profile, pending = scorer.heads[0].copy(), list(chosen)
        scorer._add(profile, pending)
        assert profile.tobytes() == expected.tobytes() and pending == []


def test_ahead_scores_are_the_dense_expression_bit_for_bit():
    """Units against later articles (head and the units they hold from their head on): the
    numbers of the dense expression over every term, log-ratios on all of them, and a
    sequential count-weighted sum over each unit's terms, as the sparse product adds them."""
    rng = np.random.default_rng(13)
    n = 14
    heads = rng.integers(0, 3, size=(3, n)).astype(float)  # zeros: terms an article has not seen
    units = [(np.sort(rng.choice(n, int(k), replace=False)), rng.integers(1, 4, size=int(k)) * 0.75)
             for k in (4, 6, 3, 5, 2)]
    background = rng.random(n) + 0.05
    first, starts = np.array([0, 2, 4, 6, 8]), [0.0, 3.0, 5.0]
    label, ahead_sets = [0, 1, 0, 2, 1], [[1, 2], [2], [], [], []]
    scorer = RatioScorer(units, heads, background, 0.3, first)
    profiles = heads[[1, 2]].copy()
    for u, b in enumerate(label):
        if b in (1, 2) and first[u] > starts[b]:
            profiles[b - 1, units[u][0]] += units[u][1]
    sizes = np.maximum(profiles.sum(axis=1), 1.0)
    ratio = np.log(0.3 * profiles / sizes[:, np.newaxis] / background + (1.0 - 0.3))
    expected = []
    for u, labels in enumerate(ahead_sets):
        cols, x = units[u]
        row = []
        for b in labels:
            total = 0.0
            for c, count in zip(cols, x):
                total += count * ratio[b - 1, c]
            row.append(total / scorer.lengths[u])
        expected.append(row)
    assert scorer.ahead_emissions(label, ahead_sets, starts) == expected


def test_cells_take_what_indexing_by_rows_and_columns_reads():
    rng = np.random.default_rng(17)
    units = [(np.array([1, 4, 6]), np.array([1.0, 0.75, 2.0]))]
    scorer = RatioScorer(units, rng.random((4, 8)), rng.random(8) + 0.05, 0.3, np.array([0]))
    running = rng.random((4, 8))
    for labels in ([2], [0, 3], [3, 1, 2]):
        expected = running[np.array(labels)[:, np.newaxis], units[0][0]]
        assert running.take(scorer._cells(0, labels)).tobytes() == expected.tobytes()
