"""The build's extraction function gives the same answer in-process and spread over worker processes.

Budget: about 5-10 s (two spawned workers import the extractor).
"""
import json

import duckdb
import pytest

from dbt_project import duckdb_functions as functions
from dbt_project.extraction.pipeline import extract_document_json
from warehouse.bench_corpus import generate


def test_worker_pool_matches_in_process(monkeypatch):
    docs = generate(functions.PARALLEL_MIN_DOCS + 5)
    rows = [(d.text, d.title, None, d.district, d.publish_date) for d in docs]
    monkeypatch.setenv(functions.WORKERS_ENV, "2")
    try:
        parallel = functions.extract_many(rows)
        assert functions._pool is not None, "a batch this large should have used the worker pool"
    finally:
        functions.shutdown_workers()
    monkeypatch.setenv(functions.WORKERS_ENV, "1")
    assert parallel == functions.extract_many(rows)


def test_duckdb_function_returns_one_json_document_per_row_in_order(monkeypatch):
    monkeypatch.setenv(functions.WORKERS_ENV, "1")
    docs = generate(3)
    con = duckdb.connect()
    functions.register(con)
    con.execute("create table d (i int, text varchar, title varchar, district varchar, published varchar)")
    con.executemany("insert into d values (?, ?, ?, ?, ?)",
                    [(i, d.text, d.title, d.district, d.publish_date) for i, d in enumerate(docs)])
    con.execute("insert into d values (3, null, null, null, null)")
    got = [r[0] for r in con.execute(
        "select liangqu_extract(text, title, null, district, published) from d order by i").fetchall()]
    con.close()
    assert got[:3] == [extract_document_json(d.text, d.title, None, d.district, d.publish_date) for d in docs]
    empty = json.loads(got[3])  # a page with no text yields an empty extraction, not an error
    assert empty["indicators"] == [] and empty["projects"] == [] and empty["sentences"] == []


def test_worker_count_rejects_nonsense(monkeypatch):
    monkeypatch.setenv(functions.WORKERS_ENV, "many")
    with pytest.raises(ValueError, match=functions.WORKERS_ENV):
        functions.worker_count()
