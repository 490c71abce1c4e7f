"""`liangqu demo`: crawl → transform → validate/publish through the real DAGs on the local default, and a
second run that lands and publishes nothing new and says so."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tests.fixtures.orchestrate import REPO_ROOT


def _demo(home: Path) -> tuple[subprocess.CompletedProcess, float]:
    # Only the machine's environment: no AIRFLOW_*/LIANGQU_* left over from other tests.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "LIANGQU_"))}
    env["LIANGQU_HOME"] = str(home)
    liangqu = Path(sys.executable).with_name("liangqu")
    started = time.monotonic()
    out = subprocess.run([str(liangqu), "demo"], env=env, cwd=REPO_ROOT, capture_output=True, text=True,
                         timeout=400)
    return out, time.monotonic() - started


def test_demo_runs_the_pipeline_through_the_dags_then_changes_nothing(tmp_path):
    home = tmp_path / "home"

    first, first_s = _demo(home)
    assert first.returncode == 0, first.stdout[-4000:] + first.stderr[-4000:]
    published = home / "published" / "liangqu.duckdb"
    assert f"published warehouse: {published}" in first.stdout
    assert "raw_documents updated" in first.stdout
    assert "2/3 transform (dbt build): triggered by liangqu_raw_documents" in first.stdout
    assert "3/3 validate and publish: triggered by liangqu_work_warehouse" in first.stdout
    con = duckdb.connect(str(published), read_only=True)
    counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("dim_document", "fct_indicators", "fct_projects", "fct_measures")}
    sample = con.execute("select metric from fct_indicators order by district, metric limit 1").fetchone()[0]
    con.close()
    assert all(n > 0 for n in counts.values()), counts
    for table, n in counts.items():
        assert any(line.split() == [table, str(n), "rows"] for line in first.stdout.splitlines()), table
    assert sample in first.stdout  # the indicator rows printed are the published ones
    assert (home / "airflow" / "airflow.db").exists()  # SQLite metadata under $LIANGQU_HOME/airflow
    published_bytes = published.read_bytes()

    second, second_s = _demo(home)
    assert second.returncode == 0, second.stdout[-4000:] + second.stderr[-4000:]
    assert "landed 0 new + 0 changed" in second.stdout
    assert "raw_documents updated" not in second.stdout
    assert "nothing new landed, nothing new published" in second.stdout
    assert published.read_bytes() == published_bytes
    print(f"liangqu demo: first run {first_s:.1f} s, second run {second_s:.1f} s")
