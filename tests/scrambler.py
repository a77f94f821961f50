"""Generator of scrambled newspaper pages with their gold annotation, for tests and measurement.

Articles written for the project (ARTICLES) are laid out as an OCR page would read them out of
column order: paragraphs cut mid-sentence, the tail of an article moved behind the next
article(s), section furniture added, sometimes a character doubled at the break.

    python -m tests.scrambler [--pages 200] [--seed 0]   # measure the segmenter on scrambled pages
"""
from __future__ import annotations

import argparse
import random
from collections import defaultdict

from tasks.records import CleanLine, SourceDocument
from tasks.schema import ROLE_CONTENT, ROLE_FURNITURE

# (kicker, headline, byline, paragraphs); text composed for zhpress tests.
ARTICLES = [
    ("", "滨河新区智能制造产业园开工建设", "■ 本报记者 李明远", [
        "本报讯 昨日,滨河新区智能制造产业园项目正式开工建设,项目总投资约48亿元,规划建设标准厂房、研发中心和配套服务设施。",
        "据园区管委会负责人周建华介绍,产业园将重点引进工业机器人、数控机床和智能传感器企业,力争三年内集聚上下游企业60家以上,形成百亿级智能制造产业集群。",
        "周建华表示,园区将推行“拿地即开工”审批模式,为入园企业提供全流程代办服务,同时设立专项资金支持企业开展技术改造和数字化转型。",
    ]),
    ("市政协委员刘海燕建议", "加大社区养老服务设施供给", "", [
        "本报讯(记者 陈雪梅)随着人口老龄化程度加深,社区养老服务需求持续增长。市政协委员刘海燕在调研中发现,部分老旧小区养老服务设施不足,助餐、助浴等服务覆盖面有限。",
        "刘海燕建议,利用社区闲置用房和存量公共空间改建养老服务驿站,鼓励专业机构连锁化运营,并将社区养老服务纳入街道年度考核。",
        "她还提出,应加快培养专业护理人才,提高养老护理员薪酬待遇,让老年人在家门口就能享受便捷贴心的照护服务。",
    ]),
    ("", "北塘湿地候鸟数量创新高", "本报记者 赵晓光", [
        "今年入冬以来,北塘湿地自然保护区监测到的越冬候鸟数量达到3.2万只,较去年同期增长近两成,其中包括东方白鹳、白琵鹭等国家重点保护鸟类。",
        "保护区工作人员王志刚告诉记者,近年来湿地持续开展退养还湿和水系连通工程,芦苇和浅滩面积明显扩大,为候鸟提供了充足的食物和栖息空间。",
        "为减少人类活动干扰,保护区在候鸟集中栖息区设置了观鸟屏障和巡护步道,并安装高清摄像头实现全天候监测。",
    ]),
    ("", "职业院校与企业共建现代学徒制班", "", [
        "本报讯(记者 孙立新)近日,市交通职业学院与六家汽车维修企业签约共建现代学徒制班,首批120名学生将在学校和企业之间交替学习,毕业后可直接进入合作企业就业。",
        "学院院长郑文博介绍,学徒制班课程由校企双方共同开发,企业技术骨干担任兼职导师,学生在真实岗位上完成实训任务,学习成绩与岗位考核结果挂钩。",
        "参与合作的企业负责人表示,学徒制让企业提前锁定技能人才,也缩短了新员工的适应期,企业愿意为优秀学徒提供奖学金和晋升通道。",
    ]),
    ("", "老旧小区改造惠及十二万户居民", "■ 本报记者 吴静怡", [
        "今年以来,我市加快推进城镇老旧小区改造,全年计划改造小区260个,涉及居民约12万户,目前已有180个小区完成主体施工。",
        "市住房城乡建设委城建处处长马国庆说,改造内容包括外墙保温、管网更新、加装电梯和增设停车位,各区在施工前广泛征求居民意见,做到一小区一方案。",
        "在红星里小区,加装的电梯已经投入使用。居民张大爷高兴地说,以前上下楼要歇好几次,现在出门遛弯方便多了。",
    ]),
    ("", "冬季农产品供应充足价格平稳", "记者 钱文杰", [
        "入冬以来,全市主要批发市场蔬菜日均上市量保持在6000吨以上,猪肉、鸡蛋等重要农产品库存充足,价格总体平稳。",
        "市商务局市场运行处负责人黄立军介绍,我市已与周边省份的二十多个蔬菜基地建立产销对接机制,遇到雨雪天气可及时增加调运,保障市场供应。",
        "黄立军提醒市民理性消费,按需购买,商务部门将加强价格监测,对哄抬价格等违法行为依法严肃查处。",
    ]),
]
FURNITURE = ["第3版", "要闻", "责任编辑 王某", "本版图片 资料", "城市新闻"]


def _fragments(paragraph: str, rng: random.Random) -> list[str]:
    """Cut a paragraph once mid-sentence (not right after punctuation), or leave it whole."""
    if len(paragraph) < 40 or rng.random() < 0.4:
        return [paragraph]
    for _ in range(20):
        cut = rng.randrange(12, len(paragraph) - 12)
        if paragraph[cut - 1] not in "，。、；：“”()（）" and paragraph[cut] not in "，。、；：”)）":
            return [paragraph[:cut], paragraph[cut:]]
    return [paragraph]


def scrambled_page(rng: random.Random, n_articles: int = 4, double_rate: float = 0.2) -> tuple[list[str], dict]:
    """Lines of one scrambled page (blank lines between, as OCR dumps have) and its gold dict."""
    chosen = rng.sample(ARTICLES, n_articles)
    pieces, gold_articles, joins_at = [], [], []
    for k, (kicker, headline, byline, paragraphs) in enumerate(chosen):
        head = [("head", kicker)] if kicker else []
        head += [("head", headline)] + ([("byline", byline)] if byline else [])
        body = []
        for paragraph in paragraphs:
            frags = _fragments(paragraph, rng)
            if len(frags) == 2 and rng.random() < double_rate and frags[0][-1] not in "，。":
                frags[1] = frags[0][-1] + frags[1]  # OCR doubled the last character at the break
            body.append([("body", f) for f in frags])
        flat = [line for para in body for line in para]
        split = next((i for i, para in enumerate(body) if len(para) == 2 and i > 0), None)
        if split is not None and rng.random() < 0.8:  # move the tail behind the next article
            first = sum(len(p) for p in body[:split]) + 1
            pieces.append((k, k, head + flat[:first]))
            pieces.append((k + 1.5, k, flat[first:]))
        else:
            pieces.append((k, k, head + flat))
    pieces.sort(key=lambda p: p[0])
    lines = [""]
    if rng.random() < 0.7:
        lines += [rng.choice(FURNITURE), ""]
    furniture = [len(lines) - 1] if len(lines) > 1 else []
    where: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for _, k, items in pieces:
        for kind, text in items:
            lines += [text, ""]
            where[k].append((kind, len(lines) - 1))
        if rng.random() < 0.2:
            lines += [rng.choice(FURNITURE), ""]
            furniture.append(len(lines) - 1)
    for k, (kicker, headline, byline, paragraphs) in enumerate(chosen):
        entries = where[k]
        body_lines = [n for kind, n in entries if kind == "body"]
        joins = []
        texts = {n: lines[n - 1] for _, n in entries}
        for a, b in zip(body_lines, body_lines[1:]):
            if texts[a] and texts[a][-1] not in "。！？”":
                joins.append([a, b])
        gold_articles.append({
            "id": f"s{k}", "headline": headline, "kicker": kicker,
            "headline_lines": [n for kind, n in entries if kind == "head"],
            "byline_lines": [n for kind, n in entries if kind == "byline"],
            "reporters": _reporters(byline, paragraphs[0]), "body_lines": body_lines, "joins": joins,
        })
    gold = {"seed": "scrambled", "kind": "scrambled_page", "boilerplate_lines": furniture, "articles": gold_articles}
    return lines, gold


def _reporters(byline: str, first: str) -> list[str]:
    from tasks.segment_heads import parse_byline, parse_dateline

    if byline:
        return parse_byline(byline) or []
    dateline = parse_dateline(first)
    return dateline.reporters if dateline else []


def page_inputs(lines: list[str], gold: dict) -> tuple[SourceDocument, list[CleanLine]]:
    """The document and the cleaning output (furniture tagged) for a generated page."""
    doc = SourceDocument("scrambled.txt", "", 0, "utf-8", "text/plain", tuple(lines))
    boiler = set(gold["boilerplate_lines"])
    clean = [CleanLine(n, raw, raw.strip(), ROLE_FURNITURE if n in boiler else ROLE_CONTENT)
             for n, raw in enumerate(lines, 1) if raw.strip()]
    return doc, clean


def main() -> None:
    from tasks.segment import segment_document
    from tasks.segment_measure import score

    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    results = []
    for _ in range(args.pages):
        lines, gold = scrambled_page(rng, n_articles=rng.randint(2, 5))
        doc, clean = page_inputs(lines, gold)
        results.append(score(gold, segment_document(doc, clean).articles))
    print("MEAN scrambled", {k: round(sum(r[k] for r in results) / len(results), 3) for k in results[0]})


if __name__ == "__main__":
    main()
