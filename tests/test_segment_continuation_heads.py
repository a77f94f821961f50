"""Head groups on continuation pages: a kicker ending on an open character over a title and byline,
a title repeated over a bare `(上接第N版)`, and a byline standing after an article its dateline
already signs (it signs the text after it)."""
from tasks.records import CleanLine, SourceDocument
from tasks.schema import ROLE_CONTENT, ROLE_CONTINUATION, ROLE_FURNITURE, ROLE_KICKER
from tasks.segment import segment_document
from tasks.segment_bylines import place_bylines
from tasks.segment_blocks import Block
from tasks.segment_layout import line_kinds


def _doc(lines):
    return SourceDocument("t.txt", "", 0, "utf-8", "text/plain", tuple(lines))


def _clean(lines, furniture=()):
    return [CleanLine(n, raw, raw.strip(), ROLE_FURNITURE if n in furniture else ROLE_CONTENT)
            for n, raw in enumerate(lines, 1) if raw.strip()]


def _article(seg, headline):
    return next(a for a in seg.articles if a.headline == headline)


PARK = ["城东新建两所公办幼儿园", "■ 本报记者 林晓",
        "城东区今年新建两所公办幼儿园,新增学位五百个,幼儿园均配备户外活动场地。"]
KICKER = "为打造先进制造业高地贡献滨河之为"  # ends on 为: the character a cut paragraph often ends on
FACTORY = ["滨河新区智能制造产业园开工建设", "■ 本报记者 李明远",
           "昨日,滨河新区智能制造产业园项目正式开工建设,项目总投资约48亿元。",
           "园区将重点引进工业机器人和智能传感器企业,力争三年内集聚上下游企业60家以上。"]


def test_kicker_ending_on_an_open_character_over_a_title_and_byline_is_a_head_line():
    page = PARK + [KICKER] + FACTORY
    kinds = line_kinds(_clean(page))
    assert kinds[3:6] == ["head", "head", "byline"]


def test_kicker_ending_on_an_open_character_is_the_kicker_not_a_paragraph():
    page = PARK + [KICKER] + FACTORY
    seg = segment_document(_doc(page), _clean(page))
    factory = _article(seg, FACTORY[0])
    assert factory.kicker == KICKER and factory.source_lines[:3] == [4, 5, 6]
    assert seg.lines[3].role == ROLE_KICKER
    assert 4 not in _article(seg, PARK[0]).source_lines


def test_a_cut_line_under_a_title_is_not_taken_for_a_kicker():
    # `新华社北京5月1` is a dateline cut at a column break, under a title of its own
    page = ["科技型中小企业研发投入持续增长", "新华社北京5月1"] + FACTORY
    kinds = line_kinds(_clean(page))
    assert kinds[:2] == ["head", "body"]


TITLE = "让老旧小区焕发新活力"
TAIL = ["改造内容包括外墙保温、管网更新、加装电梯和增设停车位,各区在施工前广泛征求居民意见。",
        "在红星里小区,加装的电梯已经投入使用,居民出门方便多了。"]


def test_title_over_a_bare_continuation_marker_heads_the_continued_text():
    page = PARK + [TITLE, "(上接第1版)"] + TAIL
    seg = segment_document(_doc(page), _clean(page))
    tail = _article(seg, TITLE)
    assert tail.source_lines == [4, 6, 7] and tail.continued_from_page == 1 and not tail.is_complete
    assert seg.lines[4].role == ROLE_CONTINUATION


def test_title_over_a_continuation_marker_cleaning_dropped_heads_the_continued_text():
    page = PARK + [TITLE, "(上接第1版)"] + TAIL
    seg = segment_document(_doc(page), _clean(page, furniture={5}))
    tail = _article(seg, TITLE)
    assert tail.source_lines == [4, 6, 7] and tail.continued_from_page == 1 and not tail.is_complete


def test_a_line_under_a_bare_continuation_marker_is_still_body_text():
    # `(上接第1版)` above: the text's head is on the other page, the short line under it is text
    page = PARK + ["(上接第1版)", "改造后的小区环境整洁", "各区在施工前广泛征求居民意见,做到一小区一方案。"]
    seg = segment_document(_doc(page), _clean(page))
    tail = next(a for a in seg.articles if 5 in a.source_lines)
    assert not tail.headline and tail.continued_from_page == 1


# The 湿地 article's later column stands under the 公交 piece, whose dateline names its reporter;
# the byline between them signs the 湿地 text under it.
SIGNED_PAGE = ["湿地候鸟数量创新高", "湿地今年监测到越冬候鸟三万余只,较去年增长近两成。",
               "新增三条公交线路", "本报讯(记者 韩冬)市交通运输委决定下月起新开通三条公交线路。",
               "■ 本报记者 赵晓光", "保护区在候鸟栖息区设置了观鸟屏障,湿地巡护人员全天候监测候鸟。"]


def test_byline_after_an_article_its_dateline_signs_goes_to_the_text_after_it():
    seg = segment_document(_doc(SIGNED_PAGE), _clean(SIGNED_PAGE))
    bus = _article(seg, "新增三条公交线路")
    assert bus.reporters == ["韩冬"] and 5 not in bus.source_lines
    signed = next(a for a in seg.articles if 5 in a.source_lines)
    assert 6 in signed.source_lines and signed.reporters == ["赵晓光"]


def test_byline_naming_the_dateline_reporter_still_signs_the_text_above():
    page = SIGNED_PAGE[:4] + ["■ 本报记者 韩冬"] + SIGNED_PAGE[5:]
    seg = segment_document(_doc(page), _clean(page))
    assert 5 in _article(seg, "新增三条公交线路").source_lines


def test_place_bylines_moves_a_byline_only_to_an_unsigned_article_right_under_it():
    content = _clean(SIGNED_PAGE)
    texts = [line.text for line in content]
    blocks = [Block(head=[0], body=[1]), Block(head=[2], bylines=[4], body=[3, 5])]
    placed = place_bylines(blocks, blocks, [[1, 5], [3]], content, texts, {})
    assert placed == [[4], []]
    placed = place_bylines(blocks, blocks, [[1], [3, 5]], content, texts, {})
    assert placed == [[], [4]]  # the text under it went to the signed article: nothing better to sign


def test_top_line_under_a_bare_marker_is_continued_text_and_the_lines_under_it_head_an_article():
    page = PARK + ["(上接第1版)", "市医保局待遇保障处处长鄢红", "地铁四号线南段进入联调联试", "本报记者 庞浩然",
                   "昨日,地铁四号线南段开始全线联调联试,列车将进行上百项测试。"]
    seg = segment_document(_doc(page), _clean(page, furniture={4}))
    metro = _article(seg, "地铁四号线南段进入联调联试")
    assert metro.source_lines == [6, 7, 8] and metro.reporters == ["庞浩然"] and not metro.kicker
    tail = next(a for a in seg.articles if 5 in a.source_lines)
    assert not tail.headline and tail.continued_from_page == 1


def test_cut_line_of_an_earlier_article_over_a_bare_marker_is_no_headline():
    page = ["今年中考新增两门考查科目",
            "本报讯(记者 伍晨阳)市教育考试院日前发布今年中考招生工作实施意见,新增信息科技和劳动教育两门考查科目。",
            "市教育考试院院长骆建平介", "(上接第1版)", "夜市改造后环境更干净了,客流也比以前多了,摊主们的生意越来越好。",
            "绍,新增科目由市教育考试院组织考查,重点看学生的实践能力。"]
    seg = segment_document(_doc(page), _clean(page, furniture={4}))
    assert all(a.headline != page[2] for a in seg.articles)
    assert 3 not in next(a for a in seg.articles if 5 in a.source_lines).source_lines


WETLAND = ["南湖湿地迎来越冬候鸟", "■ 本报记者 苏晴",
           "入冬以来,南湖湿地保护区监测到的越冬候鸟超过两万只,其中有白鹤、东方白鹳等珍稀鸟类。",
           "保护区今年完成退塘还湿三百亩,浅滩和芦苇面积扩大,候鸟的食物更加充足。"]
MARKET = ["夜市经济点亮老街", "■ 本报记者 韩铮",
          "老街夜市开市一个月,吸引摊主一百二十户,每晚客流超过一万人次。",
          "街道办负责人说,夜市统一规划摊位,垃圾日产日清,周边居"]  # a column break cuts it
MARKET_TAIL = ["民的生活没有受到影响,不少居民晚饭后也来夜市逛一逛。"]
WETLAND_RUN = ["记者 苏晴 通讯员 包蕾",
               "保护区工作人员说,湿地的巡护员每天沿湖巡查,记录候鸟种类和数量,白鹤的数量比去年多了一成。(下转第6版)"]


def test_a_run_under_a_headless_byline_ending_on_a_continued_to_marker_joins_its_article():
    # `(下转第6版)` closing the run says where the text goes on, not that it came from another page:
    # the run under the bare byline reads on with the wetland story and joins it, byline included
    page = WETLAND + MARKET + WETLAND_RUN + MARKET_TAIL
    seg = segment_document(_doc(page), _clean(page))
    assert sorted(_article(seg, WETLAND[0]).source_lines) == [1, 2, 3, 4, 9, 10]
    assert _article(seg, MARKET[0]).source_lines == [5, 6, 7, 8, 11] and len(seg.articles) == 2


def test_a_run_under_a_headless_byline_continued_from_another_page_stays_apart():
    # `(上接第2版)` opening the run: its head is on the other page, whatever it shares with this one
    run = [WETLAND_RUN[0], "(上接第2版)" + WETLAND_RUN[1]]
    page = WETLAND + MARKET + run + MARKET_TAIL
    seg = segment_document(_doc(page), _clean(page))
    assert 10 not in _article(seg, WETLAND[0]).source_lines
