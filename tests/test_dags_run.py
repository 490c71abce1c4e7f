"""Each DAG end to end with dag.test() against the sample site, the asset chain between them, and the
alert e-mail a failed task or a failed validation sends through the SmtpNotifier callback."""
from __future__ import annotations

import duckdb

from tests.fixtures.orchestrate import asset_events_from, clear_queue, queued_dag_ids, run_dag, task_states

CRAWL = "liangqu_crawl_sample_dongcheng"


def _count(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_crawl_transform_publish_chained_by_assets(pipeline_home, dagbag, fresh_sample_site):
    home = pipeline_home
    clear_queue()

    crawl = run_dag(dagbag, CRAWL)
    assert crawl.state == "success" and task_states(crawl) == {
        "crawl_source": "success", "announce_raw_documents": "success"}
    landed = _count(home.raw_db, "select count(*) from raw_documents where source_id = 'sample_dongcheng'")
    assert landed > 0
    ((asset, extra),) = asset_events_from(crawl)
    assert asset == "liangqu_raw_documents" and extra["landed_new"] == landed
    assert queued_dag_ids() == {"liangqu_transform"}  # the raw-documents event queued the transform
    clear_queue()

    transform = run_dag(dagbag, "liangqu_transform")
    assert transform.state == "success"
    assert _count(home.work_db, "select count(*) from fct_indicators") > 0
    assert [a for a, _ in asset_events_from(transform)] == ["liangqu_work_warehouse"]
    assert queued_dag_ids() == {"liangqu_validate_publish"}
    clear_queue()

    publish = run_dag(dagbag, "liangqu_validate_publish")
    assert publish.state == "success" and task_states(publish) == {"validate_and_publish": "success"}
    assert _count(home.published_db, "select count(*) from dim_document") == \
        _count(home.work_db, "select count(*) from dim_document") > 0
    ((asset, extra),) = asset_events_from(publish)
    assert asset == "liangqu_published_warehouse" and extra["rows"]["dim_document"] > 0

    # Re-running is safe and quiet: nothing new lands, so nothing downstream is triggered ...
    fresh_sample_site.reset()
    again = run_dag(dagbag, CRAWL)
    assert task_states(again) == {"crawl_source": "success", "announce_raw_documents": "skipped"}
    assert asset_events_from(again) == [] and queued_dag_ids() == set()
    assert _count(home.raw_db, "select count(*) from raw_documents") == landed
    # ... and publishing the same tables again publishes nothing new.
    republish = run_dag(dagbag, "liangqu_validate_publish")
    assert republish.state == "success" and task_states(republish) == {"validate_and_publish": "skipped"}
    assert asset_events_from(republish) == []


def test_failed_task_sends_exactly_one_alert_email(pipeline_home, dagbag, alert_inbox):
    pipeline_home.raw_db.write_bytes(b"this is not a DuckDB file" * 100)  # landing will fail for real

    run = run_dag(dagbag, "liangqu_crawl_sample_rdgb")

    assert run.state == "failed"
    assert task_states(run) == {"crawl_source": "failed", "announce_raw_documents": "upstream_failed"}
    assert len(alert_inbox.messages) == 1
    rcpt, msg = alert_inbox.messages[0]
    assert rcpt == ["oncall@example.org"]
    assert "liangqu_crawl_sample_rdgb.crawl_source" in msg["Subject"]
    body = msg.get_body(("html", "plain")).get_content()
    assert "crawl_source" in body and "clear the task" in body


def test_failed_validation_emails_the_rendered_alert_and_publishes_nothing(
        airflow_session, dagbag, gold_home, alert_inbox):
    from tests.fixtures.publish import run_sql

    run_sql(gold_home.work_db, "UPDATE fct_indicators SET kind = 'bogus' WHERE indicator_id = "
                               "(SELECT min(indicator_id) FROM fct_indicators)")

    run = run_dag(dagbag, "liangqu_validate_publish", retries=None)  # a failed validation is never retried

    assert run.state == "failed" and task_states(run) == {"validate_and_publish": "failed"}
    assert not gold_home.published_db.exists()
    assert len(alert_inbox.messages) == 1
    _, msg = alert_inbox.messages[0]
    assert msg["Subject"].startswith("[liangqu] validation failed: fct_indicators")
    assert "bogus" in msg.get_body(("html",)).get_content()
    assert not list((gold_home.alerts_dir / "pending").glob("*.json"))  # the staged alert was sent, once
