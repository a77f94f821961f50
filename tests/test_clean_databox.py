"""Data boxes read line by line (tasks/clean_databox.py): a run of rows of figures, with its header row
and label, is furniture; a single row, a title or a sentence is not."""
from __future__ import annotations

import pytest

from tasks.clean_databox import data_box_lines, is_data_row


@pytest.mark.parametrize("text, row", [
    ("大米 2.60元/斤", True), ("某某指数 3012.55 +0.42%", True), ("后天 晴转多云 15～24℃", True),
    ("居民消费价格 102.1 1.5%", True),
    ("盘活存量空间 孕育发展动能", False),  # a two-part title, no figure
    ("今年全市新增就业岗位 3万个，同比增长5%。", False),  # a sentence
    ("某区养老服务中心投入使用", False), ("2025", False),
])
def test_a_row_is_fields_with_a_figure_and_no_sentence(text, row):
    assert is_data_row(text) is row


def test_a_run_of_rows_takes_its_header_and_label():
    texts = ["正文一句。", "本周价格", "品名 价格", "大米 2.60元/斤", "食用油 9.90元/升", "正文二句。"]
    assert data_box_lines(texts) == [1, 2, 3, 4]


def test_a_single_row_is_no_box():
    texts = ["2024 某某两会", "特别报道", "正文一句。", "大米 2.60元/斤", "正文二句。"]
    assert data_box_lines(texts) == []


def test_a_two_part_title_over_rows_is_no_header():
    texts = ["全面推行河湖长制 十年守护碧水清波", "大米 2.60元/斤", "食用油 9.90元/升"]
    assert data_box_lines(texts) == [1, 2]


def test_notes_taken_out_already_do_not_break_a_run_of_rows():
    # OCR read the box's unit and source notes between its rows; other evidence placed them already
    texts = ["正文一句。", "产值 12.5亿元 3.1%", "单位：亿元", "出口 8.2亿元 2.4%", "正文二句。"]
    placed = [False, False, True, False, False]
    assert data_box_lines(texts, placed) == [1, 2, 3]
    assert data_box_lines(texts) == []  # unplaced, the note parts two single rows


def test_more_placed_lines_than_a_box_holds_part_two_rows():
    texts = ["产值 12.5亿元 3.1%", "第3版", "要闻", "责任编辑 某某", "出口 8.2亿元 2.4%"]
    assert data_box_lines(texts, [False, True, True, True, False]) == []


def test_a_single_row_under_column_names_is_a_box():
    # the header read as a control bar and the notes were taken out already; the one row is the box's
    texts = ["正文一句。", "项目 本月 同比", "单位：亿元", "数据来源：某局", "产值 12.5亿元 3.1%", "某区养老服务中心投入使用"]
    placed = [False, True, True, True, False, False]
    assert data_box_lines(texts, placed, placed) == [4]
    assert data_box_lines(texts, [False] * 6) == []  # nothing placed: the notes part it from the header
    assert data_box_lines(["本报记者 王某", "全市新增就业 12万人"]) == []  # a byline is no row of column names
