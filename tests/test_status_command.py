"""`liangqu status`: what was landed, built, validated and published, read back through the CLI."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.fixtures.publish import REPO_ROOT, run_sql
from warehouse.build import validate_and_publish

GOLD = Path(__file__).resolve().parent / "data" / "gold"


def _status(home, *extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "warehouse.cli", "--home", str(home.root), "status", *extra],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)


def test_status_reports_each_stage_and_when(gold_home, smtp_unconfigured):
    empty = _status(gold_home)
    assert empty.returncode == 0 and "landed:     nothing yet" in empty.stdout and "published:  nothing yet" in empty.stdout

    from scrapers.ingest import ingest_paths

    ingest_paths(gold_home, sorted(GOLD.glob("*.txt"))[:3])
    assert validate_and_publish(gold_home).published
    run_sql(gold_home.work_db, "UPDATE fct_measures SET status = 'rumoured'")
    assert not validate_and_publish(gold_home).ok

    result = _status(gold_home, "--json")

    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert s["landed"]["raw_documents"] == 3 and s["landed"]["last_landed_at"]
    assert s["validated"]["last_validate"]["ok"] is False
    assert s["validated"]["last_validate"]["failed_tables"] == ["fct_measures"]
    assert s["published"]["row_counts"]["fct_indicators"] == 211 and s["published"]["published_at"]
    assert s["published"]["last_published"]["ok"] and s["last_alert"]["channel"] == "file"
    text = _status(gold_home).stdout
    assert "3 raw documents" in text and "(FAILED); failed: fct_measures" in text
    assert str(gold_home.published_db) in text and "fct_measures" in text
