"""Furniture of the OCR newspaper page kinds of tests/ocr_pages.py: mastheads and folios, page
guides, notice and advertisement blocks, data boxes, photo captions, commentary columns, OCR
noise, feature subheads and background boxes. Written for the project (invented papers, firms, people
and figures), no text of any real page."""

# The page's masthead and folio: paper, date, weekday, lunar date, page number, page name, staff.
PAPERS = ["东山日报", "江城晚报", "南湖日报", "青溪时报"]
LUNAR_DATES = ["农历甲辰年四月十三", "农历乙巳年三月初八", "农历二月廿一", "农历甲辰年冬月初五"]
PAGE_NAMES = ["要闻", "综合新闻", "城市·民生", "经济观察", "区县新闻", "专版"]
FOLIO_LINES = ["{paper}", "{date} 星期{weekday}", "{date} 星期{weekday} {lunar}", "第{n}版", "{n}", "A{n}",
               "第{n}版 {page_name}", "{paper} {date}", "{page_name}", "{date}"]
STAFF_LINES = ["责任编辑：{a} 美编：{b} 校对：{c}", "本版编辑 {a}　美编 {b}", "责任编辑 {a} 校对 {c}",
               "版式设计：{b}", "责编：{a}　审校：{c}"]
GUIDE_LABELS = ["版面导读", "本期导读", "今日导读", "▶导读"]
GUIDE_ITEMS = ["第{n}版 {title}", "{title} ▶{n}版", "{title}……第{n}版", "◆{title}（第{n}版）", "A{n} {title}"]
GUIDE_TITLES = ["全市重点项目集中开工", "春季人才招聘会在会展中心举行", "新区出台支持措施十二条", "城东快速路主线贯通",
                "港口集装箱吞吐量再创新高", "第十届读书节开幕", "乡村振兴示范村名单公布", "养老服务补贴标准提高",
                "江城地铁三号线开通试运营", "首届非遗市集吸引数万市民"]

# A notice or advertisement block: classified notices, job ads, contact lines.
NOTICE_LABELS = ["公告", "分类广告", "遗失声明", "招聘启事", "声明", "广告"]
LOST_NOTICES = ["{firm}遗失营业执照副本，统一社会信用代码：91330{digits}，声明作废。",
                "{person}遗失身份证，证号：33010{digits}，特此声明。",
                "{firm}不慎遗失公章一枚，声明作废。"]
JOB_ADS = ["{firm}诚聘：财务会计2名、业务员5名，待遇面议。", "招聘保安、保洁若干名，包食宿，月薪4500元起。",
           "{firm}因业务发展需要，现面向社会招聘技术员3名。"]
CONTACT_LINES = ["联系电话：0571-8{digits4}{digits4}", "电话：138{digits4}{digits4}", "地址：{place}路{n}号",
                 "联系人：{person} 电话：0571-8{digits4}{digits4}", "广告热线：0571-8{digits4}{digits4}",
                 "地址：{place}大道{n}号{n}楼　邮编：31{digits4}"]
FIRMS = ["东山市恒达贸易有限公司", "江城宏远建材商行", "青溪县绿野农业专业合作社", "南湖区佳美装饰工程部"]
PERSONS = ["林某某", "陈某", "周某某", "吴某"]
STREETS = ["人民", "解放", "滨江", "文化", "建设"]

# A data box: weather lines, market rows, a table of figures read line by line.
DATA_LABELS = ["天气预报", "今日天气", "股市行情", "市场行情", "数据看板", "本周菜价"]
WEATHER_LINES = ["今天白天 多云转阴 东南风3-4级", "今天夜里 阴有小雨 东风2-3级", "明天 小雨转多云 18～26℃",
                 "气温：最高{hi}℃ 最低{lo}℃", "相对湿度 65%～90%", "空气质量：良 AQI {n}"]
MARKET_ROWS = ["上证指数 3{d3}.{d2} +0.{d2}%", "深证成指 10{d3}.{d2} -0.{d2}%", "创业板指 2{d3}.{d2} +1.{d2}%",
               "成交额 9{d3}亿元", "猪肉 26.{d2}元/斤", "青菜 3.{d2}元/斤", "鸡蛋 5.{d2}元/斤"]
TABLE_ROWS = ["项目 本月 同比", "工业增加值 {d3}.{d2}亿元 {n}.{d2}%", "社会消费品零售总额 {d3}亿元 {n}.{d2}%",
              "固定资产投资 {n}.{d2}%", "单位：亿元、%", "数据来源：市统计局"]

# Photo captions with credits, picture stories and a 图片新闻 label over its caption text.
PHOTO_LABELS = ["图片新闻", "看图说话", "新闻图片", "镜头"]
PHOTO_CAPTIONS = ["{scene}。本报记者 {person} 摄", "{scene}。通讯员 {person} 摄", "图为{scene}。{person}/摄",
                  "{scene}。（本报记者 {person} 摄）", "{scene}。 本报记者 {person} 通讯员 {other} 摄",
                  "左图：{scene}；右图：{scene2}。本报记者 {person} 摄"]
SCENES = ["工人在项目工地上紧张施工", "市民在新开放的公园里休闲健身", "孩子们在图书馆参加阅读活动",
          "志愿者在河道边清理垃圾", "农户在田间抢收早稻", "游客在古镇老街参观游览"]
PHOTOGRAPHERS = ["孙晓峰", "郑蕾", "何文斌", "钱一舟"]

# A commentary column: label, title, two paragraphs written for the project, a pen name signature.
COMMENT_LABELS = ["短评", "今日评论", "江城时评", "一家之言"]
COMMENT_SIGNATURES = ["□ {pen}", "□{pen}", "◎ {pen}", "□ 本报评论员 {pen}"]
PEN_NAMES = ["苏禾", "林溪", "江月", "石言"]
COMMENTARIES = [
    ("让好政策跑出加速度", [
        "政策出台只是第一步，关键在于落地。不少企业反映，过去申请补贴要跑多个部门、交多套材料，往往等上几个月才能到账。",
        "把审批流程再简一点、把兑现时间再缩短一点，企业的获得感就会多一点。各部门应当多算企业账，少算部门账。",
    ]),
    ("小区治理需要人人参与", [
        "停车难、垃圾分类、楼道堆物，这些看似琐碎的问题，直接关系到每一位居民的生活质量。",
        "解决这些问题，光靠物业和社区远远不够。居民多一分主人翁意识，邻里之间多一分体谅，小区才能越来越好。",
    ]),
    ("别让文明养犬成为一句空话", [
        "近来，关于不拴绳遛狗、犬只伤人的投诉明显增多，引发不少市民担忧。",
        "文明养犬既要靠养犬人自觉，也要靠管理部门动真碰硬。规则定了就要执行，执法跟上了，规则才有分量。",
    ]),
    ("乡村旅游要留住乡愁", [
        "节假日里，乡村游持续升温，但一些地方千村一面，拆了老房子盖起仿古街，游客来过一次就不想再来。",
        "乡村的魅力在于它的本色。保护好田园风光和传统村落，把当地的故事讲好，才能让游客记得住乡愁。",
    ]),
]

# OCR noise: stray characters, rules of repeated symbols, widths mixed, characters misread.
# (no numerals: a numeral alone on its line numbers a section, article text in ../shared/gold)
STRAY = ["丨", "口", "I", "l", "·", "■", "匚", "卜", "乙", "〃"]
RULES = ["━━━━━━━━━━", "——————————", "…………", "※※※※※", "=======", "-----------", "■■■■"]
# a character OCR reads as another of similar shape (only between Han characters of a body line)
MISREADS = {"日": "曰", "己": "已", "未": "末", "人": "入", "土": "士", "天": "夭", "大": "太"}

# A feature's numbered subheads (小标题) between its paragraphs, each echoing the section under it.
# (`{n}`: the subhead's rank in Chinese numerals; `{title}`: a clause of the paragraph under it)
SUBHEAD_STYLES = ["{n}、{title}", "（{n}）{title}", "■ {title}", "◆{title}", "{title}"]
CHINESE_RANKS = "一二三四五六七八九十"

# A background box after a story (相关链接, 背景): a label over one or two paragraphs of background,
# written for the project. The box reads with the story it follows.
BOX_LABELS = ["相关链接", "■ 背景", "【新闻链接】", "延伸阅读", "◆知识点"]
BOX_PARAGRAPHS = [
    "按照有关规定，此类项目实行先建后补，由第三方机构评估验收后再拨付资金，评估结果向社会公开。",
    "近年来，不少城市把这项工作纳入年度民生实事，通过设立专项资金、简化审批流程等方式加快推进。",
    "据统计，去年全省共安排相关资金十余亿元，带动社会投资超过三十亿元，惠及群众数百万人次。",
    "业内人士认为，下一步的重点是建立长效机制，让好做法从试点走向常态，从盆景变成风景。",
]
