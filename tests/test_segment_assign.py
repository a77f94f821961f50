"""Paragraph relabelling by the language-model ratio and the column-evidence gate (tasks/segment_assign.py)."""
import pytest

from tasks.segment import SCRAMBLED_THRESHOLD
from tasks.segment_assign import column_evidence, relabel_units
from tasks.segment_viterbi import best_label_path

WETLAND = ["湿地候鸟数量创新高,保护区监测候鸟三万只。", "保护区设置观鸟屏障,湿地候鸟栖息区安装摄像头。"]
BUS = ["公交线路新开通三条,公交车辆采用新能源。", "新能源公交车辆充电桩覆盖三条线路。"]
RUN = ["湿地保护区巡护人员全天候监测候鸟。"]


def test_a_run_of_another_article_moves_home():
    texts = WETLAND + BUS + RUN
    heads, orders = ["湿地候鸟数量创新高", "新增三条公交线路"], [[0, 1], [2, 3, 4]]
    assert relabel_units(heads, orders, texts, {}) == [[0, 1, 4], [2, 3]]


def test_first_paragraphs_and_own_text_stay():
    texts = WETLAND + BUS
    heads, orders = ["湿地候鸟数量创新高", "新增三条公交线路"], [[0, 1], [2, 3]]
    assert relabel_units(heads, orders, texts, {}) == orders


def test_an_articles_first_paragraph_never_moves_and_a_later_head_keeps_its_text():
    texts = BUS + WETLAND
    heads, orders = ["新增三条公交线路", "湿地候鸟数量创新高"], [[0, 1, 2], [3]]
    moved = relabel_units(heads, orders, texts, {})
    assert 0 in moved[0] and moved[1][0] == 3


def test_a_run_standing_ahead_of_its_own_head_moves_to_that_later_article():
    """Wetland paragraphs read before the wetland head (under the bus article) go to it; without
    later candidates (AHEAD_COST infinite) they stayed where they stand."""
    import numpy as np

    texts = BUS + RUN + ["湿地候鸟栖息区设置观鸟屏障。"] + WETLAND
    heads, orders = ["新增三条公交线路", "湿地候鸟数量创新高"], [[0, 1, 2, 3], [4, 5]]
    assert relabel_units(heads, orders, texts, {}) == [[0, 1], [4, 5, 2, 3]]
    assert relabel_units(heads, orders, texts, {}, ahead_cost=np.inf) == orders


def test_a_short_paragraph_ahead_of_its_head_moves_at_the_default_entry_cost():
    """A short wetland paragraph read before the wetland head, naming the wetland's terms: the default
    AHEAD_ENTRY lets it join the later article; the older, dearer entry (0.6) kept it under the bus
    article. A paragraph sharing no terms with the wetland text stays home at the default."""
    texts = BUS + ["湿地巡护人员监测候鸟。"] + WETLAND
    heads, orders = ["新增三条公交线路", "湿地候鸟数量创新高"], [[0, 1, 2], [3, 4]]
    assert relabel_units(heads, orders, texts, {}) == [[0, 1], [3, 4, 2]]
    assert relabel_units(heads, orders, texts, {}, ahead_entry=0.6) == orders
    texts = BUS + ["巡护人员全天候监测。"] + WETLAND
    assert relabel_units(heads, orders, texts, {}) == orders


def test_a_run_never_moves_ahead_to_a_headless_piece():
    texts = BUS + RUN + WETLAND
    heads, orders = ["新增三条公交线路", ""], [[0, 1, 2], [3, 4]]
    assert 2 in relabel_units(heads, orders, texts, {})[0]


@pytest.mark.parametrize("texts, links, gated", [
    (["第一段说完了。", "第二段也说完了。", "第三段。"], {}, False),       # whole paragraphs: tidy
    (["第一段没有说", "完。第二段也没", "说完。"], {0: 1, 1: 2}, True),      # column fragments
    (["第一段没有说", "另一篇。", "完。"], {0: 2}, True),                    # a join skips a line
])
def test_column_evidence(texts, links, gated):
    assert (column_evidence([list(range(len(texts)))], texts, links) >= SCRAMBLED_THRESHOLD) is gated


def test_a_foreign_paragraph_inside_its_host_moves_and_the_host_resumes():
    """Home, one clearly foreign unit, home again: returning home costs RETURN_COST, not a full
    switch, so a single sandwiched paragraph is worth moving when its gain beats both edges."""
    import numpy as np


    emit = np.array([[1.0, -np.inf], [-1.0, -0.65], [0.0, -1.0]])
    assert best_label_path(emit, 0.2, None, return_cost=0.1) == [0, 1, 0]
    assert best_label_path(emit, 0.2, None, return_cost=0.2) == [0, 0, 0]


def test_a_tail_moves_to_an_article_that_starts_inside_its_host():
    """Article 1 opens before article 0's tail; the tail (standing after article 1's start) may
    move there even though article 1 starts after article 0's first paragraph."""
    texts = BUS[:1] + WETLAND[:1] + BUS[1:] + WETLAND[1:] + RUN
    heads, orders = ["新增三条公交线路", "湿地候鸟数量创新高"], [[0, 2, 3, 4], [1]]
    assert relabel_units(heads, orders, texts, {}) == [[0, 2], [1, 3, 4]]


def test_glue_keeps_a_pair_together():
    """A change of label between two glued units costs the glue on top of the switch."""
    import numpy as np


    emit = np.array([[1.0, -np.inf], [0.0, -1.0], [-1.0, 0.0]])
    assert best_label_path(emit, 0.2, None) == [0, 0, 1]
    assert best_label_path(emit, 0.2, None, glue=[0.0, 0.0, 2.0]) == [0, 0, 0]


def test_entering_an_ahead_column_costs_once_per_run():
    """An entry cost on a column is paid on switching into it, not per unit: a lone unit with a
    small gain stays home, a run of two whose total gain covers the entry moves."""
    import numpy as np


    emit = np.array([[1.0, -np.inf], [0.0, 0.5], [0.0, -1.0]])
    assert best_label_path(emit, 0.2, None) == [0, 1, 0]
    enter = [{}, {1: 0.6}, {1: 0.6}]
    assert best_label_path(emit, 0.2, None, enter=enter) == [0, 0, 0]
    emit = np.array([[1.0, -np.inf], [0.0, 0.6], [0.0, 0.6], [0.0, -1.0]])
    assert best_label_path(emit, 0.2, None, enter=[{}, {1: 0.6}, {1: 0.6}, {1: 0.6}]) == [0, 1, 1, 0]


SEED = ["春播良种供应充足,良种覆盖率达到九成以上。", "农资门店备足化肥农药,农机检修完毕待春播。"]


@pytest.mark.parametrize("run", ["种子肥料储备到位,播种机具检修就绪。", "种子化肥已备齐。"])
def test_a_short_paragraph_sharing_characters_but_no_bigrams_moves_home(run, monkeypatch):
    # 种子/播种 share the character 种 with 良种/春播 but no bigram: only unigram evidence sees it
    texts = SEED + BUS + [run]
    heads, orders = ["春耕备耕物资充足", "新增三条公交线路"], [[0, 1], [2, 3, 4]]
    assert relabel_units(heads, orders, texts, {}) == [[0, 1, 4], [2, 3]]
    monkeypatch.setattr("tasks.segment_assign.UNIGRAM_WEIGHT", 0.0)
    assert relabel_units(heads, orders, texts, {}) == orders


def test_stock_phrases_are_no_evidence(monkeypatch):
    """A paragraph sharing only `负责人介绍` with an earlier article stays with its own; counted
    as terms, the shared stock phrase would pull it over."""
    from tasks import segment_stock

    texts = ["湿地候鸟数量创新高,保护区负责人介绍,监测候鸟三万只。", "公交线路新开通三条,公交车辆采用新能源。",
             "市交通运输委有关负责人介绍,将根据客流调整。"]
    heads, orders = ["湿地候鸟数量创新高", "新增三条公交线路"], [[0], [1, 2]]
    assert relabel_units(heads, orders, texts, {}) == orders
    monkeypatch.setattr(segment_stock, "STOCK_VOCABULARIES", ())
    segment_stock._stock_phrases.cache_clear()
    try:
        assert relabel_units(heads, orders, texts, {}) == [[0, 2], [1]]
    finally:
        segment_stock._stock_phrases.cache_clear()


@pytest.mark.parametrize("score, expected", [
    (None, [[0, 1], [2, 3, 4]]),      # no scores: every join binds its lines into one unit
    (0.5, [[0, 1, 4], [2, 3]]),       # a weak join comes apart, its far side goes home
    (5.0, [[0, 1], [2, 3, 4]]),       # a strong join still binds
])
def test_a_weak_join_to_another_articles_text_comes_apart(score, expected):
    """`…充电桩覆盖三条` was joined to a wetland line; only the join's score says how far to trust it."""
    texts = WETLAND + [BUS[0], "新能源公交车辆充电桩覆盖三条"] + RUN
    heads, orders = ["湿地候鸟数量创新高", "新增三条公交线路"], [[0, 1], [2, 3, 4]]
    scores = None if score is None else {3: score}
    assert relabel_units(heads, orders, texts, {3: 4}, link_scores=scores) == expected


def test_a_background_box_stays_with_the_story_it_follows():
    """The same run moves home by its words, unless it is a box under its label after the bus story."""
    texts = WETLAND + BUS + RUN
    heads, orders = ["湿地候鸟数量创新高", "新增三条公交线路"], [[0, 1], [2, 3, 4]]
    assert relabel_units(heads, orders, texts, {}, boxed=frozenset({4})) == orders
