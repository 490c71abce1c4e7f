"""Word lists for project/measure extraction: the language patterns, not any one document's names.

Every list here is about how Chinese government prose is built (verbs that open an action,
adverbs that pad it, nouns that end a named thing), so it carries over to districts the rules
have never seen.
"""
from __future__ import annotations

import re

# Verbs/adverbs/function words that end one noun phrase and start the next. A name never
# straddles one of these (when it seems to, the shorter half still names the thing).
VERBS = (
    # status verbs of projects
    "签约落地", "签约", "落地生根", "落地见效", "落地落细", "落细", "落地", "落户", "入驻", "迁入", "注册成立", "挂牌成立", "开工建设", "开工",
    "新建改扩建", "改扩建", "新建", "扩建", "改建",
    "竣工验收", "竣工", "建成投用", "建成", "完工投用", "投入使用", "投用", "开业运营", "开业", "开街", "完工",
    "开诊", "开学", "交付", "亮相", "揭牌成立", "揭牌", "挂牌", "进入试运营", "试运营", "正式启动", "启动实施", "启动(?!区(?!级))",
    "封顶", "投产", "开园", "投入运行", "正式运行", "投运",
    # policy verbs
    "实施", "实行", "推行", "落实", "出台", "制定", "制订", "制发", "采取", "印发", "发布(?!会)", "建立健全", "建立", "健全", "完善", "深化",
    "推进", "推动", "开展", "探索", "打造", "构建", "搭建", "上线", "开设", "创建", "形成", "加强", "强化", "打好",
    "扩大", "放宽", "首创(?!性)", "争取", "设立", "成立", "组建", "推广", "巩固", "做好", "做实", "擦亮", "用好",
    "编制", "修订", "先行先试", "鼓励", "加大", "获评", "获批", "入选", "引进", "引入", "举办", "实现", "完成",
    "委托", "梳理", "赋予", "明确", "发起", "抓好", "坚持", "聚焦", "围绕", "立足", "依托", "通过", "紧盯", "紧扣", "瞄准", "涉及",
    "攻坚", "确保", "力争", "力促", "谋划", "优化升级", "优化", "细化", "支持", "配合", "研究(?![院所生中型平基室])", "抓住", "用足",
    "培育", "吸引", "利用", "统筹", "试点推进", "复制推广", "升级", "取得", "达到", "提供", "宣传推广",
    "打造成", "建设成", "加紧建设", "加快建设", "创新建设", "推进建设", "建设(?!银)", "进驻", "促进(?!会)", "提升", "壮大", "做强", "撬动",
    "把握", "发挥", "守住", "锚定", "导入", "走进", "扩充", "确立", "协助", "解决", "结合", "串联", "参与",
    "融入", "聚集(?!区)", "集聚(?!区)", "注入", "请", "服务保障", "新增", "累计", "其中", "荣获", "被评为", "评为",
    "通过", "联合", "带动", "开放(?!型)", "保障(?![性房])", "加速", "承接", "打通", "盘活", "推出", "开通", "给予",
    "锁定", "选址", "配建", "筑起", "放眼", "整合(?![型])", "履行", "包括", "标志着", "达成", "进行了?", "成为", "登陆", "更名为", "扎根", "取消",
)
# adverbs and auxiliaries that pad a clause
ADVERBS = (
    "进一步", "全面", "积极", "大力", "稳步", "深入", "加快", "加速", "加紧", "着力", "切实", "不断",
    "(?<!可)持续", "继续", "全力", "高标准", "高质量", "率先", "扎实", "有序", "逐步", "努力", "抓紧", "主动", "正式",
    "先后", "陆续", "顺利", "纵深", "已经", "已", "将(?![台军])", "还将", "均", "同时", "定期", "动态", "系统(?=[推谋提开实梳集构布研部谋落完打])", "精准",
    "全市率先", "在全国率先", "全国率先", "首批", "成功", "正在", "正(?=[加推建开实着抓积逐稳有筹谋启全])", "都已", "(?<![首成古国])都", "也", "还", "相继",
    "基本", "初步", "不断", "集中", "(?<=[区市县])在", "认真", "预计", "此次", "本次",
    # 在 + a Beijing place ends the name before it (…项目在北京经济技术开发区集中签约)
    "(?<=[\u4e00-\u9fff”\\x29）])在(?=京|北京|我区|本区|本市|全市|全区|全国|东城|西城|朝阳|海淀|丰台|石景山|门头沟|房山|"
    "通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆|经开区|亦庄|副中心|城市副中心|中关村)",
)
BOUNDARY_WORDS = VERBS + ADVERBS

# Words that may lead a noun phrase but are not part of the name.
LEADING_NOISE = re.compile(
    # (a preposition, but not the first character of a word: 和平里医院, 将台, 对外, 使馆区, 以色列)
    r"^(?:(?:19|20|１９|２０)\d\d年(?:度)?|(?:在(?!线)|于|向(?!阳)|为|以(?!色列)|把|对(?!外|接)|将(?!台|军|府)|与|和(?!平|谐|睦)"
    r"|及(?!时)|并(?!购|联)|由|让|使(?!馆|领))"
    r"|(?:全国|全市|本市|北京|北京市|国内|全球|全区|区内|市内|我区|亚洲|华北)?"
    r"(?:第一家|首家|首个|首批|首单|首例|首座|唯一)"
    r"|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]是|[一二三四五六七八九十]+、"
    r"|[0-9０-９]{1,2}[.．、](?![0-9０-９])|[①-⑳]"
    r"|[一二三四]季度|前三季度|上半年|下半年|今年|去年|明年|全年|近年来|年末|年底"
    r"|我区|本区|我市|本市|是|一些|一批|一系列|一大批|若干|多家|多个|新一批|一个|一家|一座|各类|相关|优质|知名|的|了|等|、"
    r"|(?:先后|分别)?(?:来到|走进|走访))+"  # (代表们先后来到北京二中通州校区: where they went, by name)
)

# Words that pad the end of a measure phrase (力度, 水平 ...) rather than name it.
TRAILING_NOISE = re.compile(
    r"(?:工作|力度|水平|质量|成果|任务|进程|成效|实效|步伐|进度|等|的|和|及|与|相关|各项|全覆盖|落地|取得新进展)+$"
)

# Nouns that end a project's name: firms, institutions, facilities, zones, works.
# Single-character ones only count when they end the phrase (刘家窑路, 汇文中学南校区).
PROJECT_SUFFIXES = (
    "有限责任公司", "有限公司", "股份公司", "公司", "集团", "银行", "分行", "北分", "基金", "资本", "证券", "人寿",
    "理财", "交易所", "项目", "工程", "中心", "产业园", "科技园", "软件园", "科学园", "创新园", "文化园", "园区",
    "公园", "基地", "街区", "平台", "综保区", "综合保税区", "示范区", "使馆区", "商务区", "服务区", "经济区",
    "中心区", "核心区", "起步区", "启动区", "文旅区", "前沿区", "片区", "小镇", "学校", "小学", "中学", "大学",
    "校区", "院区", "幼儿园", "医院", "联盟", "大厦", "写字楼", "广场", "商城", "旗舰店", "书店", "总部", "研究院",
    "法院", "孵化器", "加速器", "贸易港", "高地", "地块", "号地", "厂房", "枢纽", "组织", "论坛", "变电站",
    "消防站", "服务站", "加氢站", "绿地", "科技馆", "博物馆", "图书馆", "体育馆", "商场", "空间", "展示区",
    "产业集群", "集聚区", "机构", "事务所", "胡同", "综合体", "腾退", "清退", "综合更新", "转型升级", "修缮工程",
    "装置", "设施集群",  # 地球系统数值模拟装置, 大科学设施集群: research facilities
    "古镇",  # 张家湾古镇
    "新区",  # 首都商务新区, 雄安新区: a new district being built
    "大桥",  # 跨潮白河大桥
    "号线", "快线", "捷运线", "铁路", "高速公路", "隧道",  # 地铁17号线, 首都机场捷运线, 市郊铁路通密线, 北环隧道
    "实验室", "研究所",  # 高空风能实验室: research institutions set up
    "工厂",  # 小米智能工厂(二期: the phase is not the name)
)
SINGLE_CHAR_PROJECT_SUFFIXES = ("路", "街", "巷", "站", "馆", "港", "园", "楼", "院", "厂", "宫", "城")

# Nouns that end a measure's name: policies, reforms, pilots, services, plans.
MEASURE_SUFFIXES = (
    "试点", "机制", "模式", "政策", "改革", "制度", "清单", "服务", "窗口", "体系", "方案", "计划", "行动",
    "措施", "举措", "办法", "条例", "意见", "规划", "决定", "系统", "品牌", "场景", "专栏", "网站", "指南",
    "台账", "工作法", "便利化", "一体化", "联动", "整治", "治理", "认可", "评估", "活动", "服务包", "白名单",
    "试验区", "先行区", "新政", "专项行动", "规则", "许可", "联办", "通办", "普查", "帮扶", "协作", "监管",
    "管理", "信托", "大讲堂", "沙龙", "会客厅", "库", "合作", "联办", "营商环境", "环境", "创新", "开放",
    "保护", "建设", "转化", "融资", "升级", "工程", "布局", "优惠", "补贴", "奖励", "减免", "补助", "通道", "直通车",
    "专班", "领导小组", "工作组", "顾问团", "攻坚战", "保卫战", "阻击战", "文化节", "艺术节", "文化周", "消费季", "博览会",
)

# Nouns after 等 that say the items listed before are projects (…等一批优质金融企业落户).
PROJECT_CATEGORIES = re.compile(
    r"(?:项目|企业|机构|公司|园区|楼宇|工程|设施|空间|载体|公园|地块|区域|医院|学校|总部|基金|银行|"
    r"场馆|道路|商圈|街区|资源|央企|子公司|分公司|龙头|领军|独角兽|德企|外企|民企|药企|车企|巨头|标杆)"
)

# Nouns after 等 that say the items listed before are measures (…、本外币合一银行账户等试点)
# (the category opens the phrase: …等要素配置的突破性政策 lists 要素, not policies)
MEASURE_CATEGORIES = re.compile(
    r"^(?:一批|一系列|多项|\d+项|[一二三四五六七八九十]+项)?[^的，,]{0,5}?(?:试点|改革|政策|举措|措施|机制|模式|制度|业务|便利化|任务|行动)"
)

# A work plan's (责任单位：区商务局、首钢园区管委会): who carries an item out, not what it is
DUTY_NOTE = re.compile(r"[（(][^（()）]{0,40}?(?:责任|牵头|配合|主责|协办|参与|承办)单位[：:][^（()）]*[)）]")

# A clause that reports a shortfall (…尚未实现全覆盖, …受到显著影响) names no undertaking done or planned
PROBLEM_CLAUSE = re.compile(r"尚未|仍需|还需|有待|不够|短板|不足|受到.{0,4}影响|存在.{0,6}问题|制约")

# Verbs that make an undertaking a project rather than a policy when the noun is ambiguous.
PHYSICAL_VERBS = (
    "落地", "落户", "入驻", "迁入", "引进", "引入", "签约", "开工", "竣工", "建成", "投用", "开业", "开街",
    "完工", "开诊", "开学", "交付", "挂牌", "揭牌", "成立", "组建", "设立", "建设", "投入使用", "试运营", "封顶",
    "投产", "开园", "投入运行", "正式运行", "投运",
)
AMBIGUOUS_SUFFIXES = ("平台", "示范区", "先行区", "试验区", "中心", "基地", "工程", "空间", "建设", "联盟")

PROJECT_STATUS_VERBS = (
    ("signed", ("签约",)),
    ("started", ("开工", "封顶")),
    ("completed", ("竣工", "建成", "投用", "开业", "开街", "完工", "开诊", "开学", "交付", "投入使用",
                   "试运营", "亮相", "完成建设", "向公众开放", "通车", "挂牌", "揭牌", "投产", "开园",
                   "投入运行", "正式运行", "投运")),
    ("landed", ("落地", "落户", "入驻", "注册成立", "迁入", "引进", "引入", "成立", "组建", "设立", "进驻")),
    ("planned", ("推进", "谋划", "力争", "加快建设", "启动", "建设", "打造", "推动", "规划")),
)

FUTURE_MARKERS = re.compile(r"将(?![台军])|力争|确保|计划|拟|争取|谋划|下一步|未来|力促|加紧|抓紧|研究设立|着力")
MEASURE_IMPLEMENTED = re.compile(
    r"落地|出台|实施|实现|率先|获批|获评|入选|建立|上线|发布|印发|成立|形成|首创|制定|完成|开展|推出|升级|"
    r"搭建|开设|开通|创建|已|实行|制发"
)
MEASURE_PLANNED = re.compile(r"将|推动|力争|探索|加快|支持|鼓励|争取|计划|拟|进一步|持续|继续|深化|着力")

# Section headings that say whether a passage reports what was done or plans what is next.
PAST_SECTION = re.compile(r"执行情况|完成情况|进展|成效|回顾|取得的|主要成绩|工作情况")
FUTURE_SECTION = re.compile(r"安排|主要任务|下一步|草案|思路|目标|打算|展望|要点|重点工作|计划$")

# Policy-document titles: a 《》 title that ends in one of these names a plan, scheme, rule or report.
POLICY_TITLE_END = re.compile(
    r"(?:方案|要点|意见|规划|计划|纲要|办法|条例|规定|决定|报告|通知|细则|措施|政策|清单|分解表|表|指引|"
    r"指南|公报|法|标准|意见稿|白皮书|蓝皮书|目录|规则|通告|公告|决议|章程|导则|准则|战略|建议|倡议|公约|宣言|守则)"
    r"(?:[（(][^（()）]*[)）])?$"
)

INVESTMENT = re.compile(
    r"(?:总投资|投资总额|投资额|计划投资|投资|总金额|金额)(?:约|达|超过|超|近|为|共)?"
    r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(亿美元|万美元|亿元|万元|亿|万)"
)

# Measures are acts of government: a phrase that reports speech, describes or judges is not one.
NOT_A_MEASURE = re.compile(
    r"是|介绍|表示|透露|指出|说|这|那|可以|能够|既|如今|把|(?<!供)给|带来|进行|作答|《|……|获悉|了解到|据悉|^成为|^涌现"
    # an event served or held (中非合作论坛峰会, 服贸会), not a policy
    r"|(?:峰会|年会|博览会|交易会|展览会|运动会|论坛|纪念活动)$|各项目标(?:任务)?$"
    r"|(?:方面|之年|时期|上|为抓手|的劲头|的突破|要求|部署|机遇|优势|作用|知晓度|覆盖面|竞争力|影响力|新动能|新格局)$"
    # a report or a speech about the work is a document, not a policy action (…实施情况的报告)
    r"|(?:报告|讲话|说明|汇报)$|^情况"
    # an economic quantity (信息服务业收入、…均实现10%以上增长): what a figure measures, not a policy
    r"|(?:收入|面积|总额|产值|增加值|销售额|零售额|投资额|进出口额|增速|增幅)$"
    # what a thing is counted among (纳入全国试点), a role given (把招商服务作为…“生命线”), a metaphor (发展的“先手棋”)
    r"|^(?:纳入|列入)|作为|的“[^”]{1,4}”$"
    # a legislature's own procedure (围绕常委会审议意见, 公开征求社会公众意见), not a policy it adopts
    r"|审议意见$|征求\S*意见$"
    # the rhetoric of results (实现一季度“开门红”, 亮出高质量发展“成绩单”), not a policy
    r"|开门红|成绩单|加速度|满堂红|金名片|新名片|答卷”?$"
    # a clause with a verb's past tense (“十四五”规划奠定了坚实基础) or cut before its 中 (在科技创新中), not a name
    r"|了(?!解)|(?<![一二三四五六七八九十\d])中$"
)
# Verbs that, right after a phrase, say it is being implemented (…改革落地, …试点启动)
MEASURE_SUBJECT_VERBS = ("落地", "实施", "推进", "出台", "实现", "启动", "落地见效", "纵深", "推行", "上线", "推出",
                         "开展")
# a programme named in quotes (“强基工程”, “双提升”工程, 招商引资“一把手工程”) is a measure, not works;
# works on a quoted place (“杏巷”工程, “文化街”工程) stay a project
QUOTED_PROGRAMME = re.compile(r"(?<![巷街路园站馆港楼院厂宫城])[”\"]工程$|“[^“”]{2,}工程”$")

# A phrase cut mid-sentence, a piece of rhetoric or a judgement, not a named thing or an act:
# 并永久, 式退租…, 性突破性政策…, …转化为…, …居全市前列, …重要讲话精神, …意义重大, 老楼加装电梯新
NOT_A_NAME = re.compile(
    r"^(?:[式性及或把由让]|将(?![台军])|使(?![馆领])|向(?!\S*开放)|并(?!购|联)|为(?!老)|标(?!准|志|杆|识)|展示|拓展|提级|再对|有(?!色|机|效期)|时(?!尚|代)|处于|呈现"
    r"|作为|过去|代表(?!处)|各项|开花|更多|越来越多|记者|全市第|全区“|第[一二三四五六七八九十\d]+[届批])"
    r"|习近平|总书记|精神$|主题教育|党的二十|为(?:引领|指引|主要特征)|向全市|意义重大|充分认可|收官$|提出意见"
    r"|过程中$|状态$|论证$|预期$|抓手$|思路$|(?<![创更焕革])新$|(?:居|位居|位列)(?:全市|全国|全区)|(?:升格|转化|转换)为"
    r"|(?:周边|沿线|两侧)$|并$|抓|^版权|^本网站|^既|一道$"
    # an honour or a ranking won, not a thing built or an act taken: “全国文化企业30强”, …品牌案例, …先进典型
    r"|(?:\d+强|案例|典型|榜|称号|荣誉)”?$"
    # the rhetoric of a year or a goal, not a thing or an act: …承上启下的关键一年, 开启…新征程, 打造…新高地
    r"|(?:关键|重要|开局|收官|决胜|攻坚|不平凡的?)(?:一年|之年)$|新征程$|新篇章$|新局面$|新高地$|重要窗口$|(?:整体|持续|稳中)向好$"
    r"|主线”?$|态势$|红利$|成势$|新台阶$|担当$|发布会$|^值“|^新发展(?:理念|格局|阶段)$"
    # the 两区 themselves, or a piece of their name cut at 扩大开放, are the subject, not one of its measures
    r"|^综合示范区|国家服务业$|服务业扩大开放综合示范区$|^中国[（(]北京[)）]自由贸易试验区$"
    r"|^随着|^自“|^会[由上]|两个确立|两个维护|更加(?:突出|显著|明显|凸显)$|为(?:核心|重点|试点|抓手|引领|中心)$|之城$|^从[^，,]{2,}到|^“[^”]+”(?:末|初|期间|时期|以来)$"
    # an inspection or a review (视察城市副中心…, 察看工程进展, 评议…平台建设工作) or the body acting (党中央、国务院,
    # 区人大常委会组织…): who looks at the works, not the works
    r"|^(?:视察|察看|评议|审议|听取|调研|考察|督查|检查)|^(?:党中央|国务院)$|人大常委会(?:组织)?$"
    # an official named (区长刘学亮以及…), not a thing built
    r"|(?:书记|区长|市长|局长|主任|总裁|总经理|董事长|部长)[\u4e00-\u9fff]{2,3}(?:以及|$)"
    # the document itself (特制订本实施方案)
    r"|^本(?:实施|工作|行动)?(?:方案|办法|计划|规划|条例|意见|细则|规定|措施)$"
    # a district's assigned role (立足首都功能核心区战略定位), not a zone being developed
    r"|^首都功能(?:核心|拓展)区$|定位$"
    # one named before (该研究院, 这些项目): a reference, not a name
    r"|^(?:该|这|那)(?=[\u4e00-\u9fff])|这些|那些|我们|他们"
    # a clause's frame, not a name: 即改造…, 除喜悦项目外, …具备了, …是一家专注…的企业, …修建让街区…
    r"|^(?:即|除|纳入|列入)|了$|是一[家个所座]|(?<!转)让(?=[\u4e00-\u9fff])|位于"
    # a source, a yardstick or a purpose (据北京市重大项目办…, 较常规工程提前, 满足…需求, 助力…建设), a verb's tense (培养了一批)
    r"|^(?:据|较|满足|助力)|了一批"
    # an idiom ending in a name's last character (全市人民众志成城), a passive clause (项目被招引), an adverb (唯有真正)
    r"|众志成城$|被[\u4e00-\u9fff]{0,2}$|^唯有|真正$"
    # a copula or a preposition inside (运河商务区是北京城市副中心…, 西城区以国家金融管理中心…): a clause, not a name;
    # an aspiration (打造…发展高地), not a thing built
    r"|是|以(?![东西南北内外上下来后前]|色列)|发展高地$"
)

# Words that, all by themselves, name a field or a category rather than one thing or one act
# (科技创新, 工作机制, 配套政策, 数字经济, 腾退空间): a name made only of them is dropped.
_CATEGORY_WORDS = """科技 创新 制度 金融 协同 发展 公共 服务 项目 建设 政策 工作 机制 配套 经贸 规则 优势 产业 方案
    重要 问题 物业 前期 准备 资产 管理 源头 治理 先行 先试 改革 开放 生态 环境 空间 园区 承载 招商 节能 降碳 风貌
    保护 联络 沟通 数字 经济 上下 联动 任务 体系 媒体 专栏 引擎 引领 科创 市场 准入 技术 交互 虚拟 现实 消费 文旅
    时尚 低效 腾退 闲置 基金 资本 注册 医保 要素 支撑 关键 领域 综合性 集成 深层次 更高层次 工业 老旧 厂房 平房
    院落 大会 联盟 销售 结算 中心 宣传 成效 国际化 公司 企业 机构 营商 组织 领导 督查 督导 考核 平台 清单
    大 新 各 和 的 与 及""".split()
CATEGORY_ONLY = re.compile("(?:" + "|".join(sorted(_CATEGORY_WORDS, key=len, reverse=True)) + ")+")
