"""Projects, measures and policy-document titles found in a document's text.

Each clause (segment.py) is cut into noun phrases at the verbs, adverbs and list marks that
separate them (推动 | 航星园组团 | 引进 | 鹰瞳科技 、 七维视觉 | 等 | 龙头企业). A phrase is a
project when it ends in a facility/firm noun (…项目, …有限公司, …产业园) or is listed as one
(…等一批金融机构落户); a measure when it ends in a policy noun (…试点, …机制, …改革) or is a
quoted programme (“一业一证”). Status comes from the verbs around the phrase and from whether
the section reports what was done or plans what comes next.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterable, NamedTuple, Sequence

from . import districts as district_rules
from . import entity_lexicon as lex
from .entity_seeds import classify
from .patterns import first_character_class, literal_alternation
from .segment import Sentence, Span

_OPEN_CLOSE = {"“": "”", "\"": "\"", "（": "）", "(": ")", "《": "》", "‘": "’", "「": "」"}
_LIST_MARKS = "、"
_PROTECTED_AFTER_DENG = ("等级", "平等", "对等", "同等", "等同")
# entries are plain words or small regexes (持续 but not 可持续)
_BOUNDARY_RE = re.compile("|".join(sorted(lex.BOUNDARY_WORDS, key=len, reverse=True)))
_CLOSERS = set(_OPEN_CLOSE.values()) - {"\""}
_SUFFIXES = sorted(
    [(s, "project") for s in lex.PROJECT_SUFFIXES] + [(s, "measure") for s in lex.MEASURE_SUFFIXES],
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_DIGIT = re.compile(r"[0-9０-９]")
# a number with a measure word inside a phrase makes it a quantity (项目214个), not a name
_COUNT = re.compile(
    r"[0-9０-９][0-9０-９.]*(?:个|家|项|%|％|亿|万|所|条|处|栋|户|件|场(?![馆所景])|余|多|平方|公里|人|倍|年)"
    r"|^[“]?[一二两三四五六七八九十N]+[个家单项所条处批]"
    r"|^[一二两三四五六七八九十]大"  # 四大产业集群: a label for several
    r"|^[十百千万]+亿元?"  # 百亿元楼宇, 千亿级产业集群: a class of size, counted by indicators
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


class Token(NamedTuple):
    kind: str  # "phrase" | "verb" | "list" | "deng"
    text: str
    start: int  # absolute offsets into the document text
    end: int


# The characters and words at which a clause's scan has to stop and decide something; everything
# between two of them is phrase text, skipped by the regex engine instead of char by char.
_STOP_MARKS = "".join(_OPEN_CLOSE) + "".join(_CLOSERS) + _LIST_MARKS + "等"


def _first_characters(words) -> str:
    """The characters the words can start with (a leading lookbehind consumes nothing)."""
    return "".join(re.sub(r"^\(\?<[=!][^)]*\)", "", w)[0] for w in words)


# a first-character lookahead (patterns.py): the ~230 alternatives are tried only where one can start
_STOP_RE = re.compile(
    "(?=" + first_character_class(_STOP_MARKS + _first_characters(lex.BOUNDARY_WORDS)) + ")"
    "(?:(?P<mark>[" + re.escape(_STOP_MARKS) + "])|(?P<verb>" + _BOUNDARY_RE.pattern + "))"
)
_QUOTE_STOP_RE = re.compile("[" + re.escape("".join(_OPEN_CLOSE) + "".join(_CLOSERS)) + "]")
_CLAUSE_END_PUNCT = "，,：:。；;！？!?"


def _tokens(text: str, clause: Span) -> list[Token]:
    """Cut one clause into phrases, verbs, 、 and 等, never inside quotes or brackets."""
    tokens: list[Token] = []
    s, e = clause.start, clause.end
    # drop the clause's closing punctuation
    while e > s and text[e - 1] in _CLAUSE_END_PUNCT:
        e -= 1
    phrase_start = s
    i = s
    depth_close: list[str] = []

    def flush(upto: int) -> None:
        if upto > phrase_start:
            tokens.append(Token("phrase", text[phrase_start:upto], phrase_start, upto))

    while i < e:
        if depth_close:
            m = _QUOTE_STOP_RE.search(text, i, e)
            if m is None:
                break
            i = m.start()
            ch = text[i]
            if ch == depth_close[-1]:
                depth_close.pop()
            elif ch in _OPEN_CLOSE and ch != "\"":
                depth_close.append(_OPEN_CLOSE[ch])
            i += 1
            continue
        m = _STOP_RE.search(text, i, e)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if m.lastgroup == "mark":
            if ch in _OPEN_CLOSE and text.find(_OPEN_CLOSE[ch], i + 1, e) > 0:
                depth_close.append(_OPEN_CLOSE[ch])
                i += 1
                continue
            if ch in _CLOSERS or ch in _OPEN_CLOSE:
                # a bracket closed/opened in another clause, e.g. 中国建筑(601668,股吧)设计科技集团
                flush(i)
                i += 1
                phrase_start = i
                continue
            if ch in _LIST_MARKS:
                flush(i)
                tokens.append(Token("list", ch, i, i + 1))
                i += 1
                phrase_start = i
                continue
            # 等
            if not (text.startswith(_PROTECTED_AFTER_DENG, i - 1) or text.startswith(_PROTECTED_AFTER_DENG, i)):
                flush(i)
                tokens.append(Token("deng", ch, i, i + 1))
                i += 1
                phrase_start = i
                continue
            m = _BOUNDARY_RE.match(text, i, e)
            if not m:
                i += 1
                continue
        flush(i)
        tokens.append(Token("verb", m.group("verb") if m.re is _STOP_RE else m.group(), i, m.end()))
        i = m.end()
        phrase_start = i
    flush(e)
    return tokens


def _trim(text: str, start: int, phrase: str) -> tuple[str, int]:
    """Strip leading determiners/prepositions (首家, 2023年, 在); returns (phrase, new start)."""
    m = lex.LEADING_NOISE.match(phrase)
    if m and m.end() < len(phrase):
        return phrase[m.end():], start + m.end()
    return phrase, start


# All name-ending nouns as one regex over the reversed phrase: its first match is the suffix that
# ends latest in the phrase, longest first; (?=.) keeps a bare suffix (项目, 中心) from counting as a
# name, and 中心 running on into 中心城区 / 中心化 is not a suffix, nor 新区 ending 创新区.
_SUFFIX_KIND = {suffix: kind for suffix, kind in reversed(_SUFFIXES)}
# (in the reversed text, what follows a suffix comes before it) 初中学位, 高中学生, 良乡大学城: the word runs on;
# 中非合作论坛峰会, 论坛年会: an event, not a forum being set up
# 各项目标任务, 多次空间范围调整, 组织召开: the suffix's characters begin another word
_NOT_RUNNING_ON = {"学": "(?<![位生城])", "坛": "(?<![峰年])", "目": "(?<!标)", "间": "(?<!范)",
                   "织": "(?<![召开实企申参])", "划": "(?<![年于在明今将])"}  # (…二期计划年底投用: plans to)
_REVERSED_SUFFIX_RE = re.compile(
    "(?=" + first_character_class(suffix[-1] for suffix, _ in _SUFFIXES) + ")(?:" + "|".join(
        _NOT_RUNNING_ON.get(suffix[-1], "") + ("(?<![城化])" if suffix == "中心" else "") + re.escape(suffix[::-1])
        + ("(?!创)" if suffix == "新区" else "")
        for suffix, _ in _SUFFIXES
    ) + ")(?=.)",
    re.S,
)
_SAYS_HOW_FAR = re.compile(r"完成|基本|正在|已经|全面|启动")  # (综保区基本完成一期建设: how far works are, no name)
_PHASE_WORDS = r"[一二三四五六七八九十0-9]{1,2}期(?:工程|项目)?"  # 二期, 三期工程
_PHASE = re.compile(_PHASE_WORDS + "$")
_PHASE_TAIL = re.compile(r"[（(]?" + _PHASE_WORDS + r"[)）]?$")
_ALIAS_NOTE = re.compile(r"[（(](?:以下)?简称[^（()）]*[)）]$")
_TRAILING_PAREN = re.compile(r"[（(][^（()）]{1,20}[)）]")


def _last_suffix(phrase: str) -> tuple[int, str, str] | None:
    """(end, suffix, kind) of the name-ending noun that ends latest in the phrase.

    A quoted name counts by what is inside the quotes (“硅巷” ends in 巷)."""
    bare = phrase[:-1] if phrase.endswith(("”", "\"", "’")) else phrase
    best: tuple[int, str, str] | None = None
    m = _REVERSED_SUFFIX_RE.search(bare[::-1])
    if m:
        suffix = m.group()[::-1]
        best = (len(bare) - m.start(), suffix, _SUFFIX_KIND[suffix])
    last = bare[-1:]
    if last in lex.SINGLE_CHAR_PROJECT_SUFFIXES and len(bare) >= 2 and (best is None or best[0] < len(bare)):
        best = (len(bare), last, "project")
    if best is None:
        return None
    end = best[0]
    if end == len(bare):
        end = len(phrase)
    elif best[2] == "project" and (phase := _PHASE.match(phrase, end)) and phase.end() == len(phrase):
        end = len(phrase)  # 市民服务中心二期, 环球影城主题公园一期: a phase is part of the works' name
    # keep a parenthetical that directly follows the name: 项目(DCT), 有限公司（北京）
    m = _TRAILING_PAREN.match(phrase, end)
    if m:
        end = m.end()
    return (end, best[1], best[2])


def _section_tense(sentence: Sentence) -> str | None:
    """'past' in a report-back section, 'future' in a plan section, None when unknown."""
    return _tense_of_headings(sentence.headings)


@lru_cache(maxsize=4096)  # every sentence of a section asks with the same few headings
def _tense_of_headings(headings: tuple[str, ...]) -> str | None:
    for heading in reversed(headings):
        if lex.PAST_SECTION.search(heading):
            return "past"
        if lex.FUTURE_SECTION.search(heading):
            return "future"
    return None


def _project_status(verbs_after: Sequence[str], verbs_before: Sequence[str], clause_text: str, tense: str | None) -> str:
    if tense == "future" or lex.FUTURE_MARKERS.search(clause_text):
        return "planned"
    for verbs in (verbs_after, verbs_before[::-1], [clause_text]):
        for verb in verbs:
            status = _status_named_by(verb)
            if status is not None:
                return status
    return "planned"


@lru_cache(maxsize=1 << 13)
def _status_named_by(verb: str) -> str | None:
    """The first status (in lex.PROJECT_STATUS_VERBS order) one of whose words occurs in verb."""
    for status, words in lex.PROJECT_STATUS_VERBS:
        if any(w in verb for w in words):
            return status
    return None


def _measure_status(clause_text: str, sentence_text: str, tense: str | None) -> str:
    if tense == "future":
        return "planned"
    if tense == "past":
        return "implemented"
    if lex.MEASURE_PLANNED.search(clause_text):
        return "planned"
    if lex.MEASURE_IMPLEMENTED.search(clause_text) or lex.MEASURE_IMPLEMENTED.search(sentence_text):
        return "implemented"
    return "planned"


@dataclass
class _Candidate:
    kind: str  # "project" | "measure"
    name: str
    start: int
    end: int
    suffix: str | None
    verbs_before: Sequence[str]
    verbs_after: Sequence[str]
    listed: bool = False  # one of a 、-list closed by 等 + its category (…等9项任务, …等试点, …等51家人工智能企业)
    alone: bool = False  # the whole clause, with no verb of ours in it (…，创新驻点招商模式，…)


_GENERIC_WORDS = re.compile(
    r"新开|重点|重大|示范性?|优质|知名|龙头|领军|头部|市区|市级|区级|全区|全市|各类|各|该|此|这些|其中|新|大型|中小|"
    r"高端|突破性|首创性|标志性|代表性|引领性|地标性|标杆性?|外资|内资|中资|民生|商业|储备|改造|投资|产业|行业|相关|"
    r"一批|社会|服务|央属|市属|区属|国有|国内外|国际|专业|功能|细分领域|重要|主要|特色|金融|科技|文化|企业|"
    r"科研|研发|运营|续建|在建|打包|硬核|此次|本次|"
    r"[性的等和及与、]"
)


_BARE_SUFFIXES = frozenset(s for s, _ in _SUFFIXES) | {""}


def _is_generic(name: str) -> bool:
    """重点项目, 一批优质金融机构, 北京市顺义区优质项目: a category, not a named thing."""
    core = _GENERIC_WORDS.sub("", _without_leading_places(name))
    if not _CJK.search(name) and not re.search(r"[A-Za-z]{2}", name):
        return True
    if len(name) <= 1:
        return True
    return len(core) <= 2 and not re.search(r"[“”\"0-9A-Za-z]", name) and core in _BARE_SUFFIXES \
        or len(core) == 0


def _without_leading_places(name: str) -> str:
    """北京市顺义区优质项目 → 优质项目: the jurisdictions a category of praise is prefixed with do not make it a
    name (北京金融法院 stays: the court of that place is one thing)."""
    m = _leading_jurisdictions().match(name)
    return name[m.end():] if m and _PRAISED_CATEGORY.match(name, m.end()) else name


_PRAISED_CATEGORY = re.compile(r"(?:一批)?(?:优质|重点|重大|知名|龙头|头部|领军|标杆|代表性|标志性)")


@lru_cache(maxsize=1)
def _leading_jurisdictions() -> re.Pattern:
    names = sorted(district_rules.jurisdiction_names(), key=len, reverse=True)
    return re.compile(
        "(?=" + first_character_class(n[0] for n in names) + ")(?:" + "|".join(map(re.escape, names)) + ")+")


def _not_a_name(name: str) -> bool:
    """A fragment or a piece of rhetoric (lex.NOT_A_NAME), or a bare field/category (数字经济, 工作机制)."""
    if lex.NOT_A_NAME.search(name):
        return True
    return len(name) <= 6 and lex.CATEGORY_ONLY.fullmatch(name) is not None


# a count right after a phrase (新增项目321个); used as pattern.match(text, pos, end)
# (…公园一期建成: a phase of the project, not a count)
_QUANTITY_AT = re.compile(r"(?:超过|超|达到|达|近|约|不低于|不少于|增至|为|共)?[0-9０-９.一二两三四五六七八九十百千万]++(?![期])")
# …A项目和B项目两个签约项目: a count that sums up the names just listed, not a count instead of a name
_BARE_COUNT = re.compile(r"[0-9０-９一二两三四五六七八九十百千万]+[个家项所座批]")
_LIST_TALLY_AT = re.compile(_BARE_COUNT.pattern + r"(?:签约|重点|重大|新|落地)?(?:项目|企业|机构|公司|工程)")
_APPOSITION = re.compile(r"^.{2,}?(?:公司|机构|企业)(?=.{4,}$)")
# …等7个项目, …等重点工程: what the list sums up are works, whatever each item's last word
_LISTED_AS_WORKS = re.compile(
    r"^(?:\d+|[一二三四五六七八九十]+|一批)?[个项]?(?:重点|重大|续建|新建)?(?:科研|科技|产业|基础设施|民生)?(?:项目|工程)")
_HONOUR_VERBS = frozenset({"入选", "获评", "荣获", "评为", "被评为"})
_ZONE_SUFFIXES = ("示范区", "先行区", "试验区", "集聚区")
_MEASURE_VERBS_NEAR = ("深化", "立足", "获评", "获批", "入选", "创建", "争取")


def _nearest_verbs(before: Sequence[str], after: Sequence[str]) -> list[str]:
    """The verbs either side of a name, past padding adverbs (氢能示范区南区一期全面建成 → 建成)."""
    return [v for v in before if v not in _ADVERB_VERBS][-1:] + [v for v in after if v not in _ADVERB_VERBS][:1]


def _physical(verbs: Sequence[str]) -> bool:
    return any(pv in v for v in verbs for pv in lex.PHYSICAL_VERBS)


_MEASURE_SUFFIX_START = re.compile("|".join(sorted(map(re.escape, lex.MEASURE_SUFFIXES), key=len, reverse=True)))
# verbs that also occur inside policy names: 碳达峰|实施|方案, 对外|开放|试点, 医联体|建设
_WORKS_VERBS = frozenset({"扩建", "改建", "新建", "改扩建", "建设", "升级", "提升"})
_WORKS_NOUNS = ("项目", "工程", "改造项目", "改造工程")
# (the works verbs are among them: _merge_inner_verbs rejoins 扩建 + 项目 under the same check)
_NAME_INNER_VERBS = frozenset({"实施", "开放", "推广", "促进", "签约", "管理", "保障"}) | _WORKS_VERBS
# 卢三段综合提升、…水毁修复等基础性工程: a list item named by the works done, closed by 等 and works
_WORKS_CATEGORY = re.compile(r"(?:一批|多项|\d+项|[一二三四五六七八九十]+项)?[^的，,]{0,6}?(?:工程|项目)")
_LISTED_WORKS_VERBS = frozenset({"提升", "改造", "修复", "整治", "治理", "更新", "升级", "建设", "扩建", "改建"})
# verbs after which the rest of a short clause is the policy itself (深化学区制改革, 推广应用绿电)
_OBJECT_VERBS = ("实施", "推行", "落实", "出台", "制定", "发布", "建立", "健全", "完善", "深化", "开展", "探索",
                 "构建", "搭建", "上线", "推广", "首创", "谋划", "鼓励", "推进", "推动", "加强", "强化", "优化",
                 "实行", "试点推进", "创建", "巩固", "做好", "用好", "统筹", "加快", "打造", "壮大")


def _merge_inner_verbs(text: str, tokens: list[Token]) -> list[Token]:
    """Re-join a policy name a verb split: 东城区碳达峰 + 实施 + 方案 → 东城区碳达峰实施方案."""
    if not any(t.kind == "verb" and (t.text in _NAME_INNER_VERBS or t.text in _LISTED_WORKS_VERBS) for t in tokens):
        return tokens  # every merge below rejoins at one of these verbs (开放 of 服务业扩大开放 too)
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        opening = _opening_up(tokens, i) if tok.text.endswith("服务业") else 0
        if opening:
            # 国家服务业扩大开放综合示范区, …服务业扩大开放2.0版方案: one name, whose verbs are part of it
            out.append(Token("phrase", text[tok.start:tokens[opening - 1].end], tok.start, tokens[opening - 1].end))
            i = opening
            continue
        if tok.kind == "phrase" and i + 3 < len(tokens) and tokens[i + 1].kind == "verb" \
                and tokens[i + 1].text in _LISTED_WORKS_VERBS and tokens[i + 2].kind == "deng" \
                and tokens[i + 3].kind == "phrase" and _WORKS_CATEGORY.match(tokens[i + 3].text) \
                and tokens[i + 1].start == tok.end:
            out.append(Token("phrase", text[tok.start:tokens[i + 1].end], tok.start, tokens[i + 1].end))
            i += 2
            continue
        if tok.kind == "phrase" and i + 1 < len(tokens) and tokens[i + 1].kind == "verb" \
                and tokens[i + 1].text in _NAME_INNER_VERBS:
            nxt = tokens[i + 2] if i + 2 < len(tokens) else None
            if nxt is not None and nxt.kind == "phrase" and (
                    _MEASURE_SUFFIX_START.match(nxt.text)
                    or nxt.text.startswith("工作") and _MEASURE_SUFFIX_START.match(nxt.text, 2)) \
                    and not _has_project_suffix(tok.text):
                # (…专项监督 + 保障 + 工作方案: a plan's name holds its verb and its 工作 too)
                out.append(Token("phrase", text[tok.start:nxt.end], tok.start, nxt.end))
                i += 3
                continue
            if nxt is not None and nxt.kind == "phrase" and tokens[i + 1].text in _WORKS_VERBS \
                    and nxt.text.startswith(_WORKS_NOUNS):
                # 中央芭蕾舞团业务用房 + 扩建 + 项目, 东坝污水处理厂 + 升级 + 改造工程: the works are named by the act
                out.append(Token("phrase", text[tok.start:nxt.end], tok.start, nxt.end))
                i += 3
                continue
            if tokens[i + 1].text == "建设" and (nxt is None or nxt.kind != "phrase") \
                    and not _has_project_suffix(tok.text):
                # 加强医联体建设: the programme is “…建设” itself
                out.append(Token("phrase", text[tok.start:tokens[i + 1].end], tok.start, tokens[i + 1].end))
                i += 2
                continue
        out.append(tok)
        i += 1
    return out


def _opening_up(tokens: list[Token], i: int) -> int:
    """Where a name that holds 服务业扩大开放 ends (the index after its last token), or 0 if tokens[i] opens none."""
    tok = tokens[i]
    if tok.kind != "phrase" or not tok.text.endswith("服务业"):
        return 0
    j, verbs = i + 1, ""
    while j < len(tokens) and tokens[j].kind == "verb" and len(verbs) < 4:
        verbs += tokens[j].text
        j += 1
    if verbs != "扩大开放" or j >= len(tokens) or tokens[j].kind != "phrase":
        return 0
    return j + 1


def _ends_a_project(phrase: str) -> bool:
    """…产业集聚区, …科技园: the phrase ends in a project's noun (zones too: X集聚区和Y集聚区 are two)."""
    found = _last_suffix(phrase)
    return found is not None and found[2] == "project" and found[0] == len(phrase)


def _has_project_suffix(phrase: str) -> bool:
    found = _last_suffix(phrase)
    return found is not None and found[2] == "project" and found[1] not in _ZONE_SUFFIXES


_SLOGAN_NOUN = re.compile(r"工作|任务")


def _without_trailing_noise(phrase: str) -> str:
    """The phrase less its trailing 工作/力度/…; but a short quoted slogan keeps the noun that makes it a
    programme (扎实做好“六稳”工作, 全面落实“六保”任务), except the two zones' own name."""
    name = lex.TRAILING_NOISE.sub("", phrase)
    quoted = _QUOTED_NAME.fullmatch(name)
    if quoted and len(quoted.group(1)) <= 2 and quoted.group(1) != "两区":
        noun = _SLOGAN_NOUN.match(phrase, len(name))
        if noun:
            return phrase[:noun.end()]
    return name


# 完成“百日会战”行动53项重点任务: a count inside a phrase ends the name before it (the count is an indicator)
_COUNT_INSIDE = re.compile(r"[0-9０-９]+(?:\.\d+)?[项个条家批]")


_UNVEILING = ("挂牌", "揭牌")


def _without_unveilers(tokens: list[Token]) -> list[Token]:
    """王少峰、梁胜共同为…片区揭牌: who unveils a thing is no project; what follows 为 is the thing."""
    for i, tok in enumerate(tokens):
        cut = tok.text.rfind("为")
        if tok.kind == "phrase" and cut >= 2 and len(tok.text) - cut > 4 \
                and (_next_verb(tokens, i + 1) or "").startswith(_UNVEILING):
            return [Token("phrase", tok.text[cut + 1:], tok.start + cut + 1, tok.end), *tokens[i + 1:]]
    return tokens


def _candidates(text: str, clause: Span) -> Iterable[_Candidate]:
    tokens = _merge_inner_verbs(text, _tokens(text, clause))
    if "为" in clause.text:
        tokens = _without_unveilers(tokens)
    verb_at = [i for i, t in enumerate(tokens) if t.kind == "verb"]
    verb_texts = [tokens[i].text for i in verb_at]
    # a phrase is listed as one of a category (_list_category) only in a clause with a 、 or a 等
    listing = any(t.kind == "list" or t.kind == "deng" for t in tokens)
    for i, tok in enumerate(tokens):
        if tok.kind != "phrase":
            continue
        having = _HAVING.search(tok.text) if "有" in tok.text else None
        if having and (tok.text[having.end() - 2:having.end()] == "既有" or i + 1 < len(tokens)
                       and tokens[i + 1].kind == "list" and _category_after_list(tokens, i) is not None):
            # 科技创新类项目有伊藤忠纤维、…6家企业: the list starts after 有; before it is what they are
            # (石景山区既有服贸会场馆建设工程、…: 既有…也有… lists what there is, whatever closes the list)
            cut = having.end()
            if len(tok.text) - cut >= 2:
                tok = tokens[i] = Token("phrase", tok.text[cut:], tok.start + cut, tok.end)
        if i > 0 and tokens[i - 1].kind == "deng":
            continue  # the category noun after 等 (…等一批企业)
        if _QUANTITY_AT.match(text, tok.end, clause.end):
            continue  # 新增项目321个: a count, which is an indicator
        phrase, start = _trim(text, tok.start, tok.text)
        phrase = phrase.rstrip("的")
        if "简称" in phrase:  # …有限公司(以下简称“华大九天研究院”): the short name noted after it is no part of it
            phrase = _ALIAS_NOTE.sub("", phrase)
        if "——" in phrase:  # …个人征信公司——朴道征信有限公司, 发布会——通州专场: the name is after the dash
            cut = phrase.rindex("——") + 2
            phrase, start = phrase[cut:], start + cut
        if _CAPTION_MARK.search(phrase):  # △东六环入地改造工程 △环球影城北交通枢纽效果图: photo captions, one by one
            cut = max(phrase.rfind(mark) for mark in _CAPTION_MARKS) + 1
            cut += len(phrase[cut:]) - len(phrase[cut:].lstrip())
            phrase, start = phrase[cut:], start + cut
        if phrase.startswith(("“", "\"")) and phrase.count("”") + phrase.count("\"") < 1:
            phrase, start = phrase[1:], start + 1
        inside = _COUNT_INSIDE.search(phrase)
        cut_at_count = False  # (the count goes on to another noun: it counts that, not this name)
        if inside and inside.start() >= 4 and (inside.end() < len(phrase) or text[tok.start - 1:tok.start] == "、"):
            # (…、北京激光加速创新中心5项: the count closes the list; the last item is the name before it)
            named = _last_suffix(phrase[:inside.start()])
            if named is not None and named[0] == inside.start():
                phrase, cut_at_count = phrase[:inside.start()], True
        if not phrase:
            continue
        split = bisect.bisect_left(verb_at, i)  # token i is a phrase, never a verb
        before, after = verb_texts[:split], verb_texts[split:]
        found = _last_suffix(phrase)
        if (found is None or found[0] < len(phrase) or found[2] != "project") \
                and listing and _list_category(tokens, i, lex.MEASURE_CATEGORIES):
            # 资本项目收入支付便利化、本外币合一银行账户等试点: each item listed is one of them, whole
            name = _without_trailing_noise(phrase)
            for part, at in _adjacent_quotes(name):
                if 2 <= len(part) <= 40:
                    yield _Candidate("measure", part, start + at, start + at + len(part), None, before, after,
                                     listed=True)
            continue
        # _list_category and _status_named (whether the phrase is listed as / acts as a project) scan the
        # clause's tokens: they are called only where a branch needs them, cheapest conditions first
        if found is not None:
            end, suffix, kind = found
            name = phrase[:end]
            if kind == "project" and lex.QUOTED_PROGRAMME.search(name):
                kind = "measure"
            elif suffix in _ZONE_SUFFIXES or suffix == "平台":
                kind = "project" if _physical(_nearest_verbs(before, after)) or listing and _list_category(tokens, i) \
                    else "measure"
            elif kind == "project" and suffix in lex.AMBIGUOUS_SUFFIXES and any(
                    m in v for v in before[-1:] for m in _MEASURE_VERBS_NEAR):
                kind = "measure"
            elif kind == "measure" and (
                    end == len(phrase) and _listed_as_works(tokens, i)
                    or suffix in lex.AMBIGUOUS_SUFFIXES and (listing and _list_category(tokens, i)
                                                             or verb_at and _status_named(tokens, i))):
                kind = "project"  # (…、老旧小区综合整治等7个项目: listed as one of the projects)
            if kind == "measure" and suffix == "建设" and (phase := _PHASE.search(name, len(name) - 6, len(name) - 2)) \
                    and phase.start() >= 3 and not _SAYS_HOW_FAR.search(name):
                kind, name = "project", name[:-2]  # 加快行政办公区二期建设: a phase of works being built
            if kind == "project" and end < len(phrase) and after[:1] and after[0].startswith(_LANDING) \
                    and 2 <= len(phrase) - end <= 15 and not _BARE_COUNT.fullmatch(phrase, end) \
                    and _status_named(tokens, i):
                # 首家外资期货公司摩根士丹利期货落地: the proper name follows the description
                name, start = phrase[end:], start + end
            if kind == "project":
                # 外资控股证券公司高盛高华证券有限公司: a description, then the firm's own name
                inner = _APPOSITION.search(name)
                # (not 国能商业保理有限公司增资项目: that is the firm's project, named by the firm)
                if inner and _last_suffix(name[inner.end():]) and len(name) - inner.end() >= 4 \
                        and not name.endswith(("项目", "工程")):
                    name, start = name[inner.end():], start + inner.end()
                if "的" in name and len(name.rsplit("的", 1)[1]) >= 4:
                    # 带动作用大的示范项目 → 示范项目 (then dropped as generic); 特色的综合保税区 → 综合保税区
                    cut = name.rindex("的") + 1
                    name, start = name[cut:], start + cut
            if kind == "measure":
                name = _without_trailing_noise(phrase) or name
                listed_from = _items_sharing_the_suffix(tokens, i)
                if listed_from is not None and start == tok.start:
                    # 建立分级决策、协同招商机制: the items before it are 机制 too; one measure, as written
                    name, start = text[listed_from:start] + name, listed_from
            if _QUANTITY_AT.match(text, start + len(name), clause.end) and not cut_at_count \
                    and not _LIST_TALLY_AT.match(text, start + len(name), clause.end):
                continue  # 新增项目321个: a count, which is an indicator
            name = _before_an_open_bracket(name)
            for part, at in _conjoined_names(name, kind):
                yield _Candidate(kind, part, start + at, start + at + len(part), suffix, before, after,
                                 alone=not verb_at)
        elif (listed := listing and _list_category(tokens, i)) or verb_at and _status_named(tokens, i):
            name = _without_trailing_noise(_LIST_CLOSED_BY_A_COUNT.sub("", phrase))  # (…、凯普顿医药6家企业)
            if 2 <= len(name) <= 20:
                yield _Candidate("project", name, start, start + len(name), None, before, after, listed=bool(listed))
        elif "“" in phrase or "\"" in phrase:
            name = _without_trailing_noise(phrase)
            for part, at in _adjacent_quotes(name):  # 推出“航天十条”“氢十条2.0”: two packages
                yield _Candidate("measure", part, start + at, start + at + len(part), None, before, after)
        elif i > 0 and tokens[i - 1].kind == "verb" and tokens[i - 1].text in _OBJECT_VERBS \
                and all(t.kind != "phrase" for t in tokens[i + 1:]):
            # the object closing a clause after a policy verb: 推进金融市场双向开放
            rest = tokens[i + 1:]
            if len(rest) == 1 and rest[0].text in _NAME_INNER_VERBS:
                phrase = text[start:rest[0].end]
            name = _without_trailing_noise(phrase)
            if 2 <= len(name) <= 20:  # (强化区级统筹: two characters can name the act)
                yield _Candidate("measure", name, start, start + len(name), None, before, after)


_ADJACENT_QUOTE = re.compile(r"“[^“”]+”")
_CAPTION_MARKS = "△▲●■◆★☆◇•※▶►"  # (not ○, a zero in 二○二三年, nor □, an unread character)
_CAPTION_MARK = re.compile("[" + _CAPTION_MARKS + "]")
# 北京经济技术开发区管委会副主任王磊表示: the zone is the speaker's office, not an undertaking
_SPEAKERS_OFFICE = re.compile(r"(?:管委会|党工委|管理委员会|工作委员会)[^，,。；;]{0,6}?(?:主任|书记|负责人|局长|部长|主席)")


def _adjacent_quotes(name: str) -> list[tuple[str, int]]:
    """“拿地即开工”“交房即交证”: quoted items listed without a 、 between them are one item each."""
    if "”“" not in name:
        return [(name, 0)]
    parts = list(_ADJACENT_QUOTE.finditer(name))
    if "".join(m.group() for m in parts) != name:
        return [(name, 0)]
    return [(m.group(), m.start()) for m in parts]


_PREPOSITIONS = ("对", "在", "为", "与", "向", "把", "将", "以")


def _items_sharing_the_suffix(tokens: Sequence[Token], i: int) -> int | None:
    """Where a 、-list of short suffixless items ending in phrase i starts (分级决策、协同招商机制), if it does."""
    j = i
    while j >= 2 and tokens[j - 1].kind == "list" and tokens[j - 2].kind == "phrase" \
            and 2 <= len(tokens[j - 2].text) <= 8 and _last_suffix(tokens[j - 2].text) is None \
            and not tokens[j - 2].text.endswith(lex.MEASURE_SUFFIXES):
        j -= 2
    if j == i or (j > 0 and tokens[j - 1].kind != "verb") or "的" in tokens[i].text \
            or tokens[j].text.startswith(_PREPOSITIONS):
        return None  # (布局合理、公益普惠的学前教育体系: what is listed describes it, it is one thing)
    return tokens[j].start


def _before_an_open_bracket(name: str) -> str:
    """…有限公司项目(天马项目: a note the clause cut open is not part of the name."""
    for opening, closing in (("(", ")"), ("（", "）")):
        cut = name.rfind(opening)
        if cut >= 2 and closing not in name[cut:]:
            name = name[:cut]
    return name


def _conjoined_names(name: str, kind: str) -> list[tuple[str, int]]:
    """A项目和B项目, A路及B大桥: two projects when each half ends a project's name by itself (广渠春晓和广渠秋韵 stays one);
    “红墙先锋工程”和“双提升”工程: two quoted programmes, each a measure."""
    if kind == "measure" and "”和“" in name and name.startswith("“"):
        cut = name.index("”和“") + 1
        tail = name[name.rindex("”") + 1:]
        # (but “京津冀通关便利化”和“北京空港国际物流平台”区块链应用场景: the long noun after them is both's)
        if 1 <= len(tail) <= 2 and name.count("“") == 2:
            return [(name[:cut], 0), (name[cut + 1:], cut + 1)]
    if kind != "project" or not ("和" in name or "及" in name or "与" in name):
        return [(name, 0)]
    cut = max(name.rfind("和"), name.rfind("及"), name.rfind("与"))  # (厂通路及跨潮白河大桥)
    left, right = name[:cut], name[cut + 1:]
    if len(left) >= 3 and len(right) >= 3 and _ends_a_project(left) and _ends_a_project(right):
        return [(left, 0), (right, cut + 1)]
    return [(name, 0)]


_HAVING = re.compile(r"(?:^(?:既|也)?|(?<=[\u4e00-\u9fff]{2}))(?:建有|拥有|有)(?![限色机效])(?!.*有(?![限色机效]))")
_LIST_CLOSED_BY_A_COUNT = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d+|[两三四五六七八九十]+)[个家项所]([\u4e00-\u9fff]{2,6})$")


def _category_after_list(tokens: Sequence[Token], i: int) -> str | None:
    """The phrase after the 等 that closes the 、-list phrase i is in, if it is in one."""
    j = i + 1
    while j < len(tokens) and tokens[j].kind in ("list", "phrase"):
        j += 1
    if j < len(tokens) and tokens[j].kind == "deng" and j + 1 < len(tokens) and tokens[j + 1].kind == "phrase":
        return tokens[j + 1].text
    # 伊藤忠纤维、佰达天昇、凯普顿医药6家企业: a count of the items closes the list, in its last phrase
    last = tokens[j - 1].text
    if tokens[j - 1].kind != "phrase" or not ("家" in last or "个" in last or "项" in last or "所" in last):
        return None
    tally = _LIST_CLOSED_BY_A_COUNT.search(last)
    return tally.group(1) if tally and any(t.kind == "list" for t in tokens[max(0, i - 1):j]) else None


def _listed_as_works(tokens: Sequence[Token], i: int) -> bool:
    category = _category_after_list(tokens, i)
    return category is not None and _LISTED_AS_WORKS.match(category) is not None


def _list_category(tokens: Sequence[Token], i: int, categories: re.Pattern = lex.PROJECT_CATEGORIES) -> bool:
    """True when phrase i belongs to a 、-list that ends in 等 + a category noun (a project one by default)."""
    category = _category_after_list(tokens, i)
    if category is not None:
        if categories is not lex.PROJECT_CATEGORIES and lex.PROJECT_CATEGORIES.search(category):
            return False  # …等项目, …等企业: projects, whatever else the category says
        return bool(categories.search(category) if categories is lex.PROJECT_CATEGORIES else categories.match(category))
    return False


_LANDING = ("落户", "入驻", "落地", "迁入", "引进", "引入", "进驻", "注册成立", "签约落地", "签约")
_DONE = ("开工", "竣工", "建成", "投用", "开业", "开街", "完工", "开诊", "开学", "交付", "挂牌", "投入使用",
         "试运营", "进入试运营", "揭牌", "投产", "开园", "封顶", "投入运行", "正式运行", "投运")
_ADVERB_VERBS = {re.sub(r"\(\?<?[!=][^)]*\)", "", w) for w in lex.ADVERBS}


def _next_verb(tokens: Sequence[Token], j: int) -> str | None:
    """The first verb after token j, skipping padding adverbs (正式, 陆续, 先后)."""
    while j < len(tokens) and tokens[j].kind == "verb":
        if tokens[j].text not in _ADVERB_VERBS:
            return tokens[j].text
        j += 1
    return None


def _status_named(tokens: Sequence[Token], i: int) -> bool:
    """A name right before 落户/入驻/竣工/开业, or right after 引进/引入 (firms need no suffix)."""
    j = i
    while j + 1 < len(tokens) and tokens[j + 1].kind in ("list", "phrase"):
        j += 1
    if j + 1 < len(tokens) and tokens[j + 1].kind == "deng":
        j += 1  # 美团、清华同衡等都已进驻: the list closes with 等 and no category noun
    verb = _next_verb(tokens, j + 1)
    if verb is not None and verb.startswith(_LANDING + _DONE):
        return True
    k = i
    while k - 1 >= 0 and tokens[k - 1].kind in ("list", "phrase"):
        k -= 1
    return k - 1 >= 0 and tokens[k - 1].kind == "verb" and tokens[k - 1].text in ("引进", "引入", "入驻", "落地", "签约落地", "进驻")


# words that sit where a name would (落地我区, 目前已落地) but are places, times or pronouns
_NOT_NAMES = re.compile(
    r"^(?:我区|本区|我市|本市|全区|全市|在京|京|目前|不久前|此前|近年来|每年|今年|明年|契机|案例|发力|中小学|中小学校|"
    r"(?:其中)?(?:[一二三四]季度|上半年|下半年|年内|年底|全年)|全部|全都|"
    r"[^\s]{0,2}(?:之路|道路|思路|出路|新路))$"
)


def _is_place_name(name: str) -> bool:
    """A district or the city by itself (在北京经济技术开发区集中签约): where, not what. (Parks and zones
    that the place aliases map to a district, 中关村软件园, are projects.)"""
    return name in district_rules.jurisdiction_names() or _FOREIGN_PLACE.fullmatch(name) is not None


_FOREIGN_PLACE = re.compile(r"(?:中国)?(?:香港|澳门|台湾)(?:地区)?|欧洲|亚洲|非洲|美洲|东盟|日韩|京津冀")


_QUOTED_SLOGANS = re.compile(r"(?:“[^“”]{1,4}”){2,}")  # 深度融入“两区”“三平台”建设: slogans, nothing built
_COUNTED_LAYOUT = re.compile(r"“(?:[一二两三四五六七八九十百千万]+[\u4e00-\u9fff]{1,3}){2,}”")


def _project_name_ok(cand: "_Candidate") -> bool:
    name = cand.name
    if _NOT_NAMES.match(name) or "的" in name or "《" in name or _is_place_name(name):
        return False  # (《北京市城乡规划条例》组织实施: a law carried out is a measure, not works)
    if _COUNTED_LAYOUT.fullmatch(name) or _QUOTED_SLOGANS.fullmatch(name):
        return False  # “两基地三园区”, “三城一区”: a slogan for a layout, not one thing built
    if cand.verbs_before[-1:] and cand.verbs_before[-1] in _HONOUR_VERBS and cand.suffix not in _ZONE_SUFFIXES:
        return False  # 首开LONG街入选北京最美街巷: a list or an honour won, not a thing built
    # a bare list item with no name-ending noun must look like a proper name, not a trade (法律、会计); two
    # characters are enough for a firm listed as one (智谱、深言、面壁等51家人工智能企业, 礼来、辉瑞等医药巨头)
    return cand.suffix is not None or len(name) >= 3 or name.startswith("“") \
        or cand.listed and len(name) == 2 and not _TRADE_OR_FIELD.fullmatch(name)


_QUOTED_NAME = re.compile(r"[“\"‘](.*)[”\"’]")
# two-character words for a line of business or a field, listed like firms (法律、会计等专业服务机构)
_TRADE_OR_FIELD = re.compile(
    r"法律|会计|审计|咨询|税务|评估|医疗|医药|教育|物流|餐饮|零售|批发|金融|银行|保险|证券|信托|基金|租赁|广告|设计|研发"
    r"|制造|建筑|文化|旅游|体育|养老|托育|家政|中介|科技|创新|服务|商务|商贸|贸易|电商|传媒|能源|环保|农业|工业|汽车|地产")


@lru_cache(maxsize=1)
def _place_slogan() -> re.Pattern:
    pattern, _names = district_rules.alias_pattern()
    # (“六大房山”建设, “五宜”朝阳建设: building to a slogan is a programme, and stays)
    return re.compile(rf"(?:{pattern.pattern})”?$|^“..[兴强立]区”$")


# measure nouns that name a policy by themselves (not 服务, 建设, 管理: those also end descriptions)
_POLICY_SUFFIXES = frozenset({"机制", "模式", "办法", "制度", "政策", "方案", "试点", "改革", "措施", "举措", "体系",
                              "清单", "规划", "计划", "专项行动", "新政", "条例"})


def _measure_name_ok(cand: "_Candidate") -> bool:
    name = cand.name
    if lex.NOT_A_MEASURE.search(name) or _NOT_NAMES.match(name):
        return False
    quoted = _QUOTED_NAME.fullmatch(name)
    if quoted and len(quoted.group(1)) <= 2:
        return False  # “两区”, “五子”: a slogan, not a programme
    if _place_slogan().search(name):
        return False  # “绿水青山门头沟”, “文化兴区”: a district's slogan, not a programme
    # an act of government: the phrase is the object of a verb, or the subject of 落地/实施 (相继推出: past adverbs),
    # or it is listed as one (一般制造业疏解提质等9项任务提前完成)
    if cand.verbs_before or cand.listed:
        return True
    if quoted and _last_suffix(quoted.group(1)) is not None and len(quoted.group(1)) >= 3:
        return True  # “丰铃行动”解决群众急难愁盼: a quoted programme's name says what it is
    if cand.alone and cand.suffix in _POLICY_SUFFIXES and name.endswith(cand.suffix) and len(name) >= 6 \
            and "的" not in name:
        return True  # …，反复打磨“1+N”奖励办法，…: one of a run of acts whose verb our lists lack
    verb_after = next((v for v in cand.verbs_after if v not in _ADVERB_VERBS), None)
    return verb_after is not None and verb_after.startswith(lex.MEASURE_SUBJECT_VERBS)


def _act_name_kept(name: str) -> bool:
    """Whether an act named with its verb (发展数字经济) names something: its object may be a bare field."""
    return not (_is_generic(name) or _COUNT.search(name) or name.count("“") != name.count("”")
                or name.count("(") != name.count(")") or name.count("（") != name.count("）")
                or lex.NOT_A_NAME.search(name))


def _name_kept(name: str) -> bool:
    """Whether a name is kept: as an act's, and it does not open with a digit nor is a bare field (_not_a_name)."""
    return _act_name_kept(name) and not (_DIGIT.search(name[:1] or "") or _not_a_name(name))


def _lookbehinds_see_one_character(pattern: str) -> bool:
    bodies = re.findall(r"\(\?<[=!](.*?)\)", pattern)
    return all(re.fullmatch(r"\[[^\]]*\]|[^\[\]()|\\]", body) for body in bodies)


if not _lookbehinds_see_one_character(_STOP_RE.pattern):  # what _clause_candidates relies on
    raise ValueError("a boundary word looks back more than one character: widen _clause_candidates' context")


# A clause that is one act of policy and nothing more: [who] [how] VERB OBJECT (严控山区开发强度, 划定“三线三区”,
# 大力发展数字经济, 优化消费环境). These verbs are not boundary words, because they also sit inside names (发展改革委,
# 产业布局, 引导基金), so the act is read from the whole clause; it is named with its verb, since the object alone is
# often a bare field (数字经济, 消费环境) that names nothing.
_ACT_VERBS = ("发展", "增加", "严控", "严格控制", "划定", "布局", "挖掘", "开辟", "承接", "引导", "执行", "扶持", "优化",
              "吸引")
_ACT_LEAD = re.compile(
    r"(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]是|\d{1,2}[.、．])?"
    r"(?:(?:全区|全市|我区|本区|我市|本市|区|市)(?=[将还也要]|进一步|大力|积极|持续|坚决|继续))?"
)
_ACT_ADVERBS = re.compile(
    r"(?:将|还将|还|也|要|进一步|大力|积极|持续|坚决|继续|不断|切实|深入|稳步|有序|着力|全力|加快|主动|同时|努力|更加|精准|"
    r"科学|合理|严格|全面|统筹|逐步|重点|有效)*"
)
_ACT_VERB = re.compile(literal_alternation(_ACT_VERBS))
_ACT_OBJECT = re.compile(r"[^，,。；;：:！？!?\s0-9０-９%％]{2,18}")
# (发展信号积极释放: 发展 is the subject of a predicate of its own, not a verb of policy)
_ACT_INNER_PREDICATE = re.compile(r"积极|持续|不断|逐步|明显|显著")
_ACT_TAIL = re.compile(r"[，,。；;！？!?]?$")


def _whole_clause_act(clause_text: str) -> tuple[str, int, str] | None:
    """(name, offset in the clause, verb) of the act a clause consists of (…，严控山区开发强度，…), or None."""
    if _ACT_VERB.search(clause_text, 0, 24) is None:  # (most clauses: one scan in C, before the parse)
        return None
    at = _ACT_LEAD.match(clause_text).end()
    lead = _leading_jurisdictions().match(clause_text, at)
    if lead:
        at = lead.end()
    at = _ACT_ADVERBS.match(clause_text, at).end()
    verb = _ACT_VERB.match(clause_text, at)
    if verb is None:
        return None
    tail = _ACT_TAIL.search(clause_text)
    obj = _ACT_OBJECT.fullmatch(clause_text, verb.end(), tail.start())
    if obj is None or obj.group().endswith(("的", "和", "与", "及", "等")) or _ACT_INNER_PREDICATE.search(obj.group()):
        return None
    works = _last_suffix(obj.group())
    if works is not None and works[2] == "project" and works[0] == len(obj.group()):
        return None  # 优化升级王府井百货大楼南馆: works on a place, which the project rules read
    name = _without_trailing_noise(clause_text[verb.start():tail.start()])
    return (name, verb.start(), verb.group()) if len(name) - len(verb.group()) >= 2 else None


# What every candidate needs somewhere in its clause (_candidates' branches): a name-ending noun, a 、-list or 等,
# a quote, a verb a status or a landing is read from, or a policy verb whose object closes the clause. A clause
# with none of them (about a quarter of government prose) yields nothing, and is not cut into tokens at all.
_MAY_NAME_SOMETHING = re.compile(literal_alternation(
    [suffix for suffix, _ in _SUFFIXES] + list(lex.SINGLE_CHAR_PROJECT_SUFFIXES) + list(_OBJECT_VERBS)
    + list(_LANDING) + list(_DONE) + ["、", "等", "“", "\""]))


@lru_cache(maxsize=1 << 15)
def _clause_candidates(before: str, clause_text: str, after: str) -> tuple[tuple, ...]:
    """The kept candidates of one clause, as _Candidate fields with offsets from the clause start.

    They depend on the clause and the one character on either side (a lookbehind of the boundary
    words and the 等 of 平等/等级 can see that far), so they are computed on just that much text and
    memoised: government prose repeats its clauses a lot (一是…, 加快推进…)."""
    if _MAY_NAME_SOMETHING.search(clause_text) is None:
        act = _act_candidate(clause_text, 0)
        return () if act is None else (("measure", act.name, act.start, act.end, None, act.verbs_before, (), _name_ok(act)),)
    local = before + clause_text + after
    clause = Span(clause_text, len(before), len(before) + len(clause_text))
    bounds = _AREA_BOUNDS.search(clause_text) is not None
    kept = [c for c in _candidates(local, clause)
            if (_name_kept(c.name) or (c.listed or "“" in c.name) and _is_policy_package(c.name))
            and not (bounds and c.kind == "project")]
    if clause_text.count("、") >= 2:
        kept = _list_items_share_a_kind(local, kept)
    found = [(c, _name_ok(c)) for c in kept]
    if not any(ok and c.kind == "measure" for c, ok in found) \
            and (act := _act_candidate(clause_text, clause.start)) is not None:
        found = [(c, ok) for c, ok in found if not (c.kind == "measure" and c.name in act.name)]
        found.append((act, _name_ok(act)))
    return tuple(
        (c.kind, c.name, c.start - clause.start, c.end - clause.start, c.suffix,
         tuple(c.verbs_before), tuple(c.verbs_after), ok)
        for c, ok in found
    )


def _act_candidate(clause_text: str, clause_start: int) -> _Candidate | None:
    """The measure a clause that is one act of policy names (_whole_clause_act), offsets as the clause's."""
    act = _whole_clause_act(clause_text)
    if act is None or not _act_name_kept(act[0]):
        return None
    name, at, verb = act
    return _Candidate("measure", name, clause_start + at, clause_start + at + len(name), None, (verb,), ())


def _list_items_share_a_kind(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """包括…综合实验楼、…交叉研究平台、…创新中心5项: where most items of a 、-list are works, an item whose last
    word could name either (平台, 中心) is one of the works too."""
    in_list = [c for c in cands if text[c.start - 1:c.start] == "、" or text[c.end:c.end + 1] == "、"]
    if sum(c.kind == "project" for c in in_list) < 2:
        return cands
    return [replace(c, kind="project") if c in in_list and c.kind == "measure" and c.suffix in lex.AMBIGUOUS_SUFFIXES
            else c for c in cands]


# 稳经济大盘59条, 助企纾困31条, 市级“稳经济45条”: a policy package named by its number of articles
_POLICY_PACKAGE = re.compile(r"[\u4e00-\u9fff“”]{2,}(?:[0-9０-９]+|[一二三四五六七八九十]+)条”?")


def _is_policy_package(name: str) -> bool:
    """A listed or quoted measure (…、助企纾困31条等政策, “稳经济45条”) whose only count is its number of articles."""
    return _POLICY_PACKAGE.fullmatch(name) is not None and not _is_generic(name) and not _not_a_name(name)


# 北起源盛北街、高压走廊控制用地边界，南至运河西大街: an area's bounds name roads, not projects
_AREA_BOUNDS = re.compile(r"[东南西北](?:起|至|到|邻|临|侧至)")


# 成为“三城一区”主平台, 标志着…片区建设正式启动: what a thing becomes or marks is a role, not an undertaking
_ROLE_VERBS = frozenset({"成为", "标志着"})


def _name_ok(cand: _Candidate) -> bool:
    """Whether a project or measure candidate names something (it depends on the candidate alone)."""
    if cand.verbs_before[-1:] and cand.verbs_before[-1] in _ROLE_VERBS:
        return False
    if cand.kind == "project":
        return _project_name_ok(cand)
    if cand.kind == "measure":
        return _measure_name_ok(cand)
    return False


def _walk(text: str, sentences: Sequence[Sentence]):
    for sentence in sentences:
        if sentence.heading is not None and sentence.span.text == sentence.heading:
            continue  # section titles summarise; the facts are in the body
        tense = _section_tense(sentence)
        for clause in sentence.clauses:
            at = clause.start
            before = text[at - 1:at] if at else ""
            for kind, name, start, end, suffix, verbs_before, verbs_after, name_ok in _clause_candidates(
                    before, clause.text, text[clause.end:clause.end + 1]):
                # the verb tuples are shared by every clause with this text: immutable on purpose
                yield sentence, clause, tense, _Candidate(kind, name, at + start, at + end, suffix,
                                                          verbs_before, verbs_after), name_ok


def extract_entities(text: str, sentences: Sequence[Sentence],
                     district_of: Callable[[int], str]) -> tuple[list[dict], list[dict]]:
    """(projects, measures) from one pass over the clauses: both come from the same candidates."""
    projects: list[dict] = []
    measures: list[dict] = []
    seen_projects: set[str] = set()
    seen_measures: set[str] = set()
    duty_notes = [m.span() for m in lex.DUTY_NOTE.finditer(text)] if "单位" in text else []
    for sentence, clause, tense, cand, name_ok in _walk(text, sentences):
        if duty_notes and any(a <= cand.start < b for a, b in duty_notes):
            continue
        if cand.kind == "project":
            if cand.name in seen_projects or len(cand.name) > 30 or not name_ok \
                    or lex.PROBLEM_CLAUSE.search(clause.text) or _SPEAKERS_OFFICE.match(text, cand.end):
                continue
            seen_projects.add(cand.name)
            # 隆福文化街区二期竣工…确保隆福文化街区开街: the works said again without their phase are that project
            # (A一期竣工，A二期开工: two phases are two projects)
            works = _PHASE_TAIL.sub("", cand.name)
            if works and works != cand.name:
                seen_projects.add(works)
            money = lex.INVESTMENT.search(text, cand.start, sentence.span.end) \
                or lex.INVESTMENT.search(text, clause.start, cand.start)  # 投资12亿元的…医院
            projects.append({
                "name": cand.name,
                "quote": clause.text,  # the clause names it and says what happened
                "district": district_of(cand.start),
                "status": _project_status(cand.verbs_after, cand.verbs_before, clause.text, tense),
                "investment_value": _investment_value(money.group(1)) if money else None,
                "investment_unit": money.group(2) if money else None,
                "sector": classify("project_sectors", cand.name, clause.text),
                "start": clause.start,
                "end": clause.end,
            })
        elif cand.kind == "measure":
            if cand.name in seen_measures or not 3 <= len(cand.name) <= 40 or not name_ok \
                    or lex.PROBLEM_CLAUSE.search(clause.text):
                continue  # (实践, 经验, 投入: two characters name no policy)
            seen_measures.add(cand.name)
            measures.append({
                "name": cand.name,
                "quote": clause.text,
                "district": district_of(cand.start),
                "domain": classify("measure_domains", cand.name, clause.text),
                "status": _measure_status(clause.text, sentence.span.text, tense),
                "start": clause.start,
                "end": clause.end,
            })
    return projects, measures


def _investment_value(number: str) -> float | None:
    """290 → 290.0; 百 (超百亿元) → 100.0, 三十 → 30.0."""
    if number[0].isdigit():
        return float(number)
    from .numbers import chinese_to_number

    return chinese_to_number("一" + number if number[0] in "百千" else number)


def extract_projects(text: str, sentences: Sequence[Sentence], district_of: Callable[[int], str]) -> list[dict]:
    return extract_entities(text, sentences, district_of)[0]


def extract_measures(text: str, sentences: Sequence[Sentence], district_of: Callable[[int], str]) -> list[dict]:
    return extract_entities(text, sentences, district_of)[1]


_TITLE_MARKS = re.compile(r"[《》\n]")


def _bracketed_titles(text: str) -> list[tuple[int, str]]:
    """(start, title) of every 《》 pair, nested ones too (《…关于印发〈贯彻落实《…意见》工作方案〉的通知》)."""
    found, open_at = [], []
    for m in _TITLE_MARKS.finditer(text):
        if m.group() == "《":
            open_at.append(m.start())
        elif m.group() == "\n":
            open_at.clear()  # a title never spans lines
        elif open_at:
            start = open_at.pop()
            if 2 <= m.start() - start - 1 <= 160:
                found.append((start, text[start + 1:m.start()]))
    return sorted(found)


def extract_policy_documents(text: str) -> list[str]:
    """Every 《》 title naming a plan, scheme, regulation or report, deduplicated, in order."""
    titles: list[str] = []
    if "《" not in text:
        return titles
    for _start, title in _bracketed_titles(text):
        title = title.strip()
        if lex.POLICY_TITLE_END.search(title) and title not in titles:
            titles.append(title)
    return titles
