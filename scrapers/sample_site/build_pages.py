"""Regenerate the sample site's page files from the five gold texts (tests/data/gold/*.txt).

The output (pages/, versions/, manifest.yaml) is committed data; run this only to change the site:
    python -m scrapers.sample_site.build_pages
The faults the server plays (500s, 429, slow, redirects, oversize, changed page…) are in routes.yaml.

Two sites share one loopback host:
  /            a district government portal in the TRS style (北京市东城区人民政府)
  /rdgb/       the municipal People's Congress standing committee bulletin (公报 issues listing items)
"""
from __future__ import annotations

import html
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scrapers.parse import is_boilerplate

HERE = Path(__file__).resolve().parent
GOLD = HERE.parents[1] / "tests" / "data" / "gold"
PAGES = HERE / "pages"
VERSIONS = HERE / "versions"
LIST_PAGE_SIZE = 8
BULLETIN_PAGE_SIZE = 2


@dataclass
class Article:
    path: str                     # URL path on the sample site
    title: str
    lines: list[str]              # body paragraphs, as the text has them
    date: str | None = None       # "2024-03-26 17:00"
    issuer: str | None = None
    encoding: str = "utf-8"       # bytes written in this encoding
    meta_charset: str | None = "utf-8"   # what <meta charset> declares (may lie)
    gold_id: str | None = None
    broken: bool = False
    listed: bool = True
    list_path: str | None = None  # which list shows it (default: its section)
    notes: list[str] = field(default_factory=list)


def gold_article(stem: str) -> tuple[dict, list[str]]:
    meta = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    text = (GOLD / f"{stem}.txt").read_text(encoding="utf-8")
    lines = [l for l in text.splitlines() if l.strip(" \u3000\xa0\t")]
    return meta, lines


def strip_chrome(lines: list[str], title: str | None) -> list[str]:
    """Drop what the text file captured of the web page around the article (title, 日期/来源 line,
    字号/打印 widgets, breadcrumbs, 扫一扫 footer): on the sample site these are page chrome."""
    def norm(s):
        return "".join(s.split())

    out = []
    for l in lines:
        s = l.strip(" \u3000\xa0\t")
        if is_boilerplate(s) or s.startswith("日期:") or (title and norm(s) == norm(title)):
            continue
        out.append(l)
    return out


# ------------------------------------------------------------------ filler text

DISTRICT = "东城区"
TOPICS = [
    ("服务业扩大开放", "区商务局"), ("营商环境优化", "区发改委"), ("数字经济发展", "区经济和信息化局"),
    ("文化金融融合", "区文促中心"), ("知识产权保护", "区市场监管局"), ("国际人才服务", "区人力社保局"),
    ("跨境贸易便利化", "区商务局"), ("重点项目建设", "区发改委"), ("科技创新", "区科信局"),
    ("城市更新", "区住房城市建设委"), ("政务服务改革", "区政务服务局"), ("消费提质升级", "区商务局"),
    ("绿色低碳发展", "区生态环境局"), ("中医药服务贸易", "区卫生健康委"),
]
KINDS = ["工作计划", "工作要点", "实施方案", "工作总结", "专项规划"]


def filler_lines(i: int, topic: str) -> list[str]:
    n = 3 + i % 4
    return [
        f"\u3000\u3000为深入推进{DISTRICT}{topic}工作，按照区委区政府部署，结合本区实际，制定本{KINDS[i % len(KINDS)]}。",
        f"\u3000\u3000一、总体要求。坚持稳中求进工作总基调，聚焦{topic}重点任务，力争全年完成{10 + i}项重点任务。",
        f"\u3000\u3000二、主要任务。推进{n}个重点项目建设，新增{topic}相关市场主体{100 + 7 * i}家，同比增长{3 + i % 5}.{i % 10}%。",
        f"\u3000\u3000三、保障措施。加强统筹协调，压实各部门责任，定期调度{topic}任务进展，确保各项工作落地见效。",
    ]


def filler(i: int, path: str, month: str, **kw) -> Article:
    topic, issuer = TOPICS[i % len(TOPICS)]
    kind = KINDS[i % len(KINDS)]
    day = 1 + (i * 3) % 27
    date = f"{month[:4]}-{month[4:]}-{day:02d} {9 + i % 8:02d}:00"
    return Article(path=path, title=f"{DISTRICT}2024年{topic}{kind}", lines=filler_lines(i, topic),
                   date=date, issuer=issuer, **kw)


# ------------------------------------------------------------------ page templates (TRS style)

SITE_NAME = "北京市东城区人民政府"
HEAD = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge">
{charset}<title>{title}_{site}</title>
<meta name="SiteName" content="{site}">
{metas}<link rel="stylesheet" href="/images/style.css">
</head>
"""
TOP = """<body>
<div class="header"><div class="logo"><a href="/index.html">{site}</a></div>
<ul class="nav"><li><a href="/index.html">首页</a></li><li><a href="/zwgk/ghjh/index.html">规划计划</a></li>
<li><a href="/zwgk/lqjs/index.html">两区建设</a></li><li><a href="/rdgb/index.html">人大常委会公报</a></li></ul></div>
"""
FOOTER = """<div class="share"><span>分享到：</span><a href="#" class="wx">微信</a><a href="#" class="wb">微博</a><a href="#" class="qq">QQ空间</a></div>
<div class="ewm"><img src="/images/ewm.png" alt=""><p>扫一扫在手机上打开页面</p></div>
<div class="footer"><p>主办：{site}办公室　承办：{site}政务服务中心</p>
<p>版权所有：{site}　京ICP备05061339号　京公网安备11010102000035号　网站标识码：1101010001</p>
<p>您访问的链接即将离开“{site}”门户网站 是否继续?</p></div>
</body>
</html>
"""


def charset_meta(a: Article) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={a.meta_charset}">\n' if a.meta_charset else ""


def breadcrumb(parts: list[tuple[str, str]]) -> str:
    links = " &gt; ".join(f'<a href="{href}">{html.escape(name)}</a>' for name, href in parts)
    return f'<div class="crumb"><img src="/images/crumb.png" alt="面包屑导航小图标"> 当前位置：{links}</div>\n'


def paragraphs(lines: list[str]) -> str:
    return "\n".join(f"<p>{html.escape(l, quote=False)}</p>" for l in lines)


def district_article_html(a: Article, section_name: str, section_href: str) -> str:
    metas = f'<meta name="ArticleTitle" content="{html.escape(a.title)}">\n'
    if a.date:
        metas += f'<meta name="PubDate" content="{a.date}">\n'
    if a.issuer:
        metas += f'<meta name="ContentSource" content="{html.escape(a.issuer)}">\n'
    info = []
    if a.date:
        info.append(f"日期:{a.date}")
    if a.issuer:
        info.append(f"来源:{html.escape(a.issuer)}")
    body = paragraphs(a.lines)
    if a.broken:
        # Unclosed <p>s and <font>, a stray </td>, an unquoted attribute, a missing </div>:
        # the kind of markup old CMS templates and editors leave behind.
        body = "\n".join(f"<p align=justify><font face=宋体>{html.escape(l, quote=False)}" for l in a.lines) + "\n</td>"
        end_content = ""
    else:
        end_content = "</div>"
    return (
        HEAD.format(charset=charset_meta(a), title=html.escape(a.title), site=SITE_NAME, metas=metas)
        + TOP.format(site=SITE_NAME)
        + breadcrumb([("首页", "/index.html"), ("政务公开", "/zwgk/index.html"), (section_name, section_href)])
        + '<div class="article">\n'
        + f'<h1 class="xl_title">{html.escape(a.title)}</h1>\n'
        + f'<div class="xl_info"><span>{"&nbsp;&nbsp;&nbsp;&nbsp;".join(info)}</span>\n'
        + '<span class="zh">字号:<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> '
          '<a href="javascript:doZoom(14)">小</a></span>\n'
        + '<span class="dy"><a href="javascript:window.print()">打印</a></span></div>\n'
        + '<div class="view TRS_UEDITOR trs_paper_default trs_web">\n<div class="TRS_Editor">\n'
        + body + f"\n{end_content}</div>\n</div>\n"
        + FOOTER.format(site=SITE_NAME)
    )


def district_list_html(title: str, href_base: str, items: list[Article], page: int, pages: int, crumb) -> str:
    lis = "\n".join(
        f'<li><a href="{rel_link(href_base, a.path)}" target="_blank" title="{html.escape(a.title)}">'
        f'{html.escape(a.title)}</a><span>{(a.date or "")[:10]}</span></li>'
        for a in items
    )
    return (
        HEAD.format(charset='<meta charset="utf-8">\n', title=title, site=SITE_NAME, metas="")
        + TOP.format(site=SITE_NAME) + breadcrumb(crumb)
        + f'<div class="list"><h2>{title}</h2>\n<ul class="list_ul">\n{lis}\n</ul>\n'
        + '<div class="page"><script type="text/javascript">\n'
        + f'createPageHTML({pages}, {page}, "index", "html");\n</script></div>\n</div>\n'
        + FOOTER.format(site=SITE_NAME)
    )


def rel_link(list_dir: str, target: str) -> str:
    """TRS lists link articles relative to the list folder ('./202403/t….html') when they can."""
    return "./" + target[len(list_dir):] if target.startswith(list_dir) else target


RD_SITE = "北京市人大常委会"


def bulletin_page(title: str, crumb_names: list[str], inner: str, charset="gb2312") -> str:
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{html.escape(title)}-{RD_SITE}</title></head>\n<body>\n"
        f'<div class="top"><a href="/rdgb/index.html">{RD_SITE}公报</a></div>\n'
        f'<div class="position">面包屑导航小图标 首页 &gt; {" &gt; ".join(crumb_names)}</div>\n'
        + inner
        + '\n<div class="foot"><p>扫一扫在手机上打开页面</p><p>版权所有：北京市人大常委会办公厅　京ICP备05060933号</p></div>\n'
          "</body></html>\n"
    )


def bulletin_article_html(a: Article, crumbs: list[str]) -> str:
    inner = (
        f'<div class="detail"><h2 class="detail_title">{html.escape(a.title)}</h2>\n'
        '<div class="tools">【字号: <a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】'
        ' <a href="javascript:;">收藏</a> <a href="javascript:window.print()">打印</a></div>\n'
        f'<div class="detail_content" id="zoom">\n{paragraphs(a.lines)}\n</div></div>'
    )
    return bulletin_page(a.title, crumbs, inner, a.meta_charset or "gb2312")


# ------------------------------------------------------------------ the site

def build() -> dict:
    for d in (PAGES, VERSIONS):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    written: dict[str, bytes] = {}
    manifest: dict = {"articles": {}, "lists": []}

    def write(path: str, text: str, encoding="utf-8", root=PAGES):
        data = text.encode(encoding, errors="xmlcharrefreplace")  # as CMSs write &nbsp; into GBK pages
        f = root / path.lstrip("/")
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(data)
        if root is PAGES:
            written[path] = data

    # -- gold documents
    m003, l003 = gold_article("003_ebddc64d725c5b91")
    date003 = next(l for l in l003 if l.startswith("日期:")).split("日期:")[1].split("来源")[0].strip()
    a003 = Article("/zwgk/ghjh/202403/t20240328_3603822.html", m003["title"], strip_chrome(l003, m003["title"]),
                   date=date003, issuer=m003["issuer"], encoding="gbk", meta_charset="gbk",
                   gold_id="003_ebddc64d725c5b91", notes=["GBK bytes, <meta charset=gbk>, no charset in HTTP header"])
    m000, l000 = gold_article("000_8eb8ed5a090a42ce")
    a000 = Article("/zwgk/lqjs/202405/t20240531_3655000.html",
                   "东城区举办新闻通气会解读“两区”建设《工作方案》和《工作要点》", strip_chrome(l000, None),
                   date=f'{m000["publish_date"]} 15:20', issuer=m000["issuer"], gold_id="000_8eb8ed5a090a42ce",
                   broken=True, notes=["broken markup: unclosed <p>/<font>, missing </div>, stray </td>"])
    m001, l001 = gold_article("001_0badce42f2f04eca")
    a001 = Article("/zwgk/lqjs/202101/t20210126_2235101.html",
                   "“两区”建设首次写入政府工作报告 多区书记区长谈如何推进", strip_chrome(l001, None),
                   date=m001["publish_date"], issuer=m001["issuer"], encoding="gb18030", meta_charset="gbk",
                   gold_id="001_0badce42f2f04eca",
                   notes=["GB18030 bytes, <meta charset=gbk>, HTTP header wrongly says utf-8 (routes.yaml)"])
    m002, l002 = gold_article("002_611bce0b76ce126b")
    a002 = Article("/zwgk/lqjs/202102/t20210210_2281502.html",
                   "北京“两区”建设251项政策清单已完成125项", strip_chrome(l002, None),
                   date=m002["publish_date"], issuer=m002["issuer"], encoding="gb18030", meta_charset="utf-8",
                   gold_id="002_611bce0b76ce126b", notes=["GB18030 bytes but <meta charset=utf-8>: a wrong declaration"])
    m004, l004 = gold_article("004_0b66ad63e1e421d9")
    a004 = Article("/rdgb/2021/gb202105/t20211015_2517381.html", m004["title"], strip_chrome(l004, m004["title"]),
                   encoding="gbk", meta_charset="gb2312", gold_id="004_0b66ad63e1e421d9",
                   notes=["bulletin item, GBK bytes declared gb2312; no 日期/来源 line: date and issuer come from "
                          "the meeting and speaker lines"])
    # what a correct extraction yields for the gold pages (the gold .json where it has a value)
    expected_meta = {a003.path: m003, a000.path: m000, a001.path: m001, a002.path: m002, a004.path: m004}

    # -- district: 规划计划 (plan reports and work plans), two list pages
    ghjh = [a003] + [filler(i, f"/zwgk/ghjh/2024{(i % 3) + 1:02d}/t2024{(i % 3) + 1:02d}{1 + (i * 3) % 27:02d}_36{i:05d}.html",
                            f"2024{(i % 3) + 1:02d}") for i in range(11)]
    ghjh[3].encoding, ghjh[3].meta_charset = "utf-8", "gb2312"
    ghjh[3].notes.append("UTF-8 bytes but <meta charset=gb2312>: a wrong declaration")
    ghjh[5].encoding, ghjh[5].meta_charset = "gbk", "gbk"
    ghjh[5].notes.append("GBK bytes; the HTTP header says iso-8859-1 (routes.yaml)")

    # -- district: 两区建设 news, with the fault pages
    def news(i, name, **kw):
        return filler(20 + i, f"/zwgk/lqjs/2024{(i % 4) + 1:02d}/t2024{(i % 4) + 1:02d}{10 + i:02d}_{name}.html",
                      f"2024{(i % 4) + 1:02d}", **kw)

    f500 = news(0, "3600101", notes=["answers 500 twice, then the page"])
    f429 = news(1, "3600102", notes=["answers 429 with Retry-After: 1 once, then the page"])
    fslow = news(2, "3600103", notes=["first answer takes longer than the crawler's timeout"])
    fchanged = news(3, "3600104", notes=["version 2 is served after the first fetch"])
    foversize = news(4, "3600105", notes=["padded past the source's size cap"])
    foffsite = news(5, "3600106", notes=["redirects off-domain"])
    fmoved = news(6, "3600107", notes=["moved: 301 to another page on the same site"])
    frobots = news(7, "3600108", notes=["under a path robots.txt disallows"])
    frobots.path = "/zwgk/nbzl/202402/t20240212_3600108.html"
    fdup = Article("/zwgk/tpxw/202405/t20240531_3655009.html", a000.title, a000.lines, date=a000.date,
                   issuer=a000.issuer, broken=True, notes=["same bytes as " + a000.path])
    f404 = news(8, "3600109", notes=["listed but deleted: 404"])
    lqjs = [a000, a001, a002, f500, f429, fslow, fchanged, foversize, foffsite, fmoved, frobots, fdup, f404] + [
        news(10 + i, f"36002{i:02d}") for i in range(5)]

    # -- bulletin site
    bulletin_issues = {
        "gb202105": ("市十五届人大常委会公报2021年 第5号", [a004] + [
            Article(f"/rdgb/2021/gb202105/t2021101{i}_25173{90 + i}.html", t, filler_lines(40 + i, topic),
                    encoding="gbk", meta_charset="gb2312")
            for i, (t, topic) in enumerate([
                ("北京市人民代表大会常务委员会关于批准2021年市级预算调整方案的决议", "预算调整"),
                ("关于北京市国民经济和社会发展第十四个五年规划实施情况的报告", "规划实施"),
            ], start=1)]),
        "gb202104": ("市十五届人大常委会公报2021年 第4号", [
            Article(f"/rdgb/2021/gb202104/t2021081{i}_24990{i}.html", t, filler_lines(50 + i, topic),
                    encoding="gbk", meta_charset="gb2312")
            for i, (t, topic) in enumerate([
                ("北京市人民代表大会常务委员会关于促进中医药传承创新发展的决定", "中医药服务贸易"),
                ("关于本市优化营商环境条例执行情况的报告", "营商环境优化"),
            ], start=1)]),
        "gb202103": ("市十五届人大常委会公报2021年 第3号", [
            Article("/rdgb/2021/gb202103/t20210611_2413301.html", "关于本市知识产权保护工作情况的报告",
                    filler_lines(60, "知识产权保护"), encoding="gbk", meta_charset="gb2312")]),
    }
    for issue, (_, items) in bulletin_issues.items():
        for a in items:
            if a is not a004:
                a.notes.append("bulletin item")

    # -- write article pages
    for a in ghjh:
        write(a.path, district_article_html(a, "规划计划", "/zwgk/ghjh/index.html"), a.encoding)
    for a in lqjs:
        if a is f404:
            continue
        section = ("内部资料", "/zwgk/nbzl/index.html") if a is frobots else ("两区建设", "/zwgk/lqjs/index.html")
        write(a.path, district_article_html(a, *section), a.encoding)
    # the changed page's second version, served by the fault in routes.yaml
    v2 = Article(fchanged.path, fchanged.title + "（更新）", fchanged.lines + [
        "\u3000\u3000（本文于发布次日更新：补充第四季度重点任务安排。）"], date=fchanged.date, issuer=fchanged.issuer)
    write(fchanged.path, district_article_html(v2, "两区建设", "/zwgk/lqjs/index.html"), root=VERSIONS)
    # the page an off-domain redirect points at (on the same server, under another host name)
    write("/offsite/landing.html", "<html><head><meta charset='utf-8'><title>站外页面</title></head>"
          "<body><p>站外页面：爬虫不应到达这里。</p></body></html>")
    for name, issue_title_items in bulletin_issues.items():
        issue_title, items = issue_title_items
        crumbs = ["人大资料", "人大常委会公报", issue_title]
        for a in items:
            write(a.path, bulletin_article_html(a, crumbs), a.encoding)

    # -- list pages (TRS: index.html, index_1.html, … with createPageHTML pagination)
    def lists(section_dir: str, name: str, items: list[Article]):
        chunks = [items[i:i + LIST_PAGE_SIZE] for i in range(0, len(items), LIST_PAGE_SIZE)]
        for n, chunk in enumerate(chunks):
            fname = "index.html" if n == 0 else f"index_{n}.html"
            crumb = [("首页", "/index.html"), ("政务公开", "/zwgk/index.html"), (name, f"{section_dir}index.html")]
            write(section_dir + fname, district_list_html(name, section_dir, chunk, n, len(chunks), crumb))
            manifest["lists"].append(section_dir + fname)

    lists("/zwgk/ghjh/", "规划计划", ghjh)
    lists("/zwgk/lqjs/", "两区建设", lqjs)
    # the moved page's old address is what the list links to
    fmoved_old = "/zwgk/lqjs/old/t20240716_3600107.html"

    # -- bulletin: index pages of issues with 下一页 links, one page per issue listing its items
    issue_names = list(bulletin_issues)
    chunks = [issue_names[i:i + BULLETIN_PAGE_SIZE] for i in range(0, len(issue_names), BULLETIN_PAGE_SIZE)]
    for n, chunk in enumerate(chunks):
        lis = "\n".join(f'<li><a href="/rdgb/2021/{iss}/index.html">{bulletin_issues[iss][0]}</a></li>' for iss in chunk)
        nav = ""
        if n + 1 < len(chunks):
            nav = f'<a class="next" href="index_{n + 1}.html">下一页</a>'
        inner = f'<div class="gb_list"><ul>\n{lis}\n</ul><div class="pages">{nav}</div></div>'
        fname = "index.html" if n == 0 else f"index_{n}.html"
        write(f"/rdgb/{fname}", bulletin_page("人大常委会公报", ["人大资料", "人大常委会公报"], inner))
        manifest["lists"].append(f"/rdgb/{fname}")
    for iss, (issue_title, items) in bulletin_issues.items():
        lis = "\n".join(f'<li><a href="{a.path.rsplit("/", 1)[1]}">{html.escape(a.title)}</a></li>' for a in items)
        inner = f'<div class="gb_catalog"><h2>{issue_title}</h2><ul>\n{lis}\n</ul></div>'
        write(f"/rdgb/2021/{iss}/index.html", bulletin_page(issue_title, ["人大资料", "人大常委会公报", issue_title], inner))
        manifest["lists"].append(f"/rdgb/2021/{iss}/index.html")

    write("/index.html", HEAD.format(charset='<meta charset="utf-8">\n', title="首页", site=SITE_NAME, metas="")
          + TOP.format(site=SITE_NAME) + FOOTER.format(site=SITE_NAME))
    write("/robots.txt", "User-agent: *\nDisallow: /zwgk/nbzl/\nDisallow: /search/\n")

    # fix the list link of the moved page: the list shows its old address
    for lp in manifest["lists"]:
        if lp.startswith("/zwgk/lqjs/"):
            f = PAGES / lp.lstrip("/")
            t = f.read_text(encoding="utf-8").replace(rel_link("/zwgk/lqjs/", fmoved.path), fmoved_old)
            f.write_text(t, encoding="utf-8")

    all_articles = ghjh + lqjs + [a for _, items in bulletin_issues.values() for a in items]
    for a in all_articles:
        exp = expected_meta.get(a.path)
        entry = {
            "title": exp["title"] if exp and exp.get("title") else a.title,
            "publish_date": (exp or {}).get("publish_date") if exp else (a.date or "")[:10] or None,
            "issuer": (exp or {}).get("issuer") if exp else a.issuer,
            "encoding": a.encoding,
            "gold_id": a.gold_id,
            "notes": a.notes,
        }
        if exp and not exp.get("title"):
            entry["title"] = a.title
        if not exp and a.path.startswith("/rdgb/"):
            entry["publish_date"], entry["issuer"] = None, None
        manifest["articles"][a.path] = entry
    manifest["articles"][f404.path]["expect"] = "404"
    manifest["articles"][frobots.path]["expect"] = "skipped_robots"
    manifest["articles"][foffsite.path]["expect"] = "redirect_blocked"
    manifest["articles"][foversize.path]["expect"] = "too_large"
    manifest["articles"][fdup.path]["expect"] = "duplicate"
    manifest["articles"][fmoved.path]["listed_as"] = fmoved_old
    (HERE / "manifest.yaml").write_text(
        "# Generated by build_pages.py: every article page of the sample site and what a correct crawl\n"
        "# extracts from it (title, publish_date, issuer; the gold .json where the page is a gold document).\n"
        + yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return manifest


if __name__ == "__main__":
    m = build()
    print(f"{len(m['articles'])} articles, {len(m['lists'])} list pages written to {PAGES}")
