"""Region classification: gazetteer from cpca, disambiguation, home region, primary rule."""
import pytest

from tasks.config import ConfigError
from tasks.region_gazetteer import load_gazetteer
from tasks.region_document import document_home_region, dominant_region, newspaper_home
from tasks.region_home import configured_home, load_newspapers, load_source_rules
from tasks.regions import GAZETTEER_VERSION, classify_regions
from tasks.schema import LEVEL_COUNTY, LEVEL_PREFECTURE, LEVEL_PROVINCE

PRIMARY_CASES = [  # (headline, paragraphs, source_file, expected primary)
    ("滨海新区加快建设港口物流枢纽", ["滨海新区今年新开工项目30个，港口吞吐量持续增长。"], "a.txt", "120116"),
    ("湖北武汉一加氢站即将投运", ["武汉市进入低价氢气时代。", "该项目将助力湖北省氢能网络布局。"], "a.txt", "420100"),
    ("东丽区工业产值稳步增长", ["天津市东丽区工信局介绍，东丽区重点发展6条产业链。"], "a.txt", "120110"),
    # 我市 without a configured source: the city the article names.
    ("我市召开推进会", ["会议要求，我市要抓好落实。成都市各区县参加。"], "unknown.txt", "510100"),
    # a place name inside organisation names weighs less than the place itself.
    ("高校专家走进社区", ["天津大学和南开大学的专家来到河西区，为居民讲解。"], "a.txt", "120103"),
    ("京津冀协同发展走深走实", ["北京、天津、河北三地共同推进。"], "a.txt", None),
    ("特朗普访问卡塔尔", ["美国总统特朗普14日抵达卡塔尔首都多哈，两国签署协议。"], "a.txt", None),
    ("北京时间今晨NBA总决赛开打", ["湖人队在主场迎战凯尔特人。"], "a.txt", None),
]


@pytest.mark.parametrize("headline,paragraphs,source_file,expected", PRIMARY_CASES)
def test_primary_region(headline, paragraphs, source_file, expected):
    result = classify_regions(headline, paragraphs, source_file)
    assert result.primary_region == expected, result.evidence


@pytest.mark.parametrize(
    "context,expected",
    [("北京市朝阳区", "110105"), ("长春市朝阳区", "220104"), ("吉林省长春市朝阳区", "220104")],
)
def test_duplicated_county_name_resolved_by_province(context, expected):
    result = classify_regions("朝阳区举办招聘会", [f"{context}今天举办招聘会。"], "a.txt")
    assert result.primary_region == expected


def test_duplicated_county_name_without_context_is_left_out():
    result = classify_regions("朝阳区举办招聘会", ["今天举办招聘会。"], "a.txt")
    assert result.primary_region is None
    assert any("unresolved 朝阳区" in e for e in result.evidence)


def test_multi_region_term_expands_to_members():
    result = classify_regions("京津冀产业链图谱落地", ["三地着手制定行动方案。"], "a.txt")
    assert {r.adcode for r in result.regions} == {"110000", "120000", "130000"}
    assert any("京津冀→110000+120000+130000" in e for e in result.evidence)


def test_short_county_name_needs_its_province_in_the_article():
    alone = classify_regions("东丽湖畔风景好", ["游客前来观光。"], "a.txt")
    assert alone.primary_region is None
    with_context = classify_regions("天津东丽湖畔风景好", ["东丽的游客前来观光。"], "a.txt")
    assert "120110" in [r.adcode for r in with_context.regions]


def test_street_named_after_a_city_is_not_the_city():
    result = classify_regions("步行街客流回升", ["上海南京路步行街人头攒动。"], "a.txt")
    assert [r.adcode for r in result.regions] == ["310000"]


def test_foreign_countries_get_alpha2_codes():
    result = classify_regions("中美经贸磋商", ["美国和日本代表出席，韩国观察员列席。"], "a.txt")
    assert result.countries[0] == "US" and set(result.countries) == {"US", "JP", "KR"}


def test_levels_and_names_come_from_the_gazetteer():
    places = load_gazetteer().places
    assert (places["120000"].name, places["120000"].level) == ("天津市", LEVEL_PROVINCE)
    assert (places["420100"].name, places["420100"].level) == ("武汉市", LEVEL_PREFECTURE)
    assert (places["120116"].name, places["120116"].level) == ("滨海新区", LEVEL_COUNTY)
    assert load_gazetteer().parent("120116") == "120000"  # municipality: no prefecture row
    assert load_gazetteer().parent("420102") == "420100"


def test_regions_list_primary_first_with_mention_counts():
    result = classify_regions("武汉发布新政", ["湖北省武汉市出台措施，武汉将加快建设。"], "a.txt")
    assert result.regions[0].adcode == result.primary_region == "420100"
    assert result.regions[0].mentions == 3


def test_gazetteer_version_names_cpca():
    assert GAZETTEER_VERSION.startswith("cpca-0.5.5+")


def test_sources_schema_error_names_file_and_field(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text('version: "1"\nsources:\n  - {name: 报, text_regex: 日报, home_adcode: "12000"}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_source_rules(bad)
    assert str(bad) in str(error.value) and "sources/0/home_adcode" in str(error.value)


def test_source_with_unknown_adcode_is_rejected(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text('version: "1"\nsources:\n  - {name: 报, text_regex: 日报, home_adcode: "999999"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not in the gazetteer"):
        load_source_rules(bad, frozenset(load_gazetteer().places))


# (headline, paragraphs, document hint, expected primary)
HINT_CASES = [
    # 我市 on a page whose home region is Tianjin.
    ("推动制造业高质量发展", ["我市出台新一轮支持政策，全市规上工业增加值增长。"], "120000", "120000"),
    # an article that names no place at all takes the page's home region (a small prior).
    ("发展装配式建筑产业", ["建议加大政策支持力度，培育龙头企业。"], "120000", "120000"),
    # a place the article names outweighs the hint.
    ("武汉加氢站投运", ["武汉市首座加氢站昨日投运。"], "120000", "420100"),
    # a district named several times wins over 我市 / 市委 framing of the city.
    ("北辰区打造乡村旅游新名片", ["北辰区各村推出民宿。", "我市市委有关负责人表示，北辰区将继续推进。"], "120000", "120113"),
    # 我省 on a city paper's page points at the city's province.
    ("我省出台措施", ["我省各地积极落实。"], "420100", "420000"),
    # an ambiguous county name is resolved by the page's home region.
    ("朝阳区举办招聘会", ["今天举办招聘会。"], "110000", "110105"),
]


@pytest.mark.parametrize("headline,paragraphs,hint,expected", HINT_CASES)
def test_document_hint(headline, paragraphs, hint, expected):
    result = classify_regions(headline, paragraphs, "page.txt", document_hint=hint)
    assert result.primary_region == expected, result.evidence


def test_unknown_hint_is_ignored():
    result = classify_regions("推动制造业发展", ["我市出台政策。"], "page.txt", document_hint="999999")
    assert result.primary_region is None


@pytest.mark.parametrize(
    "lines,expected",
    [
        (["天津日报", "本报讯 我市召开会议。"], "120000"),  # a masthead
        (["来源：长江日报", "武汉发布新政。"], "420100"),
        (["据北京日报报道", "来源：新京报", "又据新京报消息"], "110000"),  # the most-named paper
        (["大众网友纷纷点赞。"], None),  # 大众网 followed by 友 is not the site
    ],
)
def test_newspaper_names_give_the_home_region(lines, expected):
    assert document_home_region(lines, "p.txt") == expected


@pytest.mark.parametrize(
    "lines,expected",
    [
        (["天津市召开会议。", "天津港吞吐量增长。", "滨海新区项目开工，北京企业参与。", "天津将继续推进。"], "120000"),
        (["湖北省武汉市发布措施。", "武汉市将建设加氢站。", "武汉东湖高新区企业参与。"], "420100"),  # a city dominates
        (["北京市召开会议。", "上海市发布措施。", "广州市出台政策。"], None),  # no province dominates
        (["编辑：上海市松江区融媒体中心", "上海"], "310000"),  # few mentions, all in one province
        (["京津冀协同发展", "京津冀三地合作"], None),  # multi-region terms do not tell members apart
    ],
)
def test_dominant_region(lines, expected):
    assert dominant_region(lines) == expected


def test_newspaper_home_tie_gives_none():
    assert newspaper_home("天津日报 北京日报") is None


def test_user_rule_overrides_newspapers(tmp_path):
    rules_file = tmp_path / "sources.yaml"
    rules_file.write_text('version: "1"\nsources:\n  - {name: x, source_file_glob: "tj/*.txt", home_adcode: "120000"}\n',
                          encoding="utf-8")
    rules = load_source_rules(rules_file)
    assert configured_home("tj/p1.txt", "北京日报", rules).home_adcode == "120000"
    assert configured_home("other/p1.txt", "北京日报", rules) is None


def test_shipped_sources_have_no_file_name_rule_and_many_papers():
    from tasks.region_home import default_newspapers, default_source_rules

    assert all(rule.source_file_glob is None for rule in default_source_rules())
    papers = default_newspapers()
    assert papers["天津日报"] == "120000" and papers["南方日报"] == "440000" and papers["解放日报"] == "310000"


def test_newspaper_listed_under_two_homes_is_rejected(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text('version: "1"\nsources: []\nnewspapers:\n  - {home_adcode: "120000", names: [某报]}\n'
                   '  - {home_adcode: "110000", names: [某报]}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="newspapers/1/names"):
        load_newspapers(bad)


def test_city_name_before_market_is_not_a_county_city():
    # 临海市场: a seaside market, not 临海市; 天津市场 still names Tianjin.
    assert classify_regions("", ["临海市场需求旺盛。"], "a.txt").primary_region is None
    assert classify_regions("", ["天津市场供应充足。"], "a.txt").primary_region == "120000"


def test_remembered_matches_give_the_same_mentions_as_a_fresh_scan():
    from tasks import region_mentions
    from tasks.region_mentions import PositionWeights, find_mentions

    gazetteer = load_gazetteer()
    paragraphs = ["天津市河西区召开会议。", "北京市和上海市代表参加，南开大学专家发言。", "天津市河西区召开会议。"]
    region_mentions._match_cache.clear()
    fresh = find_mentions(gazetteer, "天津港新闻", paragraphs, "本报天津3月1日电", PositionWeights())
    again = find_mentions(gazetteer, "天津港新闻", paragraphs, "本报天津3月1日电", PositionWeights())
    assert fresh == again and len(fresh) >= 5
    assert (gazetteer.scanner, paragraphs[0]) in region_mentions._match_cache
