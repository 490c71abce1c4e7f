"""What kind of document this is, which year it reports on, and which of its sections are plans."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from dbt_project.extraction.segment import heading_level

DOC_TYPES = ("plan_report", "work_report", "work_plan", "news", "bulletin")
_TYPE_PATTERNS = (
    ("plan_report", re.compile(r"国民经济和社会发展计划|国民经济和社会发展.{0,6}计划")),
    ("work_report", re.compile(r"政府工作报告|工作情况(的)?报告|情况的报告|工作报告|在.{0,20}人民代表大会.{0,12}会议上|向.{0,6}人大常委会报告"
                               r"|^关于.{2,80}的(?:报告|汇报)$")),
    ("work_plan", re.compile(r"工作方案|工作要点|实施方案|行动方案|行动计划|工作计划|分工方案")),
    ("bulletin", re.compile(r"人大常委会公报|常委会公报|公报")),
)
_WORK_REPORT = dict(_TYPE_PATTERNS)["work_report"]
_WORK_PLAN = dict(_TYPE_PATTERNS)["work_plan"]
_YEAR_RE = re.compile(r"(?<![\d\-—－~至到])((?:19|20|１９|２０)\d{2})\s*年(?!\s*[-—－~至到]\s*(?:19|20|１９|２０)\d{2})")
# a heading that announces a plan or the next steps: its figures are targets
PLAN_HEADING = re.compile(r"计划安排|计划\(草案\)|计划（草案）|主要任务|工作安排|下一步|工作打算|工作思路|目标任务|主要目标|预期目标|重点任务|工作要点")


@dataclass(frozen=True)
class DocumentContext:
    doc_type: str
    base_year: int | None        # the year the document's figures belong to by default
    plan_year: int | None        # the year its plan sections aim at
    base_period: str | None = None  # a part of base_year the title is about (2024H1), else None
    current_year: int | None = None  # the year the document was written in: its 今年 (去年 is the one before)


# 政府工作报告 are given at the congress's session early in the year: they look back on the year before
_GOVERNMENT_WORK_REPORT = re.compile(r"政府工作报告")
_SESSION_DATE = re.compile(r"((?:19|20|１９|２０)\d{2})年(\d{1,2})月\d{1,2}日在.{0,30}?人民代表大会")
# a session held in November or December is the next year's: it looks back on the year it is held in
_LATE_SESSION_MONTH = 11
_LOOK_BACK_MONTHS = 1  # news published in January mostly tallies the year just ended
# a statistics communiqué or an economic review reports on the year its title names
_CITED_COMMUNIQUE = re.compile(r"《[^《》\n]{0,30}?((?:19|20)\d{2})年[^《》\n]{0,30}?统计公报》")
_LEAD_CHARS = 600  # how far into a page its lead paragraph reaches
_STATISTICS_TITLE = re.compile(r"统计公报|经济运行(?:情况|分析)|国民经济和社会发展情况|统计年鉴|主要经济指标")
# …2024年上半年经济运行情况, 前三季度…, 1-5月…: the title's part of the year is every figure's default
_TITLE_PART_OF_YEAR = (
    # …2024年国民经济和社会发展计划上半年执行情况的报告: the half may follow the plan's name
    (re.compile(r"((?:19|20|１９|２０)\d{2})年(?:的)?(?:[^年，。]{0,16}?计划)?上半年"), lambda y, m: f"{y}H1"),
    (re.compile(r"((?:19|20|１９|２０)\d{2})年(?:的)?(?:[^年，。]{0,16}?计划)?下半年"), lambda y, m: f"{y}H2"),
    (re.compile(r"((?:19|20|１９|２０)\d{2})年(?:的)?前三季度"), lambda y, m: f"{y}-01..{y}-09"),
    (re.compile(r"((?:19|20|１９|２０)\d{2})年(?:的)?(?:第)?一季度"), lambda y, m: f"{y}Q1"),
    (re.compile(r"((?:19|20|１９|２０)\d{2})年(?:的)?(?:1|一)\s*[-—－至~到]\s*(\d{1,2})月"),
     lambda y, m: months(int(y), 1, int(m.group(2)))),
)


def quarters(year: int, first: int, last: int) -> str:
    """一季度 → 2024Q1 (as H1 is a half); 前三季度 → 2024-01..2024-09; a whole year is the year."""
    if last - first == 2 and first % 3 == 1:
        return f"{year}Q{last // 3}"
    return months(year, first, last)


def months(year: int, first: int, last: int) -> str:
    """2024-01..2024-08; January to December is the year itself, and its halves are H1 and H2 (1-6月)."""
    halves = {(1, 12): str(year), (1, 6): f"{year}H1", (7, 12): f"{year}H2"}
    return halves.get((first, last), f"{year}-{first:02d}..{year}-{last:02d}")


def _session_year(session: re.Match) -> int:
    year, month = int(session.group(1)), int(session.group(2))
    return year + 1 if month >= _LATE_SESSION_MONTH else year


# 上半年城市副中心经济加速回温: a title about part of a year, without the year, is about this year's; the
# jurisdiction may come first (朝阳区前三季度经济运行情况, 北京经开区1-9月…)
_TITLE_OPENING = (r"^(?:关于)?(?:北京市)?(?:(?:东城|西城|朝阳|海淀|丰台|石景山|门头沟|房山|通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆)区?"
                  r"|北京经济技术开发区|(?:北京)?经开区|(?:城市)?副中心)?(?:今年)?")
_TITLE_PART_WITHOUT_YEAR = (
    (re.compile(_TITLE_OPENING + r"上半年"), lambda y, m: f"{y}H1"),
    (re.compile(_TITLE_OPENING + r"前三季度"), lambda y, m: f"{y}-01..{y}-09"),
    (re.compile(_TITLE_OPENING + r"(?:第)?一季度"), lambda y, m: f"{y}Q1"),
    (re.compile(_TITLE_OPENING + r"(?:1|一)\s*[-—－至~到]\s*(\d{1,2})月"), lambda y, m: months(y, 1, int(m.group(1)))),
)


# 到2025年, 计划2027年9月完工, 2026年底竣工验收: a year things are due by, not the year a text is written in
_FUTURE_BEFORE_YEAR = re.compile(r"(?:到|至|力争|截至|预计|计划|将|拟|目标|确保|预期)(?:于|在)?$")
_FUTURE_AFTER_YEAR = re.compile(r"(?:\d{1,2}月)?(?:底|末|前|内)?(?:全面)?(?:竣工|完工|建成|投用|投运|交付|开业)")


def _title_period(heading_text: str, current_year: int | None = None) -> tuple[int, str] | None:
    for pattern, period in _TITLE_PART_OF_YEAR:
        m = pattern.search(heading_text)
        if m:
            return int(m.group(1)), period(int(m.group(1)), m)  # 1-12月: the whole year
    if current_year is not None:
        for pattern, period in _TITLE_PART_WITHOUT_YEAR:
            m = pattern.search(heading_text)
            if m and (m.lastindex is None or 1 <= int(m.group(1)) <= 12):
                return current_year, period(current_year, m)
    return None


def _head_lines(text: str, n: int = 12) -> list[str]:
    lines = [re.sub(r"\s+", "", l) for l in text.splitlines()]
    return [l for l in lines if l][:n]


_FIRST_SEGMENT = re.compile(r"\s*([^\s。，,]{6,60}?)(?:\s|——|$)")


def _flattened_title(text: str) -> list[str]:
    """A page flattened into one long line (2023年…政府工作报告 ——2023年1月4日 在…会议上 各位代表: …): its
    first whitespace-separated segment is the title its lines would have started with."""
    first = next((l for l in text.splitlines() if l.strip()), "")
    if len(first) <= 90:
        return []
    m = _FIRST_SEGMENT.match(first)
    return [m.group(1)] if m else []


def classify(text: str, title: str | None = None, section: str | None = None) -> str:
    return _classified(text, title, section)[0]


def _classified(text: str, title: str | None, section: str | None) -> tuple[str, str | None]:
    """(document type, the title or head line that says so, if one does)."""
    candidates = [re.sub(r"\s+", "", title)] if title else []
    # a page's own title sits in its first short lines (a news lead paragraph is long and punctuated)
    candidates += [l for l in _head_lines(text) if len(l) <= 90 and "。" not in l]
    candidates += _flattened_title(text)
    if section in DOC_TYPES:
        pattern = dict(_TYPE_PATTERNS).get(section)
        return section, next((l for l in candidates if pattern and pattern.search(l)), None)
    for doc_type, pattern in _TYPE_PATTERNS:
        for line in candidates:
            if pattern.search(line):
                if doc_type == "work_report" and _names_a_plan_last(line):
                    return "work_plan", line  # 2023年区政府工作报告重点工作分工方案: a plan for the report's tasks
                return doc_type, line
    return "news", None


def _names_a_plan_last(line: str) -> bool:
    """Whether a plan's noun comes after the report's in the line (Chinese names its head noun last)."""
    plan = _last_match_end(_WORK_PLAN, line)
    return plan is not None and plan > (_last_match_end(_WORK_REPORT, line) or 0)


def _last_match_end(pattern: re.Pattern, line: str) -> int | None:
    ends = [m.end() for m in pattern.finditer(line)]
    return ends[-1] if ends else None


def _month(publish_date: date | str | None) -> int:
    """The month of a stated publication date (2025-01-15 → 1), 13 when none is stated."""
    written = str(publish_date or "")
    return int(written[5:7]) if len(written) >= 7 and written[5:7].isdigit() else 13


def _years(s: str) -> list[int]:
    return [int(y) for y in _YEAR_RE.findall(s)]


# a page's own date: labelled (日期：2024-03-26), or a bare timestamp on a header line (2025-07-26 17:42:05)
_LABELLED_DATE = re.compile(r"(?:日期|发布时间|时间)[:：]\s*((?:19|20|１９|２０)\d{2})")
_HEADER_TIMESTAMP = re.compile(r"((?:19|20)\d{2})\s*(?:-\s*\d{1,2}\s*-|年\s*\d{1,2}\s*月)\s*\d{1,2}\s*日?"
                               r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?=\s|$)")
# 北京青年报客户端 2022-06-29 20:35: a date with a time, after the source's name; 出处:北京商报 作者:韩昕媛
# 2024-09-04: closing a byline, time or not; 2026 01/02 08:17:44: 新华网's header (as scrapers/parse.py reads them)
_SOURCE_TIMESTAMP = re.compile(r"((?:19|20)\d{2})-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"
                               r"|(?:出处|来源|作者|编辑|网编)\s*[:：].*?((?:19|20)\d{2})-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
                               r"|^((?:19|20)\d{2}) \d{2}/\d{2} \d{2}:\d{2}(?::\d{2})?\s*$")
# 3上一篇 下一篇4 2023年7月28日 放大 缩小: a newspaper page's date among its navigation
_DATE_IN_HEADER_LINE = re.compile(r"(?<![\d—])((?:19|20)\d{2})年\d{1,2}月\d{1,2}日(?!在)")
_MEETING_YEAR = re.compile(r"——\s*((?:19|20|１９|２０)\d{2})年\d{1,2}月\d{1,2}日")


def _stated_year(text: str) -> int | None:
    """The year of the date the page states: a labelled one, the meeting's, or a short header line that
    opens with a timestamp (2025-07-26 17:42:05, 2025-09-12 20:09 来源：科技日报)."""
    head = text[:800]
    m = _LABELLED_DATE.search(head[:600]) or _MEETING_YEAR.search(head)
    if m is None:
        lines = (line.strip() for line in head.splitlines()[:12])
        short = [l for l in lines if len(l) <= 60]
        m = next((t for t in map(_HEADER_TIMESTAMP.match, short) if t), None) \
            or next((t for t in map(_SOURCE_TIMESTAMP.search, short) if t), None)
        if m is None:  # (a newspaper page lists its other headlines first: look a little further)
            head_lines = [l.strip() for l in text[:1200].splitlines() if l.strip()][:20]
            m = next((t for t in map(_DATE_IN_HEADER_LINE.search, (l for l in head_lines if len(l) <= 60)) if t),
                     None)
    return int(next(g for g in m.groups() if g)) if m else None


def context(text: str, title: str | None = None, section: str | None = None,
            publish_date: date | str | None = None) -> DocumentContext:
    doc_type, typed_line = _classified(text, title, section)
    heading_text = re.sub(r"\s+", "", title or "") or "".join(_head_lines(text, 3))
    if typed_line and typed_line != heading_text and doc_type in ("plan_report", "work_report"):
        # the page title is a site name (北京市西城区人民政府); the report's own line names its years
        heading_text = typed_line
    title_years = _years(heading_text)
    pub_year = int(str(publish_date)[:4]) if publish_date else _stated_year(text)
    part = _title_period(heading_text, pub_year) or next(
        (found for line in _head_lines(text, 4) if len(line) <= 40 and not re.search(r"[，,。]", line)
         for found in [_title_period(line, pub_year)] if found), None)
    if doc_type == "plan_report" and title_years:
        base = min(title_years)
        plan = max(title_years) if max(title_years) > base else base + 1
        base_period = part[1] if part and part[0] == base else None
        return DocumentContext(doc_type, base, plan, base_period, pub_year or (base if base_period else plan))
    if doc_type == "work_report" and _GOVERNMENT_WORK_REPORT.search(heading_text + "".join(_head_lines(text, 3))):
        session = _SESSION_DATE.search(text[:600])
        year = max(title_years) if title_years else _session_year(session) if session else pub_year
        if year:
            return DocumentContext(doc_type, year - 1, year, None, pub_year or year)
    if doc_type == "work_plan" and title_years and not part:
        # 2023年区政府工作报告重点工作分工方案, 2024年工作要点: the year planned for is the title's
        year = max(title_years)
        return DocumentContext(doc_type, min(pub_year or year, year), year, None, pub_year or year)
    if part:
        return DocumentContext(doc_type, part[0], part[0] + 1, part[1], pub_year or part[0])
    if title_years and _STATISTICS_TITLE.search(heading_text):
        # 门头沟区2020年国民经济和社会发展统计公报, published in 2021, is about 2020
        year = min(title_years)
        return DocumentContext(doc_type, year, year + 1, None, pub_year or year + 1)
    if pub_year is None:
        # no date given: the latest year the text speaks of in the past or present (not 到2025年)
        years = [y for y in _years(text) if y <= 2100]
        past = [int(m.group(1)) for m in _YEAR_RE.finditer(text)
                if not _FUTURE_BEFORE_YEAR.search(text, max(0, m.start() - 4), m.start())
                and not _FUTURE_AFTER_YEAR.match(text, m.end())]
        guessed = max(past or years) if (past or years) else None
        return DocumentContext(doc_type, guessed, (guessed + 1) if guessed else None, None, guessed)
    cited = _CITED_COMMUNIQUE.search(text, 0, _LEAD_CHARS)
    if cited and int(cited.group(1)) < pub_year:
        # 北京市统计局21日发布的《北京市2023年国民经济和社会发展统计公报》显示…: a story on a communiqué reports its year
        year = int(cited.group(1))
        return DocumentContext(doc_type, year, year + 1, None, pub_year)
    if doc_type == "news" and _month(publish_date) <= _LOOK_BACK_MONTHS and pub_year - 1 in _years(text):
        # a January news story on last year (2025年01月15日: …2024年，全区…): its figures are that year's
        return DocumentContext(doc_type, pub_year - 1, pub_year, None, pub_year)
    return DocumentContext(doc_type, pub_year, pub_year + 1, None, pub_year)


@lru_cache(maxsize=4096)  # every sentence of a section asks with the same few headings
def section_of(headings: tuple[str, ...]) -> tuple[int | None, bool]:
    """(year named by the enclosing top-level heading, whether the section is a plan)."""
    year, is_plan = None, False
    for h in headings:
        level = heading_level(h)
        if level is None or level > 2:
            continue
        ys = _years(h)
        if ys and level == 1:
            year = ys[0]
        if PLAN_HEADING.search(h):
            is_plan = True
    return year, is_plan
