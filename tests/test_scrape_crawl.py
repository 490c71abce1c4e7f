"""The real crawler against the sample site over loopback: every fault it serves, and a second run."""
from dataclasses import dataclass

import duckdb
import pytest

from scrapers.crawl import CrawlReport, crawl
from scrapers.registry import SAMPLE_SOURCES, load_sources
from scrapers.sample_site.server import load_manifest
from warehouse.paths import Home


@dataclass
class Crawled:
    home: Home
    base: str
    first: CrawlReport
    second: CrawlReport
    seen_first: list
    seen_second: list

    def rows(self, sql, params=()):
        con = duckdb.connect(str(self.home.raw_db), read_only=True)
        try:
            cur = con.execute(sql, list(params))
            cols = [c[0] for c in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]
        finally:
            con.close()

    def log(self, path):
        return self.rows("SELECT * FROM fetch_log WHERE url = ? ORDER BY attempted_at", [self.base + path])

    def docs(self, path):
        return self.rows("SELECT * FROM raw_documents WHERE url = ? ORDER BY landed_at", [self.base + path])


@pytest.fixture(scope="module")
def crawled(sample_site, tmp_path_factory):
    sample_site.reset()
    home = Home(tmp_path_factory.mktemp("crawl_home")).ensure()
    sources = load_sources(SAMPLE_SOURCES, sample_site_url=sample_site.base_url)
    first = crawl(home, sources=sources, rate_limit=False)
    seen_first = list(sample_site.seen)
    sample_site.seen.clear()
    second = crawl(home, sources=sources, rate_limit=False)
    seen_second = list(sample_site.seen)
    return Crawled(home, sample_site.base_url, first, second, seen_first, seen_second)


def paths_seen(seen, path):
    return [r for r in seen if r.path == path]


def test_every_listed_article_is_reached_through_pagination(crawled):
    manifest = load_manifest()
    landed = {r["url"] for r in crawled.rows("SELECT url FROM raw_documents")}
    logged = {r["url"] for r in crawled.rows("SELECT url FROM fetch_log")}
    for path, meta in manifest["articles"].items():
        url = crawled.base + meta.get("listed_as", path)
        assert url in logged, f"{path} never reached"
        if "expect" not in meta:
            assert url in landed, f"{path} not landed"
    # the pages past the first list page were only reachable by following the pager
    assert paths_seen(crawled.seen_first, "/zwgk/lqjs/index_2.html")
    assert paths_seen(crawled.seen_first, "/zwgk/ghjh/index_1.html")
    assert paths_seen(crawled.seen_first, "/rdgb/index_1.html")


def test_first_run_counts(crawled):
    articles = load_manifest()["articles"]
    expected_land = sum(1 for m in articles.values() if "expect" not in m)
    assert crawled.first.landed_new == expected_land
    assert crawled.first.duplicates == 1
    assert crawled.first.skipped_robots == 1
    assert crawled.first.failed == 3  # 404, oversize, off-domain redirect
    assert set(crawled.first.per_source) == {"sample_dongcheng", "sample_rdgb"}


def test_500_twice_then_success_is_retried_and_landed(crawled):
    path = "/zwgk/lqjs/202401/t20240110_3600101.html"
    assert [r.status for r in paths_seen(crawled.seen_first, path)] == [500, 500, 200]
    log = crawled.log(path)
    assert [r["outcome"] for r in log][:3] == ["retry", "retry", "landed_new"]
    assert len(crawled.docs(path)) == 1


def test_429_waits_for_retry_after(crawled):
    path = "/zwgk/lqjs/202402/t20240211_3600102.html"
    hits = paths_seen(crawled.seen_first, path)
    assert [r.status for r in hits] == [429, 200]
    assert hits[1].at - hits[0].at >= 0.95  # Retry-After: 1
    assert len(crawled.docs(path)) == 1


def test_slow_page_times_out_then_retry_succeeds(crawled):
    path = "/zwgk/lqjs/202403/t20240312_3600103.html"
    log = crawled.log(path)
    assert log[0]["outcome"] == "retry" and "Timeout" in log[0]["error"]
    assert log[1]["outcome"] == "landed_new"
    assert len(crawled.docs(path)) == 1


def test_robots_disallowed_path_is_never_requested(crawled):
    path = "/zwgk/nbzl/202402/t20240212_3600108.html"
    assert paths_seen(crawled.seen_first + crawled.seen_second, path) == []
    assert paths_seen(crawled.seen_first, "/robots.txt")
    assert crawled.log(path)[0]["outcome"] == "skipped_robots"


def test_off_domain_redirect_is_not_followed(crawled):
    path = "/zwgk/lqjs/202402/t20240215_3600106.html"
    assert [r for r in crawled.seen_first if r.path.startswith("/offsite/")] == []
    entry = crawled.log(path)[0]
    assert entry["outcome"] == "redirect_blocked" and "localhost" in entry["final_url"]
    assert crawled.docs(path) == []


def test_redirect_inside_the_site_is_followed(crawled):
    old = "/zwgk/lqjs/old/t20240716_3600107.html"
    doc = crawled.docs(old)[0]
    assert doc["final_url"] == crawled.base + "/zwgk/lqjs/202403/t20240316_3600107.html"
    assert doc["title"] == "东城区2024年绿色低碳发展工作要点"


def test_oversize_page_is_refused(crawled):
    path = "/zwgk/lqjs/202401/t20240114_3600105.html"
    assert crawled.log(path)[0]["outcome"] == "too_large"
    assert crawled.docs(path) == []


def test_404_is_recorded_and_the_crawl_goes_on(crawled):
    path = "/zwgk/lqjs/202401/t20240118_3600109.html"
    entry = crawled.log(path)[0]
    assert entry["outcome"] == "http_error" and entry["http_status"] == 404
    assert len(paths_seen(crawled.seen_first, path)) == 1  # a 404 is not retried


def test_duplicate_page_lands_once(crawled):
    original, copy = "/zwgk/lqjs/202405/t20240531_3655000.html", "/zwgk/tpxw/202405/t20240531_3655009.html"
    assert len(crawled.docs(original)) == 1
    assert crawled.docs(copy) == []
    entry = [r for r in crawled.log(copy) if r["outcome"] == "duplicate"][0]
    assert entry["document_id"] == crawled.docs(original)[0]["document_id"]


def test_wrong_and_gbk_declarations_decode_to_correct_chinese(crawled):
    manifest = load_manifest()["articles"]
    for path, meta in manifest.items():
        if "expect" in meta:
            continue
        doc = crawled.docs(meta.get("listed_as", path))[0]
        assert doc["title"] == meta["title"], path
        assert "�" not in doc["text"]
    # header says utf-8, meta gbk, bytes GB18030: the header is disbelieved
    doc = crawled.docs("/zwgk/lqjs/202101/t20210126_2235101.html")[0]
    assert (doc["encoding"], doc["encoding_source"]) == ("gb18030", "meta")
    # meta says utf-8 over GB18030 bytes: detection
    doc = crawled.docs("/zwgk/lqjs/202102/t20210210_2281502.html")[0]
    assert (doc["encoding"], doc["encoding_source"]) == ("gb18030", "detected")
    assert "251项政策清单已累计完成125项" in doc["text"]
    # meta says gb2312 over UTF-8 bytes
    doc = crawled.docs("/zwgk/ghjh/202403/t20240307_3600002.html")[0]
    assert (doc["encoding"], doc["encoding_source"]) == ("utf-8", "detected")


def test_second_run_lands_only_the_changed_page(crawled):
    second = crawled.second
    assert second.landed_new == 0
    assert second.landed_changed == 1
    assert second.duplicates == 0  # the copy answers 304 now
    changed = "/zwgk/lqjs/202404/t20240413_3600104.html"
    versions = crawled.docs(changed)
    assert len(versions) == 2  # the old version is kept
    assert versions[1]["title"].endswith("（更新）") and not versions[0]["title"].endswith("（更新）")


def test_second_run_uses_conditional_get(crawled):
    conditional = [r for r in crawled.seen_second if r.path.startswith("/zwgk/") and "/t20" in r.path]
    assert conditional and all("If-None-Match" in r.headers for r in conditional if r.status == 304)
    assert sum(1 for r in conditional if r.status == 304) >= 15
    # the bulletin site sends no validators: its pages come back whole and the hash says "unchanged"
    rdgb = [r for r in crawled.seen_second if r.path.startswith("/rdgb/2021/gb") and "/t20" in r.path]
    assert rdgb and all(r.status == 200 for r in rdgb)
    assert crawled.second.per_source["sample_rdgb"].unchanged == len(rdgb)
    assert crawled.second.per_source["sample_rdgb"].changed == 0


def test_third_run_changes_nothing(crawled, sample_site):
    before = crawled.rows("SELECT count(*) AS n FROM raw_documents")[0]["n"]
    sources = load_sources(SAMPLE_SOURCES, sample_site_url=sample_site.base_url)
    third = crawl(crawled.home, sources=sources, rate_limit=False)
    assert third.changed == 0
    assert crawled.rows("SELECT count(*) AS n FROM raw_documents")[0]["n"] == before


def test_blobs_hold_the_raw_bytes(crawled):
    import hashlib

    for doc in crawled.rows("SELECT blob_path, content_sha256, byte_size FROM raw_documents"):
        data = (crawled.home.root / doc["blob_path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == doc["content_sha256"] and len(data) == doc["byte_size"]
