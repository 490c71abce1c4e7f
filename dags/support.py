"""What every liangqu DAG shares: the assets that chain them, the DuckDB writer pool, default task
arguments and the alert e-mail callback. Not a DAG file (listed in .airflowignore).

Kept light: imported by every DAG file at parse time, so nothing heavy and no I/O at module level.
"""
from __future__ import annotations

import json
import logging
import os
import re
from datetime import timedelta
from pathlib import Path

from airflow.providers.smtp.notifications.smtp import SmtpNotifier
from airflow.sdk import Asset

log = logging.getLogger("liangqu.dags")

OWNER = "liangqu-data-eng"
# DuckDB allows one writing process per file: every task that opens a DuckDB file takes this pool's only slot.
DUCKDB_POOL = "liangqu_duckdb"

RAW_DOCUMENTS = Asset(
    name="liangqu_raw_documents",
    uri="liangqu://raw/raw_documents",
    group="liangqu",
    extra={"path": "$LIANGQU_HOME/raw/raw.duckdb", "table": "raw_documents"},
)
WORK_WAREHOUSE = Asset(
    name="liangqu_work_warehouse",
    uri="liangqu://work/warehouse",
    group="liangqu",
    extra={"path": "$LIANGQU_HOME/work/liangqu.duckdb", "built_by": "dbt build"},
)
PUBLISHED_WAREHOUSE = Asset(
    name="liangqu_published_warehouse",
    uri="liangqu://published/warehouse",
    group="liangqu",
    extra={"path": "$LIANGQU_HOME/published/liangqu.duckdb"},
)
PAGE_EVENTS_NAME = "liangqu_page_published"
PAGE_EVENTS_URI = "liangqu://events/page_published"


def page_published_asset() -> Asset:
    """The external-event asset. With LIANGQU_REDIS_URL set it carries an AssetWatcher on the pub/sub
    channel; without it there is no watcher (the asset can still be updated through the REST API)."""
    from warehouse.events import events_config

    config = events_config()
    if config is None:
        return Asset(name=PAGE_EVENTS_NAME, uri=PAGE_EVENTS_URI, group="liangqu")
    from airflow.providers.common.messaging.triggers.msg_queue import MessageQueueTrigger
    from airflow.sdk import AssetWatcher

    trigger = MessageQueueTrigger(scheme="redis+pubsub", channels=[config.channel],
                                  redis_conn_id="redis_default", poll_interval=1)
    return Asset(name=PAGE_EVENTS_NAME, uri=PAGE_EVENTS_URI, group="liangqu",
                 watchers=[AssetWatcher(name="liangqu_page_published_watcher", trigger=trigger)])


def liangqu_home():
    """The platform's home for a running task ($LIANGQU_HOME), with its folders created."""
    from warehouse.paths import home

    return home().ensure()


def alert_dir(home) -> Path:
    return home.alerts_dir / "pending"


def _alert_file(home, dag_id: str, run_id: str, task_id: str) -> Path:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{dag_id}.{run_id}.{task_id}")
    return alert_dir(home) / f"{name}.json"


def stage_alert(context, subject: str, text: str, html_body: str) -> Path:
    """Called by a task just before it fails on purpose (e.g. a failed validation): the failure e-mail
    then carries this rendered alert instead of the generic task-failure text."""
    home = liangqu_home()
    ti = context["ti"]
    path = _alert_file(home, ti.dag_id, ti.run_id, ti.task_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"subject": subject, "text": text, "html": html_body}, ensure_ascii=False),
                    encoding="utf-8")
    return path


def alert_recipients() -> list[str]:
    return [a.strip() for a in (os.environ.get("LIANGQU_ALERT_TO") or "").split(",") if a.strip()]


class LiangquAlertNotifier(SmtpNotifier):
    """SmtpNotifier (connection smtp_default, recipients from LIANGQU_ALERT_TO) that sends the alert a task
    staged before failing, or else a task-failure summary. Used as each task's on_failure_callback, so a
    failure sends exactly one e-mail (after the last retry). Without SMTP or recipients configured the
    message is written to $LIANGQU_HOME/alerts/ instead, so no alert is ever silently dropped."""

    def __init__(self, **kwargs):
        super().__init__(to=kwargs.pop("to", None) or "", smtp_conn_id=kwargs.pop("smtp_conn_id", "smtp_default"),
                         **kwargs)

    def notify(self, context):
        subject, text, html_body = self._message(context)
        recipients = alert_recipients()
        if recipients and _smtp_configured(self.smtp_conn_id):
            try:
                # A fresh notifier per e-mail: in dag.test() one instance serves every task of the DAG.
                SmtpNotifier(
                    to=recipients,
                    from_email=_sender(),
                    subject=subject,
                    html_content=html_body,
                    smtp_conn_id=self.smtp_conn_id,
                ).notify(context)
            except Exception:
                path = _write_alert_file(subject, text, html_body)
                log.exception("could not send the alert e-mail; it was written to %s", path)
                return
            log.warning("alert e-mail sent to %s: %s", ", ".join(recipients), subject)
        else:
            path = _write_alert_file(subject, text, html_body)
            log.warning("no SMTP connection or LIANGQU_ALERT_TO configured: alert written to %s", path)

    @staticmethod
    def _message(context) -> tuple[str, str, str]:
        ti = context["ti"]
        home = liangqu_home()
        staged = _alert_file(home, ti.dag_id, ti.run_id, ti.task_id)
        if staged.exists():
            alert = json.loads(staged.read_text(encoding="utf-8"))
            staged.unlink()
            return alert["subject"], alert.get("text", ""), alert["html"]
        from warehouse.alerts import render_failure_alert

        error = context.get("exception")
        message = "\n".join([
            f"DAG: {ti.dag_id}",
            f"Task: {ti.task_id} (try {ti.try_number})",
            f"Run: {ti.run_id}",
            f"Error: {type(error).__name__ + ': ' if error else ''}{error or 'see the task log'}",
            f"Log: {getattr(ti, 'log_url', '') or 'Airflow UI > DAG > run > task > Logs'}",
            "What to do: read the task's doc and log in the Airflow UI, fix the cause, then clear the task "
            "(every liangqu task is safe to re-run).",
        ])
        alert = render_failure_alert(f"Airflow task {ti.dag_id}.{ti.task_id}", message)
        return alert.subject, alert.text, alert.html


def _sender() -> str:
    """LIANGQU_ALERT_FROM, else the connection's from_email, else liangqu@localhost (as `liangqu build` does)."""
    from warehouse.alerts import smtp_config

    cfg = smtp_config()
    return os.environ.get("LIANGQU_ALERT_FROM") or (cfg.mail_from if cfg else "liangqu@localhost")


def _smtp_configured(conn_id: str) -> bool:
    return bool(os.environ.get(f"AIRFLOW_CONN_{conn_id.upper()}")) or _conn_exists(conn_id)


def _conn_exists(conn_id: str) -> bool:
    try:
        from airflow.sdk import BaseHook

        BaseHook.get_connection(conn_id)
        return True
    except Exception:
        return False


def _write_alert_file(subject: str, text: str, html_body: str) -> Path:
    from email.message import EmailMessage

    from warehouse.alerts import write_alert_file

    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = _sender()
    msg["To"] = ", ".join(alert_recipients()) or "undisclosed-recipients:;"
    msg.set_content(text)
    msg.add_alternative(html_body, subtype="html")
    return write_alert_file(liangqu_home(), msg)


def default_args(retries: int = 2, retry_delay: timedelta = timedelta(minutes=1)) -> dict:
    return {
        "owner": OWNER,
        "retries": retries,
        "retry_delay": retry_delay,
        "retry_exponential_backoff": True,
        "on_failure_callback": [LiangquAlertNotifier()],
    }


FAILURE_HELP = """
**When it fails:** an alert e-mail goes to `LIANGQU_ALERT_TO` (or a `.eml` file under
`$LIANGQU_HOME/alerts/` when no SMTP server is configured). Open the failed task's log, fix the cause,
then *Clear* the task: every task here is idempotent, so re-running it is safe.
"""


def registry_sources():
    """The source registry, read at parse time (cheap YAML only; LIANGQU_SOURCES selects the file)."""
    from scrapers.registry import load_sources

    # Only ids, districts and schedules are needed here: a stand-in address lets the sample registry
    # parse even where the sample site is not running (the task resolves the real address at run time).
    return load_sources(sample_site_url=os.environ.get("LIANGQU_SAMPLE_SITE_URL") or "http://sample-site.invalid")


def dag_id_part(source_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]+", "_", source_id).strip("_").lower()


def json_safe(value):
    """Round-trip through JSON so XCom and asset-event extras only ever hold plain values."""
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def crawl_and_land(source_ids: list[str]) -> dict:
    """Crawl the given sources and land what is new or changed in raw.duckdb; log and return the counts.

    Idempotent: documents are keyed by URL + content hash, so a re-run lands nothing twice.
    Fails only when nothing could be fetched at all (per-URL failures are recorded in fetch_log).
    """
    from scrapers.crawl import crawl  # records the crawl in the run log itself

    home = liangqu_home()
    report = crawl(home, source_ids=list(source_ids))
    for sid, r in report.per_source.items():
        log.info("source %s: fetched %s pages, landed %s new and %s changed documents, %s unchanged, "
                 "%s failed, %s skipped by robots.txt", sid, r.fetched, r.landed_new, r.landed_changed,
                 r.unchanged, r.failed, r.skipped_robots)
    totals = json_safe(report.totals())
    log.info("crawl of %s: fetched %s pages, landed %s new + %s changed documents into %s, %s unchanged, %s failed",
             ", ".join(source_ids), report.fetched, report.landed_new, report.landed_changed, home.raw_db,
             report.unchanged, report.failed)
    if not report.ok:
        raise RuntimeError(f"crawl of {', '.join(source_ids)} fetched nothing: {report.failed} fetches failed "
                           f"(see fetch_log in {home.raw_db})")
    return {"sources": list(source_ids), "changed": int(bool(report.changed)), **totals}


def announce_if_changed(asset, report: dict, context) -> None:
    """Emit `asset` only when new or changed documents landed; otherwise the task is skipped (no event)."""
    from airflow.sdk.exceptions import AirflowSkipException

    if not report or not report.get("changed"):
        raise AirflowSkipException("nothing new or changed landed: raw_documents not updated, nothing downstream runs")
    extra = {k: report[k] for k in ("sources", "landed_new", "landed_changed", "fetched") if k in report}
    context["outlet_events"][asset].extra = extra
    log.info("raw_documents updated: %s", extra)
