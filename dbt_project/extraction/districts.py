"""Which jurisdiction a figure is about.

A municipal document (or a press article quoting several districts) attributes each clause to the
district it names, the one named earlier in its sentence, or the one the previous sentence of the
paragraph was about, or the heading above it; otherwise the document's own district. A district's
own report stays with its district unless another district is the subject of a clause.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from dbt_project.extraction.patterns import literal_alternation
from dbt_project.extraction.vocab import MUNICIPAL, districts, place_aliases

# a short name followed by these is a street or gate, not the district: 朝阳门, 朝阳路
_NOT_DISTRICT_AFTER = re.compile(r"[门路街桥村镇胡]")
# 北京/全市 as the subject of a clause (北京将…, 全市新设…), not the first word of a name (北京中德…示范区)
_MUNICIPAL_SUBJECT_AFTER = re.compile(r"[将在已是率把对全要为以新共累各从正市]")
# 北京青年报, 北京日报客户端, 北京时间: an outlet's name or the time zone, not the city as a subject
_OUTLET_AFTER_BEIJING = re.compile(r"日报|晚报|青年报|商报|晨报|头条|时间|广播电视台|电视台|新闻广播")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    district: str

    @property
    def municipal(self) -> bool:
        return self.district == MUNICIPAL


@lru_cache(maxsize=1)
def alias_pattern() -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for d in districts():
        names[d.name] = d.name
        for a in d.aliases:
            names.setdefault(a, d.name)
    for p, d in place_aliases().items():
        names.setdefault(p, d)
    return re.compile(literal_alternation(names)), names


@lru_cache(maxsize=1)
def jurisdiction_names() -> frozenset[str]:
    """The districts, the development area and the city, by name and alias (not the places inside them)."""
    return frozenset(n for d in districts() for n in (d.name, *d.aliases))


def mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    pattern, names = alias_pattern()
    end = len(text) if end is None else end
    out = []
    for m in pattern.finditer(text, start, end):
        alias, district = m.group(0), names[m.group(0)]
        after = text[m.end():m.end() + 1]
        if district != MUNICIPAL and alias != district and len(alias) <= 3 and _NOT_DISTRICT_AFTER.match(after):
            continue
        if alias == "北京" and _OUTLET_AFTER_BEIJING.match(text, m.end()):
            continue
        if district == MUNICIPAL and alias in ("北京", "首都") and not _MUNICIPAL_SUBJECT_AFTER.match(after):
            # 北京CBD, 北京中德…示范区: the city name opens another name
            if alias == "首都" or m.start() > start:
                continue
        if district == MUNICIPAL and text[m.start() - 1:m.start()] in ("占", "居", "列", "于"):
            continue  # 占全市的比重, 居全市第一: the city is the yardstick, not the subject
        if district == MUNICIPAL:
            inner = pattern.match(text, m.end(), end)
            if inner and names[inner.group(0)] != MUNICIPAL:
                continue  # 北京市门头沟区: the city only prefixes the district's full name
        out.append(Mention(m.start(), m.end(), district))
    return out


def document_district(text: str, title: str | None = None, source_district: str | None = None,
                      text_mentions: list[Mention] | None = None) -> str:
    """The jurisdiction a document is mainly about.

    The text decides: a title naming a district's report, or a district that dominates the places the
    text names. The portal's own district (source_district) is only a prior: it wins when the text
    names it at least as often as anywhere else, or names nowhere at all; a city-wide article or one
    about another area on a district's portal keeps the jurisdiction its content is about.
    text_mentions: mentions(text), when the caller already has them.
    """
    known = {d.name for d in districts()}
    prior = source_district if source_district in known else None
    for head in (title or "", text[:300]):
        found = [m.district for m in mentions(head) if not m.municipal]
        if found and _OWN_REPORT_HEAD.search(head.replace(" ", "")):
            return found[0]
    titled = mentions(title) if title else []
    if titled and all(m.municipal for m in titled) and prior in (None, MUNICIPAL):
        # 北京市服务业扩大开放成绩单: a title about the city makes a city-wide page, however much of its
        # body is about one district's part in it
        return MUNICIPAL
    if titled and all(m.district == titled[0].district for m in titled) and not titled[0].municipal:
        # 2025年1-4月怀柔区规模以上工业生产情况: a title about one district, and nowhere else, makes its page
        return titled[0].district
    counts: dict[str, int] = {}
    for m in mentions(text) if text_mentions is None else text_mentions:
        counts[m.district] = counts.get(m.district, 0) + 1
    municipal = counts.get(MUNICIPAL, 0)
    district_counts = {d: c for d, c in counts.items() if d != MUNICIPAL}
    total = sum(district_counts.values())
    if total:
        best, n = max(district_counts.items(), key=lambda kv: (kv[1], kv[0] == prior))
        runner_up = max((c for d, c in district_counts.items() if d != best), default=0)
        # most of the places named, or twice as often as any other (亦庄新城, parts of it in 通州 and 大兴)
        if n >= 3 and (n / total >= 0.75 or n >= 2 * runner_up) and n >= municipal:
            return best
    if prior is None or prior == MUNICIPAL:
        if prior == MUNICIPAL or not total:
            return MUNICIPAL
        # one area is all a short article names (经开区 twice and nothing else)
        if len(district_counts) == 1 and n >= 2 and n > municipal:
            return best
        # a text that speaks as a district (全区…, 我区…, 区委书记) about the one district it names, even
        # when it also names the city (市人大代表、通州区委书记…在北京市…会议上介绍)
        if n >= 2 * runner_up and _speaks_as_a_district(text):
            return best
        return MUNICIPAL
    own = counts.get(prior, 0)
    if not counts:
        return prior
    if own and own >= max(counts.values()):
        return prior
    if len(district_counts) == 1 and not own and n > municipal:
        return best
    return MUNICIPAL


_DISTRICT_SELF = re.compile(r"全区(?!域)|我区|本区|区委|区政府")
_CITY_SELF = re.compile(r"全市|我市|本市|市委|市政府")


def _speaks_as_a_district(text: str) -> bool:
    return len(_DISTRICT_SELF.findall(text)) > len(_CITY_SELF.findall(text))


# the heading of a district's own report or plan: 东城区2024年…, 海淀区关于…, 朝阳区人民政府…,
# …在北京市门头沟区第十七届人民代表大会第四次会议上
_OWN_REPORT_HEAD = re.compile(
    r"(区|开发区)(\d{4}年|关于|人民政府|政府|发改委|委员会|人大|国民经济|第[一二三四五六七八九十]+届|人民代表大会)"
)


def _strong_sentence_start(text: str, pos: int, floor: int) -> int:
    i = max(text.rfind("。", floor, pos), text.rfind("！", floor, pos), text.rfind("？", floor, pos))
    return i + 1 if i >= 0 else floor


@lru_cache(maxsize=1024)
def _districts_opening(heading: str) -> tuple[str, ...]:
    """The districts (not the city) a heading names at its very start."""
    return tuple(m.district for m in mentions(heading) if not m.municipal and m.start == 0)


# 北京市累计实现社会消费品零售总额…, 北京市规模以上工业增加值…: a district's report quoting the city's own figures
_CITY_FIGURES_AFTER = re.compile(r"(?:全年|上半年|前三季度|一季度|[1-9１-９]{1,2}-[1-9１-９]{1,2}月)?[，,]?"
                                 r"(?:累计|实现|完成|规模以上|地区生产总值|社会消费品|一般公共预算|全社会|固定资产|居民人均)")


def district_resolver(text: str, sentences: Sequence, default_district: str,
                      text_mentions: list[Mention] | None = None) -> Callable[[int], str]:
    """A function from a character offset in text to the district the clause there is about.

    text_mentions: mentions(text), when the caller already has them."""
    municipal_doc = default_district == MUNICIPAL
    all_mentions = mentions(text) if text_mentions is None else text_mentions
    if not municipal_doc:
        # in a district's own report only a clause that opens with another district changes the subject
        clause_starts = set()
        for s in sentences:
            for c in s.clauses:
                clause_starts.add(c.start)
        all_mentions = [
            m for m in all_mentions
            if (any(cs in clause_starts for cs in range(max(0, m.start - 1), m.start + 1))
                or m.start - 3 in clause_starts and text.startswith("北京市", m.start - 3))  # (北京市西城区…)
            and (not m.municipal or _CITY_FIGURES_AFTER.match(text, m.end) and text[m.start:m.end] == "北京市")
        ]
    starts = [m.start for m in all_mentions]
    sent_starts = [s.span.start for s in sentences]

    def in_range(a: int, b: int) -> list[Mention]:
        i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        return all_mentions[i:j]

    def decide(found: list[Mention]) -> str | None:
        names = {m.district for m in found}
        if not names:
            return None
        if len(names) == 1:
            return names.pop()
        return MUNICIPAL if municipal_doc else default_district

    decided: dict[tuple[int, int, int], str] = {}  # every offset in one clause gets the same answer

    def resolve(pos: int) -> str:
        k = bisect.bisect_right(sent_starts, pos) - 1
        if k < 0:
            return default_district
        sent = sentences[k]
        clause = next((c for c in sent.clauses if c.start <= pos < c.end), sent.span)
        key = (k, clause.start, clause.end)
        got = decided.get(key)
        if got is None:
            got = decided[key] = resolve_clause(k, sent, clause)
        return got

    def resolve_clause(k: int, sent, clause) -> str:
        # 1. the clause itself
        got = decide(in_range(clause.start, clause.end))
        if got:
            return got
        # 2. earlier in the sentence (up to 。): the nearest district, unless the city is the later subject
        para_start = _paragraph_start(k)
        s0 = _strong_sentence_start(text, clause.start, sentences[para_start].span.start)
        before = in_range(s0, clause.start)
        if before:
            local = [m for m in before if not m.municipal]
            if local and len({m.district for m in local}) == 1:
                if not (municipal_doc and any(m.municipal and m.start > local[-1].start for m in before)):
                    return local[-1].district
            elif local:
                return MUNICIPAL if municipal_doc else default_district
            else:  # only the city is named before (in a district's report: the city's own figures, kept above)
                return MUNICIPAL
        # 3. the previous sentence of the paragraph (…大兴定下目标：…。金融…占GDP比重超过40%)
        if k - 1 >= para_start:
            prev = sentences[k - 1].span
            got = decide([m for m in in_range(prev.start, prev.end) if municipal_doc or not m.municipal])
            if got:
                return got
        # 4. the heading above
        if sent.heading:
            h = sent.heading
            hs = _districts_opening(h)
            if len(set(hs)) == 1 and (municipal_doc or True):
                return hs[0] if municipal_doc else default_district
        return default_district

    def _paragraph_start(k: int) -> int:
        p = sentences[k].paragraph
        while k > 0 and sentences[k - 1].paragraph == p:
            k -= 1
        return k

    return resolve
