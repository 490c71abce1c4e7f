"""Decoding, extraction and the registry, on real page files of the sample site."""
from pathlib import Path

import pytest

from scrapers.parse import decode, is_boilerplate, parse_html, parse_text_file
from scrapers.registry import SAMPLE_SOURCES, load_sources
from warehouse.cli import main as cli

PAGES = Path(__file__).resolve().parents[1] / "scrapers" / "sample_site" / "pages"
GBK_PAGE = (PAGES / "zwgk/ghjh/202403/t20240328_3603822.html").read_bytes()
UTF8_PAGE = (PAGES / "zwgk/lqjs/202405/t20240531_3655000.html").read_bytes()
SAMPLE_LINE = "聚焦高水平开放，产业开放步伐越迈越大"


@pytest.mark.parametrize("content_type, expect_source", [
    ("text/html", "meta"),                          # declared in <meta>, true
    ("text/html; charset=gbk", "header"),           # declared in the header, true
    ("text/html; charset=utf-8", "meta"),           # the header lies; the meta is right
    ("text/html; charset=iso-8859-1", "meta"),      # a single-byte lie decodes without error, but to mojibake
])
def test_gbk_page_decodes_whatever_the_header_says(content_type, expect_source):
    text, encoding, source = decode(GBK_PAGE, content_type)
    assert (encoding, source) == ("gb18030", expect_source)
    assert "东城区发展和改革委员会" in text


def test_wrong_meta_falls_back_to_detection():
    lying = GBK_PAGE.replace(b"charset=gbk", b"charset=utf-8")
    text, encoding, source = decode(lying, "text/html")
    assert (encoding, source) == ("gb18030", "detected") and "东城区发展和改革委员会" in text
    utf8_declared_gbk = UTF8_PAGE.replace(b"charset=utf-8", b"charset=gb2312")
    text, encoding, source = decode(utf8_declared_gbk, None)
    assert (encoding, source) == ("utf-8", "detected") and SAMPLE_LINE in text


def test_broken_markup_still_yields_clean_paragraphs():
    page = parse_html(UTF8_PAGE.decode("utf-8"))
    lines = page.text.split("\n")
    assert any(SAMPLE_LINE in l for l in lines)
    assert not [l for l in lines if "扫一扫" in l or "版权所有" in l or "分享到" in l]
    assert page.title.startswith("东城区举办新闻通气会") and str(page.publish_date) == "2024-05-31"


def test_trafilatura_fallback_when_no_selector_matches():
    html = ("<html><head><title>关于推进两区建设的通知 - 某网站</title></head><body><div class='nav'>首页 > 通知</div>"
            "<div class='main'><p>" + "各单位：为推进“两区”建设，现将有关事项通知如下。" * 4 + "</p>"
            "<p>" + "一、加快重点项目落地，全年新增外资项目20个以上。" * 4 + "</p></div></body></html>")
    page = parse_html(html)
    assert "全年新增外资项目20个以上" in page.text and "首页 >" not in page.text
    assert page.title == "关于推进两区建设的通知"


def test_boilerplate_filter_keeps_body_sentences_with_widget_words():
    assert is_boilerplate("字号:大 中 小") and is_boilerplate("扫一扫在手机上打开页面") and is_boilerplate("【打印】")
    assert not is_boilerplate("发布老字号保护传承与创新发展三年行动方案,举办" + "时装周分会场活动" * 5)
    assert not is_boilerplate("推动3D打印、增材制造等先进制造业项目落地，全年新增产值超过10亿元，同比增长12.5%，" * 2)


def test_text_file_title_only_when_it_looks_like_one():
    assert parse_text_file("近日，东城区召开全体会议，审议通过工作方案。\n正文").title is None
    doc = parse_text_file("关于高标准推进“两区”建设工作情况报告\n\n——2021年9月24日在北京市第十五届人民代表大会"
                          "常务委员会第三十三次会议上\n\n北京市人民政府副市长 杨晋柏\n\n正文。")
    assert doc.title == "关于高标准推进“两区”建设工作情况报告"
    assert str(doc.publish_date) == "2021-09-24" and doc.issuer == "北京市人民政府"


@pytest.mark.parametrize("header, date_, issuer", [
    ("石景山区委十三届十次全会召开\n2025-07-26 17:42:05\n0\n\n", "2025-07-26", None),
    ("丰台区多维发力，上半年GDP增长5.1%\n\n2025-09-12 20:09:29 来源: 科技日报 点击数:\n\n", "2025-09-12", "科技日报"),
    ("顺义区召开“两区”建设推进会\n2024年03月08日 星期五\n\n", "2024-03-08", None),
    ("北京丰台拟建200万平方米低空经济产业园\n\n出处:北京商报 作者:韩昕媛 网编:王巍 2024-09-04\n\n", "2024-09-04", None),
    ("北京亦庄“十四五”成绩单亮眼-新华网\n2026 01/02 08:17:44\n来源:新华网\n\n", "2026-01-02", "新华网"),
])
def test_text_file_date_from_a_bare_timestamp_line_in_the_header(header, date_, issuer):
    doc = parse_text_file(header + "7月25日，记者从全会上了解到，2023年3月1日起施行的条例已落地。")
    assert (str(doc.publish_date), doc.issuer) == (date_, issuer)
    assert doc.title and not doc.title[0].isdigit()


def test_a_body_sentence_that_opens_with_a_date_does_not_date_the_page():
    doc = parse_text_file("2024年3月5日，区政府召开常务会议，研究部署“两区”建设重点任务，会议强调要抓好落实，"
                          "确保各项措施落地见效。\n正文。")
    assert doc.publish_date is None


def test_text_file_title_skips_site_chrome_for_the_document_line():
    doc = parse_text_file("北京市西城区人民政府\n\n信息详情\n关于西城区2023年国民经济和社会发展计划执行情况与"
                          "2024年国民经济和社会发展计划的报告\n\n发布时间:2024-02-09 10:30\n\n各位代表:\n正文。")
    assert doc.title == "关于西城区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划的报告"
    assert parse_text_file("Logo\n\n北京市海淀区人民政府办公室关于印发《工作要点》的通知\n\n正文。").title == \
        "北京市海淀区人民政府办公室关于印发《工作要点》的通知"
    assert parse_text_file("导航菜单\n政府工作报告\n——2025年1月8日在石景山区第十七届人民代表大会第五次会议上\n正文。"
                           ).title == "政府工作报告"


def test_registry_covers_every_district_and_fills_the_sample_placeholder(monkeypatch):
    monkeypatch.delenv("LIANGQU_SOURCES", raising=False)  # the default registry, whatever a session set
    sources = load_sources()
    districts = {s.district for s in sources}
    assert len({d for d in districts if d.endswith("区") and d != "北京经济技术开发区"}) == 16
    assert {"北京经济技术开发区", "北京市"} <= districts
    assert {sec.kind for s in sources for sec in s.sections} == {"plan_report", "work_report", "work_plan", "news", "bulletin"}
    assert all(s.schedule and s.allowed_domains and s.rate > 0 for s in sources)
    with pytest.raises(ValueError, match="sample site"):
        monkeypatch.delenv("LIANGQU_SAMPLE_SITE_URL", raising=False)
        load_sources(SAMPLE_SOURCES)
    monkeypatch.setenv("LIANGQU_SAMPLE_SITE_URL", "http://127.0.0.1:9999")
    sample = load_sources(SAMPLE_SOURCES)
    assert sample[0].sections[0].start_urls == ["http://127.0.0.1:9999/zwgk/ghjh/index.html"]
    assert sample[0].allowed_domains == ["127.0.0.1"]


def test_cli_crawl_one_source(fresh_sample_site, liangqu_home, monkeypatch, capsys):
    monkeypatch.setenv("LIANGQU_SAMPLE_SITE_URL", fresh_sample_site.base_url)
    args = ["crawl", "--sources", str(SAMPLE_SOURCES), "--source", "sample_rdgb", "--no-rate-limit"]
    assert cli(args) == 0
    out = capsys.readouterr().out
    assert "6 new" in out and "sample_dongcheng" not in out
    assert cli(args) == 0
    assert "0 new and 0 changed" in capsys.readouterr().out
    assert cli(["crawl", "--sources", str(SAMPLE_SOURCES), "--source", "nope"]) == 2


def test_a_timestamp_after_the_sources_name_dates_the_page():
    doc = parse_text_file("北京市党代表：全力建设新房山\n北京青年报客户端 2022-06-29 20:35\n\n正文，2021年建成实验室26个。")
    assert str(doc.publish_date) == "2022-06-29" and doc.title == "北京市党代表：全力建设新房山"
