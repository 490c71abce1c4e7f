"""Turn fetched bytes into text and metadata.

Decoding trusts, in order, the HTTP header charset, the page's <meta charset>, then detection
(charset-normalizer). A declaration is only believed when its decoding is clean and looks like
Chinese-site text; otherwise the next candidate is tried, so a page that lies about its charset
still comes out as correct Chinese.

Extraction takes the article body from the site's content selectors (from the registry, else the
common selectors of Chinese government CMSs), falling back to trafilatura, and returns one
paragraph per line with the page chrome (字号, 打印, 扫一扫, share links, breadcrumbs…) removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

CHARSET_ALIASES = {
    # GB2312 and GBK pages routinely use characters only GB18030 (their superset) decodes.
    "gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "utf8": "utf-8", "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "utf-8",
    "us-ascii": "utf-8", "big5": "big5hkscs",
}

META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.I)


def normalize_charset(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = CHARSET_ALIASES.get(name, name)
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = HEADER_CHARSET_RE.search(content_type)
    return m.group(1) if m else None


def meta_charset(body: bytes) -> str | None:
    m = META_CHARSET_RE.search(body[:8192])
    return m.group(1).decode("ascii", "ignore") if m else None


def _plausible(text: str) -> bool:
    """Does this look like a correctly decoded page? Mojibake (GBK read as Latin-1 or UTF-8 read as
    GBK) shows up as Latin-1 letters, control chars or rare CJK where common Hanzi should be."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    if "\ufffd" in text:
        return False
    good = 0
    for c in non_ascii:
        o = ord(c)
        if (0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
                or 0x2000 <= o <= 0x206F or o in (0xA0, 0xB7, 0xD7, 0xB0)):
            good += 1
    return good / len(non_ascii) >= 0.9


def decode(body: bytes, content_type: str | None = None) -> tuple[str, str, str]:
    """Return (text, encoding used, where it came from: header|meta|detected)."""
    candidates = [("header", header_charset(content_type)), ("meta", meta_charset(body))]
    for source, declared in candidates:
        codec = normalize_charset(declared)
        if not codec:
            continue
        try:
            text = body.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            return text, codec, source
    return detect(body)


def detect(body: bytes) -> tuple[str, str, str]:
    for codec in ("utf-8", "gb18030"):  # the two encodings these sites use, tried strictly first
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, codec, "detected"
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is not None:
        codec = normalize_charset(best.encoding) or best.encoding
        return body.decode(codec, errors="replace"), codec, "detected"
    return body.decode("utf-8", errors="replace"), "utf-8", "detected"


# ---------------------------------------------------------------- metadata from text lines

DATE_RE = re.compile(r"(?:日期|发布时间|发布日期|时间)\s*[:：]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
ISSUER_RE = re.compile(r"(?:来源|发布机构|发文机关|信息来源)\s*[:：]\s*([^\s|｜]+(?:\s[^\s|｜:：]+)*?)(?=\s{2,}|\s*[|｜]|\s*(?:作者|浏览|点击|字号|日期|发布)|$)")
MEETING_RE = re.compile(r"^——.*在.*会议上$")
SPEAKER_RE = re.compile(r"(主任|副主任|市长|副市长|区长|副区长|书记|副书记|局长|副局长|部长|主席|秘书长|委员|代表)\s*[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}$")

# Page chrome as it shows up in extracted text. Patterns that could also occur inside an article
# (打印 as in 3D打印, 版权所有, 收藏…) only count on short lines: a body paragraph is never dropped for them.
BOILERPLATE_ANY = [re.compile(p) for p in (
    r"^【?\s*字号\s*[:：]", r"^扫一扫", r"面包屑导航", r"^您访问的链接即将离开", r"^当前位置\s*[:：]",
    r"^首页\s*[>＞›»]", r"^【?\s*[大中小]\s*[大中小]\s*[大中小]\s*】?$", r"^(微信|微博|QQ空间|打印|关闭|收藏)$",
)]
BOILERPLATE_SHORT = [re.compile(p) for p in (
    r"打印", r"收藏", r"分享到", r"关闭窗口", r"^上一篇", r"^下一篇", r"^相关(链接|阅读|文章)",
    r"版权所有", r"网站标识码", r"ICP备", r"京公网安备", r"^主办[:：]", r"^承办[:：]",
)]
SHORT_LINE = 60


def is_boilerplate(line: str) -> bool:
    line = line.strip(" \t\u3000\xa0")
    if any(r.search(line) for r in BOILERPLATE_ANY):
        return True
    return len(line) <= SHORT_LINE and any(r.search(line) for r in BOILERPLATE_SHORT)


def _date_of(m: re.Match | None) -> date | None:
    """The date a (year, month, day) match names, or None when there is none or it is impossible."""
    if not m:
        return None
    year, month, day = [g for g in m.groups() if g is not None][:3]  # (a pattern may offer several forms)
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    return _date_of(DATE_RE.search(text))


# a header line that is a timestamp (2025-07-26 17:42:05, 2024年03月08日 星期五), perhaps before 来源:…
HEADER_DATE_RE = re.compile(r"^(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?"
                            r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*星期[一二三四五六日天])?(?:\s+\S.*)?$")
HEADER_DATE_MAX_LINE = 60


# 北京青年报客户端 2022-06-29 20:35: a date with a time, after the source's name;
# 出处:北京商报 作者:韩昕媛 网编:王巍 2024-09-04: or closing a byline, time or not;
# 2026 01/02 08:17:44: 新华网's header
SOURCE_TIMESTAMP_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})\s+\d{1,2}:\d{2}"
                                 r"|(?:出处|来源|作者|编辑|网编)\s*[:：].*?(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
                                 r"|^(\d{4}) (\d{2})/(\d{2}) \d{2}:\d{2}(?::\d{2})?\s*$")


def _timestamp_line(line: str) -> tuple[date | None, date | None]:
    """(the date a short header line opens with, the date it carries with a time after a source's name)."""
    if len(line) > HEADER_DATE_MAX_LINE:
        return None, None
    return _date_of(HEADER_DATE_RE.match(line)), _date_of(SOURCE_TIMESTAMP_RE.search(line))


def header_date(lines: list[str]) -> date | None:
    """The date a page's header states without a label: a short line that opens with it, else one
    that carries it with a time of day after the source's name."""
    found = [_timestamp_line(line.strip(WS)) for line in lines]
    return next((opening for opening, _ in found if opening), None) or next((after for _, after in found if after), None)


ISSUER_END_RE = re.compile(r"(字号|浏览|点击|作者|打印|【|\[|分享)")


def parse_issuer(text: str) -> str | None:
    for line in text.splitlines():
        m = ISSUER_RE.search(line.strip())
        if m:
            # widgets on the same line (来源:区发改委 字号:大 中 小 打印) are not part of the issuer
            value = ISSUER_END_RE.split(m.group(1))[0].strip()
            if value:
                return value
    return None


def meeting_and_speaker(lines: list[str]) -> tuple[str | None, str | None]:
    """The '——<date>在<body>会议上' line (often wrapped over two lines) and the speaker line after it."""
    stripped = [l.strip(" \u3000\t\xa0") for l in lines]
    stripped = [l for l in stripped if l]
    for i, line in enumerate(stripped[:15]):
        if not line.startswith("——"):
            continue
        meeting, j = line, i
        while "会议上" not in meeting and j + 1 < min(len(stripped), i + 3):
            j += 1
            meeting += stripped[j]
        if not MEETING_RE.match(meeting):
            continue
        speaker = None
        if j + 1 < len(stripped) and len(stripped[j + 1]) <= 40 and SPEAKER_RE.search(stripped[j + 1]):
            speaker = stripped[j + 1]
        return meeting, speaker
    return None, None


@dataclass
class Extracted:
    title: str | None = None
    publish_date: date | None = None
    issuer: str | None = None
    meeting: str | None = None
    speaker: str | None = None
    text: str = ""
    links: list[str] = field(default_factory=list)


def clean_field(value: str | None, join_hanzi: bool = False) -> str | None:
    """Metadata as one line: whitespace runs become one space; with join_hanzi, spaces between two
    Hanzi (left by line wrapping in text captures) go away too."""
    if not value:
        return None
    value = re.sub(r"[\s\u3000\xa0]+", " ", value).strip()
    if join_hanzi:
        value = re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", value)
    return value or None


def looks_like_title(line: str) -> bool:
    """A heading, not a body paragraph: short and not ending a sentence."""
    return len(line) <= 80 and not line.endswith(("。", "！", "？", "!", "?", "；", ";"))


def meeting_date(meeting: str | None) -> date | None:
    return _date_of(re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", meeting or ""))


def speaker_org(speaker: str | None) -> str | None:
    """'北京市人民政府副市长 杨晋柏' → '北京市人民政府': the body the speaker reports for."""
    m = re.match(r"^(.+?(?:人民政府|委员会|常委会|政府|局|办公室|办))\s*(?:常务)?副?"
                 r"(?:市长|区长|主任|局长|秘书长|书记|部长)", speaker or "")
    return m.group(1) if m else None


# a line that names a document (关于…的报告, …的通知, 政府工作报告, …工作要点), not a site or a widget
DOCUMENT_TITLE_RE = re.compile(r"^关于.{4,}的(?:报告|通知|决定|决议|意见|汇报|说明|批复|公告|公报)$|.{2,}的(?:通知|决定|决议|公告)$"
                               r"|政府工作报告|计划执行情况|工作要点|工作方案|实施方案|行动计划|行动方案|统计公报|情况报告")
MIN_TITLE_HANZI = 5  # Logo, 导航菜单, 信息详情: chrome, not a title


def _text_title(lines: list[str]) -> str | None:
    candidates = [l.strip(WS) for l in lines if l.strip(WS)]
    candidates = [l for l in candidates if not DATE_RE.search(l) and not any(_timestamp_line(l))
                  and not is_boilerplate(l) and not l.startswith("——")]
    if not candidates:
        return None
    named = next((l for l in candidates[:6] if looks_like_title(l) and DOCUMENT_TITLE_RE.search(l)), None)
    first = candidates[0]
    if named and not DOCUMENT_TITLE_RE.search(first):
        return named  # a site name or a section label stands above the document's own title
    hanzi = sum(1 for ch in first if "\u4e00" <= ch <= "\u9fff")
    if looks_like_title(first) and hanzi >= MIN_TITLE_HANZI:
        return first
    return named


def parse_text_file(text: str) -> Extracted:
    """A plain-text document: text kept exactly as written; metadata read from its header lines."""
    lines = text.splitlines()
    head = "\n".join(lines[:12])
    title = _text_title(lines[:12])
    meeting, speaker = meeting_and_speaker(lines[:30])
    speaker = clean_field(speaker)
    published = parse_date(head) or header_date(lines[:12]) or meeting_date(meeting)
    return Extracted(title=clean_field(title, join_hanzi=True), publish_date=published,
                     issuer=parse_issuer(head) or speaker_org(speaker),
                     meeting=meeting, speaker=speaker, text=text)


# ---------------------------------------------------------------- HTML

DEFAULT_CONTENT_SELECTORS = (
    ".TRS_Editor", ".trs_editor_view", "#zoom", "#UCAP-CONTENT", ".view.TRS_UEDITOR", ".article-content",
    ".art_con", ".xl_con", ".content_text", ".article", "#content", ".content", "article",
)
DEFAULT_TITLE_SELECTORS = ("meta[name=ArticleTitle]", "h1", ".article-title", ".xl_title", "h2")
BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "center", "br"}
WS = " \t\r\n\u3000\xa0"
TABLE_CELL_SEPARATOR = "\t"


def _block_lines(node) -> list[str]:
    """Text of a node, one line per block element (p, div, br, …), inline text kept as written."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, ProcessingInstruction

    lines: list[str] = []
    buf: list[str] = []

    def flush():
        line = "".join(buf).replace("\r", "").replace("\n", "").strip(WS)
        if line:
            lines.append(line)
        buf.clear()

    def walk(n):
        for child in n.children:
            if isinstance(child, (Comment, Declaration, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                buf.append(str(child))
            elif isinstance(child, Tag):
                if child.name in ("script", "style", "noscript", "iframe", "form", "select", "button"):
                    continue
                if child.name == "tr":
                    cells = child.find_all(["td", "th"], recursive=False)
                    if cells:
                        # one line per row, cells tab-separated: run together, 68.2 and 3.5 would read 68.23.5
                        flush()
                        row = [" ".join(_block_lines(cell)) for cell in cells]
                        if any(row):
                            lines.append(TABLE_CELL_SEPARATOR.join(row).rstrip(TABLE_CELL_SEPARATOR))
                        continue
                if child.name in BLOCK_TAGS:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)

    walk(node)
    flush()
    return lines


def _meta(soup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"name": re.compile(f"^{name}$", re.I)})
    content = tag.get("content") if tag else None
    return content.strip() if content and content.strip() else None


def parse_html(html: str, url: str = "", content_selectors=None, title_selectors=None,
               drop_selectors=None) -> Extracted:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for sel in drop_selectors or ():
        for tag in soup.select(sel):
            tag.decompose()
    page_lines = _block_lines(soup.body or soup)
    page_text = "\n".join(page_lines)

    body_lines: list[str] | None = None
    for sel in list(content_selectors or ()) + list(DEFAULT_CONTENT_SELECTORS):
        try:
            found = soup.select(sel)
        except Exception:
            continue
        nodes = [n for n in found if "".join(n.stripped_strings)]
        if nodes:
            body_lines = [l for n in nodes for l in _block_lines(n)]
            break
    if body_lines is None:
        body_lines = _trafilatura_lines(html) or page_lines
    body_lines = [l for l in body_lines if not is_boilerplate(l)]

    title = None
    for sel in list(title_selectors or ()) + list(DEFAULT_TITLE_SELECTORS):
        node = soup.select_one(sel)
        if node is None:
            continue
        text = node.get("content") if node.name == "meta" else " ".join(node.stripped_strings)
        if text and text.strip():
            title = re.sub(r"\s+", " ", text).strip()
            break
    if not title and soup.title and soup.title.string:
        title = re.split(r"\s*[-_|｜]\s*", soup.title.string.strip())[0] or None

    pub = None
    meta_date = _meta(soup, "PubDate") or _meta(soup, "firstpublishedtime")
    if meta_date:
        pub = parse_date("日期:" + meta_date)
    pub = parse_date(page_text) or pub
    meeting, speaker = meeting_and_speaker(body_lines)
    speaker = clean_field(speaker)
    issuer = parse_issuer(page_text) or _meta(soup, "ContentSource") or speaker_org(speaker)
    links = [a["href"] for a in soup.find_all("a", href=True)]
    return Extracted(title=clean_field(title), publish_date=pub or meeting_date(meeting), issuer=clean_field(issuer),
                     meeting=meeting, speaker=speaker, text="\n".join(body_lines), links=links)


# trafilatura turns cells into lines and tabs into spaces; a table is handed to it as one paragraph per
# row with this mark between the cells, which it keeps, and which becomes the cell separator again
_CELL_MARK = "⇥"


def _tables_as_rows(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    tables = soup.find_all("table")
    for table in tables:
        if table.find_parent("table") is not None:
            continue  # rendered with its outer table
        block = soup.new_tag("div")
        for line in _block_lines(table):
            row = soup.new_tag("p")
            row.string = line.replace(TABLE_CELL_SEPARATOR, _CELL_MARK)
            block.append(row)
        table.replace_with(block)
    return str(soup) if tables else html


def _trafilatura_lines(html: str) -> list[str]:
    import trafilatura

    text = trafilatura.extract(_tables_as_rows(html), include_comments=False, include_tables=True,
                               favor_recall=True)
    if not text:
        return []
    lines = (l.replace(_CELL_MARK, TABLE_CELL_SEPARATOR) for l in text.splitlines())
    return [l.strip(WS) for l in lines if l.strip(WS)]
