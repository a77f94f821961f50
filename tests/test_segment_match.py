"""Global link choice (tasks/segment_match.py)."""
from tasks.segment_match import match_links, matched_links


def test_matching_gives_the_contested_target_to_the_line_that_needs_it():
    # 1 and 2 both read on into 10; 2 has a fair second choice (11), 1 has none
    pairs = [(3.0, 1, 10), (3.2, 2, 10), (1.5, 2, 11)]
    assert match_links(pairs, {1: 0.0, 2: 0.0}) == {1: 10, 2: 11}


def test_pairs_compare_by_score_whatever_the_floor():
    # a doubled-character source needs 1.0 to link; once over it, its pair weighs as scored
    assert match_links([(3.1, 1, 10), (2.7, 2, 10), (0.5, 2, 12)], {1: 1.0, 2: 0.0}) == {1: 10, 2: 12}


def test_a_link_that_closes_a_cycle_is_replaced():
    # 5 -> 3 would make 3 -> 4 -> 5 -> 3 (4 and 5 stand under 3): 5 takes its other candidate
    pred = {3: None, 4: 3, 5: 4, 6: None}
    assert matched_links([(2.0, 5, 3), (1.0, 5, 6)], {5: 0.0}, pred) == {5: 6}


def test_component_labels_number_components_as_scipy_does():
    import random

    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from tasks.segment_match import component_labels

    rng = random.Random(3)
    for _ in range(200):
        n = rng.randint(1, 30)
        edges = [(rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 25))]
        left, right = [a for a, _ in edges], [b for _, b in edges]
        graph = coo_matrix((np.ones(len(edges)), (left, right)), shape=(n, n))
        assert component_labels(n, left, right).tolist() == connected_components(graph, directed=False)[1].tolist()
