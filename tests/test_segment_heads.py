"""Table-driven tests of byline, dateline, continuation-marker and head-line parsing."""
import pytest

from tasks.segment_heads import ends_sentence, parse_byline, parse_continuation, parse_dateline, split_head_line

BYLINES = [
    ("■ 本报记者 张清", False, ["张清"]),
    ("本报记者 张原", False, ["张原"]),
    ("记者 王奇 通讯员 李四", False, ["王奇", "李四"]),
    ("本报记者 韩雯 通讯员 张婧怡", False, ["韩雯", "张婧怡"]),
    ("张原 李宁馨 魏天权", True, ["张原", "李宁馨", "魏天权"]),
    ("张原 李宁馨 魏天权", False, None),
    ("项目信息", True, None),
    ("今年政府工作报告提出,全力促进科技创新。", True, None),
    # a commentary's signature: a bullet sets off the writer's name or the paper's commentator
    ("□ 苏禾", False, ["苏禾"]), ("◎江月", False, ["江月"]), ("□ 本报评论员 林溪", False, ["林溪"]),
    ("苏禾", False, None), ("· 张三", False, None), ("◆城东快速路主线贯通", False, None),
]


@pytest.mark.parametrize("text, names_only_ok, expected", BYLINES)
def test_parse_byline(text, names_only_ok, expected):
    assert parse_byline(text, names_only_ok=names_only_ok) == expected


DATELINES = [
    ("本报讯(记者 吴巧君)我市以推进京津冀协同发展", "本报讯", ["吴巧君"]),
    ("本报讯（记者 韩雯 通讯员 张婧怡）5月30日", "本报讯", ["韩雯", "张婧怡"]),
    ("新华社北京5月1日电(记者 张三 李四)今天", "新华社", ["张三", "李四"]),
    ("本报讯 昨日,项目开工", "本报讯", []),
    # the paper's own dateline with place and day
    ("本报杭州5月25日讯 昨日，地铁新线开始联调联试", "本报", []),
    ("本报北京5月12日电（记者 张三）今天", "本报", ["张三"]),
]


@pytest.mark.parametrize("text, source, reporters", DATELINES)
def test_parse_dateline(text, source, reporters):
    dateline = parse_dateline(text)
    assert dateline is not None and (dateline.source, dateline.reporters) == (source, reporters)


@pytest.mark.parametrize("text", ["新华社记者 张三", "今年以来,我市加快推进改造。",
                                  "本报记者日前从市供电公司获悉，全市用电负荷创新高。",  # `本报` without a day opens prose
                                  "新华社记者从市通讯管理局获悉，新基站全部开通。"])  # `讯` only closes a dated dateline
def test_not_a_dateline(text):
    assert parse_dateline(text) is None


CONTINUATIONS = [
    ("(上接第1版)希望发挥好科研人员集聚优势", 1, None, "希望发挥好科研人员集聚优势"),
    ("（上接第一版）", 1, None, ""),
    ("形成合力。(下转第2版)", None, 2, "形成合力。"),
    ("一段普通的正文。", None, None, None),
]


@pytest.mark.parametrize("text, from_page, to_page, rest", CONTINUATIONS)
def test_parse_continuation(text, from_page, to_page, rest):
    marker = parse_continuation(text)
    if rest is None:
        assert marker is None
    else:
        assert (marker.from_page, marker.to_page, marker.text) == (from_page, to_page, rest)


HEAD_LINES = [
    ("市人大代表任达建议 进一步推动基层疾控体系建设", ("市人大代表任达建议", "进一步推动基层疾控体系建设", None)),
    ("绘就乡村振兴的“诗与远方” ——记村党委书记胡震刚", (None, "绘就乡村振兴的“诗与远方”", "——记村党委书记胡震刚")),
    ("盘活存量空间 孕育发展动能", (None, "盘活存量空间 孕育发展动能", None)),
]


@pytest.mark.parametrize("text, expected", HEAD_LINES)
def test_split_head_line(text, expected):
    assert split_head_line(text) == expected


@pytest.mark.parametrize("text, expected", [("发展。", True), ("他说:“好。”", True), ("加快建设", False), ("是什么?", True)])
def test_ends_sentence(text, expected):
    assert ends_sentence(text) is expected
