"""A paragraph that column breaks cut into short pieces is read back as text (tasks/clean_paragraphs.py)."""
from __future__ import annotations

import pytest

from tasks.clean import clean_document
from tasks.clean_lexicon import load_lexicons
from tasks.clean_paragraphs import cut_paragraph_lines
from tasks.clean_score import DEFAULT_THRESHOLDS, line_evidence, local_verdict
from tasks.records import SourceDocument
from tasks.schema import ROLE_CONTENT


def _evidence(texts: list[str]):
    lines = [line_evidence(n, text) for n, text in enumerate(texts, 1)]
    for ln in lines:
        local_verdict(ln, load_lexicons(), DEFAULT_THRESHOLDS)
    return lines


@pytest.mark.parametrize(
    "texts, found",
    [
        # open pieces with commas, then the sentence's end: one paragraph
        (["下一步，区里将会同有关部门完善养老", "服务网络，推动更多社区食", "堂向周边村庄延伸。"], [0, 1, 2]),
        # a continuation note after the full stop
        (["近日，东湖街道新建的八家社区", "书屋正式开放，居民可免费借阅。（下转第3版）"], [0, 1]),
        # a headline over a paragraph's end: a title holds no comma and opens nothing
        (["东湖街道社区书屋开放", "居民可免费借阅图书和报刊。"], []),
        # a list of headlines, one with a comma, the next none, and a question: no paragraph
        (["落差变动能，发展后劲更足", "老街巷迎来新变化", "社区书屋如何留住年轻读者？"], []),
        # a title ending on a question mark or a quote is no paragraph's end
        (["东湖街道推行“一站式”服务，", "居民办事为何不再跑腿？"], []),
        # too short together to tell from a label and a note
        (["好消息，", "已开放。"], []),
    ],
)
def test_cut_paragraph_lines(texts, found):
    assert cut_paragraph_lines(_evidence(texts), DEFAULT_THRESHOLDS) == found


def test_a_paragraph_cut_into_short_pieces_between_page_notes_is_text():
    pieces = ["谈起下一步的打算，周某说，要把社区书屋", "交给居民自己管，让每个小区都有一", "支读书志愿服务队伍。"]
    body = "东湖街道今年新建社区书屋八家，藏书两万余册，每天开放十个小时，周末还举办亲子阅读活动。"
    lines = ["东湖街道社区书屋开放", "", body, "", "■ 本报记者 林某", "", "责任编辑 王某", "",
             *[x for p in pieces for x in (p, "")], "本报记者 李某 摄"]
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    roles = {ln.text: ln.role for ln in clean_document(doc)}
    assert [roles[p] for p in pieces] == [ROLE_CONTENT] * 3
