"""The alert of a failed validation, delivered to a real SMTP server (aiosmtpd) on loopback, or to a file."""
from __future__ import annotations

import email
import json
from email import policy

import pytest

from expectations.prewarm import PrewarmedCheckpoint
from expectations.report import FailedExpectation, SuiteSummary, ValidationReport
from tests.fixtures.publish import run_sql
from warehouse.alerts import deliver_alert, render_alert, smtp_config
from warehouse.build import validate_and_publish


def _read(envelope):
    return email.message_from_bytes(envelope.original_content, policy=policy.default)


@pytest.mark.parametrize("where_gx_runs", ["in process", "prewarmed worker"])
def test_failed_validation_emails_one_alert_through_airflows_smtp_connection(gold_home, smtp_inbox, monkeypatch,
                                                                             where_gx_runs):
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT",
                       f"smtp://{smtp_inbox.host}:{smtp_inbox.port}"
                       "?from_email=liangqu%40example.org&disable_ssl=true&disable_tls=true")
    monkeypatch.setenv("LIANGQU_ALERT_TO", "data-team@example.org, oncall@example.org")
    run_sql(gold_home.work_db,
            "UPDATE fct_indicators SET kind = 'bogus' WHERE indicator_id = (SELECT min(indicator_id) FROM fct_indicators)",
            "UPDATE dim_document SET doc_type = 'memo' WHERE document_id = (SELECT min(document_id) FROM dim_document)")

    # the prewarmed worker renders Data Docs after answering; the alert must still wait for them
    checkpoint = PrewarmedCheckpoint() if where_gx_runs == "prewarmed worker" else None
    try:
        outcome = validate_and_publish(gold_home, checkpoint=checkpoint)
        docs_there_when_alerted = (gold_home.data_docs_dir / "index.html").exists()
    finally:
        if checkpoint is not None:
            checkpoint.close()

    assert not outcome.ok and not outcome.published and not gold_home.published_db.exists()
    assert docs_there_when_alerted
    assert "alert emailed to data-team@example.org, oncall@example.org" in outcome.alert
    assert len(smtp_inbox.messages) == 1
    envelope = smtp_inbox.messages[0]
    assert envelope.mail_from == "liangqu@example.org"
    assert envelope.rcpt_tos == ["data-team@example.org", "oncall@example.org"]
    msg = _read(envelope)
    assert msg["Subject"].startswith("[liangqu] validation failed: ")
    assert "fct_indicators" in msg["Subject"] and "dim_document" in msg["Subject"]
    body = msg.get_body(("plain",)).get_content()
    assert "expect_column_values_to_be_in_set(kind" in body and "bogus" in body
    assert "doc_type" in body and "memo" in body
    bad_row = [f for f in outcome.report.failures if f.column == "kind"][0].rows[0]
    assert f"indicator_id={bad_row['indicator_id']}" in body
    assert str(gold_home.data_docs_dir / "index.html") in body
    assert "Rows checked: all 5 documents (nothing published yet)" in body
    html = msg.get_body(("html",)).get_content()
    assert "<table" in html and bad_row["indicator_id"] in html
    assert not list(gold_home.alerts_dir.glob("*.eml"))


def _report() -> ValidationReport:
    return ValidationReport(
        success=False,
        suites={"fct_projects": SuiteSummary("fct_projects", success=False, evaluated=17, failed=1, rows=212)},
        failures=[FailedExpectation(
            suite="fct_projects", expectation="expect_column_values_to_be_in_set", column="status",
            kwargs={"column": "status", "value_set": ["signed", "landed"]}, unexpected_count=3, element_count=212,
            observed=["rumoured", "rumoured", "dreamt"],
            rows=[{"status": "rumoured", "project_id": "p1", "document_id": "d1"}],
        )],
        data_docs="/srv/liangqu/data_docs/index.html", run_name="liangqu-test", elapsed_s=1.0,
    )


def test_airflow_smtp_section_is_the_fallback(publish_home, smtp_inbox, monkeypatch):
    monkeypatch.setenv("AIRFLOW__SMTP__SMTP_HOST", smtp_inbox.host)
    monkeypatch.setenv("AIRFLOW__SMTP__SMTP_PORT", str(smtp_inbox.port))
    monkeypatch.setenv("AIRFLOW__SMTP__SMTP_STARTTLS", "False")
    monkeypatch.setenv("AIRFLOW__SMTP__SMTP_SSL", "False")
    monkeypatch.setenv("AIRFLOW__SMTP__SMTP_MAIL_FROM", "airflow@example.org")
    monkeypatch.setenv("LIANGQU_ALERT_TO", "ops@example.org")

    where = deliver_alert(publish_home, render_alert(_report().to_dict()))

    assert "[smtp] settings" in where
    msg = _read(smtp_inbox.messages[0])
    assert msg["Subject"] == "[liangqu] validation failed: fct_projects (1 failed expectation)"
    assert msg["From"] == "airflow@example.org"
    body = msg.get_body(("plain",)).get_content()
    assert "3 of 212 rows unexpected" in body and "project_id=p1" in body and "rumoured" in body


def test_without_smtp_the_alert_is_written_to_a_file_and_the_command_says_so(publish_home, smtp_unconfigured):
    where = deliver_alert(publish_home, render_alert(_report()))

    files = list(publish_home.alerts_dir.glob("*.eml"))
    assert len(files) == 1 and where == f"no SMTP configured (AIRFLOW_CONN_SMTP_DEFAULT or AIRFLOW__SMTP__SMTP_HOST): alert written to {files[0]}"
    msg = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert "fct_projects" in msg["Subject"] and "rumoured" in msg.get_body(("plain",)).get_content()


def test_an_unreachable_smtp_server_still_leaves_the_alert_on_disk(publish_home, smtp_unconfigured, monkeypatch):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", f"smtp://127.0.0.1:{port}?disable_ssl=true&disable_tls=true&timeout=2")
    monkeypatch.setenv("LIANGQU_ALERT_TO", "ops@example.org")

    where = deliver_alert(publish_home, render_alert(_report()))

    assert where.startswith("could not send the alert through 127.0.0.1") and "alert written to" in where
    assert len(list(publish_home.alerts_dir.glob("*.eml"))) == 1


def test_smtp_connection_is_read_like_airflow_reads_it():
    uri = smtp_config({"AIRFLOW_CONN_SMTP_DEFAULT": "smtp://alert%40corp.cn:p%40ss%2Fw@mail.corp.cn:465?from_email=a%40corp.cn",
                       "AIRFLOW__SMTP__SMTP_HOST": "ignored"})
    assert (uri.host, uri.port, uri.user, uri.password, uri.use_ssl, uri.starttls, uri.mail_from) == (
        "mail.corp.cn", 465, "alert@corp.cn", "p@ss/w", True, True, "a@corp.cn")
    as_json = smtp_config({"AIRFLOW_CONN_ALERTS": json.dumps({
        "conn_type": "smtp", "host": "relay", "port": 587, "login": "u", "password": "p",
        "extra": {"disable_ssl": True, "from_email": "x@y"}}), "AIRFLOW__EMAIL__EMAIL_CONN_ID": "alerts"})
    assert (as_json.host, as_json.port, as_json.use_ssl, as_json.starttls, as_json.mail_from) == (
        "relay", 587, False, True, "x@y")
    section = smtp_config({"AIRFLOW__SMTP__SMTP_HOST": "localhost"})
    assert (section.port, section.starttls, section.use_ssl) == (25, True, False)  # Airflow's defaults
    assert smtp_config({}) is None
