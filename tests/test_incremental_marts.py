"""The marts are incremental by document: a run rebuilds only what was extracted since the last one,
and the result is the same as rebuilding everything."""
import duckdb

from dbt_project.runner import dbt_build
from tests.fixtures.transform import land

FACT_TABLES = ("fct_indicators", "fct_projects", "fct_measures", "fct_policy_documents")


def _query(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _contents(db) -> dict[str, list]:
    """Every mart's rows, without the extraction time (which a full refresh changes by design)."""
    return {t: sorted(map(repr, _query(db, f"select * exclude (extracted_at) from {t}")))
            for t in ("dim_document", *FACT_TABLES)}


def test_a_newer_version_of_a_url_replaces_the_old_one_in_every_mart(transform_home, tmp_path):
    page = tmp_path / "report.txt"
    page.write_text("2023年，朝阳区地区生产总值同比增长5%。《北京市优化营商环境条例》", encoding="utf-8")
    land(transform_home, [page])
    assert dbt_build(transform_home).success
    db = transform_home.work_db
    (old_id,) = _query(db, "select document_id from dim_document")[0]

    page.write_text("2023年，朝阳区地区生产总值同比增长6.2%。", encoding="utf-8")
    land(transform_home, [page])
    result = dbt_build(transform_home)

    assert result.success, result.failures
    assert _query(db, "select value from fct_indicators") == [(6.2,)]
    for table in ("dim_document", *FACT_TABLES):
        assert _query(db, f"select count(*) from {table} where document_id = '{old_id}'") == [(0,)], table
    assert result.row_counts["dim_document"] == 1
    assert result.row_counts["fct_policy_documents"] == 0


def test_an_incremental_build_equals_a_full_rebuild(transform_home, gold_texts):
    land(transform_home, gold_texts[:2])
    assert dbt_build(transform_home).success
    db = transform_home.work_db
    first_batch = _query(db, "select document_id, extracted_at from dim_document order by 1")

    land(transform_home, gold_texts[2:3])
    incremental = dbt_build(transform_home)
    assert incremental.success, incremental.failures
    # the documents built before kept their rows as they were: only the new one was rebuilt
    assert set(first_batch) <= set(_query(db, "select document_id, extracted_at from dim_document"))
    assert incremental.row_counts["dim_document"] == 3
    built_incrementally = _contents(db)

    full = dbt_build(transform_home, full_refresh=True)
    assert full.success, full.failures
    assert _contents(db) == built_incrementally
