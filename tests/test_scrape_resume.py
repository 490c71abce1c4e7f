"""A crawl killed mid-way (SIGKILL, no cleanup) loses nothing it landed, and the next crawl resumes it."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from scrapers.crawl import crawl
from scrapers.registry import SAMPLE_SOURCES, load_sources
from scrapers.sample_site.server import load_manifest
from warehouse.paths import Home

REPO = Path(__file__).resolve().parents[1]


def landed_urls(home: Home) -> set[str]:
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT url FROM raw_documents").fetchall()}
    finally:
        con.close()


def test_crash_mid_crawl_then_resume(fresh_sample_site, tmp_path):
    site = fresh_sample_site
    home = Home(tmp_path / "home").ensure()
    env = {**os.environ, "LIANGQU_HOME": str(home.root), "LIANGQU_SAMPLE_SITE_URL": site.base_url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "warehouse.cli", "crawl", "--sources", str(SAMPLE_SOURCES), "--no-rate-limit"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def articles_served():
        return [r.path for r in list(site.seen) if r.status == 200 and "/t20" in r.path]

    deadline = time.monotonic() + 30
    while len(articles_served()) < 8 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    assert proc.poll() is None, "the crawl finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    before = landed_urls(home)  # the database opens cleanly after the kill
    assert len(before) >= 5
    served_before = set(articles_served())
    site.seen.clear()

    report = crawl(home, sources=load_sources(SAMPLE_SOURCES, sample_site_url=site.base_url), rate_limit=False)
    assert report.skipped_resumed >= len(before)
    refetched = {r.path for r in site.seen if "/t20" in r.path}
    assert not {u.removeprefix(site.base_url) for u in before} & refetched, "landed pages were fetched again"

    after = landed_urls(home)
    assert before <= after
    expected = {site.base_url + m.get("listed_as", p) for p, m in load_manifest()["articles"].items() if "expect" not in m}
    assert after == expected
    assert served_before  # sanity: the killed run really was fetching articles

    con = duckdb.connect(str(home.raw_db), read_only=True)
    unfinished = con.execute("SELECT count(*) FROM crawl_runs WHERE finished_at IS NULL").fetchone()[0]
    con.close()
    assert unfinished == 0
