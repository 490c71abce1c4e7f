"""The dbt project end to end on real DuckDB files: builds, passes its dbt tests, is incremental."""
import duckdb

from dbt_project.runner import CONTRACT_TABLES, dbt_build
from tests.fixtures.transform import land

CONTRACT_COLUMNS = {
    "dim_document": {"document_id", "source_id", "url", "title", "publish_date", "issuer", "district",
                     "doc_type", "fetched_at", "content_sha256", "text"},
    "dim_district": {"district", "district_code", "name_en"},
    "fct_indicators": {"indicator_id", "document_id", "district", "metric", "metric_code", "value", "unit",
                       "value_base", "base_unit", "kind", "direction", "period", "is_target", "qualifier", "quote"},
    "fct_projects": {"project_id", "document_id", "district", "name", "status", "investment_value",
                     "investment_unit", "investment_base", "sector", "quote"},
    "fct_measures": {"measure_id", "document_id", "district", "name", "domain", "status", "quote"},
    "fct_policy_documents": {"document_id", "title"},
}


def _query(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_builds_with_no_documents_landed(transform_home):
    result = dbt_build(transform_home)
    assert result.success, result.failures
    assert result.row_counts["dim_district"] == 18
    assert all(result.row_counts[t] == 0 for t in CONTRACT_TABLES if t != "dim_district")
    # dbt's target/ and logs/ live under the home, not in the repository
    assert (transform_home.root / "dbt" / "target" / "manifest.json").exists()


def test_incremental_build_extracts_only_the_new_document(transform_home, gold_texts, tmp_path):
    land(transform_home, gold_texts[:2])
    first = dbt_build(transform_home)
    assert first.success, first.failures
    db = transform_home.work_db
    for table, columns in CONTRACT_COLUMNS.items():
        got = {r[0] for r in _query(db, f"select column_name from information_schema.columns where table_name = '{table}'")}
        assert columns <= got, f"{table} lacks {columns - got}"
    before = dict(_query(db, "select document_id, extracted_at from int_document_extractions"))
    ids_before = _query(db, "select indicator_id from fct_indicators order by 1")
    assert len(before) == 2 and ids_before

    land(transform_home, [gold_texts[2]])
    second = dbt_build(transform_home)
    assert second.success, second.failures
    after = dict(_query(db, "select document_id, extracted_at from int_document_extractions"))
    new = set(after) - set(before)
    assert len(new) == 1
    assert all(after[d] == before[d] for d in before), "an old document was extracted again"
    assert second.row_counts["dim_document"] == 3
    # ids are stable: the first documents' indicators keep theirs
    ids_after = {r[0] for r in _query(db, "select indicator_id from fct_indicators")}
    assert {r[0] for r in ids_before} <= ids_after
    # every quote is an exact substring of its document's text
    bad = _query(db, """
        select count(*) from fct_indicators i join dim_document d using (document_id)
        where strpos(d.text, i.quote) = 0""")
    assert bad == [(0,)]


def test_latest_version_of_a_url_wins(transform_home, tmp_path):
    page = tmp_path / "report.txt"
    page.write_text("2023年，朝阳区地区生产总值同比增长5%。", encoding="utf-8")
    land(transform_home, [page])
    page.write_text("2023年，朝阳区地区生产总值同比增长6.2%。", encoding="utf-8")
    land(transform_home, [page])
    result = dbt_build(transform_home)
    assert result.success, result.failures
    rows = _query(transform_home.work_db, "select value, unit, district, kind, direction, period from fct_indicators")
    assert rows == [(6.2, "%", "朝阳区", "change", "up", "2023")]
    assert result.row_counts["dim_document"] == 1


def test_a_null_in_a_required_column_fails_the_dbt_tests_and_names_the_column(transform_home, gold_texts):
    from dbt_project.runner import run_dbt

    land(transform_home, gold_texts[:1])
    assert dbt_build(transform_home).success
    con = duckdb.connect(str(transform_home.work_db))
    con.execute("update fct_indicators set metric = null where indicator_id = (select min(indicator_id) from fct_indicators)")
    con.close()

    res = run_dbt(transform_home, ["test", "--select", "fct_indicators", "--store-failures", "--quiet"])

    assert not res.success
    failed = [r for r in res.result.results if str(r.status).lower() == "fail"]
    assert len(failed) == 1 and failed[0].node.name.startswith("not_null_columns_fct_indicators")
    rows = _query(transform_home.work_db, f"select null_column, rows_with_null from {failed[0].node.relation_name}")
    assert rows == [("metric", 1)]


def _seeds_run(home) -> set[str]:
    import json

    results = json.loads((home.root / "dbt" / "target" / "run_results.json").read_text())["results"]
    return {r["unique_id"].split(".")[-1] for r in results if r["unique_id"].startswith("seed.")}


def test_unchanged_seeds_are_not_reloaded_and_changed_or_missing_ones_are(transform_home, gold_texts):
    import json

    from dbt_project.runner import last_build_state

    land(transform_home, gold_texts[:1])
    assert dbt_build(transform_home).success
    all_seeds = _seeds_run(transform_home)
    assert "districts" in all_seeds and len(all_seeds) >= 5

    assert dbt_build(transform_home).success
    assert _seeds_run(transform_home) == set()

    # a seed whose file differs from the last successful build's (here: its recorded checksum) is loaded again
    manifest_path = last_build_state(transform_home) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["nodes"]["seed.liangqu.units"]["checksum"]["checksum"] = "0" * 64
    manifest_path.write_text(json.dumps(manifest))
    assert dbt_build(transform_home).success
    assert _seeds_run(transform_home) == {"units"}

    # a seed table that is gone is loaded again (with all the others)
    con = duckdb.connect(str(transform_home.work_db))
    con.execute("drop table districts cascade")
    con.close()
    result = dbt_build(transform_home)
    assert result.success, result.failures
    assert _seeds_run(transform_home) == all_seeds
