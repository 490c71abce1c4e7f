"""Write-audit-publish on real DuckDB files: idempotent, atomic for readers, safe against kills."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from expectations.sample import build_sample_warehouse
from tests.fixtures.publish import REPO_ROOT, published_state, run_sql, start_paused_build
from warehouse.publish import parquet_fingerprint, publish, published_fingerprint, fingerprint
from warehouse.build import validate_and_publish


def work_fingerprint(home) -> str:
    con = duckdb.connect(str(home.work_db), read_only=True)
    try:
        return fingerprint(con, con.execute("SELECT current_database()").fetchone()[0])[0]
    finally:
        con.close()


def test_publish_is_idempotent_and_replaces_when_the_work_changes(gold_home):
    first = publish(gold_home)
    assert first.published and first.counts["fct_indicators"] == 211
    state, mtime = published_state(gold_home), gold_home.published_db.stat().st_mtime_ns

    again = publish(gold_home)

    assert not again.published and again.reason == "nothing new to publish"
    assert published_state(gold_home) == state and gold_home.published_db.stat().st_mtime_ns == mtime

    run_sql(gold_home.work_db, "DELETE FROM fct_measures WHERE measure_id = (SELECT min(measure_id) FROM fct_measures)")
    changed = publish(gold_home)
    assert changed.published and changed.counts["fct_measures"] == 307
    con = duckdb.connect(str(gold_home.published_db), read_only=True)
    assert con.execute("SELECT count(*) FROM fct_measures").fetchone()[0] == 307
    con.close()
    parquet = duckdb.execute(f"SELECT count(*) FROM read_parquet('{gold_home.parquet_dir}/fct_measures.parquet')")
    assert parquet.fetchone()[0] == 307
    assert not list(gold_home.published_dir.glob(".liangqu.duckdb.*"))


def test_corrupted_build_fails_alerts_and_leaves_the_published_warehouse_byte_identical(gold_home, smtp_unconfigured):
    assert validate_and_publish(gold_home).published
    before = published_state(gold_home)
    run_sql(gold_home.work_db,
            "UPDATE fct_indicators SET kind = 'bogus' WHERE indicator_id = (SELECT min(indicator_id) FROM fct_indicators)",
            "DELETE FROM fct_projects WHERE hash(project_id) % 4 <> 0")

    outcome = validate_and_publish(gold_home)

    assert not outcome.ok and not outcome.published
    assert set(outcome.report.failed_tables) >= {"fct_indicators", "warehouse"}
    alerts = list(gold_home.alerts_dir.glob("*.eml"))
    assert len(alerts) == 1 and "alert written to" in outcome.alert and str(alerts[0]) in outcome.alert
    assert "fct_indicators" in alerts[0].read_text(encoding="utf-8")
    assert published_state(gold_home) == before


READER = r"""
import json, os, sys, time
from pathlib import Path
import duckdb
db, parquet, stop = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
reads, errors, seen = 0, [], set()
while not stop.exists():
    try:
        con = duckdb.connect(str(db), read_only=True)
        try:
            fp, counts = con.execute("SELECT fingerprint, row_counts FROM liangqu_publication").fetchone()
            for table, n in json.loads(counts).items():
                actual = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                if actual != n:
                    errors.append(f"db {fp[:8]}: {table} has {actual} rows, its publication says {n}")
        finally:
            con.close()
        version = Path(os.path.realpath(parquet))  # one publication's Parquet: resolve the symlink once
        manifest = json.loads((version / "_manifest.json").read_text())
        for table, n in manifest["row_counts"].items():
            actual = duckdb.execute(f"SELECT count(*) FROM read_parquet('{version / (table + '.parquet')}')").fetchone()[0]
            if actual != n:
                errors.append(f"parquet {manifest['fingerprint'][:8]}: {table} has {actual} rows, manifest says {n}")
        seen.add(fp)
        reads += 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
print(json.dumps({"reads": reads, "errors": errors[:10], "fingerprints": len(seen)}))
"""


def test_a_reader_in_another_process_never_sees_an_error_or_a_mixed_state(publish_home, tmp_path):
    build_sample_warehouse(publish_home.work_db, copies=1)
    publish(publish_home)
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(publish_home.published_db),
                               str(publish_home.parquet_dir), str(stop)],
                              cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # a BI session holding the published file open all along must not block publishing
    held = duckdb.connect(str(publish_home.published_db), read_only=True)
    held_counts = held.execute("SELECT count(*) FROM fct_indicators").fetchone()[0]
    try:
        time.sleep(0.5)
        publishes = 0
        for copies in (2, 3, 1, 2, 3, 1):
            build_sample_warehouse(publish_home.work_db, copies=copies)
            assert publish(publish_home).published
            publishes += 1
            time.sleep(0.2)
        assert held.execute("SELECT count(*) FROM fct_indicators").fetchone()[0] == held_counts
    finally:
        held.close()
        stop.write_text("stop")
        out, err = reader.communicate(timeout=60)
    result = json.loads(out.strip().splitlines()[-1])
    assert result["errors"] == [], result
    assert result["reads"] >= 10 and result["fingerprints"] >= 2, result
    assert publishes == 6


def _kill(proc) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def test_killed_mid_publish_leaves_the_old_warehouse_and_the_next_run_completes(gold_home, tmp_path):
    assert publish(gold_home).published
    before = published_state(gold_home)
    old_fp = published_fingerprint(gold_home.published_db)
    build_sample_warehouse(gold_home.work_db, copies=2)
    new_fp = work_fingerprint(gold_home)

    # killed after writing the new file beside the published one, then after writing the new Parquet
    # version too: both before any rename. (Pausing after the Parquet writer alone raced the DuckDB copy,
    # which runs beside it in another thread and may not have created its .tmp file yet.)
    for point in ("db_copy_written", "copies_written"):
        _kill(start_paused_build(gold_home, point, tmp_path))
        assert published_state(gold_home) == before, point
        assert list(gold_home.published_dir.glob(".liangqu.duckdb.*.tmp"))

    # killed after the DuckDB file was replaced, before the Parquet symlink was swapped
    _kill(start_paused_build(gold_home, "db_swapped", tmp_path))
    assert published_fingerprint(gold_home.published_db) == new_fp
    assert parquet_fingerprint(gold_home.parquet_dir) == old_fp
    assert os.readlink(gold_home.parquet_dir) == before["parquet_target"]

    rerun = publish(gold_home)

    assert rerun.published and "Parquet" in rerun.reason
    assert published_fingerprint(gold_home.published_db) == new_fp == parquet_fingerprint(gold_home.parquet_dir)
    assert not list(gold_home.published_dir.glob(".liangqu.duckdb.*"))
    assert not list((gold_home.published_dir / ".parquet-versions").glob("*.partial"))
    assert publish(gold_home).reason == "nothing new to publish"


def test_killed_mid_validation_leaves_the_old_warehouse_and_the_next_run_publishes(gold_home, tmp_path,
                                                                                    smtp_unconfigured):
    assert publish(gold_home).published
    before = published_state(gold_home)
    build_sample_warehouse(gold_home.work_db, copies=2)

    _kill(start_paused_build(gold_home, "validation", tmp_path, timeout=90))
    assert published_state(gold_home) == before

    outcome = validate_and_publish(gold_home)

    assert outcome.ok and outcome.published, outcome.reason
    assert published_fingerprint(gold_home.published_db) == work_fingerprint(gold_home)
    assert outcome.row_counts["dim_document"] == 10
