"""Global link choice (tasks/segment_match.py) and run relabelling (tasks/segment_runs.py)."""
from tasks.segment_match import match_links, matched_links
from tasks.segment_runs import relabel_runs


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


def test_relabel_moves_a_run_home_and_keeps_first_paragraphs():
    texts = ["湿地候鸟数量创新高,保护区监测候鸟三万只。", "保护区设置观鸟屏障,湿地候鸟栖息区安装摄像头。",
             "公交线路新开通三条,公交车辆采用新能源。", "湿地保护区巡护人员全天候监测候鸟。"]
    heads, orders = ["湿地候鸟数量创新高", "新增三条公交线路"], [[0, 1], [2, 3]]
    assert relabel_runs(heads, orders, texts, {}) == [[0, 1, 3], [2]]
