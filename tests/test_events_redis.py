"""The 'page published' event path against the real Redis on 127.0.0.1:6379: the stream + consumer group
lose nothing, the event-crawl DAG drains them, and a burst goes through the live triggerer."""
from __future__ import annotations

import time
import uuid

import pytest

from tests.fixtures.orchestrate import REDIS_URL, run_dag, task_states


@pytest.fixture
def events_config(monkeypatch):
    from warehouse.events import events_config

    suffix = uuid.uuid4().hex[:8]
    monkeypatch.setenv("LIANGQU_REDIS_URL", REDIS_URL)
    monkeypatch.setenv("LIANGQU_EVENTS_STREAM", f"liangqu:test:{suffix}")
    monkeypatch.setenv("LIANGQU_EVENTS_CHANNEL", f"liangqu.test.{suffix}")
    config = events_config()
    yield config
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    client.delete(config.stream, config.dead_letter_stream)


def test_stream_keeps_every_event_until_acknowledged(events_config):
    from warehouse.events import PageEventQueue, publish_page_event

    ids = [publish_page_event("sample_dongcheng", f"http://example.invalid/p{i}.html", events_config)
           for i in range(5)]
    first = PageEventQueue(events_config).claim(block_ms=100)
    assert [e.entry_id for e in first] == ids
    assert [e.url for e in first] == [f"http://example.invalid/p{i}.html" for i in range(5)]

    # The run that read them dies before acknowledging: the next run (another consumer) re-claims them all.
    retry = PageEventQueue(events_config, consumer="airflow-retry")
    assert [e.entry_id for e in retry.claim(block_ms=100)] == ids
    assert retry.ack(ids) == 5
    assert retry.pending_count() == 0
    assert PageEventQueue(events_config).claim(block_ms=100) == []


def test_publishing_needs_a_source_and_redis(events_config, monkeypatch):
    from warehouse.events import publish_page_event

    with pytest.raises(ValueError, match="source"):
        publish_page_event("  ", "http://x.invalid/", events_config)
    monkeypatch.delenv("LIANGQU_REDIS_URL")
    with pytest.raises(RuntimeError, match="LIANGQU_REDIS_URL"):
        publish_page_event("sample_rdgb")


def test_event_crawl_dag_crawls_the_named_sources_and_acknowledges(pipeline_home, dagbag, events_config):
    import duckdb
    import redis

    from warehouse.events import PageEventQueue, publish_page_event

    publish_page_event("sample_rdgb", "http://example.invalid/a.html", events_config)
    publish_page_event("sample_rdgb", "http://example.invalid/b.html", events_config)
    publish_page_event("no_such_source", "http://example.invalid/c.html", events_config)

    run = run_dag(dagbag, "liangqu_event_crawl")

    assert run.state == "success"
    assert task_states(run) == {"claim_page_events": "success", "crawl_event_sources": "success",
                                "acknowledge_events": "success", "announce_raw_documents": "success"}
    con = duckdb.connect(str(pipeline_home.raw_db), read_only=True)
    assert con.execute("select distinct source_id from raw_documents").fetchall() == [("sample_rdgb",)]
    con.close()
    assert PageEventQueue(events_config).pending_count() == 0
    dead = redis.Redis.from_url(REDIS_URL, decode_responses=True).xrange(events_config.dead_letter_stream)
    assert [(f["source_id"], f["reason"]) for _, f in dead] == [("no_such_source", "unknown source id")]


def test_burst_of_events_through_the_live_triggerer_loses_nothing(live_airflow):
    import redis

    from warehouse.events import EventsConfig, PageEventQueue, publish_page_event

    live = live_airflow
    config = EventsConfig(redis_url=REDIS_URL, channel=live.channel, stream=live.stream)
    client = redis.Redis.from_url(REDIS_URL, decode_responses=True)
    live.wait_for_dag("liangqu_event_crawl")
    # The AssetWatcher's trigger is running once it has subscribed to the channel.
    live.wait_for(lambda: dict(client.pubsub_numsub(config.channel)).get(config.channel, 0) >= 1,
                  timeout=180, what="the triggerer to subscribe the AssetWatcher to the channel")

    started = time.time()
    sent = [publish_page_event(sid, f"http://example.invalid/{sid}/{i}.html", config)
            for i, sid in enumerate(["sample_dongcheng", "sample_rdgb"] * 2 + ["sample_dongcheng"])]

    def all_crawled():
        claimed = set()
        for run in live.dag_runs("liangqu_event_crawl"):
            if run["state"] != "success":
                continue
            try:
                xcom = live.api("GET", f"/dags/liangqu_event_crawl/dagRuns/{run['dag_run_id']}"
                                       "/taskInstances/claim_page_events/xcomEntries/return_value")
            except Exception:
                continue
            value = xcom["value"]
            if isinstance(value, str):
                import json

                value = json.loads(value)
            claimed.update(value.get("entry_ids", []))
        return set(sent) <= claimed

    live.wait_for(all_crawled, timeout=240, what="every event of the burst to be crawled", interval=3)
    assert PageEventQueue(config).pending_count() == 0
    triggered = [r for r in live.dag_runs("liangqu_event_crawl") if r["run_type"] == "asset_triggered"]
    assert triggered, "the burst was crawled by an asset-triggered (event-driven) run"
    print(f"burst of {len(sent)} events crawled {time.time() - started:.1f} s after publishing")
