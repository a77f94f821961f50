"""Theme classification: IPTC level 1, domain topics, evidence and taxonomy loading."""
import pytest

from tasks.config import ConfigError
from tasks.theme_lexicon import default_lexicons, load_themes, load_topics
from tasks.themes import TAXONOMY_VERSION, classify_themes

CASES = [  # (headline, text, expected primary theme)
    ("湖人击败凯尔特人夺得总冠军", "科比在总决赛第七场拿下23分，湖人队主场战胜凯尔特人，赛后主教练表示球员发挥出色。", "medtop:15000000"),
    ("新片定档贺岁档", "导演透露，这部电影由两位影帝主演，预告片发布后票房预售火爆，剧组已经杀青。", "medtop:01000000"),
    ("A股三大指数集体上涨", "沪指收涨1.2%，创业板指涨2%，券商板块领涨，北向资金净流入，基金经理看好后市。", "medtop:04000000"),
    ("今年高考报名人数创新高", "教育部介绍，今年高考考生人数增加，各地学校做好考务准备，考生可登录网站查询分数线。", "medtop:05000000"),
    ("本周楼市成交回暖", "新房网签套数环比上涨，二手房成交均价持平，多个楼盘开盘认购火爆，开发商推出优惠。", "medtop:04000000"),
    ("春季穿搭指南", "这一季的时装周上，设计师推出多款连衣裙和风衣，搭配高跟鞋与手袋，尽显优雅。", "medtop:10000000"),
    ("新款手机搭载自研芯片", "这款智能手机采用新一代处理器，屏幕分辨率提升，续航更长，系统升级到最新版本。", "medtop:13000000"),
    ("市政协召开专题协商会", "市政协主席出席会议并讲话，政协委员围绕政府工作报告建言献策，提出提案20件。", "medtop:11000000"),
    ("台风来袭 多地发布暴雨预警", "气象台发布台风橙色预警，预计明天有大风和暴雨，最高气温28摄氏度。", "medtop:17000000"),
    ("男子诈骗数十万元被判刑", "法院审理查明，被告人以投资为名实施诈骗，一审判处有期徒刑五年，并处罚金。", "medtop:02000000"),
    ("社区卫生服务中心开展义诊", "医生为居民测量血压，讲解高血压和糖尿病的预防，患者可在门诊预约家庭医生。", "medtop:07000000"),
    ("网游新版本公测", "这款网络游戏的资料片今日开启公测，玩家可以体验新副本和新坐骑，游戏公司同时开放新服。", "medtop:10000000"),
    # a government body acting is filed as politics even when the matter is trade.
    ("商务部副部长就进口限制答记者问", "商务部副部长在例行记者会上表示，有关报道不实，双方将继续磋商。", "medtop:11000000"),
    ("企业如何留住技术工人", "提高技工待遇，完善职称评定和晋升渠道，企业要加强员工培训，用人单位应落实五险一金。", "medtop:09000000"),
    ("二手房成交回暖", "首套房贷利率下调，刚需购房者入市，带看量上升，成交均价企稳，开发商加快去库存。", "medtop:04000000"),
    # the ministry leads the story: a 时政 desk files it, though the matter is an epidemic.
    ("卫生部通报流感疫情", "卫生部新闻发言人今天表示，全国新增流感确诊病例下降，各地医院发热门诊就诊人数回落，疫苗接种稳步推进。", "medtop:11000000"),
    # a listing names rooms, but it is a property story.
    ("新盘加推三居室", "该项目位于地铁站旁，主推南北通透的三室两厅，客厅与主卧朝南，采光通风良好，首付比例三成。", "medtop:04000000"),
    ("考研报名开始", "研究生入学考试网上报名今日开始，考生需按招生简章选择报考院校和专业课，现场确认后打印准考证。", "medtop:05000000"),
    ("留学申请季开启", "本科生申请英国大学需要提交雅思成绩，预科课程和语言学校也受到学生欢迎，录取通知书陆续发放。", "medtop:05000000"),
]


@pytest.mark.parametrize("headline,text,expected", CASES)
def test_primary_theme(headline, text, expected):
    result = classify_themes(headline, text, [])
    assert result.primary_theme == expected, result.evidence


def test_scores_ranked_within_unit_interval_and_evidence_names_terms():
    result = classify_themes("加快形成新质生产力", "企业加大研发投入，科技创新成果转化加快，产业链延伸，产值同比增长。", [])
    scores = [label.score for label in result.themes]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert any(e.startswith(result.primary_theme) and "×" in e for e in result.evidence)
    assert "new_quality_productivity" in [topic.code for topic in result.topics]


def test_headline_terms_are_marked_in_evidence():
    result = classify_themes("联赛冠军", "本赛季球队表现稳定。", [])
    assert "(headline:" in result.evidence[0]


def test_empty_text_has_no_theme():
    result = classify_themes("", "", [])
    assert result.themes == [] and result.primary_theme is None


def test_topics_carry_codes_and_chinese_labels():
    result = classify_themes("推动京津冀协同发展走深走实", "京津冀三地共同推进产业协作，雄安新区建设加快。", [])
    assert result.topics[0].code == "beijing_tianjin_hebei"
    assert result.topics[0].label == "京津冀协同发展"


def test_every_topic_parent_is_a_known_theme():
    themes, topics = default_lexicons()
    codes = {c.code for c in themes.categories}
    assert len(codes) == 17 and all(t.parent in codes for t in topics.categories)


def test_version_names_both_files():
    assert TAXONOMY_VERSION.startswith("iptc-") and "+topics-" in TAXONOMY_VERSION


def test_schema_error_names_file_and_field(tmp_path):
    bad = tmp_path / "iptc_mediatopics.yaml"
    bad.write_text(
        'version: "x"\nheadline_weight: 3\nthemes:\n  - code: medtop:04000000\n    label_en: economy\n'
        "    label_zh: 经济\n    terms:\n      - weight: heavy\n        words: [股市]\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as error:
        load_themes(bad)
    assert str(bad) in str(error.value) and "themes/0/terms/0/weight" in str(error.value)


def test_topic_without_parent_is_rejected(tmp_path):
    bad = tmp_path / "topics.yaml"
    bad.write_text('version: "x"\ntopics:\n  - {code: a, label_zh: 甲, label_en: a, terms: [{weight: 1, words: [甲]}]}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="topics/0.*parent"):
        load_topics(bad)


def test_a_term_shared_by_several_themes_counts_less():
    from dataclasses import replace

    from tasks.themes import DEFAULT_THRESHOLDS, _score

    lexicon = default_lexicons()[0]
    shared = next(term for term, _ in lexicon.automaton.items() if len(lexicon.entries(term)) >= 2)
    plain = _score(lexicon, "", shared, replace(DEFAULT_THRESHOLDS, specificity=0.0))
    damped = _score(lexicon, "", shared, DEFAULT_THRESHOLDS)
    assert sum(damped.raw) < sum(plain.raw)


def test_the_lede_weighs_more_than_the_tail():
    from tasks.themes import _lede

    lede, rest = _lede("第一句讲比赛结果。" + "后文" * 60, 20)
    assert lede == "第一句讲比赛结果。" and rest.startswith("后文")
    early = classify_themes("", "球队赢得冠军。" + "，" * 80 + "股市上涨。", [])
    late = classify_themes("", "股市上涨。" + "，" * 80 + "球队赢得冠军。", [])
    assert early.primary_theme == "medtop:15000000" and late.primary_theme == "medtop:04000000"


def test_lead_terms_count_more_in_the_lede(tmp_path):
    from tasks.themes import _score

    path = tmp_path / "iptc_mediatopics.yaml"
    path.write_text(
        'version: "x"\nheadline_weight: 3\nthemes:\n'
        "  - {code: medtop:11000000, label_en: politics, label_zh: 政治, terms: [{weight: 3, lead: 3, words: [部长]}]}\n"
        "  - {code: medtop:07000000, label_en: health, label_zh: 健康, terms: [{weight: 3, words: [病例]}]}\n",
        encoding="utf-8",
    )
    lexicon = load_themes(path)
    assert lexicon.entries("部长") == ((0, 3.0, 3.0),) and lexicon.entries("病例") == ((1, 3.0, 1.0),)
    lede = _score(lexicon, "", "部长谈病例。")
    tail = _score(lexicon, "", "病例。" + "，" * 80 + "部长")
    assert lede.raw[0] > lede.raw[1] and tail.raw[0] < lede.raw[0]


def test_a_term_of_the_lede_and_the_rest_counts_once_with_all_its_mentions(tmp_path):
    import math
    from dataclasses import replace

    from tasks.themes import DEFAULT_THRESHOLDS, _score

    path = tmp_path / "iptc_mediatopics.yaml"
    path.write_text(
        'version: "x"\nheadline_weight: 3\nthemes:\n'
        "  - {code: medtop:11000000, label_en: politics, label_zh: 政治, terms: [{weight: 3, lead: 2, words: [部长, 会议]}]}\n",
        encoding="utf-8",
    )
    lexicon = load_themes(path)
    lede_weight = DEFAULT_THRESHOLDS.lede_weight * 2  # times the group's lead
    # 部长: once in the lede, twice after it; 会议: only after it.
    scored = _score(lexicon, "", "部长讲话。" + "，" * 80 + "会议上部长和部长。", replace(DEFAULT_THRESHOLDS, specificity=0.0))
    assert list(scored.terms[0].items()) == [("部长", 3), ("会议", 1)]  # lede terms first, counts of the whole body
    assert scored.raw[0] == 3.0 * (1.0 + math.log(3) + lede_weight - 1.0) + 3.0 * (1.0 + math.log(1))


def _lexicon_file(tmp_path, top: str, politics_terms: str):
    """A one-theme lexicon file: `top` lines before `themes:`, politics with `politics_terms`."""
    path = tmp_path / "iptc_mediatopics.yaml"
    path.write_text(
        f'version: "x"\nheadline_weight: 3\n{top}themes:\n'
        f"  - {{code: medtop:11000000, label_en: politics, label_zh: 政治, terms: [{politics_terms}]}}\n",
        encoding="utf-8",
    )
    return path


def test_lead_below_one_is_rejected(tmp_path):
    with pytest.raises(ConfigError, match="lead"):
        load_themes(_lexicon_file(tmp_path, "", "{weight: 3, lead: 0.5, words: [部长]}"))


def test_generic_terms_count_for_no_theme(tmp_path):
    from tasks.themes import _score

    lexicon = load_themes(_lexicon_file(tmp_path, "generic_terms: {words: [记者从, 推进]}\n", "{weight: 3, words: [市委]}"))
    assert lexicon.entries("记者从") == ()
    assert _score(lexicon, "推进", "记者从有关方面获悉，工作正在推进。").raw == [0.0]
    assert _score(lexicon, "", "市委推进工作。").raw[0] > 0


def test_a_generic_term_may_not_be_a_theme_term(tmp_path):
    bad = _lexicon_file(tmp_path, "generic_terms: {words: [推进]}\n", "{weight: 1, words: [推进]}")
    with pytest.raises(ConfigError, match="generic_terms.*推进.*medtop:11000000"):
        load_themes(bad)


def test_support_terms_cannot_make_a_theme_alone(tmp_path):
    from tasks.themes import DEFAULT_THRESHOLDS, _score

    path = tmp_path / "iptc_mediatopics.yaml"
    path.write_text(
        'version: "x"\nheadline_weight: 3\nthemes:\n'
        "  - {code: medtop:11000000, label_en: politics, label_zh: 政治,\n"
        "     terms: [{weight: 3, words: [市委]}, {weight: 2, support: true, words: [推进, 全国]}]}\n"
        "  - {code: medtop:08000000, label_en: human interest, label_zh: 人情味, terms: [{weight: 3, words: [奖章]}]}\n",
        encoding="utf-8",
    )
    lexicon = load_themes(path)
    alone = _score(lexicon, "", "全国推进，推进，推进。")
    assert alone.raw[0] == 0.0 and alone.terms[0]  # named in the evidence, weighed for nothing
    backed = _score(lexicon, "", "市委。" + "，" * 80 + "全国推进。")
    plain = _score(lexicon, "", "市委。")
    assert plain.raw[0] < backed.raw[0] <= plain.raw[0] * (1 + DEFAULT_THRESHOLDS.support_cap)
    # An award story that merely uses the policy register stays an award story.
    award = classify_themes("青年奖章揭晓", "全国推进，推进。奖章。", [])
    assert award.primary_theme == "medtop:08000000"
