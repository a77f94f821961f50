"""A title standing after its article's cut first paragraph heads that article (tasks/segment_misplaced.py);
a fragment of a cut sentence, or of another article, in the same place stays body text."""
from tasks.records import CleanLine, SourceDocument
from tasks.schema import ROLE_CONTENT, ROLE_HEADLINE
from tasks.segment import segment_document
from tasks.segment_blocks import Block
from tasks.segment_misplaced import head_over_lead, misplaced_lead
from tasks.segment_ngram import CharModel
from tasks.segment_vectors import LineTerms, cosines, normalized

TITLE = "我市建成新能源汽车充电桩一万两千个"
PAGE = [
    "城东新建两所公办幼儿园",
    "本报讯(记者 林晓)城东区今年新建两所公办幼儿园,新增学位五百个,缓解周边适龄儿童入园难。",
    # the first paragraph of the next story, cut at a column break, stands in this column
    "本报讯(记者 王可)记者从市发展改革委获悉,截至上月底,全市已建成新能源汽车充电",
    "两所幼儿园均配备户外活动场地和保健室,将于九月一日正式开园招生。",
    TITLE,  # its title, over the paragraph's continuation
    "桩一万两千个,覆盖全市所有街镇,平均服务半径缩短到一公里。",
    "市发展改革委表示,明年将在老旧小区和农村地区新增充电桩三千个。",
]
BLOCKS = [Block(head=[0], body=[1]), Block(body=[2, 3]), Block(head=[4], body=[5, 6])]


def _lead(texts):
    terms = LineTerms(texts)
    idf = terms.idf(terms.matrix)

    def cohesion(line, groups):
        return cosines(normalized(terms.groups([[line]]), idf), normalized(terms.groups(groups), idf))[0].tolist()

    blocks = [Block(list(b.head), list(b.bylines), list(b.body)) for b in BLOCKS]
    return misplaced_lead(blocks, 2, texts, CharModel(texts), cohesion)


def test_title_over_the_continuation_of_its_first_paragraph_heads_that_paragraph():
    doc = SourceDocument("t.txt", "", 0, "utf-8", "text/plain", tuple(PAGE))
    seg = segment_document(doc, [CleanLine(n, r, r, ROLE_CONTENT) for n, r in enumerate(PAGE, 1)])
    by_headline = {a.headline: a for a in seg.articles}
    assert sorted(by_headline[TITLE].source_lines) == [3, 5, 6, 7] and by_headline[TITLE].joins == [(3, 6)]
    assert sorted(by_headline["城东新建两所公办幼儿园"].source_lines) == [1, 2, 4]
    assert seg.lines[4].role == ROLE_HEADLINE


def test_misplaced_lead_finds_the_open_line_the_title_names():
    assert _lead(PAGE) == (1, 2)


def test_fragment_of_another_article_in_the_title_place_is_no_misplaced_head():
    assert _lead(PAGE[:4] + ["两所幼儿园的保育员由区教育局统一", *PAGE[5:]]) is None


def test_line_that_reads_on_from_the_open_line_is_no_misplaced_head():
    """`充电` + `桩建设…`: the title-like line continues the cut sentence, whatever stands under it."""
    assert _lead(PAGE[:4] + ["桩建设与新能源汽车推广同步提速", *PAGE[5:]]) is None


def test_head_over_lead_splits_the_block_before_the_lead():
    host = Block(head=[0], body=[1, 2, 3])
    assert [(b.head, b.body) for b in head_over_lead(host, 2, 4)] == [([0], [1]), ([4], [2, 3])]
    assert [(b.head, b.body) for b in head_over_lead(Block(body=[2, 3]), 2, 4)] == [([4], [2, 3])]
