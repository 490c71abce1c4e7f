"""Validate-and-publish DAG: Great Expectations checkpoint, then publish only what passed."""
from __future__ import annotations

import pendulum
from airflow.sdk import DAG, task

from dags.support import (
    DUCKDB_POOL,
    FAILURE_HELP,
    PUBLISHED_WAREHOUSE,
    WORK_WAREHOUSE,
    default_args,
    json_safe,
    log,
    stage_alert,
)

DOC = """
### Validate and publish

Runs the Great Expectations checkpoint on the working warehouse; only if it passes, copies the
contract tables to `$LIANGQU_HOME/published/liangqu.duckdb` (+ Parquet), replaced atomically.

* **Triggered by** the `liangqu_work_warehouse` asset (a dbt build succeeded).
* **Emits** `liangqu_published_warehouse` when a new version was published. The task is **skipped**
  when the validated tables are identical to what is already published (nothing new to publish).
* **A failed validation** fails the task without retrying and sends the rendered validation alert
  (which expectations failed, on which rows); the last published warehouse stays as it was.
  Data Docs: `$LIANGQU_HOME/data_docs/`.
{failure_help}
"""

TASK_DOC = """Great Expectations checkpoint on work/liangqu.duckdb, then an atomic publish. The log gives
the expectations evaluated and failed and the rows published per table. Failed validation: read the alert
e-mail / Data Docs, fix the data or the model upstream, then re-run `liangqu_transform`."""

with DAG(
    dag_id="liangqu_validate_publish",
    dag_display_name="Validate and publish",
    description="Great Expectations checkpoint; publish the warehouse only if it passes",
    doc_md=DOC.format(failure_help=FAILURE_HELP),
    schedule=[WORK_WAREHOUSE],
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=default_args(retries=1),
    tags=["liangqu", "validate", "publish"],
) as dag:

    @task(task_id="validate_and_publish", task_display_name="Validate (GX) and publish", pool=DUCKDB_POOL,
          outlets=[PUBLISHED_WAREHOUSE], doc_md=TASK_DOC, retries=1)
    def validate_and_publish(**context) -> dict:
        from airflow.sdk.exceptions import AirflowFailException, AirflowSkipException

        from dags.support import liangqu_home
        from warehouse.build import validate_and_publish as run_validate_and_publish

        home = liangqu_home()
        # The alert goes out once, through this task's SmtpNotifier callback, not from inside the build.
        outcome = run_validate_and_publish(home, send_alert=False)
        report = outcome.report
        summary = json_safe(report.summary()) if report is not None else {}
        log.info("validation of %s: %s; %s expectations evaluated, %s failed, rows per table %s; Data Docs: %s",
                 home.work_db, "passed" if summary.get("success") else "FAILED", summary.get("evaluated"),
                 summary.get("failed_expectations"), summary.get("rows"), summary.get("data_docs"))
        if report is not None:
            log.info("rows checked: %s", report.scope_text())
        if report is not None and not report.success:
            from warehouse.alerts import render_alert

            alert = render_alert(report)
            stage_alert(context, alert.subject, alert.text, alert.html)
            for failure in report.failures[:20]:
                log.error("failed expectation %s: %s", failure.suite, failure.describe())
            raise AirflowFailException(f"{outcome.reason}; nothing published, the published warehouse is unchanged")
        if not outcome.ok:
            raise RuntimeError(outcome.reason)  # publishing itself failed: retried, then alerted
        tables = json_safe(outcome.row_counts)
        if not outcome.published:
            log.info("nothing new to publish (%s): %s unchanged, rows %s", outcome.reason, home.published_db, tables)
            raise AirflowSkipException(f"nothing new to publish: {outcome.reason}")
        log.info("published %s (+ Parquet): rows per table %s", home.published_db, tables)
        context["outlet_events"][PUBLISHED_WAREHOUSE].extra = {"rows": tables}
        return {"published": True, "rows": tables, "validation": summary}

    validate_and_publish()
