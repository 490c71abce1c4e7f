"""Indicators: each quantity with the metric it measures, its kind, direction, period and target flag.

Chinese states a measured figure in two shapes, and the metric sits on a different side in each:
  subject + verb + number   地区生产总值同比增长5%, 接件答复率实现100%   → metric before the number
  verb + number + noun      组织307家企业参展服贸会, 新建托位693个        → the verb plus the noun after it
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable, Sequence

from dbt_project.extraction import districts as district_rules
from dbt_project.extraction.document import DocumentContext, months, quarters, section_of
from dbt_project.extraction.numbers import Quantity, QuotedIndex, chinese_to_number, find_quantities, to_base
from dbt_project.extraction.patterns import literal_alternation
from dbt_project.extraction.segment import LIST_MARKER
from dbt_project.extraction.tables import CELL_SEPARATOR, number_cells, table_indicators, table_rows
from dbt_project.extraction.vocab import metric_names, units

_UP = "增长|增加|提高|提升|上升|上涨|扩大|增速|增幅|涨幅|回升|增长率"
_DOWN = "下降|降低|减少|压缩|缩短|压减|降幅|下滑|下跌|回落|缩减|减排|净减"
_FILLER = r"(?:了|幅度|同比|比上年|较上年|分别|均|年均|预计|将)*(?:保持在|稳定在|控制在|实现|为|达到|达|了)?"
_CHANGE_TAIL = re.compile(rf"(?P<verb>{_UP}|{_DOWN}){_FILLER}$")
_CHANGE_OPEN = re.compile(rf"^(?P<verb>{_DOWN}|{_UP})")
_PROGRESS = re.compile(r"完成|进度|落地率|答复率|解决率|检查率|执行率|办结率|到位率|兑现率|办复率|办理率|回复率|办结|解决"
                       r"|^为(?:年度|调整后?的?)?(?:预算|计划)")
# the yardstick of a figure (为调整预算的101.2%, 占全市的比重), not the subject a later figure shares
_YARDSTICK_METRIC = re.compile(r"^(?:为|占|相当于|完成)(?:全?年|年度|调整后?的?)?(?:预算|计划|目标|全市|全国|全区)")
_RATE_NOUN_END = re.compile(r"(?:率|比重|占比)$")
# 实现国内生产总值43.3亿元，完成年计划的105%: the subject's progress against its annual plan
_ANNUAL_PLAN_DONE = re.compile(r"^完成(?:全?年|年度)?(?:市级|区级)?(?:调整)?(?:计划|目标任务|目标|任务|预算)(?=的?$)")
# 比全国平均水平高29.6个百分点, 比全市低0.4个百分点: a gap to the whole, written with 比 before it
_WHOLE_THEN_GAP = r"(?:比|较)(?:全市|全国|全区|北京市|全省)(?:平均水平|平均)?(?:(?P<lower2>低|慢)|高|快)"
# …高于全市1.9个百分点, …高于去年同期: a gap to another figure, said of the subject and never a subject itself
_COMPARED_TO_WHOLE = re.compile(r"(?:高于|低于|快于|慢于|超出|领先)(?:全市|全国|全区|北京市|全省|去年同期|上年同期|(?:19|20)\d{2}年同期|同期"
                                r"|[一二三四1-4]季度|上季度|上月|上年)|" + _WHOLE_THEN_GAP)
# 较一季度提升23.5个百分点: nothing but the base of a comparison; the figure is the subject's
_ONLY_COMPARISON_BASE = re.compile(r"(?:较|比)(?:一季度|上季度|上月|上年|去年|年初|全市|全区|全国)(?:同期|末)?")
# the base of a comparison: its year is not the figure's period (2023年较2022年增长12.3%)
_COMPARED_YEAR = re.compile(r"(?:较|比(?![重例率])|相比|对比|与|高于|低于|快于|慢于)(?:“[^”]{1,8}”|[^，,；;。“]){0,10}$")
_SHARE = re.compile(r"占|比重|比例|比率|份额|率")

_VERBS = sorted(
    """新开工 新落地 新增 新设 新建 新入选 新布局 引进 引入 吸引 招引 推出 推动 推进 实施 实现 完成 建成
    建设 打造 组织 举办 开展 提供 拥有 有 落地 签约 签订 落户 入驻 入选 获评 荣获 评为 认定 培育 帮扶 覆盖
    带动 吸纳 集聚 聚集 汇聚 布局 储备 筹集 扩充 发放 拨付 支出 整改 整治 开放 出台 发布 梳理 确立 调研
    录播 形成 涉及 改造 拆除 压减 复制推广 参与 参展 开设 设立 成立 支持 受理 办理 解决 交付 投用
    投入使用 上市 挂牌 落实 新培育 累计引入 构建 获批 盘活 新入选 预留 保持 规划 遴选 发射""".split(),
    key=len, reverse=True,
)
_VERB_RE = re.compile(literal_alternation(_VERBS))
_TRAILING = sorted(
    """同比增长 同比下降 同比提高 比上年增长 年均增长 分别增长 分别为 增长了 下降了 提高了 提高到 提高至 提升至
    提升到 增长 下降 提高 提升 降低 减少 压缩 缩短 降至 增至 增加 上升 上涨 下跌 下滑 回落 扩大 达到 达 为 至 到 是 改善
    多增加 多增 少增 多增长 净减 净增 可达到 可达 可实现 可提供 可容纳
    实现 完成了 完成 共计 共 合计 总计 保持在 控制在 稳定在 占全市的 占全国的 占全区的 占全市 占全国 占全区 的 了 已达 分别
    同比 均 优化调整为 调整为 动态调整增至 会有 由 从 力争 争取 确保 预计 计划 预计将 有望 将 每年 已 现已
    一般 仅 只 最高 最多 最低 有 拥有 共有 基础上 的基础上 年均 保持年均 收窄 放缓""".split(),
    key=len, reverse=True,
)
_LEADING = re.compile(
    # (达到2021年的3193亿元: the level the subject reached that year)
    r"^(?:(?:达到|增至|增加到|提高到|升至)(?:19|20)\d{2}年(?:末|底)?的?|(?:到|至|明确|提出|从|由)?(?:19|20|１９|２０)\d{2}年度?|下一步|还将|将(?![台军])|拟|力争|预计|预期|(?:会议|文件|方案|报告|意见)?(?:明确|提出|指出|强调)|确保|争取|实现|完成(?![率度])(?![^，,、]{0,10}?(?:任务|目标|计划))(?=[\u4e00-\u9fff]{3})|今年|去年|明年|全年|上半年|下半年"
    r"|前三季度|(?:第)?[一二三四1-4]季度|\d{1,2}[-—－至~]\d{1,2}月|\d{1,2}月|前\d{1,2}个月|年底前|年内|年底|年末"
    # the base of a comparison (较上年末增长8.7%, 与上年同期相比): the metric is the subject before it
    r"|与(?:上年|去年|上一年)(?:同期)?相比"
    r"|(?:约|大约|近|超过?)(?=占)"  # 跨国公司总部增至132家，约占全市总数70%: the share is still the subject's
    r"|(?:汇集|集聚|聚集|汇聚|拥有|坐拥)了?(?=[\u4e00-\u9fff]{2})"  # 汇集规上企业20家: what is held, not the holding
    r"|(?:较|比)(?:上年|去年|上一年|年初|上月|上季度|全市|全区|(?:19|20|１９|２０)\d{2}年)?(?:同期|末|底|平均水平)?(?:预算数?|计划数?)?"
    r"(?<![较比])(?![高低快慢])|同比(?!指数)|环比(?!指数)"  # (比全市低0.4个百分点: a gap, _COMPARED_TO_WHOLE)
    # any other base: 较“十三五”末(2019年), 较前五年, 比疫情前同期
    r"|(?:较|比(?![重例率]))(?:“[^”]{1,8}”|[^，,、“]{0,8}?)(?:末|同期|底|[前上][一二三四五两\d]?年)(?:[（(][^）)]{0,10}[)）])?"
    # the survey a figure comes from: 第四次全国文物普查新发现文物258处
    r"|第[一二三四五六七八九十\d]+次[^，,、]{0,10}?(?:普查|调查)(?=[\u4e00-\u9fff]{2})"
    r"|是(?:上年|去年|上一年|前[一二三四五两\d]年)(?:同期)?的?"
    # a note on how it is counted (同比增长1%（同口径增长8.2%）, 按不变价计算增长4%) names no metric
    r"|即(?![时期将])|该(?=[\u4e00-\u9fff]{2})|[（(]|(?:按|以)?(?:同口径|可比口径|可比价格?|不变价格?)(?:计算)?"
    # another reckoning of the same figure: 按年平均汇率折算为, 剔除留抵退税后
    r"|按[^，,（(]{0,8}?(?:汇率|价格)?折算(?:为|成)?|(?:剔除|扣除)[^，,（(]{1,12}?(?:因素)?(?:影响)?(?:后|(?=(?:按|以)?(?:同口径|可比口径)))"
    r"|(?:过去)?(?:今年|去年|近年|近几年|多年|一年|年初|开年)?以?来"
    # the span an average is over (五年年均增长, “十三五”期间年均增长): the period, not the metric
    r"|(?:近|过去|前)?[一二三四五六七八九十两\d]{1,2}年(?:来|间|中)?(?=年均|平均|$)|“[^”]{1,8}”(?:期间|时期)"
    r"|“?十[三四五六]五”?(?:以来|期间|时期)|(?:上年|去年)同期|顺利|(?:到|至)“?十[三四五六]五”?(?:规划)?(?:末|期末|时期末)|未来(?=将|可|还|[，,]|$)|今后(?=将|[，,]|$)|届时|继续(?=在)|(?:建成|投用|投产|完工|竣工|达产)后(?:可|将)?(?:提供|新增|实现)?|截[至止]目前|截[至止]\S{0,6}?底|目前|其中|同时|(?:特别|尤其)是(?:在)?|累计|首批|分别|共|此外|另外|全区|全市|我区|本区|我市|本市|我们|每年|并|还|均|以|据(?:初步)?(?:统计|测算|核算)?|经(?:初步)?(?:统计|测算|核算|审计)|，|,|、|：|:|︰|∶)+"
)
_TARGET_CLAUSE = re.compile(
    r"力争|预计|预期|有望|目标(?!任务|企业)|建议为|确保|计划(?=[到在于]|新增|完成|实现|建设|投资|引进|开工|签约|落地|建成|竣工|实施|推进|安排|开展|举办|启动)"
    r"|(?<![达增升])到(?:19|20|１９|２０)\d{2}年|(?:[区市京县]|我们|我区|全区|全市|政府|北京)将"
    # 拟新建3所学校, 筹备建设三个招商站点: what is planned or being prepared is not there yet
    r"|拟(?=[新建设引开举出投组成落启增])|筹备建设|筹建"
    # 将 before a verb is what will be (产值将超1000亿元, 将再发射3颗卫星); 将有关12件议案… is 把, not a forecast
    r"|将(?:再|继续|进一步|陆续|新)?(?=超|达|突破|增长|增加|提高|提升|新增|建设|建成|提供|实现|完成|保持|发射|引进|打造|形成|带动|吸引|落地|开工|竣工|有(?!关))"
    # 明年将有三个研发中心投入运营: next year is not here yet
    r"|明年"
)
# a work plan's section on where things stand (一、基本规划情况, 发展现状): facts, not targets
_CURRENT_STATE_HEADING = re.compile(r"基本(?:规划)?情况|现状|概况|发展基础|基础条件")
_TARGET_SENTENCE = re.compile(r"力争|目标[：:是为]|建议为|计划[：:]|定下目标|(?:[区市京县]|我们|我区|全区|全市|政府|北京)将"
                              # (市政府将专题监督…工作作为对…的鞭策, 将有关12件议案…: 将 is 把 here, not "will")
                              r"(?!有关)(?![^，,。；;把]{2,16}?作为)"
                              # 主要预期目标包括，…; 披露了2023年…预期目标，今年…: what follows is the plan (not 完成了预期目标，…)
                              r"|(?<!完成)(?<!实现)(?<!达到)(?<!完成了)(?<!实现了)(?<!全年)(?:预期|主要)目标(?:包括|有|[，,])")
# a sentence opened by an estimate (初步预计，…; 预计全年…；…；…) or a future horizon (到2025年，…) is a forecast
# throughout, its ；-joined parts too: a report's estimate of the year just ended lists every figure so
_FORECAST_OPENING = re.compile(r"\s*(?:据|经)?(?:初步)?(?:预计|预测|测算|估算|估计)(?:[，,：:]|全年|今年|本年)")
# 预计全年地区生产总值增长5%，一般公共预算收入增长10%: an estimate opening a clause covers the figures listed after it
_ESTIMATE_CLAUSE = re.compile(r"(?:^|(?<=[，,；;：:]))\s*(?:据|经)?(?:初步)?(?:预计|预测|测算)(?![，,])")
_HORIZON_OPENING = re.compile(r"\s*(?:力争)?(?:到|至)((?:19|20|１９|２０)\d{2})年(?:底|末)?[，,]")
# 根据规划，到2025年，…: a horizon that is a clause of its own, later in the sentence, covers what follows it
_HORIZON_CLAUSE = re.compile(r"(?<=[，,：:])\s*(?:力争)?(?:到|至)((?:19|20|１９|２０)\d{2})年(?:底|末)?[，,]")
# (not 以来 before a superlative: 三年以来最严峻的疫情, 有记录以来首次 say how rare, not since when it is counted)
# (今年以来, 年初以来: the year to date, this year's figure, not a running total)
_CUMULATIVE = re.compile(r"累计|(?<!今年)(?<!本年)(?<!年初)以来(?!的?(?:最|首次|第一|新高|新低))|截至|截止|目前已|总计|迄今")
_DATED_TALLY = ("截至", "截止")  # 截至2024年底: the year is the tally's end, still a running total
_MONTH_RANGE = re.compile(r"(?:((?:19|20|１９|２０)\d{2})年|今年)?(\d{1,2})\s*[-—－至~到]\s*(\d{1,2})月")
_MONTH = re.compile(r"(?:((?:19|20|１９|２０)\d{2})年|今年)(\d{1,2})月")
_HALF = re.compile(r"(?<![较比于与])(?:((?:19|20|１９|２０)\d{2})年|今年)?([上下])半年")
_FIRST_MONTHS = re.compile(r"(?:((?:19|20|１９|２０)\d{2})年|今年)?前(\d{1,2}|[一二两三四五六七八九十]{1,2})个月")
# 6月增速达到8.8%: a month without a year is the document's; not a day (5月31日) or a point (6月底)
_BARE_MONTH = re.compile(r"(?<![\d年月至到\-—－~较比于与])()(\d{1,2})月(?:份)?(?![\d日号底末初中])")
_PART_OF_YEAR = re.compile(r"\d{1,2}\s*[-—－至~到]\s*\d{1,2}月|[上下]半年|前\S{1,2}个月|季度")
# 1-3季度 is 前三季度 and 1-4季度 the whole year; 较一季度, 高于一季度 are the base of a comparison, not the period
_QUARTER = re.compile(r"(?<![较比于与])(?:((?:19|20|１９|２０)\d{2})年|今年)?(?:第)?(前三|[1一]\s*[-—－至~到]\s*[2-4二三四]|[一二三四1-4])季度")
# a quarter is written as the months it spans, like any other part of a year (2024-01..2024-03)
_QUARTER_MONTHS = {"一": (1, 3), "1": (1, 3), "二": (4, 6), "2": (4, 6), "三": (7, 9), "3": (7, 9),
                   "四": (10, 12), "4": (10, 12), "前三": (1, 9)}

_YEAR = re.compile(r"(?<![\d\-—－~])((?:19|20|１９|２０)\d{2})年(?!\s*[-—－~至]\s*(?:19|20|１９|２０)\d{2})")


# the trailing words as one regex over the reversed string, in the same longest-first order
_TRAILING_REVERSED = re.compile("|".join(re.escape(w[::-1]) for w in _TRAILING))
_VERB_ENDINGS = tuple(_VERBS)


def _strip_trailing(s: str) -> str:
    changed = True
    while changed and s:
        changed = False
        s2 = s.rstrip("，,、：:；;（(")
        if s2 != s:
            s, changed = s2, True
        m = _TRAILING_REVERSED.match(s[::-1])
        if m:
            s, changed = s[: -len(m.group())], True
        m = _TRAILING_COMPARISON.search(s) or _TRAILING_FROM.search(s)
        if m and m.start() >= 2:
            s, changed = s[: m.start()], True
    return s


# 地区生产总值由2016年的 (5908亿元增至…): where a rise starts from, not what is measured
_TRAILING_FROM = re.compile(r"(?:由|从)(?:(?:19|20|１９|２０)\d{2}年|试点前|上年|去年)?(?:的)?$")


# …2023年较2022年, …比上年同期: the comparison, not the metric, ends the phrase
_TRAILING_COMPARISON = re.compile(
    r"(?:(?:19|20|１９|２０)\d{2}年)?(?:较|比|相比)(?:上年|去年|上一年|(?:19|20|１９|２０)\d{2}年"
    r"|[一二三四1-4]季度|上季度|上月|年初|前\d{1,2}个月|1-\d{1,2}月|全市|全区|全国)(?:同期|末|底|平均水平)?$"
)
_TALLY_VERB = re.compile(r"^(?:实现|完成|达到|达)")
# a subject, then what it tallied (规模以上工业企业实现总产值); not a task done or a rate (完成全年任务, 完成率)
_SUBJECT_TALLIES = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:实现|完成)(?![率度了]|全?年|年度|任务|目标|计划|情况)(?=[\u4e00-\u9fff]{2,8}$)")
# 第二产业同比增长2.6%，增幅扩大3.1个百分点: a bare rate is the rate of the subject before it
_BARE_RATE = re.compile(r"(?:增幅|增速|降幅|涨幅|增长率|比重|占比|总量|规模(?!以[上下]))(?:扩大|收窄|提升|提高|回落|下降|加快|放缓)?")


# 在 + a named place inside a metric says where, not what: 重点项目在北京经济技术开发区集中签约
_SUBJECT_AFTER_PLACE = re.compile(r"^(?:将|已|在|共|还|累计)")


_NAMED_AFTER_A_PLACE = frozenset("站路街桥港馆楼")


# 2023年经济社会发展主要预期目标是地区生产总值…: the goal's announcement, not what is measured
_GOAL_STATEMENT = re.compile(r"^[^，,；;]{0,24}?目标(?:是|为|[：:])")


def _strip_leading(s: str) -> str:
    s = _GOAL_STATEMENT.sub("", LIST_MARKER.sub("", s))
    # a district or the city as the subject: 东城区新增…, 经开区计划…, 北京将…
    pattern, _names = district_rules.alias_pattern()
    for _ in range(3):
        m = pattern.match(s)
        if not m:
            s = _LEADING.sub("", s)
            m = pattern.match(s)
        if not m or len(s) <= m.end() + 1 or s[m.end()] in "、和与及":
            break  # 朝阳、海淀利用外资: several places together are the subject of the share
        if s[m.end()] in _NAMED_AFTER_A_PLACE and not m.group().endswith(("区", "市")):
            break  # 朝阳站, 丰台路: a thing named after the place, not the place as subject
        if m.group() not in district_rules.jurisdiction_names():
            # 运河商务区总体规划…: an area inside a district is what is measured (the district is a column)
            s = m.group() + _LEADING.sub("", s[m.end():])
            break
        s = _LEADING.sub("", LIST_MARKER.sub("", _SUBJECT_AFTER_PLACE.sub("", s[m.end():])))
    return _REPRESENTED_BY.sub("", _located_opening(s))


# 服务性消费额在信息、交通等领域带动下增长4.8%: what drove the figure is not what it measures
_DRIVEN_BY = re.compile(r"在[^，,；;。]{1,24}?(?:带动|推动|拉动|支撑|影响|作用|引领)下")
# 以先进制造业为代表的规上工业总产值: the examples given are not what is measured
_REPRESENTED_BY = re.compile(r"^以?[^，,；;]{1,15}?为(?:代表|主体|核心|重点|引领)的")


def _located_opening(s: str) -> str:
    """在金盏国际合作服务区新建国际人才公寓: the place before the verb says where, not what."""
    if not s.startswith("在"):
        return s
    m = _VERB_RE.search(s, 2)
    return s[m.start():] if m and m.start() <= 20 and len(s) - m.start() >= 3 else s


@lru_cache(maxsize=1)
def _located() -> re.Pattern:
    pattern, _names = district_rules.alias_pattern()
    return re.compile(rf"在(?:{pattern.pattern})")


def _drop_located(metric: str) -> str:
    out = _located().sub("", metric) if "在" in metric else metric
    return out if len(out) >= 2 else metric


def _verb_tail(s: str) -> str:
    """The last verb of s and what follows it (the verb that governs a number after it)."""
    last = None
    for m in _VERB_RE.finditer(s):
        last = m
    if last is None:
        return s if len(s) <= 3 else ""
    return s[last.start():]


_RIGHT_OPENING = re.compile(r"^(?:人民币|的|和|及|、|，|,|）|\)|[:：︰∶])+")
_VERB_OR_TALLY = re.compile(rf"{_VERB_RE.pattern}|现已|已|累计")  # (177项任务现已完成94%)
_OPENING_VERBS = re.compile(rf"(?:{_VERB_RE.pattern})+")
_TITLE_IN_RIGHT = re.compile(r"《[^》]*》")
_BATCH_ENDING = re.compile(r"(?:首批|新一批|一批|第[一二三四五六七八九十]+批)$")
_CONJUNCTION = re.compile(r"[和及与、]")
_ENDS_WITH_TO = re.compile(r"(?<!达)(?:到|至)$")
_UP_WORDS = frozenset(_UP.split("|"))
_GOAL_COLON = re.compile(r"目标[：:]")


# 突破千亿元大关, 迈上四千亿台阶: a milestone passed is said of the subject, not of the milestone
_MILESTONE_NOUN = re.compile(r"(?:的)?(?:大关|关口|台阶|量级|大台阶|行列)")
_MILESTONE_VERB = re.compile(r"(?:首次|再次|成功|一举)?(?:首破|突破|迈上|迈入|跨入|跨越|跨上|站上|越过|跃上|跃升至|跃居)了?")


_DEAL_WITH = re.compile(r"与[^，,、与]{1,10}?((?:签约|签署|达成|合作|对接)[^，,、；;。]{0,8})[，,、；;。]*$")


_LANDED_THEN_MORE = re.compile(r"([\u4e00-\u9fff]{2,10}?(?<!计划)(?:落户|入驻|落地|签约|迁入))[\u4e00-\u9fff]{4,}")


def _clean_right(s: str, cut_at_verb: bool, counted: bool = False) -> str:
    s = _RIGHT_OPENING.sub("", s)
    if s[:1] in "（(" and (note := _UNIT_NOTE.match(s)):
        s = s[note.end():]  # 9230户(宅)受灾农宅评估: a note on the unit, then what is counted
    if s[:1] in "（(":
        return ""  # 增长1%（同口径增长8.2%）: a note in brackets, not what the figure measures
    date = _DATE_INSIDE.search(s, 2)
    if date:
        s = s[:date.start()]  # 7栋回迁楼5月底回迁入住: what is counted ends where a date begins
    m = _MILESTONE_NOUN.match(s)
    if m and not s[m.end():m.end() + 1].strip("，,；;。、"):
        return ""
    if s.startswith("等") or s.startswith(("的情况下", "情况下")):
        return ""  # …不低于210个等重要目标: 等 closes a list of figures; what follows names the list
    if counted and not cut_at_verb:
        landed = _LANDED_THEN_MORE.match(s)
        if landed:
            s = landed.group(1)  # 逾30家航空企业落户发展形成产业集群: who landed, not what they then became
    if cut_at_verb:
        for m in _VERB_OR_TALLY.finditer(s):
            if m.start() >= 2:
                s = s[: m.start()]
                break
    if s.find("等") >= 2:
        s = s[: s.find("等")]
    if s.find("包括") >= 2:
        s = s[: s.find("包括")]  # 90个重点项目包括…区域51个: what the count counts ends where its parts are listed
    if counted and s.startswith(("具有", "具备", "拥有")):
        s = _DESCRIBED_BEFORE_OF.sub("", s, count=1)
    together = s.find("与")
    if together >= 2 and (_VERB_RE.search(s, together) or _COUNTED_NOUN_END.search(s.rstrip("，,；;。、：: ")) is None):
        # 15个产业工作营与发展伙伴、链长单位共研共建: what is counted ends at 与; what they did with
        # someone stays (40家企业与石景山签约, 40个项目与经开区达成了签约意向)
        deal = _DEAL_WITH.match(s, together) if together <= 8 else None
        s = s[:together] + (deal.group(1) if deal else "")
    comma = s.find("、")
    if comma >= 4 and not counted and s.count("“", 0, comma) == s.count("”", 0, comma):
        # 推进百万亩植树造林、京津风沙源治理…: the first item listed is what was measured
        # (but 96家区直单位、国有企业: what is counted may be a list)
        s = s[:comma]
    s = s.rstrip("，,、：:；;。等")
    return s


# 人工智能技术创新与大模型行业应用示范案例: A与B closed by a noun of things counted is one thing
_COUNTED_NOUN_END = re.compile(r"(?:案例|项目|企业|机构|场景|平台|中心|基地|园区|产品|成果|标准|课题|品牌)$")
# 10家具有行业引领力和影响力的人工智能领军企业: the counted noun after a 具有…的 description
_DESCRIBED_BEFORE_OF = re.compile(r"^(?:具有|具备|拥有)[^，,；;。的]{2,20}的(?=[\u4e00-\u9fff“”]{4})")
# 年末常住人口[5]: a release's note mark; 地区生产总值(GDP): the abbreviation, said again
_FOOTNOTE_MARK = re.compile(r"\[\d{1,2}\]|［\d{1,2}］|[（(][A-Z]{2,5}[)）]")
_MEASURE_NOUN_END = re.compile(r"(?:产量|产能|销量|数量|总量|人数)$")
_YEAR_INSIDE = re.compile(r"(?<![\d\-—－~至到])(?:19|20)\d{2}年度?(?![\d\-—－~至到])")
_NO_METRIC = re.compile(r"(?:约|大约|近|超过?|逾|接近|不足)+|全国|全市|全区|全省|北京市?")
_UNIT_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{1,2}[)）]")
_DATE_INSIDE = re.compile(r"(?<![\d年])\d{1,2}月(?:底|初|末|中旬|上旬|下旬)")
_OF_THE_LAST = re.compile(r"的[\u4e00-\u9fff“”]{1,12}[和及、]")
# 以全市7‰的面积, 贡献了全市10%的税收, 从最初3.83平方公里的…, 到现在225平方公里的…: a scope before the figure
_SCOPED_BEFORE = re.compile(
    r"(?:(?P<by>以|占|贡献了?|创造了?)(?P<scope>全市|全区|全国|北京市?)?|(?:从|到)(?:最初|现在|目前|如今))$")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
def _scoped(raw_left: str, raw_right: str) -> tuple[str | None, str, str | None] | None:
    """(its own subject or None, the noun after 的, the whole it is a share of or None) of a scoped figure."""
    scoped = _SCOPED_BEFORE.search(raw_left)
    noun = _NOUN_AFTER_OF.match(raw_right) if scoped else None
    if noun is None:
        return None
    subject = raw_left[:scoped.start()].strip()
    own = scoped.group("by") and 2 <= len(subject) <= 10 and not _VERB_RE.search(subject) \
        and _CJK_ONLY.fullmatch(subject) and not subject.startswith("的")
    return (subject if own else None), noun.group(1), scoped.group("scope")


_NOUN_AFTER_OF = re.compile(r"的([\u4e00-\u9fff“”]{2,10}?)(?=贡献|到|和|及|与|[，,、；;。]|$)")


_HEADLINE_SPACE = re.compile(r"(?<=[\u4e00-\u9fff%）)])[ \u3000]+(?=[\u4e00-\u9fff])")


def metric_for(text: str, q: Quantity, lo: int, hi: int, has_next: bool) -> str:
    left, right = text[lo:q.qualifier_start], text[q.end:hi]
    if CELL_SEPARATOR in left or CELL_SEPARATOR in right:  # a metric never spans a table's cells
        left, right = left.rsplit(CELL_SEPARATOR, 1)[-1], right.split(CELL_SEPARATOR, 1)[0]
    if " " in right or "\u3000" in right:  # 现场签约30个项目 投资总额1800多亿元: a headline's space parts two facts
        right = _HEADLINE_SPACE.split(right, 1)[0] if right.count("“") == right.count("”") else right
    if " " in left or "\u3000" in left:
        left = _HEADLINE_SPACE.split(left)[-1] if left.count("“") == left.count("”") else left
    return _metric(left, right, q.unit, has_next)


@lru_cache(maxsize=1 << 14)  # keyed on clause fragments, which prose repeats (…同比增长, 新建…个)
def _metric(raw_left: str, raw_right: str, unit_text: str | None, has_next: bool) -> str:
    """The metric of a figure from the text before it (from the previous figure on) and after it."""
    raw_left = _DRIVEN_BY.sub("", raw_left)
    if _OF_THE_LAST.fullmatch(raw_left) and raw_right.startswith("的"):
        raw_left = ""  # 贡献了全市10%的税收和近三成的外资企业增量: 税收 is the last figure's; this one's follows it
    scoped = _scoped(raw_left, raw_right) if raw_right.startswith("的") else None
    if scoped:
        # 自贸试验区以全市7‰的面积, 从最初3.83平方公里的亦庄工业小区: what is measured follows the 的
        subject, noun, scope = scoped
        return (subject or "") + noun + (f"占{scope}" if scope else "")
    # …开工建设、逾30家航空企业落户: a figure right after a 、 opens a new item; what came before is another's
    left = "" if raw_left.rstrip().endswith("、") else _strip_leading(_strip_trailing(raw_left.strip()))
    # 新开工52个、完工22个: what follows a 、 belongs to the next figure
    count_unit = units().get(unit_text or "")
    right = "" if raw_right[:1] in "、，," else _strip_trailing(_clean_right(
        raw_right, cut_at_verb=has_next, counted=count_unit is not None and count_unit.category == "count"))
    if "累计" in left and len(left) - left.rfind("累计") - 2 >= 3:
        subject, tallied = left[:left.rfind("累计")], left[left.rfind("累计") + 2:]
        counted = _TALLY_VERB.sub("", tallied, count=1)
        if 2 <= len(subject) <= 10 and not _VERB_RE.search(subject) and len(counted) >= 2:
            left = subject + counted  # 批发业累计实现零售额 → 批发业零售额: whose total, of what
        else:
            left = tallied
    tally = _SUBJECT_TALLIES.search(left)
    if tally and not _VERB_RE.search(left, 0, tally.start()):
        left = left[:tally.start()] + left[tally.end():]  # 规模以上工业企业实现总产值 → …企业总产值: whose, of what
    listing = _NAMES_INCLUDED.match(left) if not right and "、" in left else None
    if listing:
        # 生态环境建设项目方面则包括A、B、…7项: the count is of what includes them; the names are not the metric
        left = _strip_trailing(listing.group(1))
    category = ""
    if "等" in left:
        after = _strip_trailing(left[left.rfind("等") + 1:])
        after = _LEADING.sub("", after)
        before = _strip_leading(left[:left.rfind("等")])
        if len(after) >= 2:
            left = after
        elif right and 2 <= before.find("包括") <= 12:
            # 产业转型领域包括A、B等14个项目: the projects of that field
            category, left = before[:before.find("包括")], ""
        elif right:
            # 签约落地博世…中心等20余个项目: the opening verbs govern the count
            opening = _OPENING_VERBS.match(before)
            left = opening.group(0) if opening else after
        else:
            left = before
    if unit_text == "%" and raw_left.rstrip().endswith("实现") and 2 <= len(right) <= 8 \
            and not _CHANGE_AFTER.match(raw_right):
        left = ""  # 绿心森林公园实现100%绿电供应: the share is of what follows; where, is said before
    if left.startswith("在") and raw_right.startswith("范围") and 2 <= len(left) <= 12 and not _VERB_RE.search(left):
        return left[1:] + "范围"  # 在核心区60平方公里范围内: the area the place covers
    if left.startswith("在") and len(right) >= 3 and not _VERB_RE.search(left):
        left = ""  # 在南部53平方公里的人工智能资源密集区: where it is; what is measured follows the figure
    if _FROM_BEFORE.search(raw_left) and _TO_AFTER_FROM.match(raw_right.lstrip("的")):
        right = ""  # 从2020年的973.8亿元增加至…: where the measure rose from; it is named before, not after
    if _CHANGE_AFTER.match(raw_right):
        right = ""  # 经济总量保持年均10%高速增长: the growth is the kind of figure, not what it measures
    untitled = _TITLE_IN_RIGHT.sub("", right)
    right = untitled if len(untitled) >= 2 else right
    # “服务包”企业在京新设机构: a quoted topic opening the clause is not part of the metric
    # (but “专精特新”中小企业 is what is counted)
    # (nor “三品一标”认证覆盖率: a rate of the quoted thing)
    if left.startswith("“") and "”" in left and len(left) - left.index("”") > 4 \
            and _VERB_RE.search(left, left.index("”")) and not _RATE_NOUN_END.search(left):
        left = left[left.index("”") + 1:]
    unit = units().get(unit_text or "")
    count_like = unit is not None and unit.category in ("count",)
    listing = _NAMES_LISTED.search(left) if count_like and "、" in left else None
    if listing and not right and _HOLDER_HAS.search(listing.group(1)):
        # 各高校现有两院院士、社科院学部委员44名: what a holder has, listed, is what is counted
        return _strip_trailing(left[listing.end(1) + 1:])
    if listing:
        # 央企类项目有中国融通、中建市政、中铁置业3家企业: the names are counted as what the subject says they are
        return listing.group(1)
    if right and count_like and left.count("、") >= 1 and not _VERB_RE.search(left[left.find("、"):]):
        # 已入驻北京理工大学、…、首都师范大学5所高校: a list of names closed by its count; the count is of the
        # kind named after it, under the verb that opens the list (入驻高校), not of the last name listed
        verb = _last_match(_VERB_RE, left[:left.find("、")])
        return (verb.group() if verb else "") + right
    if right and count_like:
        right = _without_what_then_happens(raw_left, right)
        ranked = _RANKED_AMONG.match(right) if _RANKING_VERB.search(raw_left) else None
        if ranked:
            return ranked.group(1)  # 居全市五个生态涵养区之首: the count is of those it is ranked among
    ends_with_verb = bool(left) and left.endswith(_VERB_ENDINGS)
    counted = count_like or (unit is not None and unit.category == "bare_scale")
    if right and counted and _MEASURE_NOUN_END.search(left):
        right = ""  # 日均产量可达3万台智能手机: the left names what is measured; the right, what is made
    if right and (counted or len(left) <= 2 or ends_with_verb or unit is None and len(right) <= 4) and unit_text not in ("%",):
        governing = _BATCH_ENDING.sub("", _verb_tail(left))
        if _CONJUNCTION.search(governing):
            governing = _CONJUNCTION.split(governing)[-1]
        metric = governing + right
    elif right and len(left) <= 2:
        metric = left + right
    elif right and len(right) <= 3 and unit_text in ("%",):
        metric = left + right
    else:
        metric = left
    if category and right:
        metric = category + right
    metric = _drop_located(LIST_MARKER.sub("", _FOOTNOTE_MARK.sub("", metric))).strip("，,、：:；;。…的和及与 !！?？")
    if _YEAR_INSIDE.search(metric, 1) and len(without := _YEAR_INSIDE.sub("", metric)) >= 2:
        metric = without  # 梳理2024年储备项目181项: the year is the period, not part of what is measured
    if metric.count("“") != metric.count("”"):
        metric = metric.replace("“", "").replace("”", "")
    return metric


# 356个村庄规划实现全覆盖, 12件议案逐一分解办理, 40项市区重大项目在一季度全面开工: what is counted, not what then
# happens to it (13家文化企业入选…品牌榜 keeps its verb: there the count is of those it happened to)
_WHAT_THEN_HAPPENS = re.compile(
    r"(?:实现)?全覆盖|(?:逐一|逐项|逐步|全部|全面|陆续)(?=[\u4e00-\u9fff])"
    r"|在(?:第?[一二三四]季度|上半年|下半年|年内|年底|年末|今年|明年|本年|当年|\d{1,2}月)")
# 为15条产业链建立“链长制”: the count is of those a thing is done for; the verb after them starts what is done
_DONE_FOR = re.compile(r"(?<![认以成作])为$")  # (not 认为, 以为, 成为, 作为)
_VERB_DONE_FOR = re.compile(rf"{_VERB_RE.pattern}|建立|制定|编制|配备|配置|量身定制|定制|搭建|开通|争取")


# 外资完成情况居全市五个生态涵养区之首, 位列全国19个城市第三: a rank among so many of a kind
_RANKING_VERB = re.compile(r"(?:居|位居|位列|排名|排在|列)(?:全市|全区|全国|全省|本市|同类)?$")
_RANKED_AMONG = re.compile(r"([\u4e00-\u9fff]{1,8}?)(?:之首|首位|第[一二三四五六七八九十\d]+|前列|前[一二三四五六七八九十\d]+(?:名|位)?|之?中)")


def _without_what_then_happens(raw_left: str, right: str) -> str:
    m = _WHAT_THEN_HAPPENS.search(right, 2)
    if m:
        return right[:m.start()]
    if _DONE_FOR.search(raw_left.rstrip()) and (verb := _VERB_DONE_FOR.search(right, 2)):
        return right[:verb.start()]
    return right


# 生态环境建设项目方面则包括A、B、C (7项): what the listed names are
_NAMES_INCLUDED = re.compile(r"^(.{0,16}?)(?:方面)?(?:则|主要)?(?:包括|涉及|包含)(?:[^、，,]{2,40}、)+[^、，,]{2,40}$")
# …项目有A、B、C (3家企业): a subject, then the names it has, listed
# 现有, 共有, 拥有: a holder's things, not a category's members
_HOLDER_HAS = re.compile(r"(?:现|共|拥|还|目前|已)$")
_NAMES_LISTED = re.compile(r"^([\u4e00-\u9fff“”]{2,15}?)(?:有|包括|包含|分别是|分别为)(?:[^、，,；;]{2,15}、)+[^、，,；;等]{2,15}$")


_GAP_IN_POINTS = re.compile(r"(?:(?P<lower>低于|慢于|落后)|高于|快于|超出|领先)[^，,；;]{0,12}$|" + _WHOLE_THEN_GAP + "$")
_RATE_OF_CHANGE = re.compile(r"(?:增速|增幅|增长率|涨幅|降幅)(?=(?:扩大|收窄|提升|提高|回落|下降|加快|放缓)?$)")
# 保持年均10%高速增长, 实现8%的增长: the change named after the figure
_CHANGE_AFTER = re.compile(rf"^的?(?:高速|快速|较快|稳定|平稳|中高速|稳步|持续|正向|负)?(?P<verb>增长|下降)")


def _kind(text: str, q: Quantity, clause_start: int, metric: str, right: str) -> tuple[str, str | None]:
    if q.unit == "‰":
        return "share", None  # 出生率6.09‰, 自然增长率为0.01‰: a rate per thousand is a share
    if metric.endswith("指数") and q.unit is None:
        return "level", None  # 销售价格环比指数为99.9
    tail = text[max(clause_start, q.qualifier_start - 10):q.qualifier_start]
    m = _CHANGE_TAIL.search(tail)
    if m and not _ENDS_WITH_TO.search(tail):
        return "change", "up" if m.group("verb") in _UP_WORDS else "down"
    m = _CHANGE_AFTER.match(right) if right else None
    if m:
        return "change", "up" if m.group("verb") in _UP_WORDS else "down"  # 保持年均10%高速增长
    m = _GAP_IN_POINTS.search(tail) if q.unit in ("个百分点", "百分点") else None
    if m:
        # 高于全市2.8个百分点, 比全国平均水平高29.6个百分点: a gap, read as growth over it
        return "change", "down" if m.group("lower") or m.group("lower2") else "up"
    m = _RATE_OF_CHANGE.search(metric) if q.unit in ("%", "％") else None
    if m:
        return "change", "down" if m.group() == "降幅" else "up"  # 销售额增速回落至0.7%, 降幅收窄至0.9%
    opening = _CHANGE_OPEN.match(text[clause_start:q.qualifier_start])
    if opening and q.unit not in ("%",):
        return "change", "up" if opening.group("verb") in _UP_WORDS else "down"
    if q.unit == "%":
        if _PROGRESS.search(metric) or _PROGRESS.search(right[:4]):
            return "progress", None
        return "share", None
    if q.unit in ("成", None):
        return "share", None
    return "level", None


def _last_match(pattern: re.Pattern, s: str, pos: int = 0) -> re.Match | None:
    m = None
    for m in pattern.finditer(s, pos):
        pass
    return m


def _period(text: str, s0: int, pos: int, ctx: DocumentContext, section_year: int | None,
            plan: bool, clause_text: str, looking_back: bool = False) -> str | None:
    before = text[s0:pos]
    named = _named_year(before, ctx.current_year)
    if named and (_NOW.search(before, named[0]) or _MILESTONE_THEN_NOW.search(before, named[0])):
        named = None  # 2035年…目标大兴已经提前实现，目前全区战略留白18.7平方公里: today's figure, not 2035's
    cumulative = _last_match(_CUMULATIVE, before[max(before.rfind("；"), before.rfind(";")) + 1:])
    if looking_back and not named and not cumulative and not _PART_OF_YEAR.search(before) \
            and not _reaches_a_level(before):
        return "cumulative"  # 过去五年工作回顾, 5年来，…: figures of the years looked back on
    # …去年以来启动9个项目；2025年高考本科上线率92.1%: a year named after the tally starts a new figure
    if cumulative and not (named and named[0] >= cumulative.end() and cumulative.group() not in _DATED_TALLY) \
            and not (_only_running_total(before) and (ctx.base_period or _PART_OF_YEAR.search(before))) \
            and not (cumulative.group() == "以来" and _reaches_a_level(before)):
        # (党的十八大以来，…收入从52亿元增加到105亿元: a level reached since then is this year's, no tally)
        # (1-12月，…累计实现零售额: in a report on part of a year, 累计 is the year to date)
        return "cumulative"
    year = section_year or ((ctx.plan_year if plan else ctx.base_year))
    if named:
        # a part of a year named before the year itself (1-8月…，去年…) is not this figure's
        named_at, year = named
        before = before[named_at:]
    if "每年" in clause_text or "年均" in clause_text:
        if "年均" in clause_text and not plan and _PAST_SPAN.search(before) \
                and not (named and ctx.current_year and named[1] > ctx.current_year):
            return "cumulative"  # 五年年均增长15.1%, 五年来…年均增幅8%: the average of the years looked back on
        return str(year) if year else None
    part = _part_of_year(before, year) if year else None
    if part:
        return part
    if ctx.base_period and year == ctx.base_year and not plan and not _WHOLE_YEAR.search(before):
        return ctx.base_period
    return str(year) if year else None


def _part_of_year(before: str, year: int) -> str | None:
    """The part of a year named last before a figure (上半年…，其中6月增速…: June), in year unless it names its own."""
    latest: tuple[int, str] | None = None
    for pattern, period in _PARTS_OF_A_YEAR:
        m = _last_match(pattern, before)
        if m and (latest is None or m.end() > latest[0]):
            found = period(int(m.group(1)) if m.group(1) else year, m)
            if found:
                latest = (m.end(), found)
    return latest[1] if latest else None


def _first_months(y: int, m: re.Match) -> str | None:
    last = int(m.group(2)) if m.group(2).isdigit() else int(chinese_to_number(m.group(2)) or 0)
    return months(y, 1, last) if 1 <= last <= 12 else None


_PARTS_OF_A_YEAR = (
    (_MONTH_RANGE, lambda y, m: months(y, int(m.group(2)), int(m.group(3)))),
    (_HALF, lambda y, m: f"{y}H{1 if m.group(2) == '上' else 2}"),
    (_FIRST_MONTHS, _first_months),
    (_QUARTER, lambda y, m: quarters(y, *_quarter_months(m.group(2)))),
    (_MONTH, lambda y, m: f"{y}-{int(m.group(2)):02d}" if 1 <= int(m.group(2)) <= 12 else None),
    (_BARE_MONTH, lambda y, m: f"{y}-{int(m.group(2)):02d}" if 1 <= int(m.group(2)) <= 12 else None),
)

_WHOLE_YEAR = re.compile(r"全年|年度|年均")
# …覆盖率达到48.6%, 迈上5万元台阶: where the years looked back on have brought a level, not a tally of them
_LEVEL_REACHED = re.compile(
    r"(?:达到|达|迈上|突破|跨入|(?:提高|提升|增加|增长|跃升|上升|下降|降低|压缩|缩短)[到至]|增至|降至|为)了?$")
# 良乡大学城2002年启动建设，已入驻…5所高校: the year of a milestone, then where things stand now
_MILESTONE_THEN_NOW = re.compile(r"(?:启动建设|开工建设|建成|投运|投用|通车|成立|设立|揭牌|挂牌|通航|开园|开业|落成|启用)"
                                 r"[^，,；;。\d]{0,4}[，,；;]\s*(?:已经?|现已?|目前|如今)")
_NOW = re.compile(r"[，,；;](?:截[至止])?(?:目前|当前|现在|如今)")
# a span of years just past that an average is taken over (五年年均, 五年来, 过去五年, 近三年)
_PAST_SPAN = re.compile(r"(?:[两三四五六七八九十]|\d{1,2})年(?:来|间)|(?:[两三四五六七八九十]|\d{1,2})年(?=年均)"
                        r"|(?:过去|近|前)(?:[两三四五六七八九十]|\d{1,2})年")
# …计划实施197项重点建设项目，已完成12项: what is already done is no part of the plan
_DONE_ALREADY = re.compile(r"已(?:经)?(?:完成|建成|开工|实现|落地|竣工|入驻|引进|签约|投用|投产|开业|集聚|吸引)")
# 预计…年均增长超6%，今年前三季度增长10.9%: a part of this year reported in its own clause is no estimate
_REPORTED_PART_OF_YEAR = re.compile(r"^\s*(?:今年|本年)?(?:前三季度|上半年|一季度|第一季度|1\s*[-—－至~到]\s*\d{1,2}月)")
# …分别达到了48.6%和: the figures listed before this one share its verb
_LISTED_FIGURES_TAIL = re.compile(r"(?:[0-9０-９.]+(?:%|％|个百分点)?[和、及与])+$")


def _reaches_a_level(before: str) -> bool:
    return _LEVEL_REACHED.search(_LISTED_FIGURES_TAIL.sub("", before)) is not None


# a section or paragraph that looks back on several years: 一、过去五年工作回顾; 5年来，…; 自“两区”建设启动以来，…
_LOOKING_BACK = re.compile(r"过去(?:[两三四五六七八九十]|\d{1,2})年|(?<![近多])(?:[两三四五六七八九十]|\d{1,2})年来")
# 从15天压缩至3天, 从试点前的87.7%提升至2019年的95%: a 从 just before a figure, and the 至/到 to the next one
_FROM_BEFORE = re.compile(r"从[^，,；;从]{0,6}?的?$")
_FROM_TO = re.compile(r"[^，,；;、]{0,6}?[至到](?:(?:19|20)\d{2}年(?:底|末)?的?)?")
# 作为…承载地，5年来，园区累计实施…；已服务95家科研单位: a look-back opening a clause covers the rest of its sentence
_LOOKING_BACK_CLAUSE = re.compile(
    r"(?:^|[，,；;。])\s*(?:(?:过去|近)?(?:[两三四五六七八九十]|\d{1,2})年(?:以)?来|(?:过去|近)(?:[两三四五六七八九十]|\d{1,2})年)[，,]")
_LOOKING_BACK_PARAGRAPH = re.compile(
    r"\s*(?:(?:过去|近)?(?:[两三四五六七八九十]|\d{1,2})年来|过去(?:[两三四五六七八九十]|\d{1,2})年(?!是)|自[^，,。；]{2,20}以来)[，,]")


def _looks_back(text: str, sent, headings: tuple[str, ...]) -> bool:
    if any(_LOOKING_BACK.search(h) for h in headings[:2]):
        return True
    paragraph_start = text.rfind("\n", 0, sent.span.start) + 1
    return bool(_LOOKING_BACK_PARAGRAPH.match(text, paragraph_start))


def _quarter_months(written: str) -> tuple[int, int]:
    if written in _QUARTER_MONTHS:
        return _QUARTER_MONTHS[written]
    return 1, _QUARTER_MONTHS[written[-1]][1]  # 1-3季度: from the first quarter to the last one named


def _only_running_total(before: str) -> bool:
    """累计 alone (累计完成…), with no 截至/以来 that would make the figure a stock or a total since then."""
    return {m.group() for m in _CUMULATIVE.finditer(before)} == {"累计"}


def _counts(unit_text: str | None) -> bool:
    unit = units().get(unit_text or "")
    return unit is not None and unit.category == "count"


_RATIO_COLONS = frozenset(":：︰∶")


def _ratio_part(text: str, q: Quantity) -> bool:
    """A part of a structure (三次产业结构为0.9:26.6:72.5): a bare number next to a ratio colon."""
    return q.unit is None and (text[q.end:q.end + 1] in _RATIO_COLONS or text[q.start - 1:q.start] in _RATIO_COLONS)


def _names_its_subject(metric: str, subject: str) -> bool:
    return subject in metric or subject.startswith("占")
# 今年 is the year the document was written in; 去年 and 明年 the ones either side
_RELATIVE_YEAR = re.compile(r"今年|本年|去年(?!同期)|明年")  # (面对去年同期高基数: the base of a comparison)
_RELATIVE_OFFSET = {"今年": 0, "本年": 0, "去年": -1, "明年": 1}
_HORIZON_BEFORE = re.compile(r"(?:到|至)$")
# 计划到“十四五”末，…: the end of a five-year plan as a horizon
_PLAN_HORIZON = re.compile(r"(?:到|至)“?十([三四五六])五”?(?:规划)?(?:末|期末|时期末)(?:[，,]|将|要|力争)")
_PLAN_END_YEAR = {"三": 2020, "四": 2025, "五": 2030, "六": 2035}
_CLAUSE_BREAK = re.compile(r"[，,；;]")
_TO_AFTER_FROM = re.compile(r"(?:增加|增长|增|提高|提升|上升|升|降低|降|减少|下降|跃升|扩大|缩小|压缩|缩短)?[至到]")
_BUILT_ON = re.compile(r"[^，,；;。]{0,16}?基础上[^，,；;。]{0,6}[，,；;]")


def _named_year(before: str, current_year: int | None) -> tuple[int, int] | None:
    """(where, which) year the sentence last names before a figure: 2023年, or 今年/去年/明年 from the document's
    own year. Not the base of a comparison (较2022年), and not a horizon inside an earlier clause
    (…，到2035年建筑规模占62%，国家高新企业达3710家: the 3710 is today's)."""
    named = None
    for m in _YEAR.finditer(before):
        if _COMPARED_YEAR.search(before, 0, m.start()):
            continue
        if (_HORIZON_BEFORE.search(before, 0, m.start()) and _CLAUSE_BREAK.search(before, 0, m.start())
                and before[m.end():m.end() + 1] not in "，," and _CLAUSE_BREAK.search(before, m.end())):
            continue
        if _BUILT_ON.match(before, m.end()):
            continue  # 今年在延续2021年64项任务基础上，新增63项: the base built on is not the later clause's year
        if before[m.start() - 1:m.start()] in ("由", "从") and _TO_AFTER_FROM.search(before, m.end()):
            continue  # 由2016年的5908亿元增至9500亿元: the year the rise started from is not the 9500's
        named = (m.start(), int(m.group(1)))
    for m in _PLAN_HORIZON.finditer(before):  # 到“十四五”末，…: the plan's last year
        if named is None or m.start() > named[0]:
            named = (m.start(), _PLAN_END_YEAR[m.group(1)])
    if current_year is not None:
        for m in _RELATIVE_YEAR.finditer(before):
            if not _COMPARED_YEAR.search(before, 0, m.start()) and (named is None or m.start() > named[0]):
                named = (m.start(), current_year + _RELATIVE_OFFSET[m.group()])
    return named


def extract_indicators(text: str, sentences: Sequence, district_of: Callable[[int], str],
                       ctx: DocumentContext) -> list[dict]:
    quoted = QuotedIndex(text)
    quantities = find_quantities(text, 0, len(text), quoted)
    rows = table_rows(text)
    if rows:  # a table's number cells are read by their columns (tables.py), not as prose
        cells = number_cells(text, rows)
        cell_starts = [c[0] for c in cells]
        quantities = [q for q in quantities if not _in_spans(q.start, cells, cell_starts)]
    starts = [q.start for q in quantities]
    out: list[dict] = []
    # a work plan (工作要点, 实施方案) states what is to be done: its figures are targets
    work_plan = ctx.doc_type == "work_plan"
    paragraph, paragraph_subject = None, None  # the last subject of the paragraph, for a bare 增速 after it
    for sent in sentences:
        if bisect.bisect_left(starts, sent.span.start) == bisect.bisect_left(starts, sent.span.end):
            continue  # most sentences hold no figure at all
        if sent.paragraph != paragraph:
            paragraph, paragraph_subject = sent.paragraph, None
        section_year, plan = section_of(sent.headings)
        looking_back = None  # (worked out for the sentences that hold a figure)
        respective = None  # the subjects a 分别 listed, for a later …，分别增长… of the same sentence
        clause_metrics: list[str] = []  # the metric of each one-figure clause so far, for a listless …，分别…
        prev_metric, prev_unit, subject_metric = None, None, None
        prev_ratio_part = False  # the last figure was a part of a structure (7.7:32.7:59.5)
        opening_subject = None  # 地区生产总值增速居全市第一，同比增长6.8%: a figureless clause names the subject
        fresh_subject = None  # …，五大装备制造业延续回暖态势，增长8.2%: the same, between figures
        prev_change: tuple[int, str | None] | None = None  # (end, direction) of the last growth figure
        scope_subject = None  # who a sentence's 以全市…的…，贡献了全市…的… figures are about
        for clause in sent.clauses:
            i, j = bisect.bisect_left(starts, clause.start), bisect.bisect_left(starts, clause.end)
            if i == j:
                if prev_metric is None and subject_metric is None:
                    opening_subject = opening_subject or _subject_of(clause.text)
                else:
                    # …医药制造业下降8.0%，五大装备制造业延续回暖态势，增长8.2%: a figureless clause after
                    # figures names the next bare figure's subject (a short one, 经济运行平稳, names none)
                    named = _subject_of(clause.text)
                    fresh_subject = named if named and len(named) >= 4 else None
                respective = _listed_subjects(clause.text) or respective
                continue
            in_clause = _without_thresholds(text, [q for q in quantities[i:j] if q.end <= clause.end + 2
                                                   and not _names_a_package(text, q) and not _counts_a_slogan(text, q)
                                                   and not _names_a_doctrine(text, q)
                                                   and not _refers_back(text, q)])
            in_clause = [_per_area(text, q) for q in in_clause]
            n = len(in_clause)
            if respective is None and n >= 2 and len(clause_metrics) >= n and len(set(clause_metrics[-n:])) == n:
                # 城镇居民人均可支配收入实现37095元，农村居民人均纯收入实现20076元，分别增长10.2%和12%
                respective = (clause_metrics[-n:], None)
            each_subjects, respective = _respective_metrics(text, clause, in_clause, respective)
            if n != 1:
                clause_metrics = []
            named_before, fresh_subject = fresh_subject, None
            for k, q in enumerate(in_clause):
                lo = in_clause[k - 1].end if k else clause.start
                hi = in_clause[k + 1].qualifier_start if k + 1 < len(in_clause) else clause.end
                metric = metric_for(text, q, lo, hi, has_next=k + 1 < len(in_clause))
                if k + 1 < len(in_clause) and in_clause[k + 1].qualifier_start == q.end and _counts(q.unit) \
                        and in_clause[k + 1].unit and not _counts(in_clause[k + 1].unit):
                    # 推进15宗78公顷经营性用地供应: a count and a size of the same things, named once after both
                    after = in_clause[k + 1]
                    named = metric_for(text, after, q.end, in_clause[k + 2].qualifier_start if k + 2 < len(in_clause)
                                       else clause.end, has_next=k + 2 < len(in_clause))
                    metric = named or metric
                ratio_part = _ratio_part(text, q)
                if ratio_part and prev_ratio_part and prev_metric:
                    metric = prev_metric  # …比重由2016年的7.7:32.7:59.5调整为2021年的3.9:…: every part is the structure's
                if text.startswith("的", q.end) and (scoped := _scoped(text[lo:q.qualifier_start], text[q.end:hi])):
                    # 金融街以全市0.02%的面积，贡献了全市近40%的金融业增加值: the sentence's subject, carried
                    if scoped[0]:
                        scope_subject = scoped[0]
                    elif scope_subject:
                        metric = scope_subject + metric
                if _MILESTONE_VERB.fullmatch(metric) or _NO_METRIC.fullmatch(metric):
                    # 实现1012.9亿元，突破千亿元大关: the subject's figure, said again;
                    # …18个、约占全国的1/20, 占全市的40%、全国的10%: a qualifier or a whole names nothing measured
                    metric = ""
                if k and text[lo:lo + 1] == "、" and prev_metric and len(metric) <= 4:
                    # 老旧小区综合整治新开工52个、完工22个: the list shares its subject
                    verb = None
                    for verb in _VERB_RE.finditer(prev_metric):
                        pass
                    if verb is not None and verb.start() > 0:
                        metric = prev_metric[:verb.start()] + metric
                if metric and prev_metric and prev_unit == q.unit and len(metric) <= 4 \
                        and len(prev_metric) > len(metric) + 1 \
                        and _shares_the_last_word(prev_metric, metric):
                    # 常住人口出生率为6.09‰，死亡率为6.08‰; …环比指数为99.9、同比指数为94.6: the same subject's
                    metric = prev_metric[:-len(metric)] + metric
                if metric and prev_metric and _BARE_VERB_METRIC.fullmatch(metric):
                    # 涉及…任务措施102条，目前已落地43项: the verb says what happened to the same things
                    noun = _OPENING_VERBS.sub("", prev_metric, count=1) if _OPENING_VERBS.match(prev_metric) else prev_metric
                    if len(noun) >= 2:
                        metric = noun + metric
                if k and prev_metric and _FROM_BEFORE.search(
                        text, max(clause.start, in_clause[k - 1].qualifier_start - 8), in_clause[k - 1].qualifier_start) \
                        and _FROM_TO.fullmatch(text, in_clause[k - 1].end, q.qualifier_start):
                    # 通关物流时限从15天压缩至3天, …占比从试点前的87.7%提升至2019年的95%: where the same measure went
                    metric = prev_metric.rsplit("从", 1)[0] if prev_metric.rfind("从") >= 2 else prev_metric
                if metric in _TOTAL_OF_THE_COUNTED and prev_metric and prev_unit in _COUNT_UNITS \
                        and not prev_metric.endswith(metric):
                    counted = _OPENING_VERBS.sub("", prev_metric, count=1) if _OPENING_VERBS.match(prev_metric) \
                        else prev_metric
                    metric = counted + metric  # 安排重大投资项目176项，总投资1895亿元 → 重大投资项目总投资
                inherited = False
                if named_before and k == 0 and (not metric or _SHARED_MEASURE.fullmatch(metric)):
                    metric = named_before + metric
                elif opening_subject and prev_metric is None and _SHARED_MEASURE.fullmatch(metric):
                    # 规模以上工业生产呈现降势，实现增加值610.5亿元: a bare measure is the subject's
                    metric = opening_subject + metric
                elif not metric and (subject_metric or prev_metric or opening_subject):
                    # 实现地区生产总值11500亿元，同比增长5.6%: the figure after it measures the same thing;
                    # …完成120.5亿元，为调整预算的101.2%，比上年增长6.1%: the subject, not the yardstick
                    metric = subject_metric or prev_metric or opening_subject
                    inherited = metric != opening_subject
                elif not metric and paragraph_subject and k == 0 and sent.span.start \
                        and text[sent.span.start - 1] in "；;" and opening_subject is None:
                    # …实现地区生产总值10206.9亿元…；按不变价格计算，同比增长3.5%: the statement goes on
                    metric = paragraph_subject
                plan_done = _ANNUAL_PLAN_DONE.match(text[lo:q.qualifier_start].strip("，,、；; ")) \
                    if subject_metric is not None else None
                if plan_done:
                    metric = subject_metric + plan_done.group()  # …，完成全年任务的37%: the subject's progress
                if metric in _REAL_OR_NOMINAL and (subject_metric or paragraph_subject):
                    metric = (subject_metric or paragraph_subject) + metric
                if not metric:
                    continue
                subject = subject_metric or paragraph_subject
                if subject and _ONLY_COMPARISON_BASE.fullmatch(metric):
                    metric = subject + "增幅"
                elif _BARE_RATE.fullmatch(metric) and (rate_subject := next(
                        (s for s in (subject, paragraph_subject) if s and not _BARE_RATE.search(s)), None)):
                    # (…工业总产值增长3.7%。其中6月增速达到8.8%; also after the subject's own 增幅…扩大)
                    metric = rate_subject + metric
                elif subject_metric and _BARE_RATE.match(metric) and _COMPARED_TO_WHOLE.search(metric) \
                        and not _names_its_subject(metric, subject_metric):
                    # 增速与全国持平、高于一季度2.4个百分点: the subject's rate, against another's
                    rate, gap = _BARE_RATE.match(metric), _COMPARED_TO_WHOLE.search(metric)
                    metric = subject_metric + rate.group() + metric[gap.start():]
                elif subject_metric and (metric.startswith("占") or _COMPARED_TO_WHOLE.match(metric)) \
                        and not _names_its_subject(metric, subject_metric):
                    metric = subject_metric + metric  # …零售总额1089.4亿元，占北京市的比重为7.3%; …高于全市1.9个百分点
                if each_subjects:
                    metric = each_subjects[k]
                if q.unit in _PER_AREA_UNITS and prev_unit and prev_unit.endswith("/平方公里") and metric == prev_metric:
                    q = q._replace(unit=prev_unit)  # …每平方公里6595人，比上年末减少13人: the same density's change
                prev_metric, prev_unit, prev_ratio_part = metric, q.unit, ratio_part
                if n == 1:
                    clause_metrics.append(metric)
                if not plan_done and not _YARDSTICK_METRIC.match(metric) and not _COMPARED_TO_WHOLE.search(metric):
                    subject_metric = metric
                    if not _BARE_RATE.search(metric):
                        paragraph_subject = metric
                right = text[q.end:hi]
                kind, direction = _kind(text, q, clause.start, metric, right)
                if q.value < 0 and kind in ("change", "share"):
                    kind, direction = "change", "down"  # 自然增长率为-1.57‰: a rate below zero is a fall
                if kind != "change" and prev_change and prev_change[0] == lo and k \
                        and text[lo:q.qualifier_start] in ("和", "、", "及", "与"):
                    # 分别增长2.1%和4.5%: the figures listed after a growth figure are growth too
                    kind, direction = "change", prev_change[1]
                prev_change = (q.end, direction) if kind == "change" else None
                s0 = _sentence_start(text, q.start, sent)
                clause_before = text[clause.start:q.start]
                sentence_before = text[s0:q.start]
                is_target = bool(
                    plan
                    or (work_plan and not _names_past_year(sentence_before, ctx.base_year)
                        and not any(_CURRENT_STATE_HEADING.search(h) for h in sent.headings))
                    or _TARGET_CLAUSE.search(clause_before)
                    # (a clause saying it is done already, 已入驻…51家, is not the plan its sentence opens with)
                    or not _DONE_ALREADY.search(clause_before) and (
                        _TARGET_SENTENCE.search(sentence_before)
                        or _carried_target(text, sent, s0)
                        or _forecast_sentence(sentence_before, ctx.current_year)
                        and not _REPORTED_PART_OF_YEAR.match(clause_before))
                    # 预计全年地区生产总值完成2150亿元，增长5.5%左右: a figure of the same subject shares the forecast
                    or (inherited and out and out[-1]["metric"] == metric and out[-1]["is_target"]
                        and out[-1]["position"] >= sent.span.start and not _DONE_ALREADY.search(clause_before)
                        and not _REPORTED_PART_OF_YEAR.match(clause_before))
                )
                if looking_back is None:
                    looking_back = _looks_back(text, sent, sent.headings)
                period = _period(text, s0, q.start, ctx, section_year, plan, clause.text,
                                 (looking_back or bool(_LOOKING_BACK_CLAUSE.search(sentence_before))) and not plan)
                if period and period.isdigit() and not _YEAR.search(text, s0, q.start) \
                        and not _RELATIVE_YEAR.search(text, s0, q.start) and not _DONE_ALREADY.search(clause_before) \
                        and (horizon := _paragraph_horizon(text, sent, s0, ctx.current_year)):
                    period, is_target = horizon, True
                value_base, base_unit = to_base(q.value, q.unit)
                # one row per subject of a figure they all share (A、B、C均增长10%), each quoted from its subject on
                for subject, at in _subjects_sharing(text, clause.start, q, metric) or ((metric, None),):
                    out.append({
                        "position": q.start if at is None else at,
                        "quote": text[clause.start if at is None else at:clause.end].rstrip("，,、：:；;。"),
                        "metric": subject,
                        "value": q.value,
                        "unit": q.unit,
                        "value_base": value_base,
                        "base_unit": base_unit,
                        "kind": kind,
                        "direction": direction,
                        "period": period,
                        "is_target": is_target,
                        "qualifier": q.qualifier,
                        "district": district_of(q.start),
                    })
    out = _without_restatements(_without_headline_repeats(text, out))
    if rows:
        sentence_starts = [sent.span.start for sent in sentences]
        out += table_indicators(text, rows, district_of, lambda pos: _period(
            text, pos, pos, ctx, section_of(_headings_at(sentences, sentence_starts, pos))[0], False, ""))
        out.sort(key=lambda row: row["position"])
    return out


def _subjects_sharing(text: str, clause_start: int, q: Quantity, metric: str) -> list[tuple[str, int]] | None:
    """信息服务业收入、商务服务业收入、商品房销售面积均实现10%以上增长: the subjects listed before 均, each with where
    it is written, when one figure is stated for all of them."""
    if "、" not in metric:
        return None
    parts = _list_items(_LIST_SEPARATORS[1], metric)
    if not 2 <= len(parts) <= 8 or not all(3 <= len(part) <= 14 for part in parts):
        return None
    if max(map(len, parts)) > 2 * min(map(len, parts)):
        return None  # 工业、消费、投资领域指标环比增速均超30%: the fields share one tail, one figure for the group
    found, at = [], clause_start
    for part in parts:
        at = text.find(part, at, q.qualifier_start)
        if at < 0:
            return None
        found.append((part, at))
        at += len(part)
    return found if "均" in text[at:q.qualifier_start] else None


_BARE_LIST = re.compile(r"[\u4e00-\u9fff“”]{2,14}(?:、[\u4e00-\u9fff“”]{2,14}){1,7}")
_LISTED_SUBJECTS = re.compile(
    r"((?:[\u4e00-\u9fff]{2,14}[、和及与])+[\u4e00-\u9fff]{2,14}?)"
    r"(?:发展|增长|增势|势头|表现|运行|生产|延续|呈现|恢复|保持|均|继续|持续|较快|良好|稳定|快速|向好)")


def _listed_subjects(clause_text: str) -> tuple[list[str], str] | None:
    """汽车制造业、专用设备制造业发展较快: a figureless clause listing the subjects a later 分别 gives figures for."""
    stripped = _strip_leading(clause_text.strip().rstrip("，,：:"))
    m = _LISTED_SUBJECTS.match(stripped)
    if m is None:
        if _BARE_LIST.fullmatch(stripped) and not _VERB_RE.search(stripped):
            # 链长单位、发展伙伴，总量分别达65家、600家: a clause that only lists the subjects
            parts = _list_items(_LIST_SEPARATORS[0], stripped)
            return (parts, "") if 2 <= len(parts) <= 8 else None
        return None
    parts = _list_items(_LIST_SEPARATORS[1], m.group(1))
    if 2 <= len(parts) <= 8 and all(2 <= len(part) <= 14 for part in parts):
        return parts, ""
    return None


def _respective_metrics(text: str, clause, in_clause: list[Quantity], carried):
    """金银珠宝类、化妆品类和体育娱乐用品类商品分别实现零售额117.4亿元、41亿元和27.7亿元，分别增长29.6%、5.1%和6.7%:
    one metric per subject listed before 分别, in order; a later 分别 clause of the sentence with no list of its
    own takes the same subjects. Returns (metrics or None, what a later clause may take)."""
    if len(in_clause) < 2:
        return None, carried
    at = text.find("分别", clause.start, in_clause[0].qualifier_start)
    if at < 0:
        return None, carried
    n = len(in_clause)
    post = text[at + 2:in_clause[0].qualifier_start]
    opening = _OPENING_VERBS.match(post)
    noun = _strip_trailing(post[opening.end():] if opening else post)
    pre = _strip_leading(text[clause.start:at].strip())
    head = ""
    if "等" in pre:
        pre, head = pre[:pre.rfind("等")], pre[pre.rfind("等") + 1:]
    items = None
    if n >= 2 and _an_industry(pre):
        # 租赁和商务服务业，科学研究和技术服务业，交通运输、仓储和邮政业分别增长…: industries listed between commas
        # (计算机、通信和其他电子设备制造业，汽车制造业分别增长…: one of them with 、 or 和 in its name is why)
        window = re.split(r"[。；;！？!?\n]", text[max(0, clause.start - 80):clause.start])[-1]  # (this sentence's)
        before = re.split(r"[，,]", window.rstrip("，,"))[-(n - 1):]
        listed = [part.strip() for part in before] + [pre]
        if len(before) == n - 1 and all(_an_industry(part) for part in listed) \
                and any(_INDUSTRY_NAMES.fullmatch(part) and any(mark in part for mark in "、和及") for part in listed):
            items = listed
    for separator in (_LIST_SEPARATORS if items is None else ()):
        parts = _list_items(separator, pre)
        if len(parts) == n and all(2 <= len(part) <= 14 for part in parts):
            items = _with_the_first_items_owner(parts)
            break
    if items is None:
        if carried is None or len(carried[0]) != n:
            return None, carried
        if pre and not (_BARE_RATE.fullmatch(pre) or _SHARED_MEASURE.fullmatch(pre)):
            return None, carried
        if carried[1] is None and (done := _ANNUAL_PLAN_DONE.match(post.strip())):
            # 拆除…133.9万平方米，腾退土地空间87.3万平方米，分别完成全年任务的54.7%、54.6%: each one's progress
            return [metric + done.group() for metric in carried[0]], carried
        if carried[1] is None:  # the metrics of the clauses before, each whole, when 分别 adds only a verb (增长)
            return (None if pre or noun else list(carried[0])), carried
        # (…制造业发展较快，上半年增速分别达到6.3%及16.2%: the measure is written here, the subjects before)
        if pre and noun and _BARE_RATE.fullmatch(pre) and _COMPARED_TO_WHOLE.match(noun):
            noun = pre + noun  # …，增速分别高于全市2.5个和1.4个百分点: each one's growth, against the city's
        items, noun = carried[0], noun or pre or carried[1]
        if noun is carried[1] and _RATE_WORD.search(noun) and all(q.unit not in _RATE_UNITS for q in in_clause):
            # …年均增速分别为10%、16.6%，2023年分别达到910亿元、370亿元: the amounts are not rates
            if not head:
                return list(items), carried
            noun = ""
    word = noun or head
    if not word:
        # 锂离子电池、新能源汽车和数控机床产量分别增长1.6倍、1.5倍和19.1%: the measure is written once, on
        # the last subject listed
        shared = _SHARED_MEASURE.search(items[-1])
        if (shared is None or shared.start() < 2) and all(
                _NAMES_A_MEASURE.search(item) or item.endswith("业") for item in items):  # (industries grow)
            return list(items), (items, "")  # 森林覆盖率、林草覆盖比分别达到48.6%和93.9%: each item is a measure
        if shared is None or shared.start() < 2:
            return None, carried
        cut = shared.start() - 2 if items[-1].endswith(("年均", "平均"), 0, shared.start()) else shared.start()
        word = items[-1][cut:]  # (…收入、产值年均增速: the average's growth, each)
        items = _with_the_first_items_owner([*items[:-1], items[-1][:cut].removesuffix("的")])  # (…、科学技术的支出)
    return [item if item.endswith(word) else item + word for item in items], (items, word)


_RATE_WORD = re.compile(r"增速|增幅|增长率|比重|占比")
_RATE_UNITS = frozenset({"%", "％", "个百分点", "百分点", "倍"})


def _with_the_first_items_owner(items: list[str]) -> list[str]:
    """医药健康产业收入、产值: a short item after the first is a measure of the first item's owner (…产业产值)."""
    shared = _SHARED_MEASURE.search(items[0])
    if shared is None or shared.start() < 2 or not all(
            len(item) <= 3 and _SHARED_MEASURE.fullmatch(item) for item in items[1:]):
        return items
    owner = items[0][:shared.start()]
    return [items[0], *(owner + item for item in items[1:])]


# what a statistics release measures of several subjects at once (…和高技术制造业增加值分别增长…)
_SHARED_MEASURE = re.compile(
    r"(?:增加值|产量|总产值|产值|零售额|销售额|营业收入|营业额|收入|利润总额|利润|投资额|投资|进出口额|进出口|出口额|出口"
    r"|进口额|进口|交易额|成交额|用电量|发电量|客运量|货运量|吞吐量|价格|指数|增速|支出|存款余额|贷款余额)$")


_LIST_SEPARATORS = (re.compile("、"), re.compile("[、和及与]"))
# the national industry classification's names hold 和 and 、 themselves (租赁和商务服务业, 交通运输、仓储和邮政业):
# a list of industries is split between them, not inside them
_INDUSTRY_NAMES = re.compile(
    r"农、林、牧、渔业|电力、热力、燃气及水生产和供应业|批发和零售业|交通运输、仓储和邮政业|住宿和餐饮业"
    r"|信息传输、软件和信息技术服务业|租赁和商务服务业|科学研究和技术服务业|水利、环境和公共设施管理业"
    r"|居民服务、修理和其他服务业|卫生和社会工作|文化、体育和娱乐业|公共管理、社会保障和社会组织"
    r"|(?:软件和)?信息技术服务业|科学研究和技术服务"
    # its divisions whose names hold 和, 及 or 、 (manufacturing, utilities, media), as statistics releases name them
    r"|计算机、通信和其他电子设备制造业|铁路、船舶、航空航天和其他运输设备制造业|电气机械和器材制造业"
    r"|电力、热力生产和供应业|燃气生产和供应业|水的生产和供应业|化学原料和化学制品制造业|橡胶和塑料制品业"
    r"|酒、饮料和精制茶制造业|纺织服装、服饰业|文教、工美、体育和娱乐用品制造业|印刷和记录媒介复制业"
    r"|石油、煤炭及其他燃料加工业|黑色金属冶炼和压延加工业|有色金属冶炼和压延加工业|金属制品、机械和设备修理业"
    r"|皮革、毛皮、羽毛及其制品和制鞋业|木材加工和木、竹、藤、棕、草制品业|新闻和出版业|广播、电视、电影和录音制作业")
# an industry named without 和 or 、 (汽车制造业, 医药制造业), listed between commas beside one that has them
_PLAIN_INDUSTRY = re.compile(r"[\u4e00-\u9fff]{2,10}业")


def _an_industry(name: str) -> bool:
    return _INDUSTRY_NAMES.fullmatch(name) is not None or _PLAIN_INDUSTRY.fullmatch(name) is not None


_HELD_NAME = re.compile("\x00(\\d+)\x00")


def _list_items(separator: re.Pattern, s: str) -> list[str]:
    """The items of a list, split at the separator but never inside an industry's name."""
    if not any(mark in s for mark in "和及、") or _INDUSTRY_NAMES.search(s) is None:
        return [part for part in separator.split(s) if part]
    names: list[str] = []

    def hold(m: re.Match) -> str:
        names.append(m.group())
        return f"\x00{len(names) - 1}\x00"

    held = _INDUSTRY_NAMES.sub(hold, s)
    return [_HELD_NAME.sub(lambda m: names[int(m.group(1))], part) for part in separator.split(held) if part]
# the last word of a measure by itself (覆盖率, 比重, 人数), as opposed to a thing measured (朝阳, 锂离子电池)
_NAMES_A_MEASURE = re.compile(r"(?:率|比重|占比|覆盖比|额|总量|数量|人数|户数|指数|规模|面积|产值|增加值|收入)$")
_THRESHOLD_TAIL = re.compile(r"(?:以上|以下)(?=[\u4e00-\u9fff])(?!的)")


# 稳经济大盘59条、助企纾困31条等政策: policy packages named by their number of articles (measures, not figures)
_PACKAGE_LIST_CLOSE = re.compile(
    r"(?:、[\u4e00-\u9fff“”]{2,12}?(?:\d+|[一二三四五六七八九十]+)条)*等(?:一系列|一揽子|系列)?(?:政策|措施|举措|文件)")


# 努力实现七个“新”, 坚持两个“毫不动摇”: the slogans a speech counts off, not a measured count (三个“专精特新”企业 is one)
_SLOGAN_COUNTED = re.compile(r"“[^“”]{1,6}”(?:[，,。；;、：:]|$)")


def _counts_a_slogan(text: str, q: Quantity) -> bool:
    return q.unit == "个" and not q.number_text[:1].isdigit() and _SLOGAN_COUNTED.match(text, q.end) is not None


# The fixed terms of government prose that open with a numeral, unquoted (中央八项规定精神, 加强四个中心功能建设,
# 增强四个意识、坚定四个自信、做到两个维护, 七有五性): names of doctrines and duties, nothing counted
_DOCTRINE = re.compile(
    r"八项规定|四个(?:中心(?!城区)|服务|意识|自信|全面|伟大)|两个(?:维护|确立|务必|毫不动摇|大局|结合)|五个必由之路"
    r"|三个(?:代表|务必|严禁|区分开来)|七有|五性")


def _names_a_doctrine(text: str, q: Quantity) -> bool:
    return not q.number_text[:1].isdigit() and _DOCTRINE.match(text, q.start) is not None


# 常住人口密度为每平方公里6595人: a density, in people per square kilometre (每平方公里 is its unit, not its metric)
_PER_AREA = "每平方公里"
_PER_AREA_UNITS = frozenset({"人", "万人"})


def _per_area(text: str, q: Quantity) -> Quantity:
    if q.unit in _PER_AREA_UNITS and text.endswith(_PER_AREA, 0, q.qualifier_start):
        return q._replace(unit=q.unit + "/平方公里", qualifier_start=q.qualifier_start - len(_PER_AREA))
    return q


# 这三个项目, 以上3个重大项目, 我们三个项目: things counted before, named again; …的22个重点项目之一: one of them
_BACK_REFERENCE_BEFORE = re.compile(r"(?:这|那|以上|上述|我们|此)$")
_ONE_OF_THEM_AFTER = re.compile(r"[\u4e00-\u9fff“”]{0,12}之一")


def _refers_back(text: str, q: Quantity) -> bool:
    if q.unit not in _COUNT_UNITS:
        return False
    return _BACK_REFERENCE_BEFORE.search(text, max(0, q.qualifier_start - 2), q.qualifier_start) is not None \
        or _ONE_OF_THEM_AFTER.match(text, q.end) is not None


def _names_a_package(text: str, q: Quantity) -> bool:
    return q.unit == "条" and _CJK_ONLY.match(text, q.qualifier_start - 1, q.qualifier_start) is not None \
        and _PACKAGE_LIST_CLOSE.match(text, q.end) is not None


def _without_thresholds(text: str, in_clause: list[Quantity]) -> list[Quantity]:
    """新设注册资本5000万元以上企业577家: a bound inside the noun phrase that a later figure counts is part of
    that figure's metric, not a figure itself."""
    if len(in_clause) < 2:
        return in_clause
    kept = []
    for q, following in zip(in_clause, in_clause[1:]):
        # (投资金额10亿元人民币以上内资大项目45个: the bound follows the currency)
        at = q.end + 3 if text.startswith(("人民币以上", "人民币以下"), q.end) else q.end - 2
        bounded = _THRESHOLD_TAIL.match(text, at) \
            or q.qualifier in ("over", "under", "at_least") and text.startswith("的", q.end)  # 投资超过10亿元的项目
        between = text[q.end:following.qualifier_start]
        if bounded and len(between) <= 12 and not _CLAUSE_BREAK.search(between) \
                and not _VERB_RE.search(between.rstrip("有为达共计")):  # (…的项目有12个: 有 counts them)
            continue
        kept.append(q)
    kept.append(in_clause[-1])
    return kept


_HEADLINE_MAX = 80


def _without_headline_repeats(text: str, rows: list[dict]) -> list[dict]:
    """A headline's figure that the body states again (上半年GDP增长5.1% … 同比增长5.1%) is one fact:
    the body's row, which has the fuller quote, stands for it."""
    first_line = next((m for m in re.finditer(r"[^\n]+", text) if m.group().strip()), None)
    if first_line is not None and len(first_line.group().strip()) <= _HEADLINE_MAX and "。" not in first_line.group():
        body = {(r["value"], r["unit"]) for r in rows if r["position"] >= first_line.end()}
        rows = [r for r in rows if r["position"] >= first_line.end() or (r["value"], r["unit"]) not in body]
    return _without_subheading_repeats(text, rows)


def _without_restatements(rows: list[dict]) -> list[dict]:
    """The same figure of the same measure, for the same period and place, stated again further on (a summary
    repeating the body): one fact, kept where it is first stated."""
    seen: set[tuple] = set()
    kept = []
    for r in rows:
        key = (r["metric"], r["value"], r["unit"], r["period"], r["kind"], r["district"], r["is_target"])
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept


def _without_subheading_repeats(text: str, rows: list[dict]) -> list[dict]:
    """A title or subheading line (昌平2022年生产总值预计超1300亿元, 过去一年来减税降费超60亿元) whose figure a paragraph
    after it states again of the same measure: the paragraph's row stands for it."""
    kept = []
    for k, r in enumerate(rows):
        line_start = text.rfind("\n", 0, r["position"]) + 1
        line_end = text.find("\n", r["position"])
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        if len(line.strip()) <= _HEADLINE_MAX and "。" not in line and any(
                later["position"] > line_end and later["value"] == r["value"] and later["unit"] == r["unit"]
                and _same_measure(r["metric"], later["metric"]) for later in rows[k + 1:]):
            continue
        kept.append(r)
    return kept


def _same_measure(a: str, b: str) -> bool:
    if a in b or b in a:
        return True
    sa, sb = set(a), set(b)
    return len(sa & sb) >= 0.5 * len(sa | sb)


_LAST_WORDS = ("率", "指数")


def _shares_the_last_word(prev_metric: str, metric: str) -> bool:
    return any(prev_metric.endswith(w) and metric.endswith(w) for w in _LAST_WORDS) and not prev_metric.endswith(metric)


# what happened to the things just counted (…措施102条，已落地43项); not 支出, 投资: nouns as well as verbs
_TOTAL_OF_THE_COUNTED = frozenset({"总投资", "投资总额", "计划总投资", "总金额", "金额", "总额", "总规模", "投资额"})
_COUNT_UNITS = frozenset({"个", "项", "家", "所", "座", "批", "宗", "件"})
_BARE_VERB_METRIC = re.compile(
    r"(?:已|均|全部|共|累计)?(?:落地|完成|建成|开工|签约|落户|投用|办结|解决|实现|入驻|整改|开业|竣工|交付|上线)"
)
_SUBJECT_PREDICATE = re.compile(rf"正(?=在|启动|加快|推进|式)|对(?=[^，,]{{2,12}}?(?:支撑|贡献|拉动|带动))|是(?!否)|增速|增幅|位居|稳居|居|保持|总体|运行|排名|延续|呈现|达到|恢复|{_VERB_RE.pattern}")


# 园区总收入两年时间实现翻两番: how long it took is not whose figure it is
_SPAN_AFTER_SUBJECT = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:[一二两三四五六七八九十\d]{1,2}年(?:时间|来|间)?)$")
_PRICE_NOTE = re.compile(r"(?:按|扣除|剔除|以)[^，,]{0,12}?(?:计算|因素|口径|计)")
# (not _PRICE_NOTE itself: its 以…计 would cut 规模|以上工业增加值按可比价格计算)
_PRICE_NOTE_AFTER_SUBJECT = re.compile(r"(?:按|扣除|剔除)[^，,]{0,12}?(?:计算|因素|口径)$")
# 同比增长4.5%，扣除价格因素，实际增长4.9%: real or nominal growth, of the subject named before
_REAL_OR_NOMINAL = frozenset({"实际", "名义", "实际增长", "名义增长"})


def _subject_of(clause_text: str) -> str | None:
    """The noun phrase a clause opens with, when what follows it is a predicate (…增速居全市第一)."""
    s = _strip_leading(clause_text.strip().rstrip("，,：:；;。"))
    if _PRICE_NOTE.match(s):
        return None  # 按不变价格计算, 扣除价格因素: how the next figure was computed, not what it measures
    note = _PRICE_NOTE_AFTER_SUBJECT.search(s)
    if note and 2 <= note.start() <= 15:
        return s[:note.start()]  # 规模以上工业增加值按可比价格计算，同比增长7.1%: the subject, then how it was computed
    m = _SUBJECT_PREDICATE.search(s)
    if m is None or m.start() < 2 or m.start() > 15:
        # 地区生产总值一年一个百亿台阶，从…: a clause opened by a metric's own name is about that metric
        return next((name for name in metric_names() if len(name) >= 4 and s.startswith(name)), None)
    return _SPAN_AFTER_SUBJECT.sub("", s[:m.start()]) or None


def _in_spans(pos: int, spans: list[tuple[int, int]], span_starts: list[int]) -> bool:
    i = bisect.bisect_right(span_starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _headings_at(sentences: Sequence, sentence_starts: list[int], pos: int) -> tuple[str, ...]:
    """The headings of the last sentence that starts at or before pos."""
    k = bisect.bisect_right(sentence_starts, pos) - 1
    return sentences[k].headings if k >= 0 else ()


def _names_past_year(before: str, base_year: int | None) -> bool:
    """2023年，全区…: a plan's look back at a year before its own."""
    return base_year is not None and any(int(m.group(1)) < base_year for m in _YEAR.finditer(before))


def _sentence_start(text: str, pos: int, sent) -> int:
    """Start of the full sentence (up to the last 。！？) within the paragraph: ；-joined parts share a year."""
    floor = text.rfind("\n", 0, sent.span.start) + 1
    i = max(text.rfind("。", floor, pos), text.rfind("！", floor, pos), text.rfind("？", floor, pos))
    return i + 1 if i >= 0 else floor


def _forecast_sentence(sentence_before: str, current_year: int | None) -> bool:
    if _FORECAST_OPENING.match(sentence_before):
        return True
    semicolon = max(sentence_before.rfind("；"), sentence_before.rfind(";"))
    if _ESTIMATE_CLAUSE.search(sentence_before, semicolon + 1):  # (a ； closes what the estimate covers)
        return True
    m = _HORIZON_OPENING.match(sentence_before) or _last_match(_HORIZON_CLAUSE, sentence_before, semicolon + 1)
    if m:
        return current_year is None or int(m.group(1)) > current_year
    plan = _last_match(_PLAN_HORIZON, sentence_before)
    return bool(plan) and (current_year is None or _PLAN_END_YEAR[plan.group(1)] > current_year)


_PARAGRAPH_HORIZON = re.compile(r"(?:^|[。！？；;，,：:])\s*(?:力争|计划)?(?:到|至)((?:19|20)\d{2})年(?:底|末)?[，,]")


_PLAN_OPENING = re.compile(r"\s*(?:[^，,。]{0,20}[，,])?((?:19|20)\d{2})年[，,][^。]{0,12}?将(?![来近要])")


def _paragraph_horizon(text: str, sent, s0: int, current_year: int | None) -> str | None:
    """力争通过三年努力，到2026年，将朝阳区打造成为…。引进培育10家…: the goals listed after a horizon, in the
    sentences of its paragraph that name no year of their own, are goals for that year."""
    floor = text.rfind("\n", 0, sent.span.start) + 1
    m = _last_match(_PARAGRAPH_HORIZON, text[floor:s0])
    if m is None or (current_year is not None and int(m.group(1)) <= current_year):
        # 2025年，丰台区将继续…。年度新增入库项目不少于400个: a paragraph opened by this year's plan goes on with it
        first = text.find("。", floor, s0)
        m = _PLAN_OPENING.match(text, floor, first) if first > 0 else None
        if m is None or current_year is None or int(m.group(1)) < current_year:
            return None
    if _YEAR.search(text, floor + m.end(), s0):
        return None  # another year named since
    return m.group(1)


def _carried_target(text: str, sent, s0: int) -> bool:
    """A paragraph that announces its goals (…定下目标：) makes the sentences after it targets too."""
    floor = text.rfind("\n", 0, sent.span.start) + 1
    return bool(_GOAL_COLON.search(text, floor, s0))
