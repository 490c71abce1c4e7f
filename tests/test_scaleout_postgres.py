"""Scale-out: the same DAGs with Airflow's metadata in PostgreSQL and the LocalExecutor running tasks in
parallel worker processes; the scheduler starts transform and publish from the asset events alone."""
from __future__ import annotations


def test_scheduler_on_postgres_runs_the_asset_chain(live_airflow, live_pipeline_run):
    live = live_airflow
    runs = live_pipeline_run
    assert {dag_id: run["state"] for dag_id, run in runs.items()} == {
        "liangqu_crawl_sample_dongcheng": "success", "liangqu_transform": "success",
        "liangqu_validate_publish": "success"}
    # Nobody triggered transform or publish: the asset events did.
    assert runs["liangqu_transform"]["run_type"] == "asset_triggered"
    assert runs["liangqu_validate_publish"]["run_type"] == "asset_triggered"
    assert live.task_states("liangqu_validate_publish", runs["liangqu_validate_publish"]["dag_run_id"]) == {
        "validate_and_publish": "success"}

    # The metadata really is in PostgreSQL, written by a scheduler with the LocalExecutor.
    assert live.env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql")
    assert live.sql("select count(*) from dag_run where dag_id = 'liangqu_transform' and state = 'success'")[0][0] >= 1
    assert "LocalExecutor(parallelism=4)" in (live.root / "scheduler.log").read_text(errors="replace")
    # Tasks ran in LocalExecutor worker processes, not inside the scheduler.
    pids = {r[0] for r in live.sql("select distinct pid from task_instance where state = 'success'")}
    assert pids and live.procs["scheduler"].pid not in pids
    pooled = live.sql("select distinct pool from task_instance where dag_id in "
                      "('liangqu_transform', 'liangqu_validate_publish')")
    assert pooled == [("liangqu_duckdb",)]
    assert live.home.published_db.exists()
