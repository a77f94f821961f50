"""Short pieces of paragraphs cut at column breaks stay article text through cleaning: neither a head's
furniture, a caption, a UI prompt nor debris outside the text (tasks/clean.py, clean_layout, clean_ocr,
clean_score)."""
from __future__ import annotations

import pytest

from tasks.clean import clean_document
from tasks.records import SourceDocument
from tasks.schema import ROLE_BOILERPLATE, ROLE_CAPTION, ROLE_CONTENT


def _roles(lines: list[str]) -> dict[str, tuple[str, str | None]]:
    doc = SourceDocument("page.txt", "0" * 64, 0, "utf-8", "text/plain", tuple(lines))
    return {ln.text: (ln.role, ln.reason) for ln in clean_document(doc)}


PARAGRAPH_A = "星湖区今年新建社区食堂十二家，覆盖周边两万多名老年居民，每天供应午餐和晚餐两餐。"
PARAGRAPH_B = "区民政局负责人说，食堂由街道提供场地，企业负责运营，政府按就餐人次给予补贴。"
PARAGRAPH_C = "下一步，全区还将在新建小区配套建设助餐点，让老人在家门口吃上热乎饭菜。"


def test_ui_phrase_inside_a_sentence_is_text():
    roles = _roles(["星湖区社区食堂开门迎客", "", PARAGRAPH_A, "",
                    "家住附近的退休教师周大爷说，以前买菜做饭要忙半天，现在扫码就能点餐，方便多了。", "",
                    PARAGRAPH_B])
    assert roles["家住附近的退休教师周大爷说，以前买菜做饭要忙半天，现在扫码就能点餐，方便多了。"][0] == ROLE_CONTENT


def test_ui_prompt_alone_on_its_line_is_boilerplate():
    roles = _roles(["星湖区社区食堂开门迎客", "", PARAGRAPH_A, "", PARAGRAPH_B, "", "微信扫一扫关注该公众号"])
    assert roles["微信扫一扫关注该公众号"] == (ROLE_BOILERPLATE, "boilerplate: wechat_ui")


def test_tail_of_a_sentence_cut_above_is_not_a_caption():
    cut = "区民政局负责人说，食堂由街道提供场地，企业负责运营，政府按就餐"
    roles = _roles(["星湖区社区食堂开门迎客", "", PARAGRAPH_A, "", cut, "", "人次给予补贴。", "", PARAGRAPH_C])
    assert roles["人次给予补贴。"][0] == ROLE_CONTENT


def test_pieces_of_a_cut_paragraph_between_paragraphs_are_text():
    # a paragraph cut into short pieces between two others: neither heads nor furniture above a head
    pieces = ["家住附近的退休教师周大爷说，以前", "买菜做饭要忙半天，现在", "走几步就能吃上饭。"]
    lines = ["星湖区社区食堂开门迎客", "", PARAGRAPH_A, ""]
    for piece in pieces:
        lines += [piece, ""]
    roles = _roles(lines + [PARAGRAPH_B, "", PARAGRAPH_C])
    assert [roles[p][0] for p in pieces] == [ROLE_CONTENT] * 3


def test_first_piece_under_the_byline_is_text_not_a_head():
    opening = "本报讯（记者 周远）星湖区民政局获悉，今年"
    roles = _roles(["星湖区社区食堂开门迎客", "", "本报记者 周远", "", opening, "",
                    "全区新建社区食堂十二家，覆盖周边两万多名老年居民，每天供应午餐和晚餐两餐，", "",
                    PARAGRAPH_B, "", PARAGRAPH_C])
    assert roles[opening][0] == ROLE_CONTENT
    assert "head" not in (roles["星湖区社区食堂开门迎客"][1] or "")  # the headline keeps its place


def test_cut_pieces_after_the_text_stay_text():
    roles = _roles(["星湖区社区食堂开门迎客", "", PARAGRAPH_A, "", PARAGRAPH_B, "",
                    "下一步，全区还将在新建小区配套建设", "", "助餐点，让老人吃上热乎饭菜。"])
    assert roles["下一步，全区还将在新建小区配套建设"][0] == ROLE_CONTENT
    assert roles["助餐点，让老人吃上热乎饭菜。"][0] == ROLE_CONTENT


def test_statement_pattern_in_a_sentence_keeps_its_verdict():
    # only a control's or prompt's words (扫码) are read in prose; a copyright note is a sentence by nature
    note = "温馨提示：本站转载的内容来自其他媒体，出于传递更多信息之目的，不代表本站赞同其观点，内容仅供参考。"
    roles = _roles(["星湖区社区食堂开门迎客", "", PARAGRAPH_A, "", PARAGRAPH_B, "", PARAGRAPH_C, "",
                    "[社区食堂](/tag/1)[养老服务](/tag/2)", "", note])
    assert roles[note][0] == ROLE_BOILERPLATE


def test_headline_with_a_comma_over_the_text_stays_the_head():
    head = "食堂开到家门口，老人吃饭不用愁"
    roles = _roles([head, "", PARAGRAPH_A, "", PARAGRAPH_B, "", PARAGRAPH_C])
    assert roles[head][0] == ROLE_CONTENT
    assert roles[head][0] != ROLE_CAPTION


def _evidence(texts: list[str]):
    from tasks.clean_lexicon import load_lexicons
    from tasks.clean_score import DEFAULT_THRESHOLDS, line_evidence, local_verdict

    lines = [line_evidence(n, text) for n, text in enumerate(texts, 1)]
    for ln in lines:
        local_verdict(ln, load_lexicons(), DEFAULT_THRESHOLDS)
    return lines


def test_pieces_under_the_byline_do_not_fill_the_head():
    from tasks.clean_layout import mark_heads
    from tasks.clean_score import DEFAULT_THRESHOLDS

    lines = _evidence(["星湖区社区食堂开门迎客", "本报记者 周远", "本报讯（记者 周远）星湖区民政局获悉，今年",
                       "全区新建社区食堂十二家，覆盖周边", "两万多名老年居民，每天供应午餐和晚", PARAGRAPH_B])
    assert lines[2].anchor  # the dateline opens the text: the pieces under it are read inside it
    mark_heads(lines, 2, 0, DEFAULT_THRESHOLDS, outside=True)
    mark_heads(lines, 5, 2, DEFAULT_THRESHOLDS, outside=False)
    assert [bool(ln.extra.get("head")) for ln in lines[:5]] == [True, True, False, False, False]
    assert lines[0].role is None  # not furniture "above a full head"


def test_piece_with_clauses_over_a_full_head_is_not_furniture():
    from tasks.clean_layout import mark_heads
    from tasks.clean_score import DEFAULT_THRESHOLDS

    lines = _evidence(["老人在家门口吃上热乎饭，", "全区助餐服务扩面提质", "星湖区社区食堂开门迎客", "——记全区助餐服务一年间",
                       PARAGRAPH_A])
    mark_heads(lines, 4, 0, DEFAULT_THRESHOLDS, outside=True)
    assert lines[0].role is None and not lines[0].extra.get("head")


def test_tail_of_a_sentence_cut_above_a_photo_is_not_a_caption():
    # a photo with its credit (and a box label) set into the column parts the sentence from its tail
    cut = "区民政局负责人说，食堂由街道提供场地，企业负责运营，政府按就餐"
    for picture in (["老人们在食堂用餐。本报记者 周远 摄"], ["图片新闻", "老人们在食堂用餐。本报记者 周远 摄"]):
        roles = _roles(["星湖区社区食堂开门迎客", "", PARAGRAPH_A, "", cut, ""] + [x for p in picture for x in (p, "")]
                       + ["人次给予补贴。", "", PARAGRAPH_C])
        assert roles["人次给予补贴。"][0] == ROLE_CONTENT
        assert roles["老人们在食堂用餐。本报记者 周远 摄"][0] != ROLE_CONTENT


SECOND_HEAD = "星湖区公交新线今日开通"
SECOND_TEXT = ["本报讯（记者 林川）星湖区三条公交新线今日开通，连接六个新建小区和两个地铁站，日均可服务乘客一万多人次。",
               "区交通局负责人说，新线开通后，沿线居民到地铁站的时间平均缩短十分钟，早晚高峰还将加密班次。"]


def test_short_piece_opening_with_a_dateline_is_text_and_keeps_its_head():
    # the first paragraph cut right after its dateline, another story's head and text under it: the piece
    # opens a text, so it is no title of a list, and the kicker and title over it stay heads
    opening = "本报讯（记者 周远）星湖区"
    lines = ["老有所养 幸福可期", "", "社区食堂开进老旧小区", "", opening, "", SECOND_HEAD, "", "本报记者 林川", ""]
    for text in [*SECOND_TEXT, PARAGRAPH_B, PARAGRAPH_C]:
        lines += [text, ""]
    roles = _roles(lines)
    assert roles[opening][0] == ROLE_CONTENT
    assert roles["老有所养 幸福可期"][0] == roles["社区食堂开进老旧小区"][0] == ROLE_CONTENT


def test_piece_stopping_on_a_comma_over_another_head_is_text():
    # no title stops on a comma: the piece is text even where nothing anchors it
    piece = "近年来，星湖区把老年助餐作为民生实事，"
    lines = ["社区食堂开进老旧小区", "", "■ 本报记者 周远", "", piece, "", "从场地、运营和补贴等方面综合施", "",
             SECOND_HEAD, ""]
    for text in [*SECOND_TEXT, PARAGRAPH_B, PARAGRAPH_C]:
        lines += [text, ""]
    assert _roles(lines)[piece][0] == ROLE_CONTENT


def test_short_piece_under_a_byline_is_text():
    piece = "从本月起，星湖区六十"  # too short to anchor a text and ending mid-word, right under its byline
    lines = ["社区食堂开进老旧小区", "", "■ 本报记者 周远", "", piece, "", SECOND_HEAD, ""]
    for text in [*SECOND_TEXT, PARAGRAPH_B, PARAGRAPH_C]:
        lines += [text, ""]
    assert _roles(lines)[piece][0] == ROLE_CONTENT


def test_sentence_completing_a_word_cut_elsewhere_is_not_a_caption():
    # `…补贴资金将重点投` + `向…倾斜。`: under a caption it reads like one, but it ends a sentence cut elsewhere
    cut = "区民政局负责人说，今年的补贴资金将重点投"
    tail = "向困难老人和高龄老人倾斜。"
    roles = _roles(["社区食堂开进老旧小区", "", PARAGRAPH_A, "", cut, "", SECOND_HEAD, "", *SECOND_TEXT[:1], "",
                    "图为老人在社区食堂用餐。本报记者 周远 摄", "", tail, "", SECOND_TEXT[1]])
    assert roles[tail][0] == ROLE_CONTENT
    assert roles["图为老人在社区食堂用餐。本报记者 周远 摄"][0] == ROLE_CAPTION


def test_tail_under_a_line_cut_after_an_enumeration_comma_is_not_a_caption():
    # the line above holds a full stop and an enumeration comma and stops mid-word: running text, no head
    cut = "共十二家。老人最爱红烧肉、清"
    tail = "蒸鱼和时令蔬菜。"
    roles = _roles(["星湖区社区食堂开门迎客", "", "本报记者 周远", "", cut, "", tail, "", PARAGRAPH_B, "", PARAGRAPH_C])
    assert roles[tail][0] == ROLE_CONTENT


def test_caption_under_a_title_listing_with_enumeration_commas_stays_a_caption():
    # a 副题 may list titles with 、 (`——记区人大代表、…书记林川`): no running text, so a caption may follow
    title = "守好一方良田 ——记区人大代表、星湖村党支部书记林川"
    caption = "区人大代表、星湖村党支部书记林川。"
    roles = _roles([title, "", caption, "", PARAGRAPH_A, "", PARAGRAPH_B])
    assert roles[caption][0] == ROLE_CAPTION


# OCR noise (a speck, a printed rule) has no words: a stretch of text reads on across it, and its neighbours
# keep the roles they have without it.
@pytest.mark.parametrize(
    "lines, piece",
    [
        # the tail of a sentence cut by a column break, under a speck
        ([PARAGRAPH_A, "", "区民政局负责人说，食堂由街道提供场地，企业负责运营，政", "", "匚", "", "府按就餐人次给予补贴。", "",
          PARAGRAPH_C], "府按就餐人次给予补贴。"),
        # a short first piece under the byline, a speck or a rule between it and its continuation
        (["星湖区社区食堂开门迎客", "", "本报记者 周某", "", "昨日，星湖区新建社区", "", "·", "",
          "食堂十二家，覆盖周边两万多名老年居民，每天供应午餐和晚餐两餐。", "", PARAGRAPH_B, "", PARAGRAPH_C],
         "昨日，星湖区新建社区"),
        (["星湖区社区食堂开门迎客", "", "■ 本报记者 周某", "", "今年以来，星湖区新建社", "", "━━━━━━", "",
          "区食堂十二家，覆盖周边两万多名老年居民，每天供应午餐和晚餐两餐。", "", PARAGRAPH_B, "", PARAGRAPH_C],
         "今年以来，星湖区新建社"),
        # ASCII stops OCR read for 。 end its sentences like 。 does
        (["星湖区社区食堂开门迎客", "", PARAGRAPH_A, "", PARAGRAPH_B, "", "下一步，全区还将在新建小区配套建设助餐点", "",
          "乙", "", "让老人在家门口吃上热乎饭菜.记者 周某."], "让老人在家门口吃上热乎饭菜。记者 周某。"),
    ],
)
def test_a_piece_across_ocr_noise_stays_text(lines, piece):
    roles = _roles(lines)
    assert roles[piece][0] == ROLE_CONTENT
    assert {role for text, (role, _) in roles.items() if text in ("匚", "·", "━━━━━━", "乙")} <= {ROLE_BOILERPLATE}


def test_a_first_piece_reads_on_across_a_piece_without_clause_marks():
    roles = _roles(["星湖区社区食堂开门迎客", "", "本报记者 周某", "", "昨日，星湖区新建社区", "", "食堂十二家并正式投入", "",
                    "运营，覆盖周边两万多名老年居民，每天供应午餐和晚餐两餐。", "", PARAGRAPH_B, "", PARAGRAPH_C])
    assert roles["昨日，星湖区新建社区"][0] == ROLE_CONTENT and roles["食堂十二家并正式投入"][0] == ROLE_CONTENT


def test_a_kicker_with_a_comma_over_a_title_stays_out_of_the_text():
    roles = _roles(["聚焦民生实事，办好群众身边事", "", "星湖区社区食堂开门迎客", "", PARAGRAPH_A, "", PARAGRAPH_B, "", PARAGRAPH_C])
    assert roles["聚焦民生实事，办好群众身边事"][0] == ROLE_CONTENT  # a head for segmentation to read, not debris


def test_a_tail_under_a_sentence_cut_twice_is_text_not_a_caption():
    roles = _roles(["星湖区社区食堂开门迎客", "", PARAGRAPH_A, "", "区民政局负责人说，食堂由街道提供场地，企业负责运营，政府", "",
                    "按就餐人次给予补贴的标准将由", "", "每人每餐三元提高到五元。", "", PARAGRAPH_C])
    assert roles["每人每餐三元提高到五元。"][0] == ROLE_CONTENT


def test_a_picture_story_under_a_cut_sentence_keeps_its_caption():
    roles = _roles(["星湖区社区食堂开门迎客", "", PARAGRAPH_A, "", "区民政局负责人说，食堂由街道提供场地，企业负责运营，政府", "",
                    "城西公园完成提升改造", "", "市民在新开放的公园里休闲健身。", "", "本报记者 李某 摄", "", PARAGRAPH_C])
    assert roles["市民在新开放的公园里休闲健身。"][0] == ROLE_CAPTION


def test_a_kicker_over_a_title_over_a_dateline_cut_in_pieces_is_kept():
    roles = _roles([PARAGRAPH_C, "", "社区食堂进小区", "", "星湖区社区食堂开门迎客", "", "本报讯（记者 周某 通讯员", "",
                    "吴某）“以前吃饭是", "", "个难事，现在好了。”家住附近的周大爷说，星湖区新建的十二家社区食堂正式开门迎客。", "",
                    PARAGRAPH_B])
    assert roles["社区食堂进小区"][0] == ROLE_CONTENT  # not a fourth head line: the pieces under the title are text
    assert roles["本报讯（记者 周某 通讯员"][0] == ROLE_CONTENT and roles["吴某）“以前吃饭是"][0] == ROLE_CONTENT


def test_a_sentence_left_open_reads_on_across_a_photo_set_into_the_column():
    roles = _roles(["星湖区社区食堂开门迎客", "", "本报记者 周某", "", "今年以来，星湖区新建", "", "看图说话", "",
                    "老人们在社区食堂用餐。本报记者 李某 摄", "", "社区食堂十二家，覆盖周边两万多名老年居民，每天供应午餐和晚餐两餐。", "",
                    PARAGRAPH_B, "", "下一步，全区还将在新建小区配套建设", "", "老人们在社区食堂用餐。本报记者 李某 摄", "",
                    "助餐点，让老人在家门口吃上热乎饭菜。"])
    assert roles["今年以来，星湖区新建"][0] == ROLE_CONTENT
    assert roles["助餐点，让老人在家门口吃上热乎饭菜。"][0] == ROLE_CONTENT
    assert roles["看图说话"][0] != ROLE_CONTENT and roles["老人们在社区食堂用餐。本报记者 李某 摄"][0] == ROLE_CAPTION


def test_ui_phrase_in_the_last_piece_of_a_cut_sentence_is_text():
    tail = "卡和手机扫码乘车。"
    roles = _roles(["星湖区新开三条公交线路", "", PARAGRAPH_A, "",
                    "三条线路均采用新能源车辆，票价执行全市统一标准，乘客可使用交通", "", tail, "", PARAGRAPH_B])
    assert roles[tail][0] == ROLE_CONTENT
    # the same words under a head, which reads on without clause marks, stay a prompt
    assert _roles(["星湖区新开三条公交线路", "", "欢迎扫码乘车。", "", PARAGRAPH_A])["欢迎扫码乘车。"][0] == ROLE_BOILERPLATE


def test_a_long_piece_between_two_heads_parts_their_stacks():
    # an article's kicker, title and 副题 over a cut piece of its text, then the next story's head: five
    # title lines, but the piece between them shows two heads, not a list of other stories' headlines
    from tasks.clean_layout import mark_heads
    from tasks.clean_score import DEFAULT_THRESHOLDS

    piece = "星湖区今年新建社区食堂十二家，覆盖周边两万多名老年居民，每天供应午餐和"
    stack = ["全区助餐服务扩面提质", "星湖区社区食堂开门迎客", "——记全区助餐服务一年间"]
    lines = _evidence([*stack, piece, SECOND_HEAD, "本报记者 周远", PARAGRAPH_B])
    mark_heads(lines, 6, 0, DEFAULT_THRESHOLDS, outside=True)
    assert [ln.role for ln in lines[:3]] == [None, None, None]  # not furniture "above a full head"
    assert all(ln.extra.get("head") for ln in lines[:3])
    assert lines[3].role is None and not lines[3].extra.get("head")


def test_a_piece_under_a_byline_parts_the_stacks_and_a_short_titled_one_does_not():
    from tasks.clean_layout import mark_heads
    from tasks.clean_score import DEFAULT_THRESHOLDS

    stack = ["全区助餐服务扩面提质", "星湖区社区食堂开门迎客", "——记全区助餐服务一年间"]
    piece = "今年以来，全区新建社区食堂十二家"
    lines = _evidence([*stack, "本报记者 周远", piece, SECOND_HEAD, PARAGRAPH_B])
    mark_heads(lines, 6, 0, DEFAULT_THRESHOLDS, outside=True)
    assert all(ln.extra.get("head") and ln.role is None for ln in lines[:3])
    # without the byline the same short piece may be a title with a comma: the five lines stay one list
    lines = _evidence([*stack, piece, SECOND_HEAD, PARAGRAPH_B])
    mark_heads(lines, 5, 0, DEFAULT_THRESHOLDS, outside=True)
    assert lines[0].role is not None


def test_a_section_label_in_the_stack_does_not_make_the_head_a_list():
    from tasks.clean_layout import mark_heads
    from tasks.clean_score import DEFAULT_THRESHOLDS

    stack = ["全区助餐服务扩面提质", "星湖区社区食堂开门迎客", "——记全区助餐服务一年间"]
    lines = _evidence(["本版图片 资料", *stack, "本报记者 周远", PARAGRAPH_A])
    mark_heads(lines, 5, 0, DEFAULT_THRESHOLDS, outside=True)
    assert lines[0].role is not None  # the label: furniture
    assert all(ln.role is None and ln.extra.get("head") for ln in lines[1:4])
