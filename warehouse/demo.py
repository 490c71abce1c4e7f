"""`liangqu demo`: the whole pipeline once, offline, through the real Airflow DAGs.

Starts the bundled sample site in this process, points the source registry at it, and runs every
crawl DAG with `dag.test()` on the local default (SQLite metadata under $LIANGQU_HOME/airflow, DuckDB
files, no servers). Then it follows the asset triggers as the scheduler would: a DAG runs only when an
asset it is scheduled on was updated (Airflow queued it in asset_dag_run_queue), so a second demo that
lands nothing new runs neither the transform nor the publish, and says so.
"""
from __future__ import annotations

import logging
import os
import sys
import time

from warehouse.paths import Home

ASSET_TRIGGERED_ORDER = ("liangqu_transform", "liangqu_validate_publish")


def _say(msg: str = "") -> None:
    print(msg, flush=True)


def demo_command(home: Home, args=None) -> int:
    started = time.monotonic()
    home.ensure()
    from scrapers.registry import SAMPLE_SOURCES
    from scrapers.sample_site.server import start_sample_site

    from warehouse.airflow_env import configure

    verbose = bool(getattr(args, "verbose", False))
    with start_sample_site() as site:
        os.environ["LIANGQU_SAMPLE_SITE_URL"] = site.base_url
        os.environ["LIANGQU_SOURCES"] = str(SAMPLE_SOURCES)
        os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "INFO" if verbose else "WARNING")
        env = configure(home)
        _say(f"liangqu demo: sample site at {site.base_url}, LIANGQU_HOME={home.root}")
        _say(f"  Airflow metadata: {env['AIRFLOW__DATABASE__SQL_ALCHEMY_CONN']}")
        ok = _run_pipeline(home, verbose)
    _print_published(home)
    _say(f"demo finished in {time.monotonic() - started:.1f} s")
    return 0 if ok else 1


def _quiet_airflow(verbose: bool) -> None:
    if verbose:
        return
    import warnings

    warnings.filterwarnings("ignore")
    for name in ("airflow", "sqlalchemy", "alembic", "py.warnings", "task", "liangqu.dags", "dbt"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _run_pipeline(home: Home, verbose: bool) -> bool:
    from warehouse.airflow_env import DAGS_FOLDER, ensure_metadata

    _quiet_airflow(verbose)
    ensure_metadata(home)
    _quiet_airflow(verbose)
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(str(DAGS_FOLDER))
    if bag.import_errors:
        for path, err in bag.import_errors.items():
            _say(f"DAG import error in {path}:\n{err}")
        return False
    crawl_dags = sorted(d for d in bag.dag_ids if d.startswith("liangqu_crawl_"))
    _say(f"1/3 crawl: {len(crawl_dags)} crawl DAG(s): {', '.join(crawl_dags)}")
    landed = 0
    for dag_id in crawl_dags:
        run, results = _test(bag, dag_id)
        report = results.get("crawl_source") or {}
        announced = results.get("announce_raw_documents", "skipped") != "skipped"
        landed += int(report.get("landed_new", 0)) + int(report.get("landed_changed", 0))
        others = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in report.items()
                           if k not in ("fetched", "landed_new", "landed_changed", "changed", "sources")
                           and isinstance(v, int) and v)
        _say(f"  {dag_id}: {run.state}; fetched {report.get('fetched', '?')} pages, landed "
             f"{report.get('landed_new', '?')} new + {report.get('landed_changed', '?')} changed documents"
             f"{' (' + others + ')' if others else ''} -> raw_documents {'updated' if announced else 'not updated'}")
        if run.state != "success":
            _say(f"  {dag_id} failed: see the alert under {home.alerts_dir} or `liangqu airflow standalone`")
            return False
    if not landed:
        _say("  nothing new or changed landed: raw_documents was not updated.")

    ok = True
    ran = set()
    for step, dag_id in enumerate(ASSET_TRIGGERED_ORDER, start=2):
        name = "transform (dbt build)" if dag_id == "liangqu_transform" else "validate and publish"
        queued_by = _queued_asset_events(dag_id)
        if not queued_by:
            _say(f"{step}/3 {name}: not triggered (no new asset event), nothing to do")
            continue
        _say(f"{step}/3 {name}: triggered by {', '.join(queued_by)}")
        run, results = _test(bag, dag_id)
        ran.add(dag_id)
        _clear_queue(dag_id)
        for task_id, value in results.items():
            _say(f"  {task_id}: {_describe(value)}")
        if run.state != "success":
            _say(f"  {dag_id} {run.state}: the alert was sent (or written under {home.alerts_dir})")
            ok = False
            break
    if ok and "liangqu_validate_publish" in ran:
        published = results.get("validate_and_publish")
        if published == "skipped":
            _say("nothing new to publish: the published warehouse is unchanged")
    elif ok:
        _say("nothing new landed, nothing new published: the published warehouse is unchanged")
    return ok


def _describe(value) -> str:
    if not isinstance(value, dict):
        return str(value)
    parts = []
    if "elapsed_s" in value:
        parts.append(f"dbt build ok in {value['elapsed_s']} s")
    if "validation" in value:
        v = value["validation"]
        parts.append(f"validation passed ({v.get('evaluated')} expectations evaluated, "
                     f"{v.get('failed_expectations')} failed)")
    if value.get("published"):
        parts.append("published")
    rows = value.get("rows") or {}
    if rows:
        parts.append("rows: " + ", ".join(f"{t} {n}" for t, n in rows.items()))
    return "; ".join(parts) or str(value)


def _test(bag, dag_id):
    """dag.test() one DAG; returns the run and, per task, its return value or its state."""
    from airflow.models.xcom import XComModel
    from airflow.utils.session import create_session

    dag = bag.get_dag(dag_id)
    for task in dag.tasks:
        task.retries = 0  # one pass, in the foreground: report a failure at once instead of waiting to retry
    run = dag.test()
    results = {}
    with create_session() as session:
        from airflow.models.taskinstance import TaskInstance

        tis = session.query(TaskInstance).filter_by(dag_id=dag_id, run_id=run.run_id).all()
        for ti in sorted(tis, key=lambda t: t.start_date or t.end_date or run.start_date):
            state = str(ti.state.value if hasattr(ti.state, "value") else ti.state)
            value = None
            if state == "success":
                row = session.query(XComModel.value).filter_by(
                    dag_id=dag_id, run_id=run.run_id, task_id=ti.task_id, key="return_value").first()
                value = XComModel.deserialize_value(row) if row else None
            results[ti.task_id] = value if value is not None else state
    return run, results


def _queued_asset_events(dag_id: str) -> list[str]:
    """Assets whose update queued a run of `dag_id` (what the scheduler would act on)."""
    from airflow.models.asset import AssetDagRunQueue, AssetModel
    from airflow.utils.session import create_session

    with create_session() as session:
        rows = (session.query(AssetModel.name)
                .join(AssetDagRunQueue, AssetDagRunQueue.asset_id == AssetModel.id)
                .filter(AssetDagRunQueue.target_dag_id == dag_id).all())
    return [r[0] for r in rows]


def _clear_queue(dag_id: str) -> None:
    from airflow.models.asset import AssetDagRunQueue
    from airflow.utils.session import create_session

    with create_session() as session:
        session.query(AssetDagRunQueue).filter(AssetDagRunQueue.target_dag_id == dag_id).delete()


def _print_published(home: Home) -> None:
    import duckdb

    db = home.published_db
    if not db.exists():
        _say(f"no published warehouse yet at {db}")
        return
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' order by 1").fetchall()]
        _say(f"published warehouse: {db}")
        _say(f"  Parquet copies:      {home.parquet_dir}")
        for table in tables:
            n = con.execute(f'select count(*) from main."{table}"').fetchone()[0]
            _say(f"  {table:<24} {n:>7} rows")
        if "fct_indicators" in tables:
            rows = con.execute(
                "select district, metric, value, unit, kind, period, is_target from main.fct_indicators "
                "order by district, metric limit 5").fetchall()
            _say("  a few indicators (district | metric | value unit | kind | period | target):")
            for d, m, v, u, k, p, t in rows:
                _say(f"    {d} | {m} | {v:g} {u or ''} | {k} | {p or '-'} | {'target' if t else 'actual'}")
    finally:
        con.close()
