"""Transform DAG: dbt build of the working warehouse, triggered by the raw-documents asset."""
from __future__ import annotations

import pendulum
from airflow.sdk import DAG, task

from dags.support import DUCKDB_POOL, FAILURE_HELP, RAW_DOCUMENTS, WORK_WAREHOUSE, default_args, json_safe, log

DOC = """
### Transform: dbt build

Runs `dbt build` (dbt-duckdb) over the landed raw documents into the working warehouse
`$LIANGQU_HOME/work/liangqu.duckdb`: staging → intermediate → the marts (`dim_document`,
`fct_indicators`, `fct_projects`, `fct_measures`, ...), with dbt's own tests.

* **Triggered by** the `liangqu_raw_documents` asset (a crawl landed something new or changed),
  never by a clock. Several crawls in a row are folded into one run.
* **Emits** `liangqu_work_warehouse` on success, which triggers `liangqu_validate_publish`.
* One task rather than one per model: dbt's start-up cost is paid once and DuckDB has a single writer,
  so per-model tasks would only run one after the other anyway. The task log lists the models and
  tests built, with counts; the dbt log itself is under `dbt_project/logs/`.
* Idempotent: models are rebuilt from raw.duckdb; re-running gives the same tables.
{failure_help}
"""

TASK_DOC = """`dbt build` into work/liangqu.duckdb. The log gives the count of models, tests and seeds run and
every failure. On failure: read the failing model or test in the log, fix the SQL or the data, clear the task."""

with DAG(
    dag_id="liangqu_transform",
    dag_display_name="Transform · dbt build",
    description="dbt build of the working warehouse when new raw documents landed",
    doc_md=DOC.format(failure_help=FAILURE_HELP),
    schedule=[RAW_DOCUMENTS],
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=default_args(retries=1),
    tags=["liangqu", "transform", "dbt"],
) as dag:

    @task(task_id="dbt_build", task_display_name="dbt build (work warehouse)", pool=DUCKDB_POOL,
          outlets=[WORK_WAREHOUSE], doc_md=TASK_DOC, retries=1)
    def dbt_build(**context) -> dict:
        from dbt_project.runner import dbt_build as run_dbt_build

        from dags.support import liangqu_home

        for asset_events in (context.get("triggering_asset_events") or {}).values():
            for event in asset_events:
                log.info("triggered by %s (run %s): %s", event.source_dag_id, event.source_run_id, event.extra)
        home = liangqu_home()
        result = run_dbt_build(home)
        counts = json_safe(result.row_counts)
        log.info("dbt build %s in %.1f s into %s; rows per table: %s", "succeeded" if result.success else "FAILED",
                 result.elapsed_s, home.work_db, counts)
        if not result.success:
            for line in (result.failures or "").splitlines():
                log.error("dbt failure: %s", line)
            raise RuntimeError(f"dbt build failed:\n{(result.failures or '')[:2000]}")
        context["outlet_events"][WORK_WAREHOUSE].extra = {"elapsed_s": round(result.elapsed_s, 1), "rows": counts}
        return {"elapsed_s": round(result.elapsed_s, 1), "rows": counts}

    dbt_build()
