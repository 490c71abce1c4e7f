"""`liangqu ingest`: .txt, .html (GBK), folders and WARC files land through the same path as the crawler."""
import json
import shutil
from io import BytesIO
from pathlib import Path

import duckdb
import pytest

from scrapers.ingest import ingest_paths
from warehouse.cli import main as cli
from warehouse.paths import Home

PAGES = Path(__file__).resolve().parents[1] / "scrapers" / "sample_site" / "pages"
GBK_PAGE = PAGES / "zwgk" / "ghjh" / "202403" / "t20240328_3603822.html"


def rows(home: Home, sql: str, params=()):
    con = duckdb.connect(str(home.raw_db), read_only=True)
    try:
        cur = con.execute(sql, list(params))
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]
    finally:
        con.close()


@pytest.fixture
def home(liangqu_home):
    return Home(liangqu_home).ensure()


def test_txt_lands_exactly_with_header_metadata(home, gold_dir):
    src = gold_dir / "003_ebddc64d725c5b91.txt"
    report = ingest_paths(home, [src])
    assert (report.landed, report.unchanged, report.failed) == (1, 0, 0)
    doc = rows(home, "SELECT * FROM raw_documents")[0]
    assert doc["url"] == src.resolve().as_uri()
    assert doc["text"] == src.read_text(encoding="utf-8")
    assert doc["title"] == json.loads((gold_dir / "003_ebddc64d725c5b91.json").read_text())["title"]
    assert str(doc["publish_date"]) == "2024-03-26" and doc["issuer"] == "区发改委"
    assert doc["encoding_source"] == "given"
    assert (home.root / doc["blob_path"]).read_bytes() == src.read_bytes()


def test_folder_of_gold_texts_keeps_every_quote_and_is_idempotent(home, gold_dir, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in gold_dir.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    (folder / "notes.md").write_text("ignored: not a document type")
    first = ingest_paths(home, [folder])
    assert (first.landed, first.failed) == (5, 0)
    for doc in rows(home, "SELECT url, text FROM raw_documents"):
        stem = Path(doc["url"]).stem
        gold = json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8"))
        assert all(f["quote"] in doc["text"] for k in ("indicators", "projects", "measures") for f in gold[k])
    second = ingest_paths(home, [folder])
    assert (second.landed, second.unchanged) == (0, 5)
    assert rows(home, "SELECT count(*) AS n FROM raw_documents")[0]["n"] == 5


def test_gbk_html_decodes_and_extracts(home, tmp_path):
    page = tmp_path / "report.htm"
    shutil.copy(GBK_PAGE, page)
    report = ingest_paths(home, [page])
    assert report.landed == 1
    doc = rows(home, "SELECT * FROM raw_documents")[0]
    assert doc["encoding"] == "gb18030" and doc["encoding_source"] == "meta"
    assert doc["title"].startswith("关于北京市东城区2023年国民经济和社会发展计划执行情况")
    assert str(doc["publish_date"]) == "2024-03-26" and doc["issuer"] == "区发改委"
    assert "“服务中央单位和驻京部队窗口”受理服务事项1289件" in doc["text"]
    assert "扫一扫" not in doc["text"] and "字号" not in doc["text"].split("\n")[0]


def test_warc_records_land_under_their_target_uri(home, tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "crawl.warc.gz"
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body, status in [
            ("http://www.bjdch.gov.cn/zwgk/ghjh/202403/t20240328_3603822.html", GBK_PAGE.read_bytes(), "200 OK"),
            ("http://www.bjdch.gov.cn/missing.html", b"<html>gone</html>", "404 Not Found"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers))
    report = ingest_paths(home, [warc])
    assert (report.landed, report.failed) == (1, 1)
    assert "missing.html" in report.errors[0]
    doc = rows(home, "SELECT * FROM raw_documents")[0]
    assert doc["url"] == "http://www.bjdch.gov.cn/zwgk/ghjh/202403/t20240328_3603822.html"
    assert doc["http_status"] == 200 and doc["issuer"] == "区发改委"
    assert ingest_paths(home, [warc]).landed == 0


def test_bad_input_is_reported_and_good_input_still_lands(home, gold_dir, tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes("不是UTF-8".encode("gbk"))
    report = ingest_paths(home, [bad, tmp_path / "nope.html", gold_dir / "000_8eb8ed5a090a42ce.txt"])
    assert (report.landed, report.failed) == (1, 2)
    assert any("broken.txt" in e for e in report.errors) and any("no such file" in e for e in report.errors)


def test_cli_ingest_exit_codes(home, gold_dir, capsys):
    assert cli(["ingest", str(gold_dir / "004_0b66ad63e1e421d9.txt")]) == 0
    assert "1 documents landed" in capsys.readouterr().out
    assert cli(["ingest", str(gold_dir / "004_0b66ad63e1e421d9.txt")]) == 0
    assert "0 documents landed, 1 unchanged" in capsys.readouterr().out
    assert cli(["ingest", str(gold_dir / "does-not-exist.txt")]) == 1
