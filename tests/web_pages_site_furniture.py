"""Furniture of the site kinds of generated web pages (tests/web_pages_sites.py): government notice
pages, WeChat articles, portal pages with headline lists, channel list pages and paged features.
Written for the project: invented sites, offices, accounts and people, no text of any real page."""

# Navigation as extractors leave it: link texts with reference numbers, or markdown links.
GOV_MENU = ["首页[1]", "机构概况[2]", "政务公开[3]", "政策文件[4]", "办事服务[5]", "互动交流[6]", "数据发布[7]"]
ENGLISH_MENU = ["Home | News | Government | Services | English", "[简体](/) | [繁體](/big5/) | [English](/en/)",
                "Home[8] About Us[9] Contact[10]", "EN | 中文"]
GOV_CRUMBS = ["当前位置：首页[11] > 政务公开[12] > 通知公告[13]", "您的位置：[首页](/) > [政策文件](/zcwj/) > 正文"]
OFFICES = ["东山市人民政府办公室", "青溪县农业农村局", "南湖区住房和城乡建设局", "滨江市水利局", "江城市教育局"]
NOTICE_TOPICS = ["做好春季农田水利建设工作", "开展城镇燃气安全专项检查", "加强中小学课后服务管理",
                 "推进老旧小区加装电梯", "做好今年防汛防台准备工作", "促进夜间经济发展"]
NOTICE_KINDS = ["关于{}的通知", "关于{}的实施意见", "关于印发{}实施方案的通知"]
ADDRESSEES = ["各区县人民政府，市政府各部门、各直属机构：", "各乡镇人民政府，县级有关单位：", "各街道办事处，区各有关部门："]
SECTION_HEADS = ["一、总体要求", "二、重点任务", "三、保障措施", "四、工作要求"]
ATTACHMENTS = ["任务分解表", "联系人名单", "检查工作台账", "项目申报表"]
INDEX_LINES = ["索引号：113300000012345678/2025-00{n} | 主题分类：综合政务", "信息来源：{office} | 公开方式：主动公开",
               "文号：{code}"]
GOV_WIDGETS = ["扫一扫在手机打开当前页", "【打印本页】【关闭窗口】", "字号：[大](#) [中](#) [小](#)", "【我要纠错】"]
GOV_FOOTERS = [["主办：东山市人民政府办公室 承办：东山市大数据中心", "网站标识码：3300000001 东ICP备12000000号",
                "建议使用1920×1080分辨率浏览"],
               ["[网站地图](/map/) | [联系我们](/lxwm/) | [隐私声明](/ys/)", "Copyright © 2025 All Rights Reserved",
                "公网安备 33000002000123号"]]

# WeChat articles: account lines, follow prompts, image placeholders, editor lines, the reader's UI.
ACCOUNT_LINES = ["原创 {name} {site}", "{site}", "javascript:void\\(0\\); - {site}"]
WECHAT_DATES = ["{date} {time} {place}", "_{date} {time}_ _{place}_", "{date}"]
PLACES = ["浙江", "上海", "北京", "江苏", "广东"]
FOLLOW = ["点击蓝字 关注我们", "点击上方蓝字关注我们", "▲点击上方“{site}”关注我们"]
WECHAT_IMAGES = ["图片[{n}]", "-img[url{n}]", "![](https://mmbiz.example.cn/{n}/640)"]
EDITOR_LINES = ["编辑：{a}", "责编：{a}", "审核：{b}", "编辑 | {a}", "来源：{site}", "供稿：{office}", "校对：{b}"]
END_MARKS = ["- END -", "END", "—— 完 ——"]
PAST_LABELS = ["往期推荐", "往期回顾", "推荐阅读"]
WECHAT_UI = [["预览时标签不可点", "微信扫一扫", "关注该公众号", "继续滑动看下一个", "轻触阅读原文", "{site}",
              "向上滑动看下一个", "知道了"],
             ["阅读 1.2万", "在看 56", "赞", "分享", "留言", "写下你的留言"],
             ["Scan to Follow", "Got It", "Cancel", "Allow", "Like", "Wow", "Share", "Comment"]]

# Headlines of other stories (related lists, home pages, channel lists): never of a generated article.
OTHER_HEADLINES = [
    "全市重点项目集中开工", "春季人才招聘会在会展中心举行", "新区出台支持措施十二条", "社区服务中心投入使用",
    "城东快速路主线贯通", "今年首批保障性租赁住房开始配租", "市民公园改造提升工程完工", "港口集装箱吞吐量再创新高",
    "第十届读书节开幕", "全省高校毕业生就业服务月启动", "东山湾跨海大桥合龙", "乡村振兴示范村名单公布",
    "中小学暑期托管服务报名开始", "老字号企业亮相消费品博览会", "青溪县获评省级生态县", "江城地铁三号线开通试运营",
    "养老服务补贴标准提高", "新能源汽车下乡活动举行", "首届非遗市集吸引数万市民", "全市森林覆盖率提高到六成",
]
RELATED_STYLES = ["##### [{t}{site}{d}](/news/{n}.html)", "* [{t}](/a/{n}.html) {d}", "{t}{d}", "{t}",
                  "[{t}][{n}]", "{n}. {t}"]
DATES = ["03-1{n}", "2025-03-1{n}", "3月1{n}日", "2025-03-1{n} 10:2{n}:35"]
RANK_LABELS = ["热点排行", "24小时热榜", "要闻", "图片新闻"]
CHANNELS = ["通知公告", "部门动态", "气象资讯", "本地新闻", "政策解读"]
PAGER = ["上一页 1 2 下一页", "[上一页](#) [1](#) [2](#) [下一页](#)", "首页 上一页 1 2 3 4 5 下一页 尾页", "共2页 第1页",
         "共 56 条记录 第 1/3 页"]
TEASERS = ["{text}...", "{text}…", "{text}[详情]"]

# Feature pages: an editor's note over the text, photo captions and credits between paragraphs.
EDITOR_NOTES = ["编者按：{head}。本报今起推出系列报道，记录基层一线的新变化、新气象，敬请关注。",
                "【编者按】{head}，是今年群众最关心的事情之一。记者深入一线，带来现场报道。"]
NOTE_LABELS = ["编者按", "【编者按】"]
PHOTO_CAPTIONS = ["图为{place}。记者 {name} 摄", "{place}。（{name} 摄）", "图为{place}。新华社记者 {name} 摄",
                  "图片来源：{site}", "{place}。视觉中国供图", "▲{place}。受访者供图"]
CAPTION_PLACES = ["项目施工现场", "活动现场", "工作人员在生产线上忙碌", "市民在公园休闲", "志愿者在河边巡查"]
