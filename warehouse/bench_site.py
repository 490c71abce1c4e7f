"""Serve a generated corpus over loopback in the TRS style, so the real crawler is what is measured.

The pages reuse the sample site's templates; the bench source is an ordinary registry entry
(written next to the corpus), so the crawl path is exactly the production one.
"""
from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

import yaml

from warehouse.bench_corpus import CorpusDocument

SECTION_DIR = "/zwgk/lqjs/"
LIST_PAGE_SIZE = 50


def write_site(docs: list[CorpusDocument], root: Path) -> None:
    from scrapers.sample_site.build_pages import Article, district_article_html, district_list_html

    articles = []
    for doc in docs:
        month = doc.slug[1:7]
        article = Article(
            path=f"{SECTION_DIR}{month}/{doc.slug}.html", title=doc.title, lines=doc.text.split("\n"),
            date=f"{doc.publish_date} 09:00", issuer=doc.issuer,
        )
        target = root / article.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(district_article_html(article, "两区建设", SECTION_DIR + "index.html"), encoding="utf-8")
        articles.append(article)
    pages = max(1, -(-len(articles) // LIST_PAGE_SIZE))
    crumb = [("首页", "/index.html"), ("两区建设", SECTION_DIR + "index.html")]
    for page in range(pages):
        items = articles[page * LIST_PAGE_SIZE:(page + 1) * LIST_PAGE_SIZE]
        name = "index.html" if page == 0 else f"index_{page}.html"
        (root / SECTION_DIR.lstrip("/") / name).write_text(
            district_list_html("两区建设", SECTION_DIR, items, page, pages, crumb), encoding="utf-8")


def write_registry(path: Path) -> Path:
    registry = {
        "defaults": {"rate": 1000, "timeout": 10, "attempts": 3, "backoff": 0.1, "max_bytes": 5_000_000},
        "sources": [{
            "id": "bench_district",
            "name": "benchmark corpus",
            "district": "北京市",
            "allowed_domains": ["{sample_site}"],
            "content_selectors": [".TRS_Editor"],
            "title_selectors": ["meta[name=ArticleTitle]", "h1.xl_title"],
            "sections": [{
                "kind": "news",
                "start_urls": ["{sample_site}" + SECTION_DIR + "index.html"],
                "articles": r"/zwgk/lqjs/\d{6}/t\d{8}_\d+\.html$",
                "next_page": {"trs": True},
                "max_list_pages": 100000,
            }],
        }],
    }
    path.write_text(yaml.safe_dump(registry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@contextmanager
def serve(root: Path):
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
