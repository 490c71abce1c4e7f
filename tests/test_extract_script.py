"""A page in traditional characters is read like a simplified one, and what is found keeps the page's characters."""
from dbt_project.extraction import script
from dbt_project.extraction.pipeline import extract_document

# written for this test in the style of a traditional-script edition of a district news story
TRADITIONAL = (
    "記者從門頭溝區兩會上獲悉，2022年門頭溝區高位推進“兩區”建設，全年入庫項目226個，落地185個。"
    "百洋醫藥7家子公司成功落戶，總投資約29億元。阜外醫院西山園區二期項目正式開工。"
    "區裡出台《門頭溝區關於支持和服務高新技術企業發展若干措施》，實施企業開辦“一日辦結”改革。"
)


def test_a_traditional_page_is_read_in_simplified_characters_and_answers_in_its_own():
    got = extract_document(TRADITIONAL, publish_date="2023-01-07")
    assert got["district"] == "门头沟区"  # jurisdictions stay the warehouse's names
    indicators = {(i["value"], i["unit"]): i for i in got["indicators"]}
    assert {(226, "個"), (185, "個"), (7, "家"), (29, "億元")} <= set(indicators)  # units as written
    assert (indicators[(29, "億元")]["value_base"], indicators[(29, "億元")]["base_unit"]) == (29e8, "元")
    assert indicators[(226, "個")]["metric"] == "入庫項目" and indicators[(226, "個")]["period"] == "2022"
    for row in got["indicators"] + got["projects"] + got["measures"]:
        assert row["quote"] in TRADITIONAL, row  # a quote is still an exact substring of the page
    assert "阜外醫院西山園區二期項目" in {p["name"] for p in got["projects"]}
    assert got["policy_documents"] == ["門頭溝區關於支持和服務高新技術企業發展若干措施"]


def test_a_simplified_page_with_a_stray_traditional_character_is_left_as_it_is():
    text = "乾隆年间的著名街区，全区入库项目226个。发展若干措施落地。"
    assert not script.is_traditional(text)
    assert not script.is_traditional(TRADITIONAL.replace("區", "区")[:12])  # too short to tell
    assert script.Page.of(text).readable is text


def test_the_conversion_keeps_every_offset():
    readable = script.to_simplified(TRADITIONAL)
    assert len(readable) == len(TRADITIONAL)
    assert readable.startswith("记者从门头沟区两会上获悉")


def test_a_traditional_page_builds_validates_and_publishes_with_its_units_as_written(liangqu_home, tmp_path):
    import duckdb

    from scrapers.ingest import ingest_paths
    from warehouse.build import build
    from warehouse.paths import Home

    home = Home(liangqu_home).ensure()
    page = tmp_path / "mentougou_traditional.txt"
    page.write_text(TRADITIONAL, encoding="utf-8")
    assert ingest_paths(home, [page]).landed == 1

    outcome = build(home)

    assert outcome.ok and outcome.published, outcome.reason  # the base-unit check reads 億元 as 亿元
    con = duckdb.connect(str(home.published_db), read_only=True)
    try:
        text = con.execute("select text from dim_document").fetchone()[0]
        units = dict(con.execute("select unit, value_base from fct_indicators where value = 29").fetchall())
        quotes = [q for (q,) in con.execute(
            "select quote from fct_indicators union all select quote from fct_projects "
            "union all select quote from fct_measures").fetchall()]
    finally:
        con.close()
    assert units == {"億元": 29e8}
    assert quotes and all(q in text for q in quotes)
