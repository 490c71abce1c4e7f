"""Publishing onto the last published file: only the changed documents' rows are replaced, and the result
is row for row the working warehouse; otherwise the file is written whole."""
from __future__ import annotations

import duckdb

from expectations.frames import TABLES
from tests.fixtures.publish import run_sql
from warehouse.publish import publish, published_fingerprint


def _differences(home) -> dict[str, int]:
    """Rows in one warehouse and not the other, per contract table (both directions)."""
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH '{home.work_db}' AS w (READ_ONLY)")
        con.execute(f"ATTACH '{home.published_db}' AS p (READ_ONLY)")
        return {t: con.execute(f"SELECT count(*) FROM ((FROM w.main.{t} EXCEPT ALL FROM p.main.{t}) "
                               f"UNION ALL (FROM p.main.{t} EXCEPT ALL FROM w.main.{t}))").fetchone()[0]
                for t in TABLES}
    finally:
        con.close()


def _published(home, sql: str):
    con = duckdb.connect(str(home.published_db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_a_few_changed_documents_are_published_onto_the_last_file(gold_home, monkeypatch):
    first = publish(gold_home)
    assert first.published and first.db_written == "whole"  # nothing to start from
    # one document loses its projects, another gets a changed measure and a duplicate row, a sixth appears
    run_sql(gold_home.work_db,
            "DELETE FROM fct_projects WHERE document_id = (SELECT min(document_id) FROM fct_projects)",
            "UPDATE fct_measures SET name = name || '（修订）' WHERE measure_id = (SELECT max(measure_id) FROM fct_measures)",
            "INSERT INTO fct_indicators SELECT * FROM fct_indicators WHERE indicator_id = (SELECT min(indicator_id) FROM fct_indicators)",
            "INSERT INTO dim_document SELECT * REPLACE ('00000000000000000000' AS document_id, 'file:///new.txt' AS url) "
            "FROM dim_document WHERE document_id = (SELECT min(document_id) FROM dim_document)")
    # 4 of 6 documents changed: more than a fifth, so allow that for this small warehouse
    monkeypatch.setattr("warehouse.publish.MAX_CHANGED_SHARE", 1.0)
    second = publish(gold_home)

    assert second.published and second.db_written == "changed rows"
    assert _differences(gold_home) == {t: 0 for t in TABLES}
    assert published_fingerprint(gold_home.published_db, recompute=True) == second.fingerprint
    assert _published(gold_home, "SELECT count(*) FROM liangqu_publication") == 1


def test_many_changed_documents_or_a_new_column_are_written_whole(gold_home):
    assert publish(gold_home).published
    run_sql(gold_home.work_db, "UPDATE fct_measures SET name = name || '（修订）'")  # every document
    many = publish(gold_home)
    assert many.published and many.db_written == "whole"

    run_sql(gold_home.work_db, "ALTER TABLE fct_projects ADD COLUMN note VARCHAR")
    schema = publish(gold_home)
    assert schema.published and schema.db_written == "whole"
    assert _differences(gold_home) == {t: 0 for t in TABLES}


def test_a_file_published_before_the_suites_were_recorded_is_still_a_base(gold_home, monkeypatch):
    assert publish(gold_home).published
    # the record as older versions wrote it: no suites_fingerprint column
    run_sql(gold_home.published_db,
            "CREATE OR REPLACE TABLE liangqu_publication AS SELECT published_at, fingerprint, row_counts "
            "FROM liangqu_publication")
    run_sql(gold_home.work_db,
            "UPDATE fct_measures SET name = name || '（修订）' WHERE measure_id = (SELECT max(measure_id) FROM fct_measures)")
    monkeypatch.setattr("warehouse.publish.MAX_CHANGED_SHARE", 1.0)

    result = publish(gold_home)

    assert result.published and result.db_written == "changed rows"
    assert _differences(gold_home) == {t: 0 for t in TABLES}
    assert _published(gold_home, "SELECT suites_fingerprint FROM liangqu_publication")
