"""Where everything the platform writes lives: one place, derived from LIANGQU_HOME.

Layout under $LIANGQU_HOME (default ./warehouse):
  raw/raw.duckdb          landing zone: raw_documents (one row per document version), fetch_log, crawl_state
  raw/blobs/ab/<sha256>   raw bytes as fetched, content-addressed
  work/liangqu.duckdb     the working warehouse dbt writes (never read by BI)
  published/liangqu.duckdb  what BI reads; replaced atomically on each successful publish
  published/parquet/       Parquet copies of the published tables
  data_docs/              Great Expectations Data Docs
  alerts/                 alert emails written to file when SMTP is not configured
  airflow/                AIRFLOW_HOME for the local default (SQLite metadata)
  state/                  build/publish run log for `liangqu status`
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Home:
    root: Path

    @property
    def raw_dir(self) -> Path:
        return self.root / "raw"

    @property
    def raw_db(self) -> Path:
        return self.raw_dir / "raw.duckdb"

    @property
    def blobs_dir(self) -> Path:
        return self.raw_dir / "blobs"

    @property
    def work_dir(self) -> Path:
        return self.root / "work"

    @property
    def work_db(self) -> Path:
        return self.work_dir / "liangqu.duckdb"

    @property
    def published_dir(self) -> Path:
        return self.root / "published"

    @property
    def published_db(self) -> Path:
        return self.published_dir / "liangqu.duckdb"

    @property
    def parquet_dir(self) -> Path:
        return self.published_dir / "parquet"

    @property
    def data_docs_dir(self) -> Path:
        return self.root / "data_docs"

    @property
    def alerts_dir(self) -> Path:
        return self.root / "alerts"

    @property
    def airflow_home(self) -> Path:
        return self.root / "airflow"

    @property
    def state_dir(self) -> Path:
        return self.root / "state"

    def ensure(self) -> "Home":
        for d in (self.raw_dir, self.blobs_dir, self.work_dir, self.published_dir, self.state_dir):
            d.mkdir(parents=True, exist_ok=True)
        return self


def home(path: str | os.PathLike | None = None) -> Home:
    """The platform's home: the explicit path, else $LIANGQU_HOME, else ./warehouse (absolute)."""
    root = Path(path or os.environ.get("LIANGQU_HOME") or "warehouse").expanduser().resolve()
    return Home(root)


PROJECT_ROOT = Path(__file__).resolve().parent.parent
