"""segment_document: roles, joins on a small scrambled page, and a property test."""
import random

from hypothesis import given, settings, strategies as st

from tasks.records import CleanLine, SourceDocument
from tasks.schema import (
    ACTION_DROPPED,
    ACTION_JOINED,
    REASON_SECTION_LABEL,
    ROLE_BODY,
    ROLE_BYLINE,
    ROLE_CONTENT,
    ROLE_FURNITURE,
    ROLE_HEADLINE,
    ROLE_KICKER,
)
from tasks.segment import segment_document
from tasks.segment_joins import doubled_overlap, mid_start, open_end
from tests.scrambler import page_inputs, scrambled_page


def _doc(lines):
    return SourceDocument("t.txt", "", 0, "utf-8", "text/plain", tuple(lines))


def _clean(lines, furniture=()):
    return [CleanLine(n, raw, raw.strip(), ROLE_FURNITURE if n in furniture else ROLE_CONTENT)
            for n, raw in enumerate(lines, 1) if raw.strip()]


# A page read out of column order: the 职业教育 piece continues at line 9 after the 网格 piece began.
PAGE = [
    "要闻",
    "市人大代表宋裕庆建议",
    "建立激励机制提高职教教师学历层次",
    "本报讯(记者 姜凝)职教教师是培养高素质技术技能人才的主力军。宋裕庆建议,充分发挥我市职业教育",
    "市政协委员孟昭宽建议",
    "加强专职网格员队伍建设",
    "本报讯(记者 韩雯)人在网中走,事在格中办。近年来,网格化管理和服务把群众诉求解决在家门口。",
    "孟昭宽建议,依托社区力量建立专职网格员队伍,做好网格化管理。",
    "院校在职教师培训方面的优势,加大经费投入,逐步提高职教教师学历层次。",
]


def test_scrambled_page_roles_and_join():
    seg = segment_document(_doc(PAGE), _clean(PAGE, furniture={1}))
    assert [a.headline for a in seg.articles] == ["建立激励机制提高职教教师学历层次", "加强专职网格员队伍建设"]
    first = seg.articles[0]
    assert first.kicker == "市人大代表宋裕庆建议" and first.reporters == ["姜凝"] and first.dateline_source == "本报讯"
    assert first.source_lines == [2, 3, 4, 9] and first.joins == [(4, 9)]
    assert first.paragraphs[0].endswith("职业教育院校在职教师培训方面的优势,加大经费投入,逐步提高职教教师学历层次。")
    roles = {line.line_no: (line.role, line.action) for line in seg.lines}
    assert roles[1] == (ROLE_FURNITURE, ACTION_DROPPED)
    assert roles[2][0] == ROLE_KICKER and roles[3][0] == ROLE_HEADLINE and roles[9] == (ROLE_BODY, ACTION_JOINED)


def test_doubled_char_dropped_and_recorded():
    page = ["加强疾病预防", "■ 本报记者 耿莹", "他感到加强疾病预防的重要性。", "另一则消息", "本报讯 昨日,会议召开。", "性。去年他到几个乡镇卫生院做了调研。"]
    seg = segment_document(_doc(page), _clean(page))
    article = next(a for a in seg.articles if a.headline == "加强疾病预防")
    assert (3, 6) in article.joins and article.paragraphs == ["他感到加强疾病预防的重要性。去年他到几个乡镇卫生院做了调研。"]
    assert article.quality_flags.get("doubled_char_at_join") == 1
    line6 = next(line for line in seg.lines if line.line_no == 6)
    assert "doubled" in line6.reason and line6.ocr_flags == ("doubled_char_at_join",)


def test_trailing_byline_and_headless_fragment():
    page = ["绘就乡村振兴的诗与远方 ——记村党委书记胡震刚", "胡震刚带领村民建起了生态观光园。", "■ 本报记者 王青",
            "性。去年他到乡镇卫生院做了调研。"]
    seg = segment_document(_doc(page), _clean(page))
    first = seg.articles[0]
    assert first.subtitle == "——记村党委书记胡震刚" and first.reporters == ["王青"]
    assert {line.line_no: line.role for line in seg.lines}[3] == ROLE_BYLINE
    # the fragment after the byline cannot open an article: it stays with the page's only article
    assert seg.articles[-1].source_lines[-1] == 4


def test_headless_body_becomes_incomplete_article():
    page = ["性。去年他到乡镇卫生院做了调研。", "标题在别处的文章继续写道,工作还需补强。"]
    seg = segment_document(_doc(page), _clean(page))
    assert len(seg.articles) == 1 and seg.articles[0].headline == "" and not seg.articles[0].is_complete


def test_head_without_body_adopts_the_run_that_reads_as_its_own():
    page = ["打造智能制造产业集群", "本报记者 张原", "委员观点", "市政协委员王力:", "**发展养老服务**",
            "社区养老服务设施要加快补齐,助餐助浴服务要覆盖到每个街道。",
            "智能制造产业集群建设正在提速,全市智能制造企业超过三百家。",
            "智能制造产业园将引进机器人企业,推动产业集群向高端迈进。"]
    seg = segment_document(_doc(page), _clean(page, furniture={3}))
    main = seg.articles[0]
    assert main.headline == "打造智能制造产业集群" and main.source_lines == [1, 2, 7, 8]
    assert [a.source_lines for a in seg.articles[1:]] == [[4, 5, 6]]


def test_head_without_any_body_becomes_furniture():
    page = ["一则没有正文的标题", "本报记者 张原"]
    seg = segment_document(_doc(page), _clean(page))
    assert seg.articles == [] and all(line.role == ROLE_FURNITURE for line in seg.lines)
    assert "without body" in seg.lines[0].reason


def test_join_signals():
    assert open_end("充分发挥我市职业教育") and not open_end("学历层次。") and not open_end("项目名称 | 石材")
    assert mid_start("性。去年12月") == 0.9 and mid_start(",对哄抬价格") == 1.0 and mid_start("今年以来") == 0.0
    assert doubled_overlap("重要性。", "性。去年") == 2 and doubled_overlap("日常", "常常见到") == 0


# Floors a little under the scores measured on these generated pages (seed 1, 15 pages per kind):
# a change that makes segmentation worse on scrambled pages fails here. Measured (round 5, links
# by global matching): in_order .974/.92/.949, interleaved .874/.413/.83, mixed .848/.456/.821,
# heads .895/.618/.869, continued .846/.434/.893 (B3 / exact / joins). 15 pages are noisy: exact
# moves by ~.05 per page.
FLOORS = {
    "in_order": {"b3_f1": 0.95, "exact": 0.85, "joins_recall": 0.92, "headline": 0.95, "reporters": 0.95},
    "interleaved": {"b3_f1": 0.87, "exact": 0.40, "joins_recall": 0.80, "headline": 0.94},
    "mixed": {"b3_f1": 0.85, "exact": 0.50, "joins_recall": 0.79, "headline": 0.80, "reporters": 0.88},
    "heads": {"b3_f1": 0.88, "exact": 0.60, "joins_recall": 0.84, "headline": 0.86, "reporters": 0.85},
    "continued": {"b3_f1": 0.90, "exact": 0.62, "joins_recall": 0.86, "headline": 0.90, "reporters": 0.95},
    # titles over a bare `(上接…)`, kickers ending on 为, bylines over a later run: .928/.658, headline
    # .933, reporters .784 (before heads over markers, open kickers and signed-byline placement:
    # .899/.452, .794, .66)
    "continuation_heads": {"b3_f1": 0.90, "exact": 0.58, "joins_recall": 0.86, "headline": 0.88, "reporters": 0.72},
    # an enumerating article among others (tests/scrambler_enumerated.py): .956/.753, headline .903
    # (before parallel openers, tasks/segment_parallel.py: .931/.687, .873)
    "enumerated": {"b3_f1": 0.94, "exact": 0.72, "joins_recall": 0.86, "headline": 0.88, "reporters": 0.95},
}
# The same on articles never tuned on (tests/scrambler_heldout.py). Measured (round 6, paragraph
# moves by the language-model ratio, gated by column evidence): in_order .986/.938/.98,
# interleaved .904/.473/.87, mixed .915/.511/.895, heads .931/.63/.895, continued .83/.482/.958.
# Round 7 (a bare `(上接…)` taken out as furniture still opens a piece; a byline after closed text
# signs it): mixed .935/.594/.913, heads .937/.703/.90, continued .941/.716/.958; tuning set heads
# headline .868 on 15 pages (.947 on 100, unchanged: noise), continued .928/.721/.899.
HELDOUT_FLOORS = {
    "in_order": {"b3_f1": 0.96, "exact": 0.90, "joins_recall": 0.95, "headline": 0.95},
    "interleaved": {"b3_f1": 0.88, "exact": 0.42, "joins_recall": 0.84, "headline": 0.94},
    "mixed": {"b3_f1": 0.90, "exact": 0.52, "joins_recall": 0.86, "headline": 0.92, "reporters": 0.92},
    "heads": {"b3_f1": 0.90, "exact": 0.62, "joins_recall": 0.86, "headline": 0.94, "reporters": 0.87},
    "continued": {"b3_f1": 0.90, "exact": 0.62, "joins_recall": 0.92, "headline": 0.92, "reporters": 0.95},
    # .928/.64, headline .944, reporters .88 (before: .905/.486, .892, .787)
    "continuation_heads": {"b3_f1": 0.90, "exact": 0.56, "joins_recall": 0.86, "headline": 0.92, "reporters": 0.82},
    # .93/.662, headline .95 (before parallel openers: .904/.529, .95)
    "enumerated": {"b3_f1": 0.91, "exact": 0.62, "joins_recall": 0.84, "headline": 0.92, "reporters": 0.95},
}


def test_generated_pages_meet_floors_per_kind():
    from tests.scrambler import measure

    means = measure(15, 1, list(FLOORS))
    for kind, floors in FLOORS.items():
        for metric, floor in floors.items():
            assert means[kind][metric] >= floor, (kind, metric, means[kind][metric])


def test_heldout_pages_meet_floors_per_kind():
    from tests.scrambler import measure
    from tests.scrambler_heldout import HELDOUT_ARTICLES

    means = measure(15, 1, list(HELDOUT_FLOORS), HELDOUT_ARTICLES)
    for kind, floors in HELDOUT_FLOORS.items():
        for metric, floor in floors.items():
            assert means[kind][metric] >= floor, (kind, metric, means[kind][metric])


def test_generated_gold_is_consistent():
    rng = random.Random(3)
    for kind in ("continued", "heads", "doubled", "continuation_heads", "ahead", "lost", "enumerated"):
        lines, gold = scrambled_page(rng, n_articles=4, kind=kind)
        placed = [n for a in gold["articles"] for key in ("headline_lines", "byline_lines", "body_lines") for n in a[key]]
        placed += gold["boilerplate_lines"]
        assert sorted(placed) == [n for n, raw in enumerate(lines, 1) if raw.strip()]
        assert all(a["body_lines"] for a in gold["articles"])


_LINE = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["■ 本报记者 张清", "(上接第1版)", "本报讯(记者 吴巧君)今天。", "加快建设", "性。去年", "# 标题", "**小标题**", ""]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=25), st.lists(st.booleans(), max_size=25))
def test_never_raises_and_accounts_for_every_line(raw_lines, furniture_flags):
    furniture = {n for n, flag in enumerate(furniture_flags, 1) if flag}
    clean = _clean(raw_lines, furniture)
    seg = segment_document(_doc(raw_lines), clean)
    assert sorted(line.line_no for line in seg.lines) == [line.line_no for line in clean]
    seen = [n for a in seg.articles for n in a.source_lines]
    assert len(seen) == len(set(seen))
    for article in seg.articles:
        assert article.paragraphs and all(p.strip() for p in article.paragraphs)
    for line in seg.lines:
        assert line.role != ROLE_CONTENT
        assert (line.article_ordinal is None) == (line.line_no not in seen)
        assert line.article_ordinal is not None or line.action == ACTION_DROPPED


def test_table_rows_are_never_joined_even_when_cleaning_dropped_the_pipes():
    raw = ["采购公告", "项目编号 | STJC-2024", "项目地址 | 甲方指定地点", "本项目采用公开招标方式。"]
    clean = [CleanLine(n, r, r.replace("|", " "), ROLE_CONTENT) for n, r in enumerate(raw, 1)]
    seg = segment_document(_doc(raw), clean)
    assert all(not a.joins for a in seg.articles)


def test_byline_after_the_text_signs_the_article_above_it():
    # the 湿地 article's last paragraph stands under the 公交 head; its byline follows that paragraph
    page = ["湿地候鸟数量创新高", "湿地今年监测到越冬候鸟三万余只,较去年增长近两成。",
            "新增三条公交线路", "本报讯(记者 韩冬)市交通运输委决定下月起新开通三条公交线路。",
            "保护区在候鸟栖息区设置了观鸟屏障,湿地巡护人员全天候监测候鸟。", "本报记者 赵晓光",
            "第二条消息", "本报讯 会议昨日召开。"]
    seg = segment_document(_doc(page), _clean(page))
    wetland = next(a for a in seg.articles if a.headline == "湿地候鸟数量创新高")
    assert 6 in wetland.source_lines and wetland.reporters == ["赵晓光"]


def test_cut_dateline_still_gives_the_reporters():
    page = ["新增三条公交线路", "本报讯(记者 韩冬 通讯员", " 罗佳)为方便市民出行,市交通运输委决定新开通三条线路。"]
    seg = segment_document(_doc(page), _clean(page))
    assert seg.articles[0].headline == "新增三条公交线路" and seg.articles[0].reporters == ["韩冬", "罗佳"]


def test_bare_continuation_marker_taken_as_furniture_still_opens_a_piece():
    # cleaning drops `(上接第1版)` as furniture; the text under it is another article's tail,
    # never the end of the article above it
    page = ["市政协委员刘海燕建议", "加大社区养老服务设施供给",
            "本报讯(记者 陈雪梅)随着人口老龄化程度加深,社区养老服务需求持续增长。",
            "(上接第1版)", "如今,青溪河水质稳定达到三类标准,河岸建起了步道和小公园。"]
    seg = segment_document(_doc(page), _clean(page, furniture={4}))
    assert len(seg.articles) == 2
    tail = seg.articles[1]
    assert tail.source_lines == [5] and tail.continued_from_page == 1 and not tail.is_complete and not tail.headline


# A markdown feature page in reading order: a main article, boxed pieces, then a second headed
# article whose middle paragraphs share the main article's subject (and reporter).
FEATURE_PAGE = [
    '# 滨河新能源汽车产业链加速成型',
    '',
    '本报记者 周海川 林晓',
    '',
    '今年以来，滨河市新能源汽车产业链加速成型，整车产能突破三十万辆，动力电池、电机电控等关键零部件本地配套率达到六成。',
    '',
    '市工业和信息化局负责人介绍，全市已集聚新能源汽车上下游企业一百二十余家，形成了从电池材料到整车制造的完整产业链条。',
    '',
    '在滨河经济开发区的一家动力电池企业，自动化生产线正在满负荷运转。企业负责人说，今年电池订单同比增长四成，新建的第二工厂将于年底投产。',
    '',
    '下一步，滨河市将围绕新能源汽车产业链强链补链，加快引进芯片、智能座舱和自动驾驶企业，推动产业集群向高端迈进。',
    '',
    '市人大代表王立新：',
    '**社区食堂开进老小区**',
    '',
    '老城街道首家社区食堂日前开业，每天为周边老人提供午餐和晚餐，八十岁以上老人用餐可享受补贴。',
    '',
    '市政协委员陈思远：',
    '**河道清淤工程完工**',
    '',
    '南郊五条河道清淤工程已全部完工，累计清理淤泥四万立方米，河道行洪能力明显提升。',
    '',
    '市政协委员赵敏：',
    '**图书馆延长开放时间**',
    '',
    '市图书馆自下月起延长开放时间，工作日晚间开放至九点，方便上班族和学生借阅学习。',
    '',
    '# 委员调研走进一线',
    '',
    '本报记者 周海川',
    '',
    '调研组一行先后走进企业车间、科研院所和园区服务中心，与企业负责人和技术人员面对面交流，听取意见建议。',
    '',
    '委员们在座谈中了解到，部分企业反映用地、融资和人才方面仍有难题，希望相关部门进一步优化服务。',
    '',
    '委员们认为，新能源汽车产业链是滨河市的优势产业链，电池、电机电控和整车企业要加强协作，提高本地配套率，培育更多链上企业。',
    '',
    '有委员建议，围绕新能源汽车产业链设立专项基金，支持动力电池企业扩大产能，吸引芯片和自动驾驶企业落户开发区。',
    '',
    '调研结束后，调研组将梳理汇总委员意见，形成调研报告，为有关部门决策提供参考。',
    '',
]


def test_tidy_page_keeps_a_headed_articles_paragraphs_where_they_stand():
    from tasks.clean import clean_document

    doc = SourceDocument("t.md", "0" * 64, 0, "utf-8", "text/markdown", tuple(FEATURE_PAGE))
    seg = segment_document(doc, clean_document(doc))
    heads = [a.headline for a in seg.articles]
    assert heads == ["滨河新能源汽车产业链加速成型", "社区食堂开进老小区", "河道清淤工程完工", "图书馆延长开放时间",
                     "委员调研走进一线"]
    main, second = seg.articles[0], seg.articles[-1]
    assert main.reporters == ["周海川", "林晓"] and second.reporters == ["周海川"]
    assert max(main.source_lines) < min(seg.articles[1].source_lines)
    assert len(second.paragraphs) == 5


def test_on_a_tidy_page_a_paragraph_moves_only_to_the_article_just_before_its_own():
    from tasks.segment import _moves_to_neighbour

    before = [[0, 1], [2, 3], [4, 5, 6]]
    after = [[0, 1, 5], [2, 3, 4], [6]]  # 5 jumps back over article 1, 4 moves to its neighbour
    assert _moves_to_neighbour(before, after) == [[0, 1], [2, 3, 4], [5, 6]]
    assert _moves_to_neighbour(before, [[0, 1, 2], [3, 4], [5, 6]]) == [[0, 1, 2], [3, 4], [5, 6]]


# Two wetland paragraphs read before their own head, under the bus article (a column read out of
# order); nothing joins them to the bus text: they go to the wetland article, after its own text.
AHEAD_PAGE = [
    "新增三条公交线路",
    "本报讯(记者 韩雯)市交通运输委昨天发布消息,本月起公交线路新开通三条,公交车辆全部采用",
    "新能源车型,沿线设置充电桩和候车亭。",
    "新能源公交车辆充电桩覆盖三条线路,市民出行更加便捷。",
    "湿地保护区巡护人员全天候监测候鸟,在候鸟集中栖息区设置观鸟屏障。",
    "保护区工作人员介绍,湿地候鸟今年首次突破三万只,其中国家一级保护鸟类十余种。",
    "湿地候鸟数量创新高",
    "本报讯(记者 赵晓光)今年入冬以来,北塘湿地自然保护区监测到的越冬候鸟数量达到三万只,",
    "创历史新高。湿地保护区近年来持续开展退养还湿,候鸟栖息环境明显改善。",
]


def test_a_run_standing_ahead_of_its_own_head_goes_to_that_article():
    lines = [x for line in AHEAD_PAGE for x in (line, "")]
    bus, wetland = segment_document(_doc(lines), _clean(lines)).articles
    assert bus.source_lines == [1, 3, 5, 7] and bus.joins == [(3, 5)]
    assert wetland.source_lines == [13, 15, 17, 9, 11] and wetland.joins == [(15, 17)]
    assert wetland.paragraphs[-2:] == [AHEAD_PAGE[4], AHEAD_PAGE[5]]


def test_a_join_whose_sides_went_to_different_articles_is_dropped():
    from tasks.segment import _within_articles

    assert _within_articles({0: 1, 2: 5, 7: 8}, [[0, 1, 5], [2, 3]]) == {0: 1, 7: 8}


# A commentary column under its label: cleaning takes the label out, the title under it ends on 参与
# (与 often ends a cut line) and nothing else announces it (its pen name signs the text below).
COLUMN_PAGE = ["城东新建三所公办幼儿园", "本报记者 周明远",
               "今年秋季，城东新区三所公办幼儿园将同时开园，新增学位一千零八十个，可缓解片区入园难问题。",
               "区教育局负责人介绍，三所幼儿园均按省级示范标准建设，配备户外活动场地和保健室。",
               "时评", "老旧小区改造要让居民参与",
               "改造方案定得好不好，住在楼里的居民最有发言权。有的地方闭门定方案，结果装好的设施没人用。",
               "把居民请进来一起商量，听听他们最急最盼的是什么，改造才能改到群众心坎上。"]


def _column_articles(label_reason):
    lines = [CleanLine(n, t, t, ROLE_FURNITURE, reason=label_reason) if t == "时评" else CleanLine(n, t, t, ROLE_CONTENT)
             for n, t in enumerate(COLUMN_PAGE, 1)]
    return segment_document(_doc(COLUMN_PAGE), lines).articles


def test_a_column_label_cleaning_took_out_announces_the_title_under_it():
    articles = _column_articles(REASON_SECTION_LABEL)
    assert [(a.headline, a.source_lines) for a in articles] == [
        ("城东新建三所公办幼儿园", [1, 2, 3, 4]), ("老旧小区改造要让居民参与", [6, 7, 8])]


def test_furniture_that_is_no_column_label_announces_nothing():
    # the same line taken out for another reason (a page's debris), or a speck taken for a label
    assert len(_column_articles(None)) == 1
    lines = [CleanLine(n, t, t, ROLE_FURNITURE, reason=REASON_SECTION_LABEL) if t == "时评" else CleanLine(n, t, t, ROLE_CONTENT)
             for n, t in enumerate(COLUMN_PAGE, 1)]
    lines[4] = CleanLine(5, "丨", "丨", ROLE_FURNITURE, reason=REASON_SECTION_LABEL)
    assert len(segment_document(_doc(COLUMN_PAGE), lines).articles) == 1


def test_a_piece_of_text_under_a_column_label_is_no_title():
    # the line under the label has a clause mark of running text and reads on into the line under it
    page = COLUMN_PAGE[:3] + ["时评", "三所幼儿园均按省级示范标准建设，每所幼儿园", "配备户外活动场地和保健室。"]
    lines = [CleanLine(n, t, t, ROLE_FURNITURE, reason=REASON_SECTION_LABEL) if t == "时评" else CleanLine(n, t, t, ROLE_CONTENT)
             for n, t in enumerate(page, 1)]
    articles = segment_document(_doc(page), lines).articles
    assert [(a.headline, a.source_lines) for a in articles] == [("城东新建三所公办幼儿园", [1, 2, 3, 5, 6])]


def test_a_column_title_under_its_label_survives_cleaning_and_segmentation():
    from tasks.clean import clean_document

    page = [x for line in COLUMN_PAGE + ["□ 方舟"] for x in (line, "")]
    doc = _doc(page)
    seg = segment_document(doc, clean_document(doc))
    roles = {line.text: line.role for line in seg.lines}
    assert roles["时评"] == ROLE_FURNITURE and roles["老旧小区改造要让居民参与"] == ROLE_HEADLINE
    assert [a.headline for a in seg.articles] == ["城东新建三所公办幼儿园", "老旧小区改造要让居民参与"]


def test_segmentation_works_on_copies_of_the_cleaned_lines():
    lines = _clean(PAGE, furniture={1})
    before = [vars(line).copy() for line in lines]
    seg = segment_document(_doc(PAGE), list(reversed(lines)))
    assert [vars(line) for line in lines] == before  # the caller's lines keep their roles
    assert [line.line_no for line in seg.lines] == [line.line_no for line in lines]  # in line order
    assert all(out is not line and type(out) is CleanLine and out.metadata is line.metadata
               for out, line in zip(seg.lines, lines))
    assert any(out.role != line.role for out, line in zip(seg.lines, lines))
