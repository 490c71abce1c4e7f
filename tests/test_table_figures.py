"""Figures given as table rows (statistics pages): parsed cell by cell, read by their columns.

Budget: the end-to-end test builds once (dbt + GX + publish), about 15-25 s.
"""
from argparse import Namespace
from pathlib import Path

import duckdb

from dbt_project.extraction.pipeline import extract_document
from scrapers.ingest import document_from_bytes

PAGE = Path(__file__).resolve().parent / "data" / "pages" / "pinggu_statistics_table.html"


def _figures(text, **kw):
    return [(i["metric"], i["value"], i["unit"], i["kind"], i["direction"], i["is_target"])
            for i in extract_document(text, **kw)["indicators"]]


def test_a_table_lands_one_row_per_line_with_its_cells_apart():
    doc = document_from_bytes(PAGE.as_uri(), PAGE.read_bytes(), "html")
    lines = doc.text.splitlines()
    assert "社会消费品零售总额\t亿元\t68.2\t-3.5" in lines  # not 社会消费品零售总额亿元68.2-3.5
    assert "规模以上工业总产值\t亿元\t120.3\t8.1" in lines  # a <p> inside a cell stays in its cell
    assert doc.publish_date.isoformat() == "2024-07-25"


def test_columns_say_what_each_figure_is():
    text = ("朝阳区2023年主要经济指标\n"
            "指标\t绝对值\t增速（%）\t占全市比重（%）\t2024年目标\n"
            "地区生产总值（亿元）\t8000.5\t5.2\t18.3\t8400\n"
            "规模以上工业增加值（亿元）\t350.2\t-2.1\n"
            "　　全年，全区经济稳中有进。\t\n")
    got = _figures(text, publish_date="2024-02-01")
    assert got == [
        ("地区生产总值", 8000.5, "亿元", "level", None, False),
        ("地区生产总值", 5.2, "%", "change", "up", False),
        ("地区生产总值", 18.3, "%", "share", None, False),
        ("地区生产总值", 8400, "亿元", "level", None, True),
        ("规模以上工业增加值", 350.2, "亿元", "level", None, False),
        ("规模以上工业增加值", 2.1, "%", "change", "down", False),
    ]
    for row in extract_document(text)["indicators"]:
        assert row["quote"] in text and text[row["position"]:].startswith(str(row["value"]).split(".")[0][:1])


def test_lines_with_stray_tabs_or_long_cells_are_prose():
    text = ("\t全区实现地区生产总值186.5亿元，同比增长5.3%。\n"
            "项目名称\t建设内容\n"
            "平谷新城综合管廊\t建设综合管廊12公里，总投资约30亿元，计划2025年底前完成主体工程建设并投入使用\n")
    got = _figures(text, publish_date="2024-07-25")
    assert ("地区生产总值", 186.5, "亿元", "level", None, False) in got
    assert ("地区生产总值", 5.3, "%", "change", "up", False) in got
    assert any(value == 12 and unit == "公里" for _m, value, unit, *_ in got), got


def test_a_table_copied_one_cell_per_line_is_read_by_its_columns():
    # how a page's table often reaches a .txt file: every cell on its own line, blank lines between
    text = ("2023年怀柔区主要经济指标完成情况\n\n"
            "　　全年经济运行总体平稳。\n\n"
            "表1：主要指标\n\n指标\n\n绝对值(亿元)\n\n比上年增长(%)\n\n"
            "地区生产总值\n\n520.6\n\n5.1\n\n"
            "   其中:第三产业\n\n301.2\n\n-0.8\n\n"
            "一般公共预算收入(不含基金)\n\n41.5\n\n3.2\n\n"
            "　　注：本表增速按可比价格计算。\n\n2024\n")
    got = _figures(text, publish_date="2024-03-01")
    assert got == [
        ("地区生产总值", 520.6, "亿元", "level", None, False),
        ("地区生产总值", 5.1, "%", "change", "up", False),
        ("第三产业", 301.2, "亿元", "level", None, False),
        ("第三产业", 0.8, "%", "change", "down", False),
        ("一般公共预算收入(不含基金)", 41.5, "亿元", "level", None, False),  # a note in brackets stays
        ("一般公共预算收入(不含基金)", 3.2, "%", "change", "up", False),
    ]
    rows = extract_document(text)["indicators"]
    assert rows[0]["quote"] == "地区生产总值\n\n520.6\n\n5.1"  # the row, label to last value: Ctrl-F-able
    assert all(row["quote"] in text and row["period"] == "2023" for row in rows)


def test_lines_that_hold_a_number_alone_outside_a_table_stay_out():
    # one label-and-number pair is no table; a number under a heading is no row of one
    text = "北京市密云区\n\n2024\n\n　　全区新增市场主体3200户。\n\n联系电话\n\n69041234\n"
    assert _figures(text, publish_date="2024-05-01") == [("新增市场主体", 3200, "户", "level", None, False)]


def test_a_statistics_page_builds_and_publishes_its_table_rows(publish_home, smtp_unconfigured, capsys):
    from scrapers.ingest import ingest_paths
    from warehouse.build import build_command

    assert ingest_paths(publish_home, [PAGE]).landed == 1
    assert build_command(publish_home, Namespace(full_refresh=False)) == 0
    assert "validation: passed" in capsys.readouterr().out
    con = duckdb.connect(str(publish_home.published_db), read_only=True)
    try:
        rows = con.execute(
            "SELECT metric, value, unit, kind, direction, period, district, position('\t' in quote) > 0 "
            "FROM fct_indicators ORDER BY position").fetchall()
        codes = dict(con.execute("SELECT DISTINCT metric, metric_code FROM fct_indicators").fetchall())
        text = con.execute("SELECT text FROM dim_document").fetchone()[0]
        quotes = [q for (q,) in con.execute("SELECT quote FROM fct_indicators").fetchall()]
    finally:
        con.close()
    assert ("社会消费品零售总额", 68.2, "亿元", "level", None, "2024H1", "平谷区", True) in rows
    assert ("社会消费品零售总额", 3.5, "%", "change", "down", "2024H1", "平谷区", True) in rows
    assert ("城镇居民人均可支配收入", 31256.0, "元", "level", None, "2024H1", "平谷区", True) in rows
    assert ("地区生产总值", 186.5, "亿元", "level", None, "2024H1", "平谷区", False) in rows
    assert len(rows) == 10
    # the canonical code is the longest canonical name the metric contains (seeds/canonical_metrics.csv)
    assert codes == {"地区生产总值": "gdp", "规模以上工业总产值": "industrial_output", "社会消费品零售总额": "retail_sales",
                     "网上零售额": "online_retail_sales", "城镇居民人均可支配收入": "disposable_income"}
    assert all(q in text for q in quotes)


def test_a_table_keeps_its_cells_apart_when_no_content_selector_matches():
    # the same page without its CMS content box: the body comes from trafilatura
    html = PAGE.read_bytes().decode("gbk").replace("TRS_Editor", "body-text").replace(' class="article"', "")
    doc = document_from_bytes("file:///statistics.html", html.encode("utf-8"), "html")
    assert "社会消费品零售总额\t亿元\t68.2\t-3.5" in doc.text.splitlines()
    assert "上半年，全区经济运行总体平稳，实现地区生产总值186.5亿元，同比增长5.3%。" in doc.text


def test_a_two_row_header_heads_the_value_columns_from_the_right():
    text = ("指标\t1-6月\t\n"          # the first header row; 指标 spans both rows in the HTML
            "绝对值（亿元）\t增速（%）\n"
            "地区生产总值\t186.5\t5.3\n")
    assert _figures(text, publish_date="2024-07-25") == [
        ("地区生产总值", 186.5, "亿元", "level", None, False), ("地区生产总值", 5.3, "%", "change", "up", False)]


def test_a_text_cell_is_read_as_prose_within_its_cell():
    text = ("项目名称\t建设内容\t总投资（亿元）\n"
            "平谷智能制造基地\t新建厂房5万平方米\t12.5\n")
    got = _figures(text, publish_date="2024-07-25")
    assert ("新建厂房", 5, "万平方米", "level", None, False) in got
    assert ("平谷智能制造基地", 12.5, "亿元", "level", None, False) in got
    assert len(got) == 2
