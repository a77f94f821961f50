"""Duplicate marks: wire stories, double crawls and edited leads found; same-theme stories not."""
from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa
import pytest

from tasks.dedup import MIN_DEDUP_CHARS, DuplicateMark, mark_duplicates, normalize_for_dedup

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _seed_paragraphs(name_prefix: str) -> list[str]:
    path = next(SEEDS.glob(f"{name_prefix}_*.txt"))
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 40]


@pytest.fixture(scope="module")
def story() -> str:
    """A long body (six paragraphs) from seed 000, an OCR'd newspaper page."""
    return "\n".join(_seed_paragraphs("000")[:6])


@pytest.fixture(scope="module")
def same_theme_articles() -> list[dict]:
    """Consecutive three-paragraph chunks of every seed: Tianjin economy stories sharing much vocabulary."""
    rows = []
    for seed in ("000", "001", "002", "003", "004"):
        paragraphs = _seed_paragraphs(seed)
        for start in range(0, len(paragraphs) - 2, 3):
            rows.append({"article_id": f"s{seed}-{start:03d}", "text": "\n".join(paragraphs[start : start + 3])})
    return rows


def _row(article_id: str, text: str) -> dict:
    return {"article_id": article_id, "source_file": f"{article_id}.txt", "text": text}


def test_story_repeated_across_two_documents(story):
    marks = mark_duplicates([_row("a2", story), _row("a1", story)])
    assert marks == {"a1": DuplicateMark(None, 0.0), "a2": DuplicateMark("a1", 1.0)}  # tie: smallest id kept


def test_wire_story_with_another_dateline(story):
    marks = mark_duplicates([_row("a1", "本报讯 " + story), _row("a2", "新华社天津3月5日电 " + story)])
    assert marks["a2"].duplicate_of is None  # the longest copy is kept
    assert marks["a1"].duplicate_of == "a2"
    assert 0.9 <= marks["a1"].near_duplicate_score < 1.0


def test_exact_copies_point_at_the_kept_copy_of_their_cluster(story):
    marks = mark_duplicates([_row("a1", story), _row("a2", story), _row("a0", story + "\n（完）")])
    assert marks["a0"] == DuplicateMark(None, 0.0)
    assert marks["a1"].duplicate_of == marks["a2"].duplicate_of == "a0"
    assert marks["a1"].near_duplicate_score == marks["a2"].near_duplicate_score >= 0.8


def test_page_crawled_twice_with_different_boilerplate(story):
    first = story + "\n责任编辑：张明\n分享到：微信 微博 QQ空间"
    second = "首页 > 新闻中心 > 天津新闻\n" + story + "\n打印本页 关闭窗口\n来源：天津日报"
    marks = mark_duplicates([_row("crawl-1", first), _row("crawl-2", second)])
    assert marks["crawl-1"].duplicate_of == "crawl-2"  # the longer text is kept
    assert 0.8 <= marks["crawl-1"].near_duplicate_score < 1.0


def test_punctuation_and_width_differences_are_exact_copies(story):
    halfwidth = story.replace("，", ",").replace("。", ".").replace("\n", " ")
    marks = mark_duplicates([_row("b1", story), _row("b2", halfwidth)])
    assert DuplicateMark("b1", 1.0) in marks.values()


def test_lightly_edited_lead(story):
    lead, rest = story.split("\n", 1)
    edited = lead.replace("昨日", "前天", 1).replace("生产车间", "生产厂房", 1) + "\n" + rest
    assert edited != story
    marks = mark_duplicates([_row("lead-1", story), _row("lead-2", edited)])
    assert marks["lead-2"].duplicate_of == "lead-1"
    assert marks["lead-2"].near_duplicate_score >= 0.85


def test_threshold_is_a_parameter(story):
    lead, rest = story.split("\n", 1)
    edited = lead.replace("昨日", "前天", 1).replace("生产车间", "生产厂房", 1) + "\n" + rest
    marks = mark_duplicates([_row("lead-1", story), _row("lead-2", edited)], threshold=0.995)
    assert all(mark.duplicate_of is None for mark in marks.values())


def test_unrelated_stories_on_the_same_theme_are_not_duplicates(same_theme_articles):
    assert len(same_theme_articles) > 40
    marks = mark_duplicates(same_theme_articles)
    assert [aid for aid, mark in marks.items() if mark.duplicate_of] == []


@pytest.mark.parametrize(
    "first, second",
    [
        (
            "本报讯 今年一季度，我市规模以上工业增加值同比增长百分之六点二，高技术制造业增长明显，"
            "新能源汽车、工业机器人产量分别增长三成和两成，全市工业经济实现平稳开局，企业订单充足。",
            "本报讯 记者从市商务局获悉，一季度全市社会消费品零售总额同比增长百分之五点八，"
            "新能源汽车、智能家电销售增长较快，餐饮收入增长一成，全市消费市场实现平稳开局，假日消费活跃。",
        ),
        (
            "推动京津冀协同发展走深走实，三地工信部门联合制定产业链图谱，围绕新能源、生物医药等重点产业链"
            "开展联合招商，推动一批重大项目落地，产业协作水平不断提升。",
            "推动京津冀协同发展走深走实，三地交通部门加快轨道交通建设，京津冀城际铁路网持续完善，"
            "通勤时间进一步缩短，区域一体化交通网络不断完善，服务群众出行水平不断提升。",
        ),
    ],
)
def test_same_vocabulary_different_story(first, second):
    marks = mark_duplicates([_row("e1", first), _row("e2", second)])
    assert marks == {"e1": DuplicateMark(None, 0.0), "e2": DuplicateMark(None, 0.0)}


def _clustered_rows(story: str, same_theme: list[dict]) -> list[dict]:
    lead, rest = story.split("\n", 1)
    rows = [dict(row) for row in same_theme[:20]]
    rows += [_row("c1", story), _row("c2", story), _row("c3", lead.replace("昨日", "前日") + "\n" + rest)]
    rows += [_row("c4", story + "\n责任编辑：张明"), _row("c5", same_theme[3]["text"])]
    return rows


def test_reprocessing_in_any_order_keeps_the_same_choices(story, same_theme_articles):
    rows = _clustered_rows(story, same_theme_articles)
    expected = mark_duplicates(rows)
    assert sum(1 for mark in expected.values() if mark.duplicate_of) == 4
    rng = random.Random(20240301)
    for _ in range(5):
        shuffled = rows[:]
        rng.shuffle(shuffled)
        assert mark_duplicates(shuffled) == expected


def test_previous_version_wins_and_is_never_marked(story):
    previous = [("old-1", story)]
    current = [_row("new-1", story + "\n（完）"), _row("new-2", story)]
    marks = mark_duplicates(current, previous=previous)
    assert set(marks) == {"new-1", "new-2"}  # previous articles get no marks
    assert marks["new-1"].duplicate_of == "old-1"  # though shorter, the published article is kept
    assert marks["new-2"] == DuplicateMark("old-1", 1.0)


def test_an_article_already_published_is_not_its_own_duplicate(story):
    other = "另一篇已经发布的报道，内容与本文无关，讲述的是海河沿岸的城市更新和历史街区的保护利用工作进展情况。"
    table = pa.table({"article_id": ["a1", "a9"], "text": [story, other]})
    marks = mark_duplicates([_row("a1", story), _row("a2", story)], previous=table)
    assert marks["a1"] == DuplicateMark(None, 0.0)
    assert marks["a2"] == DuplicateMark("a1", 1.0)


@pytest.mark.parametrize("text", ["", "图为会议现场。", "（完）", None])
def test_short_or_empty_texts_are_never_marked(text):
    marks = mark_duplicates([_row("t1", text), _row("t2", text)])
    assert marks == {"t1": DuplicateMark(None, 0.0), "t2": DuplicateMark(None, 0.0)}
    assert len(normalize_for_dedup(text or "")) < MIN_DEDUP_CHARS


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Ｈｅｌｌｏ，世界！", "hello世界"),
        ("新 质\n生产力。", "新质生产力"),
        ("“2023年”", "2023年"),
    ],
)
def test_normalize_for_dedup(raw, expected):
    assert normalize_for_dedup(raw) == expected


def test_signatures_and_bands_are_datasketchs(story, same_theme_articles):
    """The numpy MinHash equals datasketch's MinHash (affine32) and the bands its MinHashLSH picks."""
    from datasketch import MinHash, MinHashLSH

    from tasks import dedup

    texts = [dedup.normalize_for_dedup(t) for t in [story] + [row["text"] for row in same_theme_articles[:12]]]
    template = MinHash(num_perm=dedup.DEFAULT_NUM_PERM, seed=dedup.MINHASH_SEED, hashfunc=lambda value: value)
    for text, signature in zip(texts, dedup.signatures(texts)):
        sketch = template.copy()
        sketch.update_batch(dedup.shingle_hashes(text))
        assert (sketch.hashvalues == signature).all()
    threshold = dedup.DEFAULT_THRESHOLD - dedup.LSH_MARGIN
    index = MinHashLSH(threshold=threshold, num_perm=dedup.DEFAULT_NUM_PERM)
    assert dedup.lsh_bands(threshold, dedup.DEFAULT_NUM_PERM) == (index.b, index.r)


def test_sketches_of_batches_give_the_marks_of_one_pass(story, same_theme_articles):
    from tasks import dedup

    rows = [_row("a1", story), _row("a2", "新华社电 " + story), _row("a3", story)] + same_theme_articles
    ids, texts = [r["article_id"] for r in rows], [r["text"] for r in rows]
    parts = [dedup.sketch_texts(texts[:2]), dedup.sketch_texts(texts[2:])]
    previous = [("p1", story + "（完）")]
    assert dict(zip(ids, dedup.duplicate_marks(ids, dedup.concat_sketches(parts), previous))) == mark_duplicates(rows, previous)
