"""Scoped validation on a real DuckDB warehouse: once something is published, the suites check the rows of
new or changed documents only, still catch damage in any document whose rows changed, and check
everything again when nothing is published, when the suites changed, or when asked."""
from __future__ import annotations

import duckdb

from expectations.checkpoint import run_checkpoint
from tests.fixtures.publish import run_sql
from warehouse.publish import publish, published_suites_fingerprint


def _one(db, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_nothing_published_means_every_row_is_validated(gold_home):
    report = run_checkpoint(gold_home, build_docs=False)

    assert report.success
    assert report.scope["full"] and report.scope["reason"] == "nothing published yet"
    assert report.scope["validated_documents"] == report.scope["documents"] == 5
    assert report.suites["fct_indicators"].rows == 211


def test_unchanged_published_documents_are_not_validated_again(gold_home):
    assert publish(gold_home).published

    report = run_checkpoint(gold_home, build_docs=False)

    assert report.success, [f.describe() for f in report.failures]
    assert not report.scope["full"] and report.scope["validated_documents"] == 0
    assert report.suites["fct_indicators"].rows == 0 and report.suites["dim_document"].rows == 0
    assert report.suites["dim_district"].rows == 18  # not per document: always whole
    assert report.suites["warehouse"].rows == 6  # row counts of every table against the published ones


def test_a_damaged_row_brings_its_document_into_scope_and_is_caught(gold_home):
    assert publish(gold_home).published
    doc = _one(gold_home.work_db, "SELECT min(document_id) FROM fct_projects")
    doc_projects = _one(gold_home.work_db, f"SELECT count(*) FROM fct_projects WHERE document_id = '{doc}'")
    run_sql(gold_home.work_db, f"""
        UPDATE fct_projects SET quote = '这句话不在原文里'
        WHERE project_id = (SELECT min(project_id) FROM fct_projects WHERE document_id = '{doc}')""")

    report = run_checkpoint(gold_home, build_docs=False)

    assert not report.success
    assert not report.scope["full"] and report.scope["validated_documents"] == 1
    assert report.suites["fct_projects"].rows == doc_projects
    assert [(f.suite, f.column, f.unexpected_count) for f in report.failures] == [
        ("fct_projects", "quote_in_text", 1)]
    assert report.failures[0].rows[0]["document_id"] == doc


def test_a_duplicate_key_is_caught_even_though_only_one_document_changed(gold_home):
    assert publish(gold_home).published
    run_sql(gold_home.work_db,
            "INSERT INTO fct_measures SELECT * FROM fct_measures WHERE measure_id = (SELECT min(measure_id) FROM fct_measures)")

    report = run_checkpoint(gold_home, build_docs=False)

    assert report.scope["validated_documents"] == 1
    assert [(f.suite, f.column, f.unexpected_count) for f in report.failures] == [
        ("fct_measures", "key_occurrences", 2)]


def test_a_new_document_is_the_only_one_validated(gold_home):
    assert publish(gold_home).published
    run_sql(gold_home.work_db,
            "INSERT INTO dim_document SELECT * REPLACE ('00000000000000000000' AS document_id, "
            "'file:///new.txt' AS url) FROM dim_document WHERE document_id = (SELECT min(document_id) FROM dim_document)")

    report = run_checkpoint(gold_home, build_docs=False)

    assert report.success, [f.describe() for f in report.failures]
    assert report.scope["validated_documents"] == 1 and report.scope["documents"] == 6
    assert report.suites["dim_document"].rows == 1


def test_changed_suites_or_a_request_validate_everything_and_republish(gold_home):
    assert publish(gold_home).published
    assert run_checkpoint(gold_home, full=True, build_docs=False).scope == {
        "full": True, "reason": "full validation asked for", "documents": 5, "validated_documents": 5}
    current = published_suites_fingerprint(gold_home.published_db)
    assert current
    # a published file validated by other suites (here: its record rewritten in a copy put in its place)
    run_sql(gold_home.published_db, "UPDATE liangqu_publication SET suites_fingerprint = 'older-suites'")

    report = run_checkpoint(gold_home, build_docs=False)

    assert report.success and report.scope["full"]
    assert report.scope["reason"] == "the suites changed since the last publish"
    result = publish(gold_home)  # same rows, newer suites: published again, with the new record
    assert result.published
    assert published_suites_fingerprint(gold_home.published_db) == current
    assert not run_checkpoint(gold_home, build_docs=False).scope["full"]


def test_an_orphan_fact_row_after_a_publish_is_caught(gold_home):
    assert publish(gold_home).published
    run_sql(gold_home.work_db,
            "UPDATE fct_projects SET document_id = 'ffffffffffffffffffff' "
            "WHERE project_id = (SELECT max(project_id) FROM fct_projects)")

    report = run_checkpoint(gold_home, build_docs=False)

    assert not report.scope["full"]
    assert ("fct_projects", "document_known", 1) in {(f.suite, f.column, f.unexpected_count) for f in report.failures}
