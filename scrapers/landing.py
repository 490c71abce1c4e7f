"""The raw landing zone: raw bytes as content-addressed blobs, one DuckDB row per document version.

$LIANGQU_HOME/raw/raw.duckdb holds
  raw_documents  one row per document version (see README "Raw landing zone")
  fetch_log      every fetch attempt and its outcome, per URL
  crawl_state    per URL: conditional-GET validators, last content hash, last run that finished it
  crawl_runs     one row per crawl of a source; an unfinished row is resumed by the next crawl
Raw bytes live under raw/blobs/<first two hex>/<sha256>, written before the row that points at them,
so a crash never leaves a row without its bytes. Every landing is its own committed transaction.
"""
from __future__ import annotations

import hashlib
import os
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from typing import Any

import duckdb

from warehouse.paths import Home

SCHEMA = """
CREATE TABLE IF NOT EXISTS raw_documents (
    document_id     VARCHAR PRIMARY KEY,
    source_id       VARCHAR NOT NULL,
    url             VARCHAR NOT NULL,
    final_url       VARCHAR,
    fetched_at      TIMESTAMP NOT NULL,
    landed_at       TIMESTAMP NOT NULL,
    http_status     INTEGER,
    etag            VARCHAR,
    last_modified   VARCHAR,
    content_type    VARCHAR,
    encoding        VARCHAR,
    encoding_source VARCHAR,
    content_sha256  VARCHAR NOT NULL,
    blob_path       VARCHAR NOT NULL,
    byte_size       BIGINT,
    title           VARCHAR,
    publish_date    DATE,
    issuer          VARCHAR,
    meeting         VARCHAR,
    speaker         VARCHAR,
    source_district VARCHAR,
    section         VARCHAR,
    text            VARCHAR,
    text_sha256     VARCHAR
);
CREATE TABLE IF NOT EXISTS fetch_log (
    run_id        VARCHAR,
    source_id     VARCHAR,
    url           VARCHAR NOT NULL,
    final_url     VARCHAR,
    attempted_at  TIMESTAMP NOT NULL,
    http_status   INTEGER,
    outcome       VARCHAR NOT NULL,
    error         VARCHAR,
    attempts      INTEGER,
    elapsed_ms    DOUBLE,
    byte_size     BIGINT,
    document_id   VARCHAR
);
CREATE TABLE IF NOT EXISTS crawl_state (
    url             VARCHAR PRIMARY KEY,
    source_id       VARCHAR,
    etag            VARCHAR,
    last_modified   VARCHAR,
    content_sha256  VARCHAR,
    document_id     VARCHAR,
    last_status     INTEGER,
    last_outcome    VARCHAR,
    last_fetched_at TIMESTAMP,
    last_changed_at TIMESTAMP,
    last_run_id     VARCHAR
);
CREATE TABLE IF NOT EXISTS crawl_runs (
    run_id      VARCHAR PRIMARY KEY,
    source_id   VARCHAR NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);
"""

RAW_COLUMNS = (
    "document_id", "source_id", "url", "final_url", "fetched_at", "landed_at", "http_status", "etag",
    "last_modified", "content_type", "encoding", "encoding_source", "content_sha256", "blob_path",
    "byte_size", "title", "publish_date", "issuer", "meeting", "speaker", "source_district", "section",
    "text", "text_sha256",
)


def utcnow() -> datetime:
    """Naive UTC, which is what DuckDB's TIMESTAMP stores."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def document_id(url: str, content_sha256: str) -> str:
    """Same URL and same bytes → same id; a changed page gets a new id (a new version)."""
    return sha256_hex(url + "\n" + content_sha256)[:20]


@dataclass
class RawDocument:
    """One document version, ready to land. `content` is the raw bytes as fetched or read."""

    source_id: str
    url: str
    content: bytes
    fetched_at: datetime = field(default_factory=utcnow)
    final_url: str | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    encoding: str | None = None
    encoding_source: str | None = None
    title: str | None = None
    publish_date: date | None = None
    issuer: str | None = None
    meeting: str | None = None
    speaker: str | None = None
    source_district: str | None = None
    section: str | None = None
    text: str | None = None

    @property
    def content_sha256(self) -> str:
        return sha256_hex(self.content)

    @property
    def document_id(self) -> str:
        return document_id(self.url, self.content_sha256)


def connect(home: Home, read_only: bool = False, wait_seconds: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Open raw.duckdb (creating it and its tables), waiting while another process holds the write lock."""
    home.raw_dir.mkdir(parents=True, exist_ok=True)
    home.blobs_dir.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay = 0.05
    while True:
        try:
            if read_only and home.raw_db.exists():
                return duckdb.connect(str(home.raw_db), read_only=True)
            con = duckdb.connect(str(home.raw_db))
            break
        except duckdb.IOException as exc:  # "Could not set lock on file": another writer is busy
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 1.0)
    con.execute(SCHEMA)
    return con


def store_blob(home: Home, content: bytes) -> str:
    """Write the bytes once under blobs/ab/<sha256> (atomic rename); return the path relative to home."""
    digest = sha256_hex(content)
    path = home.blobs_dir / digest[:2] / digest
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{digest}.{uuid.uuid4().hex}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    return path.relative_to(home.root).as_posix()


def read_blob(home: Home, blob_path: str) -> bytes:
    return (home.root / blob_path).read_bytes()


def known_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> bool:
    return con.execute("SELECT 1 FROM raw_documents WHERE document_id = ?", [doc_id]).fetchone() is not None


def latest_version(con: duckdb.DuckDBPyConnection, url: str) -> dict | None:
    cur = con.execute(
        "SELECT * FROM raw_documents WHERE url = ? ORDER BY landed_at DESC, fetched_at DESC LIMIT 1", [url]
    )
    row = cur.fetchone()
    return dict(zip([c[0] for c in cur.description], row)) if row else None


def land(con: duckdb.DuckDBPyConnection, home: Home, doc: RawDocument) -> str:
    """Land one document version. Returns "new" (first version of this URL), "changed" (a new
    version of a URL already landed; the old one is kept) or "unchanged" (these bytes are already here)."""
    doc_id = doc.document_id
    if known_document(con, doc_id):
        return "unchanged"
    had_url = con.execute("SELECT 1 FROM raw_documents WHERE url = ? LIMIT 1", [doc.url]).fetchone() is not None
    blob_path = store_blob(home, doc.content)
    values: dict[str, Any] = {
        **{k: v for k, v in asdict(doc).items() if k != "content"},
        "document_id": doc_id,
        "landed_at": utcnow(),
        "content_sha256": doc.content_sha256,
        "blob_path": blob_path,
        "byte_size": len(doc.content),
        "text_sha256": sha256_hex(doc.text) if doc.text is not None else None,
    }
    placeholders = ", ".join("?" for _ in RAW_COLUMNS)
    con.execute(
        f"INSERT INTO raw_documents ({', '.join(RAW_COLUMNS)}) VALUES ({placeholders}) "
        "ON CONFLICT (document_id) DO NOTHING",
        [values[c] for c in RAW_COLUMNS],
    )
    return "changed" if had_url else "new"


def log_fetch(con: duckdb.DuckDBPyConnection, *, url: str, outcome: str, run_id: str | None = None,
              source_id: str | None = None, final_url: str | None = None, http_status: int | None = None,
              error: str | None = None, attempts: int | None = None, elapsed_ms: float | None = None,
              byte_size: int | None = None, document_id: str | None = None) -> None:
    con.execute(
        "INSERT INTO fetch_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [run_id, source_id, url, final_url, utcnow(), http_status, outcome,
         (error or None) and str(error)[:2000], attempts, elapsed_ms, byte_size, document_id],
    )


def get_state(con: duckdb.DuckDBPyConnection, url: str) -> dict | None:
    cur = con.execute("SELECT * FROM crawl_state WHERE url = ?", [url])
    row = cur.fetchone()
    return dict(zip([c[0] for c in cur.description], row)) if row else None


def put_state(con: duckdb.DuckDBPyConnection, url: str, **fields: Any) -> None:
    """Upsert the crawl state of one URL; fields not given keep their old value."""
    fields = {"url": url, **fields}
    cols = list(fields)
    updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "url")
    con.execute(
        f"INSERT INTO crawl_state ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
        f"ON CONFLICT (url) DO UPDATE SET {updates}",
        [fields[c] for c in cols],
    )


def start_run(con: duckdb.DuckDBPyConnection, source_id: str) -> tuple[str, bool]:
    """The run to work in: the source's unfinished run if a previous crawl stopped midway (resumed=True),
    else a new one."""
    row = con.execute(
        "SELECT run_id FROM crawl_runs WHERE source_id = ? AND finished_at IS NULL ORDER BY started_at DESC LIMIT 1",
        [source_id],
    ).fetchone()
    if row:
        return row[0], True
    run_id = uuid.uuid4().hex[:16]
    con.execute("INSERT INTO crawl_runs VALUES (?, ?, ?, NULL)", [run_id, source_id, utcnow()])
    return run_id, False


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    con.execute("UPDATE crawl_runs SET finished_at = ? WHERE run_id = ?", [utcnow(), run_id])


def done_in_run(con: duckdb.DuckDBPyConnection, run_id: str) -> set[str]:
    """URLs already fetched to a final outcome in this run (skipped when the run is resumed)."""
    rows = con.execute("SELECT url FROM crawl_state WHERE last_run_id = ?", [run_id]).fetchall()
    return {r[0] for r in rows}
