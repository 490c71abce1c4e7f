"""The Airflow environment liangqu runs its DAGs in, derived from LIANGQU_HOME and a few LIANGQU_* settings.

Local default (no servers): AIRFLOW_HOME=$LIANGQU_HOME/airflow, SQLite metadata in it, LocalExecutor,
the repository's dags/ folder, no example DAGs, one pool that serialises every writer of a DuckDB file.

Settings read from the environment (all optional):
  LIANGQU_AIRFLOW_DB        SQLAlchemy URL of the metadata DB, e.g. postgresql+psycopg2://postgres@127.0.0.1:5432/liangqu_airflow
  LIANGQU_AIRFLOW_EXECUTOR  executor (default LocalExecutor; it runs tasks in parallel, also on SQLite)
  LIANGQU_AIRFLOW_PORT      port of the API server / UI (default 8080)
  LIANGQU_REDIS_URL         e.g. redis://127.0.0.1:6379/0: enables the "page published" event path (connection redis_default)
  LIANGQU_EVENTS_CHANNEL    pub/sub channel the AssetWatcher listens to (default liangqu.page_published)
  LIANGQU_EVENTS_STREAM     Redis Stream that holds the events themselves (default liangqu:page_events)
  AIRFLOW_CONN_SMTP_DEFAULT the alert mail server, as an Airflow connection (URI or JSON; shared with `liangqu build`)
  LIANGQU_ALERT_TO          comma-separated alert recipients; LIANGQU_ALERT_FROM the sender
An AIRFLOW_* variable already set always wins.

Nothing here imports Airflow at module level: `configure()` must run before Airflow is first imported.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from warehouse.paths import PROJECT_ROOT, Home

DAGS_FOLDER = PROJECT_ROOT / "dags"
DUCKDB_POOL = "liangqu_duckdb"
DUCKDB_POOL_DESCRIPTION = (
    "One slot: DuckDB allows one writing process per file, so crawl landing (raw.duckdb), "
    "dbt (work/liangqu.duckdb) and publish never run at the same time."
)
DEFAULT_CHANNEL = "liangqu.page_published"
DEFAULT_STREAM = "liangqu:page_events"


def redis_connection_json(url: str) -> str:
    from urllib.parse import urlparse

    parsed = urlparse(url)
    db = (parsed.path or "/0").lstrip("/") or "0"
    conn = {"conn_type": "redis", "host": parsed.hostname or "127.0.0.1", "port": parsed.port or 6379,
            "extra": {"db": int(db)}}
    if parsed.password:
        conn["password"] = parsed.password
    return json.dumps(conn)


def _persistent_secret(home: Home, name: str, make) -> str:
    """A secret generated once per AIRFLOW_HOME: every Airflow process (api-server, scheduler, workers)
    must share the JWT secret and the Fernet key, or tasks are refused with "Invalid auth token"."""
    path = home.airflow_home / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(make())
        try:
            os.link(tmp, path)  # first writer wins; a concurrent one reads the winner's secret
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text().strip()


def _fernet_key() -> str:
    import base64
    import secrets

    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def _jwt_secret() -> str:
    import secrets

    return secrets.token_urlsafe(32)


def airflow_environment(home: Home, environ=os.environ) -> dict[str, str]:
    """The AIRFLOW_* (and LIANGQU_HOME) variables for `home`; values already in `environ` are kept."""
    airflow_home = home.airflow_home
    port = environ.get("LIANGQU_AIRFLOW_PORT", "8080")
    env = {
        "LIANGQU_HOME": str(home.root),
        "AIRFLOW_HOME": str(airflow_home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_FOLDER),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": environ.get("LIANGQU_AIRFLOW_EXECUTOR", "LocalExecutor"),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": environ.get("LIANGQU_AIRFLOW_DB")
        or f"sqlite:///{airflow_home / 'airflow.db'}",
        # The asset chain only fires into DAGs that are not paused.
        "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
        # A local, single-user UI: no login page between the data engineer and the DAGs.
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
        "AIRFLOW__API__PORT": port,
        "AIRFLOW__API__BASE_URL": f"http://localhost:{port}",
        "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://localhost:{port}/execution/",
        "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "30",
        "AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK": "False",
        "AIRFLOW__API_AUTH__JWT_SECRET": _persistent_secret(home, "jwt_secret", _jwt_secret),
        "AIRFLOW__CORE__FERNET_KEY": _persistent_secret(home, "fernet_key", _fernet_key),
        "AIRFLOW__API__SECRET_KEY": _persistent_secret(home, "api_secret_key", _jwt_secret),
    }
    redis_url = environ.get("LIANGQU_REDIS_URL")
    if redis_url:
        env["AIRFLOW_CONN_REDIS_DEFAULT"] = redis_connection_json(redis_url)
    for key in list(env):
        if key.startswith("AIRFLOW") and key in environ:
            env[key] = environ[key]
    return env


def configure(home: Home) -> dict[str, str]:
    """Put the Airflow environment for `home` into os.environ (before Airflow is imported) and return it."""
    env = airflow_environment(home)
    os.environ.update(env)
    home.airflow_home.mkdir(parents=True, exist_ok=True)
    return env


def ensure_metadata(home: Home) -> None:
    """Create or migrate the metadata DB and the DuckDB writer pool, in this process (idempotent)."""
    configure(home)
    from airflow.models.pool import Pool
    from airflow.utils import db

    db.upgradedb()
    Pool.create_or_update_pool(DUCKDB_POOL, 1, DUCKDB_POOL_DESCRIPTION, include_deferred=False)


def ensure_metadata_subprocess(home: Home, env: dict | None = None, timeout: float = 300) -> None:
    """Same as ensure_metadata, in a child process: for callers that must not import Airflow themselves."""
    child_env = {**os.environ, **airflow_environment(home), **(env or {})}
    code = "from warehouse.airflow_env import ensure_metadata; from warehouse.paths import home; ensure_metadata(home())"
    subprocess.run([sys.executable, "-c", code], env=child_env, check=True, timeout=timeout,
                   stdout=subprocess.DEVNULL)


# ---------------------------------------------------------------- CLI: `liangqu airflow ...`, `liangqu notify`

def _airflow(args) -> int:
    from warehouse.paths import home as resolve_home

    home = resolve_home(args.home).ensure()
    env = configure(home)
    ensure_metadata_subprocess(home)
    print(f"AIRFLOW_HOME={env['AIRFLOW_HOME']}  metadata={env['AIRFLOW__DATABASE__SQL_ALCHEMY_CONN']}", file=sys.stderr)
    airflow_bin = Path(sys.executable).with_name("airflow")
    # `airflow standalone` starts its components as `airflow ...` from PATH: make it this environment's.
    os.environ["PATH"] = f"{airflow_bin.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    os.execvpe(str(airflow_bin), [str(airflow_bin), *args.airflow_args], os.environ)
    return 0  # not reached


def _notify(args) -> int:
    from warehouse.events import publish_page_event

    entry_id = publish_page_event(args.source, args.url)
    print(f"event {entry_id}: source={args.source} url={args.url or '-'}")
    return 0


def register(sub) -> None:
    p = sub.add_parser(
        "airflow",
        help="run an Airflow command in liangqu's environment (e.g. `liangqu airflow standalone` for the UI)",
    )
    p.add_argument("airflow_args", nargs=argparse.REMAINDER, metavar="ARG", help="arguments for the airflow CLI")
    p.set_defaults(func=_airflow)

    p = sub.add_parser("notify", help='announce a "page published" event (Redis stream + pub/sub wake-up)')
    p.add_argument("--source", required=True, help="source id from the registry")
    p.add_argument("--url", help="the page that was published")
    p.set_defaults(func=_notify)
