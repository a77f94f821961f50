"""Head assembly: which stacked head lines are kicker, headline and subtitle."""
import pytest

from tasks.records import Article, CleanLine, SourceDocument
from tasks.schema import ROLE_CONTENT, ROLE_FURNITURE, ROLE_HEADLINE, ROLE_KICKER, ROLE_SUBTITLE
from tasks.segment import segment_document
from tasks.segment_assemble import _assign_heads
from tasks.segment_blocks import Block


def _heads(raw):
    content = [CleanLine(n, r, r.lstrip("# ").strip(), ROLE_CONTENT) for n, r in enumerate(raw, 1)]
    article = Article(ordinal=1, headline="", paragraphs=[], source_lines=[])
    _assign_heads(article, Block(head=list(range(len(raw)))), content)
    return article, [line.role for line in content]


# the top line ends on the person's office, the next opens with the name: one title wrapped
WRAPPED = [
    ("天津市人大财政经济委员会主任委员", "王洪海接受纪律审查和监察调查"),
    ("市生态环境局局长", "李明就大气污染防治答记者问"),
    ("市工商联副会长", "张建华当选全国劳动模范"),
]


@pytest.mark.parametrize("top, bottom", WRAPPED)
def test_title_wrapped_after_an_office_is_one_headline(top, bottom):
    article, roles = _heads([top, bottom])
    assert (article.kicker, article.headline, article.subtitle) == (None, top + bottom, None)
    assert roles == [ROLE_HEADLINE, ROLE_HEADLINE]


EVENT_KICKER = "区文化旅游局推出夏季夜游线路串联十二处历史街区"
# a clause over a title stays kicker + headline; a title over a dash line keeps its subtitle; a
# top line ending on an office over a line that opens no name is not read as wrapped
STACKED = [
    (["市政协文化和文史委建议", "保护开放百年法政学堂旧址"], ("市政协文化和文史委建议", "保护开放百年法政学堂旧址", None),
     [ROLE_KICKER, ROLE_HEADLINE]),
    (["市人大代表宋裕庆建议", "建立激励机制提高职教教师学历层次"], ("市人大代表宋裕庆建议", "建立激励机制提高职教教师学历层次", None),
     [ROLE_KICKER, ROLE_HEADLINE]),
    (["绘就乡村振兴的诗与远方", "——记村党委书记胡震刚"], ("", "绘就乡村振兴的诗与远方", "——记村党委书记胡震刚"),
     [ROLE_HEADLINE, ROLE_SUBTITLE]),
    (["# 天津市人大财政经济委员会主任委员", "## 王洪海接受纪律审查和监察调查"],
     ("", "天津市人大财政经济委员会主任委员", "王洪海接受纪律审查和监察调查"), [ROLE_HEADLINE, ROLE_SUBTITLE]),
    # a 副题 is set off by a dash: of two plain lines the top one is the 引题, however long
    ([EVENT_KICKER, "让老街区焕发新活力"], (EVENT_KICKER, "让老街区焕发新活力", None), [ROLE_KICKER, ROLE_HEADLINE]),
    # the one line marked as a heading is the title
    (["# 让老街区焕发新活力", "区文化旅游局推出夏季夜游线路"], ("", "让老街区焕发新活力", "区文化旅游局推出夏季夜游线路"),
     [ROLE_HEADLINE, ROLE_SUBTITLE]),
]


@pytest.mark.parametrize("raw, expected, roles", STACKED)
def test_stacked_heads_that_are_not_a_wrapped_title_keep_their_roles(raw, expected, roles):
    article, got = _heads(raw)
    assert (article.kicker or "", article.headline, article.subtitle) == expected and got == roles


@pytest.mark.parametrize("raw", ["◆城东新建两座口袋公园", "■ 城东新建两座口袋公园", "城东新建两座口袋公园"])
def test_a_bullet_setting_off_an_items_title_is_not_part_of_the_headline(raw):
    article, _ = _heads([raw])
    assert article.headline == "城东新建两座口袋公园"


def test_wrapped_title_on_a_page_gives_one_headline():
    page = ["天津市人大财政经济委员会主任委员", "王洪海接受纪律审查和监察调查",
            "本报讯(记者 徐丽)从市纪委监委获悉,王洪海涉嫌严重违纪违法,目前正接受市纪委监委纪律审查和监察调查。"]
    doc = SourceDocument("t.txt", "", 0, "utf-8", "text/plain", tuple(page))
    seg = segment_document(doc, [CleanLine(n, r, r, ROLE_CONTENT) for n, r in enumerate(page, 1)])
    [article] = seg.articles
    assert article.headline == page[0] + page[1] and not article.kicker and not article.subtitle
    assert [line.role for line in seg.lines[:2]] == [ROLE_HEADLINE, ROLE_HEADLINE]


def test_section_label_in_a_head_stack_is_furniture_not_a_subtitle():
    page = [EVENT_KICKER, "让老街区焕发新活力", "民生直通车",
            "本报讯(记者 何苗)区文化旅游局昨日推出夏季夜游线路,串联老城十二处历史街区,游客可扫码预约讲解。"]
    doc = SourceDocument("t.txt", "", 0, "utf-8", "text/plain", tuple(page))
    seg = segment_document(doc, [CleanLine(n, r, r, ROLE_CONTENT) for n, r in enumerate(page, 1)])
    [article] = seg.articles
    assert (article.kicker, article.headline, article.subtitle) == (EVENT_KICKER, "让老街区焕发新活力", None)
    assert sorted(article.source_lines) == [1, 2, 4]
    assert (seg.lines[2].role, seg.lines[2].article_ordinal) == (ROLE_FURNITURE, None)
