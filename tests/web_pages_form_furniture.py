"""Furniture of the page forms of tests/web_pages_forms.py: brief columns, interviews, PDF page
conversions, live timelines, comment threads and bilingual pages. Written for the project (invented
papers, people and comments), no text of any real page."""

# A column of short items between its label and the page's footer.
BRIEF_LABELS = ["简讯", "■ 本地快讯", "## 新闻速递", "**快讯**", "【一周要闻】"]
BRIEF_DATELINES = ["本报讯 ", "本报讯（记者 {name}）", "新华社{place}{month}月{day}日电 ", "本报{place}{month}月{day}日讯 "]
BRIEF_FOOTERS = ["（本版编辑：{name}）", "本栏目由{site}综合整理", "（综合{site}、新华社消息）"]
PLACES = ["北京", "杭州", "南京", "广州", "成都"]

# An interview: a subtitle naming the guest, a profile box, the reporter's questions.
GUESTS = [("潘立群", "市发展改革委主任"), ("钟慧", "市生态环境局局长"), ("罗启明", "区科技局负责人"),
          ("汤雅琴", "县农业农村局局长"), ("万家树", "市商务局副局长")]
PROFILE_LABELS = ["人物简介", "【人物简介】", "**人物简介**"]
PROFILES = ["{name}，1973年生，{office}，长期从事经济管理和政策研究工作。",
            "{name}，{office}，曾在基层乡镇工作十余年，熟悉城乡发展和民生服务。"]
QUESTION_MARKS = [("记者：", "{surname}："), ("问：", "答："), ("**记者**：", "**{surname}**："), ("Q：", "A：")]
QUESTIONS = ["这项工作是怎样起步的？目前进展如何？", "推进过程中遇到的最大困难是什么？", "群众的反响怎么样？",
             "下一步还有哪些打算？", "您认为关键在哪里？", "如何保证这些措施真正落地见效？"]
INTERVIEW_LABELS = ["高端访谈", "对话", "专访"]

# A newspaper page converted from PDF: running head and foot lines, hard wrapping.
PAPERS = ["南湖日报", "江城晚报", "东山日报"]
RUNNING_HEADS = ["{paper} {date} 星期{weekday}", "{date} 星期{weekday} {paper}", "{paper}", "{date}"]
PAGE_LABELS = ["第{n}版", "第 {n} 版", "{n}", "A{n}"]
SECTION_NAMES = ["要闻", "综合新闻", "城市", "经济", "民生"]
STAFF_LINES = ["责任编辑：{a} 美术编辑：{b}", "本版编辑 {a} 校对 {b}", "责任编辑 {a}"]
PAGE_FEET = ["- {n} -", "{n}", "第{n}页", "{paper} 第{n}版 {date}"]

# A live page: labels and widgets around the entries.
LIVE_LABELS = ["图文直播", "【直播】", "滚动播报", "直播中"]
LIVE_WIDGETS = ["正序 倒序", "刷新", "自动刷新：开", "[查看更多](#more)", "直播结束"]

# A comment section under the article: heading, users, times, likes, texts that read as sentences.
COMMENT_HEADS = ["网友评论", "全部评论（{n}）", "### 热门评论", "评论 {n}", "最新评论"]
COMMENT_USERS = ["滨江老张", "青溪网友_3721", "湖畔听雨", "匿名用户", "东山小李", "快乐的鱼"]
COMMENT_TIMES = ["2025-03-1{n} 10:2{n}", "{n}小时前", "3月1{n}日 08:4{n} 浙江", "IP属地：江苏"]
COMMENT_LIKES = ["赞({n})", "{n} 赞", "点赞 {n}", "回复", "赞 回复 举报"]
COMMENT_TEXTS = ["{topic}，这是实实在在的好事，希望早日惠及更多群众。",
                 "支持！我们那里去年也开始做了，大家都说方便多了。",
                 "说得好，关键还是要抓落实，不能只停留在纸面上。",
                 "请问具体什么时候开始实施？到哪里可以咨询办理？",
                 "我是本地人，这几年变化确实很大，点赞家乡！",
                 "建议有关部门多听听基层的声音，把好事办好。"]
COMMENT_FORMS = ["我要评论", "发表评论", "请输入评论内容", "提交", "查看更多评论"]

# A page with an English summary: a label and sentences in English.
SUMMARY_LABELS = ["English Summary", "Summary:", "**Abstract**"]
SUMMARIES = ["The city has launched a new program to improve public services, officials said on Tuesday.",
             "Local authorities say the project will benefit thousands of residents and create new jobs.",
             "The plan covers infrastructure, environmental protection and support for small businesses.",
             "Officials added that public feedback would be collected before the measures take full effect."]
ENGLISH_TITLES = ["City Moves to Improve Public Services", "New Project Set to Benefit Residents",
                  "Local Plan Targets Growth and Green Development"]
