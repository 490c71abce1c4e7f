"""`liangqu build` end to end on landed documents: real dbt, real GX, real publish, and a corrupted build."""
from __future__ import annotations

import fcntl
from argparse import Namespace
from pathlib import Path

import duckdb

from tests.fixtures.publish import published_state, run_sql
from warehouse import runlog
from warehouse.build import build_command
from warehouse.publish import VERSIONS_DIR

GOLD = Path(__file__).resolve().parent / "data" / "gold"


def test_build_publishes_then_has_nothing_new_then_refuses_a_collapsed_build(publish_home, smtp_unconfigured, capsys):
    from scrapers.ingest import ingest_paths

    assert ingest_paths(publish_home, sorted(GOLD.glob("*.txt"))).landed == 5

    assert build_command(publish_home, Namespace(full_refresh=False)) == 0
    out = capsys.readouterr().out
    assert "validation: passed" in out and f"published: {publish_home.published_db}" in out
    assert f"Data Docs: {publish_home.data_docs_dir / 'index.html'}" in out
    con = duckdb.connect(str(publish_home.published_db), read_only=True)
    indicators = con.execute("SELECT count(*) FROM fct_indicators").fetchone()[0]
    con.close()
    assert indicators > 50 and f"fct_indicators {indicators:>13} rows".replace(" ", "") in out.replace(" ", "")
    published = published_state(publish_home)
    # its copies were written while the checkpoint ran in its worker, and swapped in once it passed
    assert [e.get("alongside_validation") for e in runlog.entries(publish_home) if e["stage"] == "publish"] == [True]
    versions = sorted((publish_home.published_dir / VERSIONS_DIR).iterdir())

    assert build_command(publish_home, Namespace(full_refresh=False)) == 0
    assert "nothing new to publish" in capsys.readouterr().out
    assert published_state(publish_home) == published

    # the landing zone loses four of its five documents: dbt builds fine, the checkpoint must not let it through
    run_sql(publish_home.raw_db, "DELETE FROM raw_documents WHERE document_id <> (SELECT min(document_id) FROM raw_documents)")
    assert build_command(publish_home, Namespace(full_refresh=True)) == 1
    out = capsys.readouterr().out
    assert "validation: FAILED" in out and "built_share_of_published" in out
    assert "NOT published" in out and "alert written to" in out
    assert len(list(publish_home.alerts_dir.glob("*.eml"))) == 1
    assert published_state(publish_home) == published
    # the copies prepared alongside the failed validation are gone, and the publish lock is free again
    assert sorted((publish_home.published_dir / VERSIONS_DIR).iterdir()) == versions
    assert not list(publish_home.published_dir.glob(".liangqu.duckdb.*"))
    with open(publish_home.state_dir / "publish.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises at once if a publish still held it
        fcntl.flock(lock, fcntl.LOCK_UN)
    stages = [(e["stage"], e["ok"]) for e in runlog.entries(publish_home)]
    assert stages[-3:] == [("build", True), ("validate", False), ("alert", True)]
    assert ("publish", True) in stages
