"""Find the quantities written in Chinese text: value, unit as written, qualifier, exact offsets.

Handles 3437.1亿元, 1.2万个, 两家, 1/3, 三成, 千分之七, 近50%, 2000余户, 35万余人次, 千亿级,
200万至300万元 (a range keeps its lower bound), 一半; and leaves out what is not a quantity:
dates and years, ordinals (第三批, 二期), numbers inside quotes, titles and slogans (“十四五”),
labels (四大领域), list markers and stock codes (they carry no unit).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

import cn2an

from dbt_project.extraction.vocab import units, units_longest_first

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# \d\d* rather than \d+: the same numbers, but a pattern that opens with a character class lets the
# regex engine skip in C to the next digit
_ARABIC = r"\d\d*(?:,\d{3})*(?:[.．]\d+)?"  # \d takes full-width digits too (５．２％)
_CN = rf"[{CN_DIGITS}]+"
_NUMBER_RE = re.compile(rf"(?P<ar>{_ARABIC})|(?P<cn>{_CN})")
# The matches of _NUMBER_RE, found by two simpler scans (each runs much faster in the regex engine than
# the alternation, which it cannot prefilter by first character). The Chinese-numeral scan leaves out
# the runs _parse_at rejects at first sight (百姓, 千家万户, 一批: no real digit and no 一十/一百…): most
# runs in prose are those, and this way they never reach Python. A run starts at a numeral not preceded
# by another one, as in _NUMBER_RE; then, after its first character: that one was a real digit, or it
# was 一 before a scale, or a real digit is still to come.
_REAL_CN_DIGITS = "零〇二两三四五六七八九十"
_ARABIC_RE = re.compile(rf"(?P<ar>{_ARABIC})")
_CN_CANDIDATE_RE = re.compile(
    rf"(?P<cn>[{CN_DIGITS}](?<![{CN_DIGITS}]{{2}})"
    rf"(?:(?<=[{_REAL_CN_DIGITS}])|(?<=一)(?=[十百千万亿])|(?=[{CN_DIGITS}]*?[{_REAL_CN_DIGITS}]))[{CN_DIGITS}]*)"
)
_SCALES = ("万亿", "亿", "万", "千", "百")
_RANGE_LINK = "至到~～－—-"
_TIME_UNITS = ("年", "月", "日", "号", "时", "点", "周岁", "岁", "世纪", "周", "季度", "届", "代", "强", "级")
_QUALIFIER_BEFORE = (
    ("不低于", "at_least"), ("不少于", "at_least"), ("至少", "at_least"),
    ("不足", "under"), ("不到", "under"), ("低于", "under"), ("少于", "under"), ("不超过", "under"),
    ("最高", "under"), ("最多", "under"), ("最低", "at_least"),  # 给予最高300万元的支持: at most
    ("超过", "over"), ("高于", "over"), ("突破", "over"), ("逾", "over"), ("超", "over"),
    ("将近", "approx"), ("接近", "approx"), ("大约", "approx"), ("约", "approx"), ("近", "approx"),
)
# one-character qualifiers that also end common words: 签约, 制约, 节约, 合约; 最近, 附近; 赶超
_NOT_A_QUALIFIER_BEFORE = {"约": "签制节合条契预邀履违守", "近": "最附临亲就", "超": "赶"}
_QUALIFIER_AFTER = (("左右", "approx"), ("上下", "approx"), ("以上", "over"), ("以内", "under"), ("以下", "under"))
# 3基地, 5组团: a unit's character that begins a word after it
_NOT_AFTER_A_COUNT_OF = {"基": "地金础层准本", "组": "团织建成合", "組": "團織建成合"}
# 二次结构, 二次供水: terms, not twice
_SECONDARY_TERM = re.compile(r"结构|开发|供水|加压|创业|元|分配|转化|装修|利用")
# 1类创新药, 三类医疗器械: a regulatory class
_DRUG_CLASS_TAIL = re.compile(r"(?:创新|中|生物|化学)?(?:新?药|医疗器械|器械|疫苗|制品)")
# Chinese-numeral counts that name a thing rather than measure it: 五套体系, 三项清单, 二期.
_LABEL_NOUNS = ("体系", "清单", "机制", "原则", "理念", "格局", "战略", "片区", "组团", "领域", "要素", "方面",
                "积极性", "大", "是", "字", "化", "体", "线", "环", "圈", "第")  # 四个第一: a label of firsts
_TIME_UNIT_FIRST_CHARS = frozenset(u[0] for u in _TIME_UNITS)
_MEETING_RE = re.compile(r"^[次届](?:会|全会|会议|党代会|人大|代表大会)")


class Quantity(NamedTuple):  # a tuple, not a frozen dataclass: built for every number, ~2x cheaper
    start: int            # first character of the number (or of 千分之 / 一半)
    end: int              # one past the unit and any 余/多/左右 tail
    value: float
    unit: str | None      # as written, scale included: 亿元, 万个, %; None for bare ratios
    qualifier: str | None
    qualifier_start: int  # where a 超/近/不低于 before the number starts (== start when none)
    number_text: str


@lru_cache(maxsize=4096)  # prose repeats a small set of numerals (三, 两, 十二); cn2an is slow per call
def chinese_to_number(s: str) -> float | None:
    if s in ("两",):
        return 2.0
    s = s.replace("两", "二").replace("〇", "零")
    try:
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


_QUOTE_PAIRS = {"“": "”", "《": "》", "「": "」", "〈": "〉", "【": "】"}
_QUOTE_CLOSING = {v: k for k, v in _QUOTE_PAIRS.items()}
_MARKS = "".join(_QUOTE_PAIRS) + "".join(_QUOTE_CLOSING)
_SPEECH_PUNCTUATION = "，,。；;！？"
_SPEECH_PUNCT = re.compile(f"[{_SPEECH_PUNCTUATION}]")
# A pair with no other mark inside leaves the stack of open marks as it was, so the regex takes it
# whole: a short “name” without sentence punctuation or any other pair is a span, a long or punctuated
# “…” is reported speech; only the marks outside such pairs go through the stack. (Every alternative
# opens with one literal mark, which lets the regex engine skip ahead to the next mark in C.)
_QUOTE_TOKEN = re.compile(
    f"“(?:[^{_MARKS}{_SPEECH_PUNCTUATION}]{{0,25}}”|(?P<speech>[^{_MARKS}]*”))?|"
    + "".join(f"{o}(?:[^{_MARKS}]*{c})?|" for o, c in _QUOTE_PAIRS.items() if o != "“")
    + "|".join(_QUOTE_CLOSING)
)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside “”, 《》, 「」, 〈〉 and 【】 (numbers there belong to a name or slogan)."""
    spans, stack = [], []
    for m in _QUOTE_TOKEN.finditer(text):
        i, after = m.span()
        if after - i > 1:  # a whole pair
            if m.lastgroup != "speech":
                spans.append((i, after))
            continue
        ch = text[i]
        opener = _QUOTE_CLOSING.get(ch)
        if opener is None:
            stack.append((ch, i))
        elif stack:
            for j in range(len(stack) - 1, -1, -1):
                if stack[j][0] == opener:
                    inner_start = stack[j][1] + 1
                    # “…” around a whole spoken sentence is reported speech, not a name or slogan
                    if ch != "”" or (i - inner_start <= 25 and not _SPEECH_PUNCT.search(text, inner_start, i)):
                        spans.append((stack[j][1], i + 1))
                    del stack[j:]
                    break
    return spans


class QuotedIndex:
    def __init__(self, text: str):
        self.spans = sorted(_quoted_spans(text))
        # the same, as disjoint open intervals (starts, ends): a number is inside one when start < pos < end
        starts: list[int] = []
        ends: list[int] = []
        for s, e in self.spans:
            if ends and s < ends[-1]:  # (nested or overlapping: one interval)
                ends[-1] = max(ends[-1], e)
            else:
                starts.append(s)
                ends.append(e)
        self.merged = (starts, ends)

    def inside(self, pos: int) -> bool:
        if not self.spans:
            return False
        i = bisect.bisect_right(self.spans, (pos, 10**12)) - 1
        # spans can nest; check a few candidates to the left
        while i >= 0:
            s, e = self.spans[i]
            if s < pos < e:
                return True
            if e < pos and s < pos - 200:
                break
            i -= 1
        return False


@lru_cache(maxsize=1)
def _unit_patterns() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """The units (scales alone excepted) as one longest-first regex, and for each scale the units
    it can prefix after 余/多 (35万余人次 → 万人次), longest first."""
    table = units()
    ordered = units_longest_first()
    plain = [u for u in ordered if table[u].category != "bare_scale"]
    pattern = re.compile("|".join(re.escape(u) for u in plain) if plain else "(?!)")
    after_scale = {s: tuple(u for u in ordered if (s + u) in table) for s in _SCALES}
    return pattern, after_scale


# words that open with a unit's character but are no unit: 迈上四千亿台阶, 三项条例
_WORDS_OPENING_WITH_A_UNIT = ("台阶", "条例", "元素", "场馆", "场所", "场景")  # (服贸会4.0场馆: a version, no count)


def _match_unit(text: str, pos: int, end: int) -> tuple[str | None, int, bool]:
    """Unit starting at pos, as written (亿元, 万平方米, 35万余人次 → 万人次). Returns (unit, end, had_余/多)."""
    over = False
    if pos < end and text[pos] in "余多" and not text.startswith("多元", pos):
        over, pos = True, pos + 1
    pattern, after_scale = _unit_patterns()
    m = pattern.match(text, pos, max(pos, end))
    if m and not text.startswith(_WORDS_OPENING_WITH_A_UNIT, m.start()):
        return m.group(), m.end(), over
    for s in _SCALES:
        if not text.startswith(s, pos):
            continue
        p = pos + len(s)
        if p < end and text[p] in "余多":
            for u in after_scale[s]:
                if text.startswith(u, p + 1):
                    return s + u, p + 1 + len(u), True
        if s in units():
            return s, p, over
    return None, pos, over


_QUALIFIER_BEFORE_LAST_CHARS = frozenset(word[-1] for word, _ in _QUALIFIER_BEFORE)
_QUALIFIER_AFTER_FIRST_CHARS = frozenset(word[0] for word, _ in _QUALIFIER_AFTER)


def _qualifier_before(text: str, start: int, floor: int) -> tuple[str | None, int]:
    if start <= floor or text[start - 1] not in _QUALIFIER_BEFORE_LAST_CHARS:
        return None, start  # the common case: no qualifier word can end here
    window = text[max(floor, start - 4):start]
    for word, q in _QUALIFIER_BEFORE:
        if window.endswith(word):
            before_word = window[-len(word) - 1:-len(word)]
            if len(word) == 1 and before_word and before_word in _NOT_A_QUALIFIER_BEFORE.get(word, ""):
                return None, start  # 签约8个项目, 最近3年: the character ends another word
            return q, start - len(word)
    return None, start


def _qualifier_after(text: str, pos: int, end: int) -> tuple[str | None, int]:
    if text[pos:pos + 1] not in _QUALIFIER_AFTER_FIRST_CHARS:
        return None, pos
    for word, q in _QUALIFIER_AFTER:
        if text.startswith(word, pos) and pos + len(word) <= end:
            if word == "上下" and text.startswith("游", pos + 2):
                return None, pos  # 150余家上下游企业: upstream and downstream, not "about"
            return q, pos + len(word)
    return None, pos


_CN_FRACTION_DIGITS = "零〇一二两三四五六七八九十百"
# 百分之六点五, 千分之七, 三分之一: a per-cent is a %, any other fraction a bare ratio
_PER_MILLE_RE = re.compile(
    rf"(千|百|万|[二三四五六七八九十]|\d{{1,2}})分之([{_CN_FRACTION_DIGITS}]+(?:点[{_CN_FRACTION_DIGITS}]+)?|\d+(?:\.\d+)?)"
)
# 增长一倍: 一 alone is no quantity elsewhere (一批, 一张白纸), but after a change verb it is one
_ONE_FOLD_RE = re.compile(r"(?<=增长|增加|提高|提升|扩大)一倍")
_HALF_RE = re.compile(r"(?<![大多])一半")
# 半个小时, 半个工作日, 半天: half of a unit of time
_HALF_A_UNIT_RE = re.compile(r"半(?:个(小时|工作日)|(?<![大多前后上下]半)(天))")
_BILLION_CLASS_RE = re.compile(r"([十百千万])亿(?:元)?级")
# 百余家, 千余名: a round hundred or thousand and more; 超百亿元, 近千亿元: a round amount after a qualifier
_ROUND_OVER_RE = re.compile(r"(?<![零〇一二两三四五六七八九十数几\d])([百千])余(?=[家个项名人户件条所处座栋套场批位])")
# 近百家, 上千名, 逾百个: a round hundred or thousand, nearly or more
_ROUND_COUNT_RE = re.compile(r"([近上逾超达])([百千])(?=[家个项名人户件条所处座栋套场批位台辆])")
_ROUND_BILLIONS_RE = re.compile(r"([百千])(?<=[超近达约逾过破年入资额值].)亿(美元|元|(?=大关))(?!级)")  # 突破千亿大关: yuan
# 百万亩造林, 超千万元: a round hundred or thousand of a 万-unit that measures (not 千万家庭: counts of
# households or firms stay out, where the numeral is a figure of speech)
# (patterns here open with what they look for, not with a lookbehind, so the regex engine can skip to it)
_ROUND_TEN_THOUSANDS_RE = re.compile(r"([百千])万")
_NOT_BEFORE_A_ROUND_NUMBER = frozenset("零〇一二两三四五六七八九十百千数几0123456789")
_ROUND_TEN_THOUSAND_CATEGORIES = frozenset({"area", "money", "weight", "power", "energy", "length", "volume"})
# 三次产业结构为0.03:4.66:95.31: each part of a structure is a share, with no unit; 三次产业比重由2016年的
# 7.7:32.7:59.5调整为2021年的3.9:23.4:72.8: a structure then and now, each dated by its own year
_RATIO_PARTS = r"(\d+(?:\.\d+)?)[:：︰∶](\d+(?:\.\d+)?)(?:[:：︰∶](\d+(?:\.\d+)?))?"
_RATIO_YEAR = r"(?:\d{4}年(?:末|底)?的?)?"
_STRUCTURE_RE = re.compile(
    rf"(?:结构|构成|比例|比重)(?:由|从)?(?:为|是|调整为|优化为)?{_RATIO_YEAR}{_RATIO_PARTS}"
    rf"(?:(?:调整|优化|变化|转变|演变|提升)?(?:为|到|至){_RATIO_YEAR}{_RATIO_PARTS})?")
# 新建商品住宅销售价格环比指数为99.9: an index has no unit
_INDEX_RE = re.compile(r"指数(?:为|是|达到|达)?(\d+(?:\.\d+)?)(?![\d.%％‰])")
# 中关村(4.660, 0.11, 2.42%): a stock quote in a news page, no figure of the text
_STOCK_QUOTE_RE = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*[,，]\s*-?\d+(?:\.\d+)?\s*[,，]\s*-?\d+(?:\.\d+)?%\s*[)）]")
_ROUND = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_COUNTED_BEFORE_A_CLASS = frozenset("个家项类座支批")


# The fixed words the patterns above need (each runs only when one occurs: most documents have few),
# found in one scan rather than one `in` per word. The scan does not find overlapping words, so a
# pattern whose words can overlap another's (千亿级: 千亿 and 亿级; 一半个) also runs on that one.
_ROUND_COUNT_WORDS = {q + n for q in "近上逾超达" for n in "百千"}
_SPECIAL_TRIGGER_RE = re.compile("|".join(
    ["分之", "一倍", "一半", "半个", "半天", "亿级", "亿元级", "百余", "千余", "百亿", "千亿", "指数", "结构", "构成", "比例", "比重", "百万",
     "千万", *sorted(_ROUND_COUNT_WORDS), " %", " ％", "\u00a0%", "\u3000%"]))
# 失业率为2.37 %: a page converted from a document may space a percentage off its number
_SPACED_PERCENT_RE = re.compile(r"(?<![\d.．])(\d+(?:\.\d+)?)[ \u00a0\u3000]{1,2}[%％]")
_NEEDS = {
    "per_mille": {"分之"}, "one_fold": {"一倍"}, "half": {"一半"}, "half_a_unit": {"半个", "一半", "半天"},
    "billion_class": {"亿级", "亿元级", "百亿", "千亿"}, "round_over": {"百余", "千余"},
    # (近百亿元, 超千万元: the scan finds 近百 and 超千 there, not 百亿 and 千万)
    "round_billions": {"百亿", "千亿", *_ROUND_COUNT_WORDS}, "index": {"指数"}, "structure": {"结构", "构成", "比例", "比重"},
    "round_ten_thousands": {"百万", "千万", *_ROUND_COUNT_WORDS}, "round_count": _ROUND_COUNT_WORDS,
    "spaced_percent": {" %", " ％", "\u00a0%", "\u3000%"},
}


def _special(text: str, start: int, end: int, quoted: QuotedIndex) -> list[Quantity]:
    found = []
    window = text[start:end]
    present = set(_SPECIAL_TRIGGER_RE.findall(window))
    if not present:
        return found
    runs = {name for name, words in _NEEDS.items() if not present.isdisjoint(words)}
    for m in (_PER_MILLE_RE.finditer(window) if "per_mille" in runs else ()):
        s = start + m.start()
        if quoted.inside(s):
            continue
        n = float(m.group(2)) if m.group(2)[0].isdigit() else chinese_to_number(m.group(2))
        if n is None:
            continue
        denominator = m.group(1)
        if denominator.isdigit():
            scale = int(denominator)
        else:
            scale = {"千": 1000, "百": 100, "万": 10000}.get(denominator) or chinese_to_number(denominator)
        if not scale or (scale not in (100, 1000, 10000) and n >= scale):
            continue
        if scale == 100:
            found.append(Quantity(s, start + m.end(), n, "%", None, s, m.group(0)))
        else:
            found.append(Quantity(s, start + m.end(), round(n / scale, 4 if scale < 100 else 6), None, None, s,
                                  m.group(0)))
    for m in (_SPACED_PERCENT_RE.finditer(window) if "spaced_percent" in runs else ()):
        s = start + m.start()
        if not quoted.inside(s):
            qualifier, qualifier_start = _qualifier_before(text, s, 0)
            found.append(Quantity(s, start + m.end(), float(m.group(1)), "%", qualifier, qualifier_start, m.group(0)))
    for m in (_ONE_FOLD_RE.finditer(window) if "one_fold" in runs else ()):
        s = start + m.start()
        if not quoted.inside(s):
            found.append(Quantity(s, start + m.end(), 1.0, "倍", None, s, m.group(0)))
    for m in (_HALF_RE.finditer(window) if "half" in runs else ()):
        s = start + m.start()
        if not quoted.inside(s):
            found.append(Quantity(s, start + m.end(), 0.5, None, None, s, m.group(0)))
    for m in (_HALF_A_UNIT_RE.finditer(window) if "half_a_unit" in runs else ()):
        s = start + m.start()
        if not quoted.inside(s):
            found.append(Quantity(s, start + m.end(), 0.5, m.group(1) or m.group(2), None, s, m.group(0)))
    for m in (_BILLION_CLASS_RE.finditer(window) if "billion_class" in runs else ()):
        s = start + m.start()
        # (形成6个千亿级产业集群: after a count, the class names what is counted, it measures nothing)
        if not quoted.inside(s) and not (s and text[s - 1] in _COUNTED_BEFORE_A_CLASS):
            found.append(Quantity(s, start + m.end(), float(_ROUND[m.group(1)]), "亿元", "approx", s, m.group(0)))
    for m in (_ROUND_OVER_RE.finditer(window) if "round_over" in runs else ()):
        s = start + m.start()
        unit, unit_end, _over = _match_unit(text, start + m.end(), end)
        if unit and not quoted.inside(s):
            found.append(Quantity(s, unit_end, float(_ROUND[m.group(1)]), unit, "over", s, text[s:unit_end]))
    for m in (_ROUND_COUNT_RE.finditer(window) if "round_count" in runs else ()):
        s = start + m.start(2)
        unit, unit_end, _over = _match_unit(text, s + 1, end)
        if unit and not quoted.inside(s):
            qualifier = {"近": "approx", "达": None}.get(m.group(1), "over")  # (已达百台: a hundred, reached)
            found.append(Quantity(s, unit_end, float(_ROUND[m.group(2)]), unit, qualifier, s - 1, text[s - 1:unit_end]))
    for m in (_ROUND_BILLIONS_RE.finditer(window) if "round_billions" in runs else ()):
        s = start + m.start()
        if not quoted.inside(s):
            qualifier, qualifier_start = _qualifier_before(text, s, 0)
            found.append(Quantity(s, start + m.end(), float(_ROUND[m.group(1)]), "亿" + (m.group(2) or "元"),
                                  qualifier, qualifier_start, m.group(0)))
    for m in (_INDEX_RE.finditer(window) if "index" in runs else ()):
        s, e = start + m.start(1), start + m.end(1)
        if not quoted.inside(s) and not text.startswith(("个", "点", "年"), e):
            found.append(Quantity(s, e, float(m.group(1)), None, None, s, m.group(1)))
    for m in (_STRUCTURE_RE.finditer(window) if "structure" in runs else ()):
        for part in range(1, 7):
            if m.group(part) is not None and not quoted.inside(start + m.start(part)):
                s, e = start + m.start(part), start + m.end(part)
                found.append(Quantity(s, e, float(m.group(part)), None, None, s, m.group(part)))
    for m in (_ROUND_TEN_THOUSANDS_RE.finditer(window) if "round_ten_thousands" in runs else ()):
        s = start + m.start()
        if s and text[s - 1] in _NOT_BEFORE_A_ROUND_NUMBER:
            continue
        unit, unit_end, _over = _match_unit(text, s + 1, end)
        category = units()[unit].category if unit else None
        if unit and unit.startswith("万") and (category in _ROUND_TEN_THOUSAND_CATEGORIES or unit == "万人次") \
                and not quoted.inside(s):  # (千万人次: visits counted, never a figure of speech)
            qualifier, qualifier_start = _qualifier_before(text, s, 0)
            found.append(Quantity(s, unit_end, float(_ROUND[m.group(1)]), unit, qualifier, qualifier_start,
                                  text[s:unit_end]))
    return found


def _stock_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if "%)" not in text and "%）" not in text:
        return []
    return [m.span() for m in _STOCK_QUOTE_RE.finditer(text, start, end)]


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    quoted: QuotedIndex | None = None) -> list[Quantity]:
    """Every quantity in text[start:end], in order, with offsets into text."""
    end = len(text) if end is None else end
    quoted = quoted or QuotedIndex(text)
    out = _special(text, start, end, quoted)
    taken = sorted([(q.start, q.end) for q in out] + _stock_quotes(text, start, end))
    skip_until = -1
    can_follow = _can_follow_a_quantity()
    # the candidates come in order, so one pointer walks each sorted list of spans to skip: the
    # quotes (numbers in names and slogans, “十四五”, are the most common reject) and what is taken
    quote_starts, quote_ends = quoted.merged
    qi, nq, ti, nt = 0, len(quote_starts), 0, len(taken)
    for m in _candidate_numbers(text, start, end):
        e = m.end()
        if text[e:e + 1] not in can_follow:
            continue
        s = m.start()
        if s < skip_until:
            continue
        while ti < nt and taken[ti][1] <= s:
            ti += 1
        if ti < nt and taken[ti][0] <= s and _in_taken(taken, ti, s):
            continue
        while qi < nq and quote_ends[qi] <= s:
            qi += 1
        if qi < nq and quote_starts[qi] < s:
            continue
        q = _parse_at(text, m, end)
        if q is None:
            continue
        quantity, consumed_to = q
        skip_until = consumed_to
        out.append(quantity)
    out.sort(key=lambda q: q.start)
    return out


def _in_taken(taken: list[tuple[int, int]], i: int, pos: int) -> bool:
    """Whether pos is in one of the sorted (start, end) spans from taken[i] on (they may overlap)."""
    while i < len(taken) and taken[i][0] <= pos:
        if pos < taken[i][1]:
            return True
        i += 1
    return False


def _candidate_numbers(text: str, start: int, end: int):
    """The matches of _NUMBER_RE in text[start:end], in order, less some that _parse_at rejects at first sight."""
    if 0 < start < end and text[start - 1] in CN_DIGITS and text[start] in CN_DIGITS:
        # a run cut by start: _NUMBER_RE starts a number there, the lookbehind of _CN_CANDIDATE_RE would not
        return _NUMBER_RE.finditer(text, start, end)
    if end == len(text):  # the whole-text call: only numbers a unit can follow become match objects
        arabic, chinese = _followed_candidate_patterns()
    else:  # (a lookahead would stop at end, where find_quantities looks one character past it)
        arabic, chinese = _ARABIC_RE, _CN_CANDIDATE_RE
    # the two kinds never overlap (no character is both), so sorting by start interleaves them as one scan would
    found = list(arabic.finditer(text, start, end))
    found += chinese.finditer(text, start, end)
    found.sort(key=re.Match.start)
    return found


@lru_cache(maxsize=1)
def _can_follow_a_quantity() -> frozenset[str]:
    """Every character a kept number can be followed by: a unit's or a scale's first character, 余/多
    (35万余人次), 成, / (1/3) or a range link (3至5家). A number followed by anything else has no unit."""
    firsts = {u[0] for u in units()} | {s[0] for s in _SCALES}
    return frozenset(firsts | set("余多成/" + _RANGE_LINK))


@lru_cache(maxsize=1)
def _followed_candidate_patterns() -> tuple[re.Pattern, re.Pattern]:
    """_ARABIC_RE and _CN_CANDIDATE_RE that match only a number followed by a character of
    _can_follow_a_quantity(): most numbers in prose are not (2023年, 第3批), and this way they never
    become match objects. The number is taken whole before the lookahead (atomic group, possessive run),
    as the plain scans take it (possessive quantifiers), and never starts inside a run of digits (the
    lookbehind sits after the first digit, so the engine still skips in C to the next digit)."""
    follow = "[" + "".join(re.escape(c) for c in sorted(_can_follow_a_quantity())) + "]"
    arabic = re.compile(rf"(?P<ar>\d(?<!\d\d)\d*+(?:,\d{{3}})*+(?:[.．]\d++)?+)(?={follow})")
    chinese = re.compile(_CN_CANDIDATE_RE.pattern.replace(f"[{CN_DIGITS}]*)", f"[{CN_DIGITS}]*+)")
                         + f"(?={follow})")
    return arabic, chinese


_WORDS_ENDING_IN_QIAN = tuple("目当此之日")
_RANK_BEFORE = re.compile(r"(?:排名|排在|排|位列|位居|列|居)[^，,。；;\d]{0,4}$")
_POINTS_LISTED_AFTER = re.compile(r"(?:[和、及与]\d+(?:\.\d+)?个)*[和、及与]\d+(?:\.\d+)?个百分点")
_CN_REAL_DIGIT = re.compile(r"[零〇二两三四五六七八九十]")
# 三个月, 两个小时: a duration; 2市民, 1区域: the "unit" starts a word
_DURATION_TAIL = re.compile(r"(?:多)?(?:月|小时|工作日|年头)")
_PLACE_WORD_TAIL = re.compile(r"[民场政委级属域内外长县直管里类户]")
_CN_ONE_SCALE = re.compile(r"一[十百千万亿]")
_BEFORE_DAYS_IN_WORDS = frozenset("至到为用需要短少缩压减省前后近约达仅只了内第每在于及和与续时历耗有是")


def _parse_at(text: str, m: re.Match, end: int):
    s, e = m.span()
    raw = m.group()
    is_cn = m.lastgroup == "cn"
    # a Chinese numeral needs a real digit: not 百/千/万 alone (百姓, 千家万户), not a lone 一 (一批, 一张白纸);
    # checked first because most Chinese-numeral matches in prose are these
    if is_cn and (raw in ("零", "〇") or not _CN_REAL_DIGIT.search(raw) and not _CN_ONE_SCALE.match(raw)):
        return None  # (零 alone is a word's first character: 零部件, 零售, 零碳)
    prev = text[s - 1] if s > 0 else ""
    # (numbers inside quotes never get here: find_quantities skips them first)
    if prev and (prev in "第首前" or (prev.isascii() and (prev.isalnum() or prev in ".·/+:-"))) \
            and not _minus_sign(text, s):
        if not (prev == "前" and text[s - 2:s - 1] in _WORDS_ENDING_IN_QIAN):  # 目前78项: now, not the first 78
            return None
    nxt = text[e] if e < len(text) else ""
    if is_cn:
        value = chinese_to_number(raw)
        if value is None:
            return None
        if _MEETING_RE.match(text[e:e + 5]):
            return None
    else:
        # dates, times and codes: 2024-03-26, 17:00, 23·7, 601668
        if nxt == "/":
            frac = _fraction(text, s, end)
            if not frac:
                return None
            value, fe = frac
            return _finish(text, s, fe, value, None, False, end)
        if nxt and (nxt in ":：·" or (nxt.isascii() and nxt.isalpha())):
            return None
        if nxt and nxt in "-.．" and e + 1 < len(text) and text[e + 1].isdigit():
            return None
        value = float(raw.replace(",", "").replace("．", "."))
    if nxt == "成" and value <= 10:
        return _finish(text, s, e + 1, value, "成", False, end)
    if nxt in _TIME_UNIT_FIRST_CHARS and text.startswith(_TIME_UNITS, e):
        return None
    unit, ue, over = _match_unit(text, e, end)
    if unit is None:
        # a range whose first number carries no unit: 3至5家
        rng = _range_tail(text, e, end)
        if rng is None:
            return None
        unit, ue, over = rng
    elif is_cn:
        follow = text[ue:ue + 2]
        if unit in ("期", "区", "层", "班", "層", "组", "組", "基") or text.startswith(_LABEL_NOUNS, ue):
            # (一层大厅, 一班, 一办十二组: a floor, a class or a team named; counted ones are written in digits)
            return None
        if unit == "次" and follow == "产业":
            return None  # 三次产业: the primary, secondary and tertiary sectors
        if unit == "次" and raw == "二" and _SECONDARY_TERM.match(text, ue):
            return None  # 二次结构, 二次开发, 二次供水: a term, not twice
        if unit == "天" and "\u4e00" <= prev <= "\u9fff" and prev not in _BEFORE_DAYS_IN_WORDS:
            return None  # 华大九天, 九天微星: a name; days in words follow a verb (缩短至三天, 只需两天, 连续七天)
    if unit in ("市", "区", "省", "门", "部", "期") and _PLACE_WORD_TAIL.match(text, ue, ue + 1):
        return None
    if unit == "个" and _DURATION_TAIL.match(text, ue, ue + 3):
        return None
    if unit == "个" and _POINTS_LISTED_AFTER.match(text, ue):
        unit = "个百分点"  # 分别高于全市2.5个和1.4个百分点: the unit is written once, after the last figure
    if unit == "位" and _RANK_BEFORE.search(text, max(0, s - 8), s):
        return None  # 排名全国78位: a rank, not a count
    if unit == "位" and text.startswith("数", ue):
        return None  # 两位数增长: double-digit growth, no count
    if unit == "类" and value <= 3 and _DRUG_CLASS_TAIL.match(text, ue):
        return None  # 1类创新药, 三类医疗器械: a regulatory class, not a count
    if unit in _NOT_AFTER_A_COUNT_OF and ue < len(text) and text[ue] in _NOT_AFTER_A_COUNT_OF[unit]:
        return None  # 3基地, 5组团, 2组织: the unit's character begins a word
    if unit == "亿" and text.startswith("年", ue):
        return None  # 十多亿年的地质变迁: an age, not an amount
    if text.startswith("级", ue):
        return None  # 500亿元级产业集群, 万吨级码头: a class of size that names a kind of thing, not a figure
    if unit == "倍" and text.startswith("增", ue) and 1900 <= value <= 2100:
        return None  # 2024倍增追赶…大会: a year before the word 倍增 (doubling)
    if ue < end and text[ue] in _RANGE_LINK:
        # 200万至300万元: the lower bound's unit may be only a scale; the upper bound completes it
        m2 = _NUMBER_RE.match(text, ue + 1)
        if m2:
            unit2, ue2, _ = _match_unit(text, m2.end(), end)
            if unit2 and unit in ("万", "亿", "千", "百") and unit2.startswith(unit) and unit2 != unit:
                unit, ue = unit2, ue2
            elif unit2 == unit:
                ue = ue2
    return _finish(text, s, ue, value, unit, over, end)


# 自然增长率为-1.57‰: a minus sign after a copula or a punctuation mark (not 2020-2025, 1-8月, A-1地块)
_MINUS_SIGNS = "-－−"
_BEFORE_A_MINUS_SIGN = frozenset("为是：:（(，,、")


def _minus_sign(text: str, s: int) -> bool:
    return s >= 2 and text[s - 1] in _MINUS_SIGNS and text[s - 2] in _BEFORE_A_MINUS_SIGN


def _finish(text: str, s: int, ue: int, value: float, unit: str | None, over: bool, end: int):
    if s and text[s - 1] in _MINUS_SIGNS and _minus_sign(text, s):
        s, value = s - 1, -value
    # the checks up front skip two calls for the many figures that have no qualifier
    if s and text[s - 1] in _QUALIFIER_BEFORE_LAST_CHARS:
        qual_before, qstart = _qualifier_before(text, s, 0)
    else:
        qual_before, qstart = None, s
    if text[ue:ue + 1] in _QUALIFIER_AFTER_FIRST_CHARS:
        qual_after, qend = _qualifier_after(text, ue, end)
    else:
        qual_after, qend = None, ue
    qualifier = "over" if over else (qual_after or qual_before)
    return Quantity(s, qend, value, unit, qualifier, qstart, text[s:ue]), qend


def _is_range(text: str, e: int, end: int) -> bool:
    return text[e] in _RANGE_LINK and bool(_NUMBER_RE.match(text, e + 1))


def _range_tail(text: str, e: int, end: int):
    if e >= end or text[e] not in _RANGE_LINK:
        return None
    m2 = _NUMBER_RE.match(text, e + 1)
    if not m2 or text.startswith(_TIME_UNITS, m2.end()):
        return None
    unit2, ue2, over2 = _match_unit(text, m2.end(), end)
    if unit2 is None:
        return None
    return unit2, ue2, over2


def _fraction(text: str, s: int, end: int):
    m = re.match(r"(\d+)/(\d+)", text[s:end])
    if not m:
        return None
    if m.group(1).startswith("0") or m.group(2).startswith("0"):
        return None  # 2026 01/02: a date, written with leading zeros
    a, b = int(m.group(1)), int(m.group(2))
    if b == 0 or a >= b or b > 100 or (a >= 10 and b <= 31):
        return None  # (11/13 after a year is a date, not a fraction)
    tail = s + m.end()
    if tail < len(text) and (text[tail].isdigit() or text[tail] in "/-"):
        return None
    return round(a / b, 4), tail


def to_base(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """Value in base units (亿元 → 元 ×1e8, 亿美元 → 美元, % stays %)."""
    if value is None:
        return None, None
    if not unit:
        return value, None
    u = units().get(unit)
    if u is None:
        return value, unit
    return value * u.multiplier, (u.base_unit or None)
