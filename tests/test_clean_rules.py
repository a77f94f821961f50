"""Document-level cleaning rules: caption sentences, shared titles, metadata fields, linear time."""
from __future__ import annotations

import time

import pytest

from tasks.clean import clean_document, metadata_fields
from tasks.records import SourceDocument
from tasks.schema import ROLE_BOILERPLATE, ROLE_CAPTION, ROLE_CONTENT, ROLE_FURNITURE

BODY_1 = "某市今年计划新建三座污水处理厂，总投资约十二亿元，预计明年年底前全部投入运行。"
BODY_2 = "据介绍，新建的污水处理厂将采用膜处理工艺，日处理能力合计达到三十万吨，出水水质明显提升。"
BODY_3 = "市水务局负责人表示，项目建成后将有效缓解城区污水处理压力，改善河道水环境。"


def _roles(text: str) -> dict[str, str]:
    doc = SourceDocument("t.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(text.split("\n")))
    return {line.text: line.role for line in clean_document(doc)}


@pytest.mark.parametrize(
    "page, line, role",
    [
        # a caption sentence with a position marker, even between body paragraphs
        (f"某区建设污水处理厂\n{BODY_1}\n王某某（左）在工地查看施工进度。\n{BODY_2}\n{BODY_3}",
         "王某某（左）在工地查看施工进度。", ROLE_CAPTION),
        # a one-clause noun phrase right under the headline
        (f"某区建设污水处理厂\n市人大代表、某区水务局局长王某某。\n{BODY_1}\n{BODY_2}",
         "市人大代表、某区水务局局长王某某。", ROLE_CAPTION),
        # a scene with a comma, above a photo credit
        (f"{BODY_1}\n{BODY_2}\n图片新闻\n5月1日，游客在湿地公园游玩拍照。\n本报记者 李某 摄",
         "5月1日，游客在湿地公园游玩拍照。", ROLE_CAPTION),
        # a short closing sentence of the body, even above a credit line, stays content
        (f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n会议还研究了其他事项。\n（新华社记者 李某 摄）",
         "会议还研究了其他事项。", ROLE_CONTENT),
        # a quote is never a caption
        (f"某区建设污水处理厂\n“我们一定把好事办好。”\n{BODY_1}\n{BODY_2}", "“我们一定把好事办好。”", ROLE_CONTENT),
    ],
)
def test_caption_sentences(page, line, role):
    assert _roles(page)[line] == role


GROUP_PAGE = f"""特别报道

基层治理新观察

社区食堂开进老小区

■ 本报记者 张某

{BODY_1}

{BODY_2}

物业服务有了“评分表”

■ 本报记者 李某

{BODY_3}

{BODY_2}
"""


def test_shared_title_over_pieces_is_furniture():
    roles = _roles(GROUP_PAGE)
    assert roles["基层治理新观察"] == ROLE_FURNITURE
    assert roles["社区食堂开进老小区"] == ROLE_CONTENT
    assert roles["物业服务有了“评分表”"] == ROLE_CONTENT


def test_kicker_naming_a_speaker_is_kept():
    roles = _roles(GROUP_PAGE.replace("基层治理新观察", "市人大代表王某建议"))
    assert roles["市人大代表王某建议"] == ROLE_CONTENT


@pytest.mark.parametrize(
    "line, fields",
    [
        ("发布时间：2024-03-05 10:20 来源：某某日报", {"source_name": "某某日报", "published_at": "2024-03-05"}),
        ("2024-03-05 来源：某某网", {"source_name": "某某网", "published_at": "2024-03-05"}),
        ("责任编辑：李某", {"editors": "李某"}),
        ("日期：2024年13月45日", {"published_at": ""}),  # no plausible date: label only
        ("这是一句普通的话", {}),
        # crawlers glue the next label to the value before it: the author still counts
        ("来源：某某网记者：林小禾 郑可欣", {"source_name": "某某网", "author": "林小禾 郑可欣"}),
        ("文／吴天宇", {"author": "吴天宇"}),
        # alone, a label glued to a paper's name opens an interview question: no metadata
        ("某某报记者：新的一年有什么打算？", {}),
        # a label that opens a sentence is a speaker's turn in an interview, not a metadata value
        ("记者：下一步还有哪些打算？", {}),
        ("记者：请您谈谈这项工作的具体做法和群众的反响。", {}),
        ("作者：王某某 李某", {"author": "王某某 李某"}),
    ],
)
def test_metadata_fields_keeps_every_field(line, fields):
    assert metadata_fields(line) == fields


@pytest.mark.parametrize(
    "lines",
    [
        ("天，" * 500_000,),  # one 1M-character line, comma every other character
        ("a,b(c) " * 150_000,),  # ASCII punctuation with no Chinese around it
        tuple([BODY_1 * 3000] + [BODY_2] * 50),  # a 100k+ character line among ordinary ones
    ],
    ids=["1M-cjk-commas", "1M-ascii", "100k-line"],
)
def test_long_lines_stay_linear(lines):
    doc = SourceDocument("big.txt", "0" * 64, 0, "utf-8", "text/plain", lines)
    start = time.perf_counter()
    cleaned = clean_document(doc)
    assert time.perf_counter() - start < 8.0
    assert len(cleaned) == len(lines)


def test_page_title_repeating_the_headline_and_a_run_of_counters_are_boilerplate():
    page = f"城西新建污水处理厂_某某新闻网\n某某新闻网首页\n城西新建污水处理厂\n{BODY_1}\n{BODY_2}\n阅读 1203 | 点赞 56\n{BODY_3}"
    roles = _roles(page)
    assert roles["城西新建污水处理厂_某某新闻网"] == ROLE_BOILERPLATE
    assert roles["阅读 1203 点赞 56"] == ROLE_BOILERPLATE
    assert roles["城西新建污水处理厂"] == ROLE_CONTENT and roles[BODY_3] == ROLE_CONTENT


def test_only_sentence_of_a_boxed_piece_between_two_heads_is_text_not_a_caption():
    box = "南郊五条河道清淤工程近日全部完工，河道行洪能力明显提升。"
    page = (f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n市政协委员陈某：\n**河道清淤工程完工**\n{box}\n"
            f"市人大代表王某：\n**社区食堂开进老小区**\n{BODY_3}")
    assert _roles(page)[box] == ROLE_CONTENT


def test_headline_over_its_own_subtitle_is_no_shared_title():
    boxes = "".join(f"市政协委员{n}：\n**{t}**\n{b}\n" for n, t, b in
                    (("陈某", "河道清淤工程完工", BODY_2), ("王某", "社区食堂开进老小区", BODY_3)))
    page = (f"# 十年治水 碧波长流\n## ——写在某区河湖长制实施十周年之际\n本报记者 林某\n{BODY_1}\n{boxes}"
            f"# 城西新建污水处理厂\n本报记者 周某\n{BODY_3}\n{BODY_1}")
    assert _roles(page)["十年治水 碧波长流"] == ROLE_CONTENT


def test_title_suffix_is_only_searched_where_a_separator_stands():
    # mark_title_copies searches _TITLE_SUFFIX only in lines holding a _TITLE_SEPARATOR character:
    # every text the suffix pattern matches holds one.
    import random

    from tasks.clean_layout import _TITLE_SEPARATOR, _TITLE_SUFFIX

    alphabet = "城西新闻 \t\u3000_|｜-—–。！？，,a"
    rnd = random.Random(7)
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))) for _ in range(50_000)]
    matched = [text for text in texts if _TITLE_SUFFIX.search(text)]
    assert len(matched) > 1000 and all(_TITLE_SEPARATOR.search(text) for text in matched)


EVENT_KICKER = "区文化旅游局推出夏季夜游线路串联十二处历史街区"  # a long 引题 with a predicate
HEAD_STACK_PAGE = f"""{EVENT_KICKER}

让老街区焕发新活力

{{under}}

本报讯(记者 某某){BODY_1}

{BODY_2}
"""


def test_head_stack_keeps_a_long_kicker_and_drops_the_section_label_under_the_title():
    roles = _roles(HEAD_STACK_PAGE.format(under="民生直通车"))
    assert roles[EVENT_KICKER] == ROLE_CONTENT and roles["让老街区焕发新活力"] == ROLE_CONTENT
    assert roles["民生直通车"] == ROLE_FURNITURE


def test_head_stack_keeps_kicker_title_and_subtitle():
    roles = _roles(HEAD_STACK_PAGE.format(under="——写在历史街区保护条例施行一周年之际"))
    assert {roles[EVENT_KICKER], roles["让老街区焕发新活力"], roles["——写在历史街区保护条例施行一周年之际"]} == {ROLE_CONTENT}


def test_section_label_over_the_head_is_furniture():
    roles = _roles("民生直通车\n\n" + HEAD_STACK_PAGE.format(under=""))
    assert roles["民生直通车"] == ROLE_FURNITURE and roles[EVENT_KICKER] == ROLE_CONTENT


# OCR newspaper page furniture (tests/ocr_pages.py writes whole pages of it)
@pytest.mark.parametrize(
    "page, line, role",
    [
        # a commentary's signature under its text signs it: kept for segmentation
        (f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n□ 苏禾", "□ 苏禾", ROLE_CONTENT),
        # a rule of repeated symbols and a stray character are OCR noise; a numeral numbers a section
        (f"某区建设污水处理厂\n{BODY_1}\n━━━━━━\n{BODY_2}", "━━━━━━", ROLE_BOILERPLATE),
        (f"某区建设污水处理厂\n{BODY_1}\n匚\n{BODY_2}", "匚", ROLE_BOILERPLATE),
        (f"某区建设污水处理厂\n{BODY_1}\n二\n{BODY_2}", "二", ROLE_CONTENT),
        # a classified notice and its phone line are advertising; a sentence naming a hotline is text
        (f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n某某商行遗失营业执照副本，声明作废。\n联系电话：0571-88886666",
         "某某商行遗失营业执照副本，声明作废。", ROLE_BOILERPLATE),
        (f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n广告热线：0571-88886666", "广告热线：0571-88886666", ROLE_BOILERPLATE),
        (f"某区建设污水处理厂\n{BODY_1}\n市民可拨打服务热线电话咨询办理相关业务。\n{BODY_2}",
         "市民可拨打服务热线电话咨询办理相关业务。", ROLE_CONTENT),
        # the masthead's date with its lunar date, a page guide entry, the rows of a data box
        (f"2025年5月11日 星期日 农历乙巳年四月十四\n某区建设污水处理厂\n{BODY_1}\n{BODY_2}",
         "2025年5月11日 星期日 农历乙巳年四月十四", ROLE_FURNITURE),
        (f"本版导读\n第5版 城西公园完成改造\n某区建设污水处理厂\n{BODY_1}\n{BODY_2}",
         "第5版 城西公园完成改造", ROLE_FURNITURE),
        (f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n大米 2.60元/斤\n食用油 9.90元/升", "食用油 9.90元/升", ROLE_FURNITURE),
    ],
)
def test_ocr_page_furniture(page, line, role):
    assert _roles(page)[line] == role


def test_a_short_label_over_a_photo_caption_is_furniture_and_a_title_is_not():
    page = f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n看图说话\n孩子们在图书馆参加阅读活动。本报记者 李某 摄\n{BODY_3}"
    assert _roles(page)["看图说话"] == ROLE_FURNITURE
    titled = f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n城西公园完成改造提升\n孩子们在公园游玩。本报记者 李某 摄\n{BODY_3}"
    assert _roles(titled)["城西公园完成改造提升"] != ROLE_FURNITURE


def test_a_two_part_title_over_a_metadata_line_of_figures_stays_a_head():
    page = f"全面推行河湖长制 十年守护碧水清波\n2025-07-16 07:30  来源：某某网\n2025-07-16 07:30\n{BODY_1}\n{BODY_2}"
    assert _roles(page)["全面推行河湖长制 十年守护碧水清波"] == ROLE_CONTENT


def test_a_reading_list_label_ends_where_a_story_opens_with_its_byline_or_dateline():
    # on a printed page a 相关链接 box stands between stories: the next story's byline or dateline ends
    # the block its label opens (a web page ends it with a heading)
    more = "园区负责人介绍，改造期间公园分区开放，市民可以通过公园入口的告示了解各区域的开放时间和游览线路安排。"
    story = f"城西公园完成提升改造\n本报记者 李某\n今年以来，城西公园完成了园路、照明和绿化的提升改造，新增健身步道两公里。\n{more}"
    # the label heads a list of other stories' titles (over prose it would head a background box:
    # tests/test_clean_boxes.py)
    titles = "城东新建两座口袋公园\n市图书馆延长夜间开放时间"
    roles = _roles(f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n相关链接\n{titles}\n{story}")
    assert roles["相关链接"] == ROLE_BOILERPLATE
    assert roles["今年以来，城西公园完成了园路、照明和绿化的提升改造，新增健身步道两公里。"] == ROLE_CONTENT
    dated = "本报讯（记者 李某）今年以来，城西公园完成了园路、照明和绿化的提升改造，新增健身步道两公里。"
    roles = _roles(f"某区建设污水处理厂\n{BODY_1}\n{BODY_2}\n延伸阅读\n{titles}\n城西公园完成提升改造\n{dated}\n{more}")
    assert roles[dated] == ROLE_CONTENT


@pytest.mark.parametrize(
    "title, topic",
    [("基层治理新观察", True), ("代表委员履职故事", True), ("两会圆桌", True), ("加快形成更多新质生产力", True),
     ("在基层一线担当作为", False),  # a preposition: a clause
     ("乡村振兴在行动", False),
     ("蔬菜供应充足价格平稳", False),  # ends on an adjective
     ("把实事办到群众心坎上", False),  # ends on a localizer
     ("守护碧水 治河大有作为", False)],  # two-part
)
def test_names_a_topic(title, topic):
    from tasks.clean_ocr import names_a_topic

    assert names_a_topic(title) is topic


@pytest.mark.parametrize("kicker", ["在基层一线担当作为", "代表委员热议", "蔬菜供应充足价格平稳",
                                    "老旧小区改造按下快进键"])  # names a topic, but longer than a column's name
def test_kicker_saying_something_over_one_piece_is_kept(kicker):
    page = f"综合新闻\n\n{kicker}\n\n社区食堂开进老小区\n\n■ 本报记者 张某\n\n{BODY_1}\n\n{BODY_2}\n"
    assert _roles(page)[kicker] == ROLE_CONTENT
    assert _roles(page.replace(kicker, "基层治理新观察"))["基层治理新观察"] == ROLE_FURNITURE
