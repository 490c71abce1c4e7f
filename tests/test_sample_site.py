"""The sample site's five gold documents come out of the crawler whole: metadata right, body clean, and
every gold quote still an exact substring of the landed text (what the transform layer relies on)."""
import json

import duckdb
import pytest
import requests

from scrapers.crawl import crawl
from scrapers.parse import is_boilerplate
from scrapers.registry import SAMPLE_SOURCES, load_sources
from scrapers.sample_site.server import load_manifest
from warehouse.paths import Home

BOILERPLATE_STARTS = ("字号", "【字号", "打印", "扫一扫", "面包屑", "分享到", "版权所有", "您访问的链接即将离开", "当前位置", "首页 >")


@pytest.fixture(scope="module")
def gold_docs(sample_site, tmp_path_factory):
    sample_site.reset()
    home = Home(tmp_path_factory.mktemp("gold_home")).ensure()
    crawl(home, sources=load_sources(SAMPLE_SOURCES, sample_site_url=sample_site.base_url), rate_limit=False)
    con = duckdb.connect(str(home.raw_db), read_only=True)
    cur = con.execute("SELECT * FROM raw_documents")
    cols = [c[0] for c in cur.description]
    by_url = {r[cols.index("url")]: dict(zip(cols, r)) for r in cur.fetchall()}
    con.close()
    out = {}
    for path, meta in load_manifest()["articles"].items():
        if meta.get("gold_id"):
            out[meta["gold_id"]] = (meta, by_url[sample_site.base_url + path])
    return out


def test_all_five_gold_documents_are_on_the_site(gold_docs, gold_dir):
    assert sorted(gold_docs) == sorted(p.stem for p in gold_dir.glob("*.txt"))


def test_gold_quotes_are_exact_substrings_of_landed_text(gold_docs, gold_dir):
    for gold_id, (_, doc) in gold_docs.items():
        gold = json.loads((gold_dir / f"{gold_id}.json").read_text(encoding="utf-8"))
        quotes = [f["quote"] for kind in ("indicators", "projects", "measures") for f in gold[kind]]
        missing = [q for q in quotes if q not in doc["text"]]
        assert not missing, f"{gold_id}: {len(missing)} quotes lost, e.g. {missing[:2]}"


def test_gold_metadata_comes_out_right(gold_docs, gold_dir):
    for gold_id, (meta, doc) in gold_docs.items():
        gold = json.loads((gold_dir / f"{gold_id}.json").read_text(encoding="utf-8"))
        for key in ("title", "publish_date", "issuer"):
            if gold[key] is not None:
                assert str(doc[key]) == gold[key], (gold_id, key)
            assert (str(doc[key]) if doc[key] is not None else None) == meta[key], (gold_id, key)


def test_meeting_and_speaker_lines(gold_docs):
    _, report = gold_docs["003_ebddc64d725c5b91"]
    assert report["meeting"] == "——2024年1月9日在北京市东城区第十七届人民代表大会第四次会议上"
    assert report["speaker"].startswith("北京市东城区发展和改革委员会主任")
    _, bulletin = gold_docs["004_0b66ad63e1e421d9"]
    assert bulletin["meeting"].startswith("——2021年9月24日在北京市第十五届人民代表大会常务委员会")
    assert bulletin["speaker"] == "北京市人民政府副市长 杨晋柏"


def test_bodies_are_clean_one_paragraph_per_line(gold_docs, gold_dir):
    for gold_id, (meta, doc) in gold_docs.items():
        lines = doc["text"].split("\n")
        assert all(line.strip() == line and line for line in lines), gold_id
        assert not [l for l in lines if l.startswith(BOILERPLATE_STARTS) or is_boilerplate(l)], gold_id
        assert meta["title"] not in lines  # the title is page chrome, not body
        # every body paragraph of the gold text is there, in order
        gold_lines = [l.strip(" \u3000\xa0") for l in (gold_dir / f"{gold_id}.txt").read_text(encoding="utf-8").splitlines()]
        body = [l for l in gold_lines if l and not is_boilerplate(l) and not l.startswith("日期:")
                and "".join(l.split()) != "".join((meta["title"] or "").split())]
        assert lines == body, gold_id


def test_site_serves_its_faults(fresh_sample_site):
    base = fresh_sample_site.base_url
    flaky = base + "/zwgk/lqjs/202401/t20240110_3600101.html"
    assert [requests.get(flaky).status_code for _ in range(3)] == [500, 500, 200]
    r = requests.get(base + "/zwgk/lqjs/202402/t20240211_3600102.html")
    assert r.status_code == 429 and r.headers["Retry-After"] == "1"
    r = requests.get(base + "/zwgk/lqjs/202402/t20240215_3600106.html", allow_redirects=False)
    assert r.status_code == 302 and r.headers["Location"].startswith("http://localhost:")
    assert requests.get(base + "/zwgk/lqjs/202401/t20240118_3600109.html").status_code == 404
    assert "Disallow: /zwgk/nbzl/" in requests.get(base + "/robots.txt").text
    page = base + "/zwgk/ghjh/202403/t20240328_3603822.html"
    first = requests.get(page)
    assert b'charset=gbk' in first.content and "日期:2024-03-26".encode("gbk") in first.content
    assert requests.get(page, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
