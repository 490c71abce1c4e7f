"""Crawl DAGs: one per source in the registry, on the source's own schedule.

Each run crawls its source and lands new or changed pages in raw.duckdb; only then does it update the
raw-documents asset, which is what starts the transform DAG. Parse time reads the registry YAML only.
"""
from __future__ import annotations

import pendulum
from airflow.sdk import DAG, task

from dags.support import (
    DUCKDB_POOL,
    FAILURE_HELP,
    RAW_DOCUMENTS,
    announce_if_changed,
    crawl_and_land,
    dag_id_part,
    default_args,
    registry_sources,
)

CRAWL_DOC = """
### Crawl `{source_id}` ({district})

Fetches the pages of source **{source_id}** from the registry (politely: robots.txt, rate limit,
conditional GET), and lands every new or changed document in `$LIANGQU_HOME/raw/raw.duckdb`
(`raw_documents`, one row per document version; every attempt in `fetch_log`).

* **Schedule:** `{schedule}` (Asia/Shanghai), from the source registry; a "page published" event
  crawls it at once through `liangqu_event_crawl`.
* **Emits** the `liangqu_raw_documents` asset only when something new or changed landed: the
  *Announce* task is **skipped** when there was nothing new, and then nothing downstream runs.
* Runs one at a time, and its landing task shares the one-slot `liangqu_duckdb` pool with dbt and
  publish: DuckDB has a single writer.
{failure_help}
"""

CRAWL_TASK_DOC = """Fetch the source's pages and land new or changed documents in raw.duckdb. The log lists
pages fetched and documents landed new / changed / unchanged / failed. Idempotent: the same page content
gets the same document id, so a retry or a cleared re-run lands nothing twice. It fails only when no page
could be fetched at all: check the site is reachable and `fetch_log` in raw.duckdb for the per-URL errors."""

ANNOUNCE_TASK_DOC = """Update the `liangqu_raw_documents` asset (which triggers `liangqu_transform`) when the
crawl landed something new or changed. **Skipped** means: nothing new, nothing to rebuild. This task never
fails on its own; if it does, clear it: it only records the asset event."""


def build_crawl_dag(source) -> DAG:
    source_id = source.id
    district = getattr(source, "district", None) or "?"
    schedule = getattr(source, "schedule", None) or None
    with DAG(
        dag_id=f"liangqu_crawl_{dag_id_part(source_id)}",
        dag_display_name=f"Crawl · {district} · {source_id}",
        description=f"Crawl {source_id} ({district}) and land new or changed pages in raw.duckdb",
        doc_md=CRAWL_DOC.format(source_id=source_id, district=district, schedule=schedule,
                                failure_help=FAILURE_HELP),
        schedule=schedule,
        start_date=pendulum.datetime(2026, 1, 1, tz="Asia/Shanghai"),
        catchup=False,
        max_active_runs=1,
        default_args=default_args(retries=2),
        tags=["liangqu", "crawl", district],
    ) as dag:

        @task(task_id="crawl_source", task_display_name=f"Crawl {source_id} and land new pages",
              pool=DUCKDB_POOL, doc_md=CRAWL_TASK_DOC, retries=2)
        def crawl_source() -> dict:
            return crawl_and_land([source_id])

        @task(task_id="announce_raw_documents", task_display_name="Announce new raw documents",
              outlets=[RAW_DOCUMENTS], doc_md=ANNOUNCE_TASK_DOC, retries=1)
        def announce_raw_documents(report: dict, **context) -> None:
            announce_if_changed(RAW_DOCUMENTS, report, context)

        announce_raw_documents(crawl_source())
    return dag


for _source in registry_sources():
    _dag = build_crawl_dag(_source)
    globals()[_dag.dag_id] = _dag
