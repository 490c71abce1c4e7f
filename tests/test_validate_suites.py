"""The GX suites on a real DuckDB working warehouse: the gold documents pass, each kind of damage fails
with the expectation that names it, and the offending row is reported."""
from __future__ import annotations

from pathlib import Path

import pytest

from expectations.checkpoint import run_checkpoint
from expectations.sample import build_sample_warehouse
from tests.fixtures.publish import run_sql
from warehouse.publish import publish

FIRST = "(SELECT min({key}) FROM {table}{where})"


def first(table: str, key: str, where: str = "") -> str:
    return FIRST.format(key=key, table=table, where=f" WHERE {where}" if where else "")


def test_gold_warehouse_passes_every_suite_and_renders_data_docs(gold_home):
    report = run_checkpoint(gold_home)

    assert report.success, [f.describe() for f in report.failures]
    assert set(report.suites) == {"dim_document", "dim_district", "fct_indicators", "fct_projects",
                                  "fct_measures", "fct_policy_documents", "warehouse"}
    assert report.suites["fct_indicators"].rows == 211
    assert all(s.evaluated > 0 for s in report.suites.values())
    index = Path(report.data_docs)
    assert index == gold_home.data_docs_dir / "index.html" and index.exists()
    assert "fct_indicators" in index.read_text(encoding="utf-8")


# (damage, the suite, expectation and column that must catch it, the key of the damaged row)
DAMAGE = [
    ("UPDATE fct_indicators SET kind = 'bogus' WHERE indicator_id = {ind}",
     ("fct_indicators", "expect_column_values_to_be_in_set", "kind")),
    ("UPDATE fct_indicators SET value_base = value_base * 10 WHERE indicator_id = {ind_money}",
     ("fct_indicators", "expect_column_values_to_be_in_set", "value_base_check")),
    ("UPDATE fct_indicators SET value = 250, value_base = 250 WHERE indicator_id = {ind_share}",
     ("fct_indicators", "expect_column_values_to_be_between", "share_percent")),
    ("INSERT INTO fct_measures SELECT * FROM fct_measures WHERE measure_id = {mea}",
     ("fct_measures", "expect_column_values_to_be_between", "key_occurrences")),
    ("UPDATE fct_measures SET district = '火星区' WHERE measure_id = {mea2}",
     ("fct_measures", "expect_column_values_to_be_in_set", "district")),
    ("UPDATE fct_measures SET quote = '   ' WHERE measure_id = {mea3}",
     ("fct_measures", "expect_column_values_to_match_regex", "quote")),
    ("UPDATE fct_projects SET project_id = NULL WHERE project_id = {pro}",
     ("fct_projects", "expect_column_values_to_not_be_null", "project_id")),
    ("UPDATE fct_projects SET document_id = 'ffffffffffffffffffff' WHERE project_id = {pro2}",
     ("fct_projects", "expect_column_values_to_be_in_set", "document_known")),
    ("UPDATE fct_projects SET quote = '这句话不在原文里' WHERE project_id = {pro3}",
     ("fct_projects", "expect_column_values_to_be_in_set", "quote_in_text")),
    ("UPDATE dim_document SET doc_type = 'memo' WHERE document_id = {doc}",
     ("dim_document", "expect_column_values_to_be_in_set", "doc_type")),
    ("UPDATE fct_policy_documents SET title = '《' || title || '》' WHERE title = {pol}",
     ("fct_policy_documents", "expect_column_values_to_not_match_regex", "title")),
    ("UPDATE dim_district SET district_code = 110999 WHERE district = '海淀区'",
     ("dim_district", "expect_column_pair_values_to_be_equal", None)),
]


def test_each_kind_of_damage_fails_the_expectation_that_names_it(gold_home):
    import duckdb

    con = duckdb.connect(str(gold_home.work_db), read_only=True)
    pick = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    keys = {
        "ind": pick(f"SELECT min(indicator_id) FROM fct_indicators WHERE kind <> 'share'"),
        "ind_money": pick("SELECT min(indicator_id) FROM fct_indicators WHERE unit = '亿元'"),
        "ind_share": pick("SELECT min(indicator_id) FROM fct_indicators WHERE unit = '%' AND kind = 'share'"),
        "mea": pick("SELECT min(measure_id) FROM fct_measures"),
        "mea2": pick("SELECT max(measure_id) FROM fct_measures"),
        "mea3": pick("SELECT min(measure_id) FROM fct_measures WHERE measure_id > (SELECT min(measure_id) FROM fct_measures)"),
        "pro": pick("SELECT min(project_id) FROM fct_projects"),
        "pro2": pick("SELECT max(project_id) FROM fct_projects"),
        "pro3": pick("SELECT min(project_id) FROM fct_projects WHERE project_id > (SELECT min(project_id) FROM fct_projects)"),
        "doc": pick("SELECT min(document_id) FROM dim_document"),
        "pol": pick("SELECT min(title) FROM fct_policy_documents"),
    }
    con.close()
    run_sql(gold_home.work_db, *(sql.format(**{k: f"'{v}'" for k, v in keys.items()}) for sql, _ in DAMAGE))

    report = run_checkpoint(gold_home)

    assert not report.success
    found = {(f.suite, f.expectation, f.column) for f in report.failures}
    missing = [want for _, want in DAMAGE if want not in found]
    assert not missing, f"not caught: {missing}; caught: {sorted(found, key=str)}"
    assert set(report.failed_tables) == {want[0] for _, want in DAMAGE}
    by_check = {(f.suite, f.expectation, f.column): f for f in report.failures}
    kind = by_check[("fct_indicators", "expect_column_values_to_be_in_set", "kind")]
    assert kind.unexpected_count == 1 and kind.observed == ["bogus"]
    assert kind.rows[0]["indicator_id"] == keys["ind"] and kind.rows[0]["document_id"]
    dup = by_check[("fct_measures", "expect_column_values_to_be_between", "key_occurrences")]
    assert dup.unexpected_count == 2 and {r["measure_id"] for r in dup.rows} == {keys["mea"]}
    money = by_check[("fct_indicators", "expect_column_values_to_be_in_set", "value_base_check")]
    assert "should be" in money.observed[0] and money.rows[0]["indicator_id"] == keys["ind_money"]


def test_a_build_that_collapses_against_the_published_warehouse_fails(gold_home):
    assert publish(gold_home).published
    # keep one fact in five of every document (ordered by id, so the cut does not depend on the ids' values)
    for table, key in (("fct_indicators", "indicator_id"), ("fct_projects", "project_id"),
                       ("fct_measures", "measure_id")):
        run_sql(gold_home.work_db, f"""
            DELETE FROM {table} WHERE {key} NOT IN (
                SELECT {key} FROM {table}
                QUALIFY row_number() OVER (PARTITION BY document_id ORDER BY {key}) % 5 = 1)""")

    report = run_checkpoint(gold_home)

    assert not report.success
    found = {(f.suite, f.column or f.kwargs.get("column_A")): f for f in report.failures}
    collapse = found[("warehouse", "built_share_of_published")]
    assert {"fct_indicators", "fct_projects", "fct_measures"} <= {r["table_name"] for r in collapse.rows}
    assert ("dim_document", "facts_share_of_published") in found


def test_chunked_validation_still_sees_duplicates_across_chunks(publish_home):
    build_sample_warehouse(publish_home.work_db, copies=7)  # 2156 measures: more than one chunk of 2048 rows
    run_sql(publish_home.work_db,
            "INSERT INTO fct_measures SELECT * FROM fct_measures WHERE measure_id = (SELECT min(measure_id) FROM fct_measures)")

    report = run_checkpoint(publish_home, chunk_rows=2048, build_docs=False)

    assert report.suites["fct_measures"].chunks >= 2 and report.suites["fct_measures"].rows == 2157
    assert [(f.suite, f.column, f.unexpected_count) for f in report.failures] == [
        ("fct_measures", "key_occurrences", 2)]


def test_missing_column_or_warehouse_is_a_failed_validation_not_a_crash(gold_home, publish_home, tmp_path):
    run_sql(gold_home.work_db, "ALTER TABLE fct_projects DROP COLUMN sector")
    report = run_checkpoint(gold_home, build_docs=False)
    assert not report.success
    missing = [f for f in report.failures if f.column == "missing_columns"]
    assert missing and missing[0].observed == ["sector"]
    assert "fct_projects" in report.failed_tables

    empty = run_checkpoint(publish_home, work_db=tmp_path / "nothing.duckdb", build_docs=False)
    assert not empty.success and "no working warehouse" in empty.error
