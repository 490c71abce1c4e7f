"""Event-crawl DAG: a "page published" event crawls the affected sources at once, not at their next tick.

With LIANGQU_REDIS_URL set, an AssetWatcher (MessageQueueTrigger, scheme redis+pubsub) on the channel
LIANGQU_EVENTS_CHANNEL updates the `liangqu_page_published` asset on each wake-up; this DAG then drains the
Redis Stream that holds the events themselves (see warehouse/events.py), so a burst loses nothing.
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
    default_args,
    log,
    page_published_asset,
)

PAGE_PUBLISHED = page_published_asset()

DOC = """
### Event crawl: "page published"

Crawls the sources named in "page published" events as soon as they arrive.

* **Publishers** run `liangqu notify --source ID --url URL` (or `warehouse.events.publish_page_event`):
  the event is appended to the Redis Stream `LIANGQU_EVENTS_STREAM` (durable), then a wake-up is
  published on the channel `LIANGQU_EVENTS_CHANNEL`.
* **Trigger:** an AssetWatcher (`MessageQueueTrigger`, scheme `redis+pubsub`, connection
  `redis_default`) turns the wake-up into an event on the `liangqu_page_published` asset; the triggerer
  must be running. Without `LIANGQU_REDIS_URL` no watcher is registered; an asset event posted through
  the REST API with `extra={{"source_id": ...}}` still works. A sweep every 15 minutes drains anything
  whose wake-up was missed.
* **Lossless:** events are read with a consumer group and acknowledged only after their sources were
  crawled; a failed run leaves them pending and the next run re-claims them. Events naming an unknown
  source go to the `<stream>:dead` stream, with the reason.
* **Emits** `liangqu_raw_documents` when something new or changed landed, which starts the transform.
{failure_help}
"""

if PAGE_PUBLISHED.watchers:
    from airflow.sdk import AssetOrTimeSchedule, CronTriggerTimetable

    SCHEDULE = AssetOrTimeSchedule(timetable=CronTriggerTimetable("*/15 * * * *", timezone="UTC"),
                                   assets=[PAGE_PUBLISHED])
else:
    SCHEDULE = [PAGE_PUBLISHED]

with DAG(
    dag_id="liangqu_event_crawl",
    dag_display_name="Event crawl · page published",
    description="Crawl the sources named in 'page published' events at once",
    doc_md=DOC.format(failure_help=FAILURE_HELP),
    schedule=SCHEDULE,
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=default_args(retries=2),
    tags=["liangqu", "crawl", "events"],
) as dag:

    @task(task_id="claim_page_events", task_display_name="Claim page-published events", retries=3,
          doc_md="Read every unacknowledged event from the Redis Stream (pending ones first) and the "
                 "triggering asset events; keep those naming a known source. Skipped when there is none. "
                 "On failure: check Redis is reachable at LIANGQU_REDIS_URL.")
    def claim_page_events(**context) -> dict:
        from airflow.sdk.exceptions import AirflowSkipException

        from dags.support import registry_sources
        from warehouse.events import PageEvent, PageEventQueue, events_config

        known = {s.id for s in registry_sources()}
        events: list[PageEvent] = []
        queue = PageEventQueue(events_config()) if events_config() else None
        if queue is not None:
            events = queue.claim()
            log.info("claimed %d event(s) from stream %s", len(events), queue.config.stream)
        api_sources = []
        for asset_events in (context.get("triggering_asset_events") or {}).values():
            for event in asset_events:
                sid = (event.extra or {}).get("source_id")
                if sid:
                    api_sources.append(sid)
        unknown = [e for e in events if e.source_id not in known]
        if unknown and queue is not None:
            queue.dead_letter(unknown, "unknown source id")
            log.warning("%d event(s) name an unknown source, moved to %s: %s", len(unknown),
                        queue.config.dead_letter_stream, sorted({e.source_id for e in unknown}))
        for sid in api_sources:
            if sid not in known:
                log.warning("asset event names unknown source %r: ignored", sid)
        good = [e for e in events if e.source_id in known]
        source_ids = sorted({e.source_id for e in good} | {s for s in api_sources if s in known})
        for e in good:
            log.info("event %s: source %s published %s", e.entry_id, e.source_id, e.url or "(no url)")
        if not source_ids:
            raise AirflowSkipException("no pending page-published events")
        return {"source_ids": source_ids, "entry_ids": [e.entry_id for e in good]}

    @task(task_id="crawl_event_sources", task_display_name="Crawl the sources named in the events",
          pool=DUCKDB_POOL, retries=2,
          doc_md="Crawl the claimed sources and land new or changed pages in raw.duckdb (idempotent). "
                 "If it fails, the events stay pending in the stream and the next run crawls them.")
    def crawl_event_sources(claimed: dict) -> dict:
        return crawl_and_land(claimed["source_ids"])

    @task(task_id="acknowledge_events", task_display_name="Acknowledge crawled events", retries=3,
          doc_md="XACK the events whose sources were crawled. On failure: clear it; acknowledging is idempotent.")
    def acknowledge_events(claimed: dict, report: dict) -> int:
        from warehouse.events import PageEventQueue, events_config

        if not claimed["entry_ids"]:
            return 0
        acked = PageEventQueue(events_config()).ack(claimed["entry_ids"])
        log.info("acknowledged %d event(s) for %s", acked, ", ".join(report["sources"]))
        return acked

    @task(task_id="announce_raw_documents", task_display_name="Announce new raw documents",
          outlets=[RAW_DOCUMENTS], retries=1,
          doc_md="Update `liangqu_raw_documents` (triggers the transform) when the crawl landed something "
                 "new or changed; skipped otherwise.")
    def announce_raw_documents(report: dict, **context) -> None:
        announce_if_changed(RAW_DOCUMENTS, report, context)

    claimed = claim_page_events()
    report = crawl_event_sources(claimed)
    acknowledge_events(claimed, report)
    announce_raw_documents(report)
