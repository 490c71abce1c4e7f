"""Run `dbt build` for one LIANGQU_HOME through dbt's programmatic runner.

dbt's target/ and logs/ go under $LIANGQU_HOME/dbt, so several processes can build different homes
from the same project directory at once. A home with nothing landed yet still builds (empty tables).
"""
from __future__ import annotations

import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from warehouse.paths import Home

PROJECT_DIR = Path(__file__).resolve().parent
CONTRACT_TABLES = (
    "dim_document", "dim_district", "fct_indicators", "fct_projects", "fct_measures", "fct_policy_documents",
)
_ENV_LOCK = threading.Lock()  # dbt reads the profile's env vars from os.environ: one build per process at a time

_EMPTY_RAW_SCHEMA = """
CREATE TABLE IF NOT EXISTS raw_documents (
    document_id VARCHAR, source_id VARCHAR, url VARCHAR, final_url VARCHAR,
    fetched_at TIMESTAMP, landed_at TIMESTAMP, http_status INTEGER, etag VARCHAR, last_modified VARCHAR,
    content_type VARCHAR, encoding VARCHAR, encoding_source VARCHAR, content_sha256 VARCHAR,
    blob_path VARCHAR, byte_size BIGINT, title VARCHAR, publish_date DATE, issuer VARCHAR,
    meeting VARCHAR, speaker VARCHAR, source_district VARCHAR, section VARCHAR, text VARCHAR,
    text_sha256 VARCHAR
)
"""


@dataclass
class DbtResult:
    success: bool
    elapsed_s: float
    row_counts: dict[str, int] = field(default_factory=dict)
    failures: str = ""

    def as_dict(self) -> dict:
        return {"success": self.success, "elapsed_s": round(self.elapsed_s, 2),
                "row_counts": self.row_counts, "failures": self.failures}


def dbt_dirs(home: Home) -> tuple[Path, Path]:
    base = home.root / "dbt"
    return base / "target", base / "logs"


def _raw_db(home: Home) -> Path:
    """The raw zone, or an empty stand-in when nothing has been landed yet (so dbt still builds)."""
    if home.raw_db.exists():
        return home.raw_db
    import duckdb

    stand_in = home.work_dir / "empty_raw.duckdb"
    if not stand_in.exists():
        con = duckdb.connect(str(stand_in))
        try:
            con.execute(_EMPTY_RAW_SCHEMA)
        finally:
            con.close()
    return stand_in


def row_counts(db: Path) -> dict[str, int]:
    import duckdb

    if not db.exists():
        return {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        present = {r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
        return {t: con.execute(f'select count(*) from main."{t}"').fetchone()[0]
                for t in CONTRACT_TABLES if t in present}
    finally:
        con.close()


def _failures(res) -> str:
    lines = []
    if res.exception is not None:
        lines.append(f"{type(res.exception).__name__}: {res.exception}")
    for r in getattr(res.result, "results", None) or []:
        status = str(getattr(r, "status", "")).lower()
        if status.endswith(("error", "fail", "runtimeerror")):
            node = getattr(r, "node", None)
            name = getattr(node, "unique_id", "?")
            lines.append(f"{name}: {status}: {getattr(r, 'message', '') or ''}".strip())
    return "\n".join(lines)


def _release_duckdb() -> None:
    """dbt-duckdb keeps its database open in-process after a run; close it so other processes
    (validation, publishing, a concurrent build) can open the warehouse file."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:  # pragma: no cover
        return
    with DuckDBConnectionManager._LOCK:
        env = DuckDBConnectionManager._ENV
        if env is not None:
            try:
                env.close()
            finally:
                DuckDBConnectionManager._ENV = None


def run_dbt(home: Home, args: list[str]):
    """Invoke dbt with this home's paths; returns dbt's RunResult."""
    from dbt.cli.main import dbtRunner

    home.ensure()
    target_dir, log_dir = dbt_dirs(home)
    env = {
        "LIANGQU_HOME": str(home.root),
        "LIANGQU_WORK_DB": str(home.work_db),
        "LIANGQU_RAW_DB": str(_raw_db(home)),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    full_args = [
        *args,
        "--project-dir", str(PROJECT_DIR),
        "--profiles-dir", str(PROJECT_DIR),
        "--target-path", str(target_dir),
        "--log-path", str(log_dir),
    ]
    with _ENV_LOCK:
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            return dbtRunner().invoke(full_args)
        finally:
            _release_duckdb()
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def last_build_state(home: Home) -> Path:
    """Where the manifest of the last successful build is kept, for dbt's state: selectors."""
    return home.root / "dbt" / "last_build"


def _seeds_loaded(home: Home) -> bool:
    """Whether every seed's table is in the working warehouse."""
    import duckdb

    seeds = {p.stem for p in (PROJECT_DIR / "seeds").glob("*.csv")}
    if not home.work_db.exists():
        return False
    con = duckdb.connect(str(home.work_db), read_only=True)
    try:
        present = {r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
    finally:
        con.close()
    return seeds <= present


def _skip_unchanged_seeds(home: Home) -> list[str]:
    """dbt reloads every seed on every build; a seed (and so its tests) unchanged since the last
    successful build, whose table is there, is left as it is (about 1.5 s of an incremental build)."""
    state = last_build_state(home)
    if not (state / "manifest.json").exists() or not _seeds_loaded(home):
        return []
    return ["--exclude", "resource_type:seed,state:unmodified", "--state", str(state)]


def _keep_manifest(home: Home) -> None:
    target_dir, _ = dbt_dirs(home)
    state = last_build_state(home)
    state.mkdir(parents=True, exist_ok=True)
    tmp = state / "manifest.json.tmp"
    shutil.copyfile(target_dir / "manifest.json", tmp)
    os.replace(tmp, state / "manifest.json")


def dbt_build(home: Home, full_refresh: bool = False, quiet: bool = True) -> DbtResult:
    """`dbt build` (seeds, models, tests) into home.work_db."""
    started = time.monotonic()
    args = ["build"]
    if full_refresh:
        args.append("--full-refresh")
    else:
        args += _skip_unchanged_seeds(home)
    if quiet:
        args += ["--quiet"]
    res = run_dbt(home, args)
    if res.success:
        _keep_manifest(home)
    elapsed = time.monotonic() - started
    result = DbtResult(
        success=bool(res.success),
        elapsed_s=elapsed,
        row_counts=row_counts(home.work_db),
        failures="" if res.success else _failures(res),
    )
    from warehouse import runlog

    runlog.record(home, "build", result.success, full_refresh=full_refresh, elapsed_s=round(elapsed, 2),
                  row_counts=result.row_counts, failures=result.failures[:4000] or None)
    return result
