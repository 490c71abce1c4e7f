"""Figures for the report, measured on the bundled sample site: `python -m scrapers.measure`.

Prints `name value unit` lines:
  crawl pages/s (rate limit off) on a first crawl, whose time includes the site's deliberate faults
  (a 1 s Retry-After, a slow page that times out, 500s with backoff), and on a re-crawl (conditional GET);
  the share of sample article pages whose title, publish date and issuer came out as the manifest says.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import duckdb

from scrapers.crawl import crawl
from scrapers.registry import SAMPLE_SOURCES, load_sources
from scrapers.sample_site.server import load_manifest, start_sample_site
from warehouse.paths import Home


def metadata_accuracy(home: Home, base_url: str) -> dict[str, float]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    cur = con.execute("SELECT url, title, publish_date, issuer FROM raw_documents ORDER BY landed_at")
    first_version = {}
    for url, title, pub, issuer in cur.fetchall():
        first_version.setdefault(url, (title, str(pub) if pub else None, issuer))
    con.close()
    right = {"title": 0, "publish_date": 0, "issuer": 0, "all": 0}
    pages = [(p, m) for p, m in load_manifest()["articles"].items() if "expect" not in m]
    for path, meta in pages:
        got = first_version.get(base_url + meta.get("listed_as", path), (None, None, None))
        ok = [got[0] == meta["title"], got[1] == meta["publish_date"], got[2] == meta["issuer"]]
        for key, good in zip(("title", "publish_date", "issuer"), ok):
            right[key] += good
        right["all"] += all(ok)
    return {k: v / len(pages) for k, v in right.items()}


def main() -> None:
    with start_sample_site() as site, tempfile.TemporaryDirectory() as tmp:
        home = Home(Path(tmp)).ensure()
        sources = load_sources(SAMPLE_SOURCES, sample_site_url=site.base_url)
        t0 = time.perf_counter()
        first = crawl(home, sources=sources, rate_limit=False)
        t1 = time.perf_counter()
        second = crawl(home, sources=sources, rate_limit=False)
        t2 = time.perf_counter()
        print(f"crawl_pages_per_second {first.fetched / (t1 - t0):.1f} pages/s")
        print(f"crawl_seconds {t1 - t0:.2f} s")
        print(f"crawl_pages {first.fetched} pages")
        print(f"recrawl_pages_per_second {second.fetched / (t2 - t1):.1f} pages/s")
        print(f"recrawl_landed {second.changed} documents")
        for key, share in metadata_accuracy(home, site.base_url).items():
            print(f"metadata_{key}_right {share * 100:.1f} %")


if __name__ == "__main__":
    main()
