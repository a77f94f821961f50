"""Head stacks of real newspaper pages for tests/scrambler.py (composed for zhpress, no third-party text).

Kind `labelled_heads`: a long event line set as 引题 over a shorter title (`EVENT_KICKERS`) and a
page's section label (栏目名, `SECTION_LABELS`) standing over the head or between the title
and the text; the label is boilerplate, given to segmentation as content. Kind `lead_ahead`: an
article's first paragraph, cut at a column break, stands among an earlier article's pieces while its
title stands over the paragraph's continuation (the head follows its own lead).
Held-out articles get their own kickers and labels, never tuned on.
"""
from __future__ import annotations

import random

# 引题 that tell the event, longer than the title under them; keyed by headline
EVENT_KICKERS = {
    "滨河新区智能制造产业园开工建设": "总投资约48亿元的滨河新区智能制造产业园项目昨日举行开工仪式",
    "北塘湿地候鸟数量创新高": "北塘湿地自然保护区今冬监测到越冬候鸟三万二千只",
    "职业院校与企业共建现代学徒制班": "市交通职业学院与六家汽车维修企业签约首批招收一百二十名学生",
    "老旧小区改造惠及十二万户居民": "我市今年计划改造老旧小区二百六十个已有一百八十个完成主体施工",
    "冬季农产品供应充足价格平稳": "全市主要批发市场蔬菜日均上市量保持在六千吨以上",
    "守护一方水土的“河长”": "青山镇河长办主任林振东七年走遍全镇十四条河道",
    "我市新增三条跨区公交线路": "市交通运输委决定自下月起开通连接东丽津南两区的公交线路",
    "科技型中小企业研发投入持续增长": "科学技术部发布去年全国科技型中小企业研发投入统计数据",
    "春耕备耕有序推进": "宝坻区各乡镇抓住有利天气组织农民平整土地检修农机",
    "首届社区运动会落下帷幕": "来自全市六十多个社区的三千余名居民参加拔河跳绳等比赛项目",
}
HELDOUT_EVENT_KICKERS = {
    "人工智能产业创新中心揭牌运营": "位于高新区的人工智能产业创新中心昨日举行揭牌仪式首批三十七家企业入驻",
    "南溪河综合治理工程通过验收": "历时两年多的南溪河综合治理工程新建截污管网四十六公里",
    "全面推行河湖长制 十年守护碧水清波": "全省累计清理整治河湖违法占用问题数万处",
    "夜间消费点亮城市烟火气": "我市今年推出十二条夜间消费特色街区运河夜市人头攒动",
    "以旧换新带动家电销售回暖": "全市累计发放家电以旧换新补贴资金一点二亿元",
    "城乡居民医保实现市内就医免备案": "全市四百多万参保居民本月起在市内定点医疗机构就医无需转诊备案",
    "今年中考新增两门考查科目": "市教育招生考试院发布今年中考招生工作实施意见",
    "地铁四号线南段进入联调联试": "列车将在各种工况下进行上百项测试为年底开通初期运营做准备",
    "古镇文旅融合迎来客流高峰": "青石古镇小长假接待游客二十八万人次旅游收入同比增长四成",
}
# a page's section labels (栏目名), set over or under a title
SECTION_LABELS = ["政务快讯", "区县传真", "经济视点", "民生直通车", "科教前沿", "社区故事"]
HELDOUT_SECTION_LABELS = ["民生热线", "产业观察", "城市速递", "基层传真", "文旅周刊", "新闻背景", "热点追踪"]


def event_kicker(article: tuple, heldout: bool) -> tuple:
    """The article with an event line as its 引题, when it has none and one is written for it."""
    kickers = HELDOUT_EVENT_KICKERS if heldout else EVENT_KICKERS
    if article[0] or article[1] not in kickers:
        return article
    return (kickers[article[1]], *article[1:])


def with_section_label(head: list, rng: random.Random, heldout: bool) -> list:
    """Head items with a section label over the head or under its title lines (before a byline)."""
    titles = [n for n, item in enumerate(head) if item[0] == "head"]
    if not titles:
        return head
    label = ("label", rng.choice(HELDOUT_SECTION_LABELS if heldout else SECTION_LABELS), False)
    at = 0 if rng.random() < 0.5 else titles[-1] + 1
    return head[:at] + [label] + head[at:]


def lead_ahead(first_run: list) -> tuple[list, list]:
    """(run, lead): the cut first paragraph's first line taken from under a head that no byline
    announces, when the next line continues it; else (run, []). Items are ((kind, text, joins
    previous), reading position)."""
    kinds = [item[0][0] for item in first_run]
    if "head" not in kinds or "byline" in kinds or "body" not in kinds:
        return first_run, []
    first = kinds.index("body")
    if first + 1 >= len(first_run) or not first_run[first + 1][0][2]:
        return first_run, []
    return first_run[:first] + first_run[first + 1:], [first_run[first]]
