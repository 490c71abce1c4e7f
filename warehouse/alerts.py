"""The alert a failed validation sends: rendered from the report, mailed through Airflow's SMTP settings.

SMTP is configured the way Airflow configures it, read from the environment without importing
Airflow: the connection named by [email] email_conn_id (default `smtp_default`), given as
AIRFLOW_CONN_SMTP_DEFAULT (URI or JSON, with SmtpHook's extras: from_email, disable_ssl,
disable_tls, timeout), else the [smtp] section (AIRFLOW__SMTP__SMTP_HOST, _PORT, _USER, _PASSWORD,
_STARTTLS, _SSL, _MAIL_FROM, _TIMEOUT). Recipients: LIANGQU_ALERT_TO, comma separated.
Without SMTP or recipients, or when sending fails, the alert is written as an .eml file under
$LIANGQU_HOME/alerts, and the returned sentence says so: a failed validation is never silent.
"""
from __future__ import annotations

import html
import json
import os
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Mapping
from urllib.parse import parse_qsl, unquote, urlsplit

from expectations.report import ValidationReport
from warehouse import runlog
from warehouse.paths import Home

SAMPLE_ROWS = 5


@dataclass
class Alert:
    subject: str
    text: str
    html: str


@dataclass
class SmtpConfig:
    host: str
    port: int | None
    user: str | None
    password: str | None
    starttls: bool
    use_ssl: bool
    mail_from: str
    timeout: float
    source: str  # where it came from, for the message the command prints


# ---------------------------------------------------------------------------------------------- render


def _short(value, limit: int = 160) -> str:
    s = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _row_text(row: dict) -> str:
    return ", ".join(f"{k}={_short(v, 80)}" for k, v in row.items())


def render_alert(report: ValidationReport | dict) -> Alert:
    """Subject naming the failed tables; body: each failed expectation, its observed values, offending rows."""
    if isinstance(report, dict):
        report = ValidationReport.from_dict(report)
    tables = report.failed_tables or ["warehouse"]
    subject = f"[liangqu] validation failed: {', '.join(tables)}"
    if report.failures:
        subject += f" ({len(report.failures)} failed expectation{'s' if len(report.failures) != 1 else ''})"
    docs = report.data_docs or "(no Data Docs were built)"
    docs_url = Path(report.data_docs).as_uri() if report.data_docs else None

    lines = [
        "The Great Expectations checkpoint failed on the working warehouse; nothing was published.",
        "The published warehouse is unchanged.",
        "",
        f"Run: {report.run_name}",
        f"Failed tables: {', '.join(tables)}",
        f"Rows checked: {report.scope_text()}",
        f"Data Docs: {docs}",
    ]
    if report.error:
        lines += ["", f"The checkpoint could not run: {report.error}"]
    parts = [
        f"<p>The Great Expectations checkpoint failed on the working warehouse; nothing was published. "
        f"The published warehouse is unchanged.</p>"
        f"<p>Run: {html.escape(report.run_name)}<br>Failed tables: <b>{html.escape(', '.join(tables))}</b><br>"
        f"Rows checked: {html.escape(report.scope_text())}<br>"
        f"Data Docs: " + (f'<a href="{html.escape(docs_url)}">{html.escape(docs)}</a>' if docs_url else html.escape(docs))
        + "</p>"
    ]
    if report.error:
        parts.append(f"<p>The checkpoint could not run: <code>{html.escape(report.error)}</code></p>")

    for f in report.failures:
        lines += ["", f"{f.suite}: {f.describe()}"]
        parts.append(f"<h3>{html.escape(f.suite)}: <code>{html.escape(f.describe())}</code></h3>")
        facts = []
        if f.exception:
            facts.append(f"error: {f.exception}")
        if f.unexpected_count is not None:
            of = f" of {f.element_count}" if f.element_count is not None else ""
            facts.append(f"{f.unexpected_count}{of} rows unexpected")
        if f.observed:
            facts.append(f"observed: {_short(f.observed, 400)}")
        for fact in facts:
            lines.append(f"  {fact}")
        parts.append("<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in facts) + "</ul>")
        if f.rows:
            lines.append("  offending rows:")
            lines += [f"    {_row_text(r)}" for r in f.rows[:SAMPLE_ROWS]]
            cols = list(dict.fromkeys(k for r in f.rows[:SAMPLE_ROWS] for k in r))
            head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(_short(r.get(c), 80))}</td>" for c in cols) + "</tr>"
                for r in f.rows[:SAMPLE_ROWS]
            )
            parts.append(f'<table border="1" cellpadding="3"><tr>{head}</tr>{body}</table>')
    text = "\n".join(lines) + "\n"
    page = "<html><body>" + "\n".join(parts) + "</body></html>"
    return Alert(subject=subject, text=text, html=page)


def render_failure_alert(stage: str, message: str) -> Alert:
    """An alert for a stage that failed before validation could judge anything (dbt, publish)."""
    subject = f"[liangqu] {stage} failed"
    text = (f"liangqu's {stage} stage failed; nothing was published and the published warehouse is "
            f"unchanged.\n\n{message}\n")
    return Alert(subject, text, f"<html><body><pre>{html.escape(text)}</pre></body></html>")


# ---------------------------------------------------------------------------------------------- config


def _flag(value, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def parse_connection(value: str) -> dict:
    """An Airflow connection given in an environment variable (URI or JSON) as a dict."""
    value = value.strip()
    if value.startswith("{"):
        conn = json.loads(value)
        extra = conn.get("extra") or {}
        if isinstance(extra, str):
            extra = json.loads(extra) if extra.strip() else {}
        return {**conn, "extra": extra}
    parts = urlsplit(value)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    extra = json.loads(query["__extra__"]) if "__extra__" in query else query
    return {
        "conn_type": parts.scheme.replace("-", "_"),
        "host": unquote(parts.hostname or ""),
        "port": parts.port,
        "login": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
        "schema": unquote(parts.path.lstrip("/")),
        "extra": extra,
    }


def smtp_config(env: Mapping[str, str] | None = None) -> SmtpConfig | None:
    env = os.environ if env is None else env
    conn_id = env.get("AIRFLOW__EMAIL__EMAIL_CONN_ID") or "smtp_default"
    conn_var = "AIRFLOW_CONN_" + conn_id.upper()
    fallback_from = env.get("AIRFLOW__SMTP__SMTP_MAIL_FROM") or env.get("LIANGQU_ALERT_FROM") or "liangqu@localhost"
    if env.get(conn_var):
        conn = parse_connection(env[conn_var])
        extra = conn.get("extra") or {}
        if conn.get("host"):
            return SmtpConfig(
                host=conn["host"],
                port=int(conn["port"]) if conn.get("port") else None,
                user=conn.get("login") or None,
                password=conn.get("password") or None,
                starttls=not _flag(extra.get("disable_tls"), False),
                use_ssl=not _flag(extra.get("disable_ssl"), False),
                mail_from=extra.get("from_email") or fallback_from,
                timeout=float(extra.get("timeout") or 30),
                source=f"Airflow connection {conn_id} ({conn_var})",
            )
    if env.get("AIRFLOW__SMTP__SMTP_HOST"):
        return SmtpConfig(
            host=env["AIRFLOW__SMTP__SMTP_HOST"],
            port=int(env.get("AIRFLOW__SMTP__SMTP_PORT") or 25),
            user=env.get("AIRFLOW__SMTP__SMTP_USER") or None,
            password=env.get("AIRFLOW__SMTP__SMTP_PASSWORD") or None,
            starttls=_flag(env.get("AIRFLOW__SMTP__SMTP_STARTTLS"), True),
            use_ssl=_flag(env.get("AIRFLOW__SMTP__SMTP_SSL"), False),
            mail_from=fallback_from,
            timeout=float(env.get("AIRFLOW__SMTP__SMTP_TIMEOUT") or 30),
            source="Airflow [smtp] settings (AIRFLOW__SMTP__*)",
        )
    return None


def recipients(env: Mapping[str, str] | None = None) -> list[str]:
    env = os.environ if env is None else env
    return [a.strip() for a in (env.get("LIANGQU_ALERT_TO") or "").split(",") if a.strip()]


# ---------------------------------------------------------------------------------------------- deliver


def _message(alert: Alert, mail_from: str, to: list[str]) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = alert.subject
    msg["From"] = mail_from
    msg["To"] = ", ".join(to) if to else "undisclosed-recipients:;"
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain="liangqu.local")
    msg.set_content(alert.text)
    msg.add_alternative(alert.html, subtype="html")
    return msg


def send_smtp(cfg: SmtpConfig, msg: EmailMessage, to: list[str]) -> None:
    if cfg.use_ssl:
        client = smtplib.SMTP_SSL(cfg.host, cfg.port or 0, timeout=cfg.timeout, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(cfg.host, cfg.port or 0, timeout=cfg.timeout)
    with client:
        if cfg.starttls and not cfg.use_ssl:
            client.starttls(context=ssl.create_default_context())
        if cfg.user:
            client.login(cfg.user, cfg.password or "")
        client.send_message(msg, from_addr=cfg.mail_from, to_addrs=to)


def write_alert_file(home: Home, msg: EmailMessage) -> Path:
    home.alerts_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    path = home.alerts_dir / f"{stamp}-alert.eml"
    tmp = path.with_suffix(".eml.tmp")
    tmp.write_bytes(bytes(msg))
    os.replace(tmp, path)
    return path


def deliver_alert(home: Home, alert: Alert) -> str:
    """Email the alert, or write it to a file; returns a sentence saying where it went."""
    cfg, to = smtp_config(), recipients()
    if cfg and to:
        msg = _message(alert, cfg.mail_from, to)
        try:
            send_smtp(cfg, msg, to)
        except (OSError, smtplib.SMTPException) as exc:
            path = write_alert_file(home, msg)
            runlog.record(home, "alert", ok=False, channel="file", path=str(path), subject=alert.subject,
                          error=f"{type(exc).__name__}: {exc}")
            return (f"could not send the alert through {cfg.host}:{cfg.port or ''} ({type(exc).__name__}: {exc}); "
                    f"alert written to {path}")
        runlog.record(home, "alert", ok=True, channel="smtp", to=to, subject=alert.subject)
        return f"alert emailed to {', '.join(to)} via {cfg.host}:{cfg.port or ''} ({cfg.source})"
    msg = _message(alert, cfg.mail_from if cfg else "liangqu@localhost", to)
    path = write_alert_file(home, msg)
    missing = "no SMTP configured (AIRFLOW_CONN_SMTP_DEFAULT or AIRFLOW__SMTP__SMTP_HOST)" if not cfg \
        else "no recipients configured (LIANGQU_ALERT_TO)"
    runlog.record(home, "alert", ok=True, channel="file", path=str(path), subject=alert.subject)
    return f"{missing}: alert written to {path}"
