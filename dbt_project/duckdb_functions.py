"""dbt-duckdb plugin: registers the Python extractor as DuckDB functions on dbt's connection.

`liangqu_extract(text, title, section, source_district, publish_date)` returns one JSON document of
everything found in a page; the incremental models call it once per new document. It is a
vectorised (Arrow) function: DuckDB hands it a batch of up to 2048 documents at a time, and a large
batch (a full build) is spread over one worker process per core, while a small one (an incremental
build with a few new pages) is extracted in-process, with no worker start-up cost.
`liangqu_extractor_version()` is a hash of the extraction code, so a changed rule re-extracts.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from functools import lru_cache
from pathlib import Path

from dbt.adapters.duckdb.plugins import BasePlugin

EXTRACTION_DIR = Path(__file__).resolve().parent / "extraction"
SEEDS_DIR = Path(__file__).resolve().parent / "seeds"
WORKERS_ENV = "LIANGQU_EXTRACT_WORKERS"  # 1 = always in-process
PARALLEL_MIN_DOCS = 64  # below this, starting worker processes costs more than it saves
TASK_DOCS = 16          # documents per task sent to a worker
IDLE_SHUTDOWN_S = 5.0   # workers exit this long after the last batch (a query's batches come back to back)

log = logging.getLogger(__name__)
_pool = None
_pool_lock = threading.Lock()
_idle_timer: threading.Timer | None = None


@lru_cache(maxsize=1)
def extractor_version() -> str:
    h = hashlib.sha256()
    for path in sorted([*EXTRACTION_DIR.glob("*.py"), *SEEDS_DIR.glob("*.csv")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def extract_rows(rows: list[tuple]) -> list[str]:
    """(text, title, section, source_district, publish_date) rows → one JSON document each."""
    from dbt_project.extraction.pipeline import extract_document_json

    return [extract_document_json(*row) for row in rows]


def worker_count() -> int:
    configured = os.environ.get(WORKERS_ENV)
    if configured:
        try:
            return max(1, int(configured))
        except ValueError:
            raise ValueError(f"{WORKERS_ENV} must be a whole number, not {configured!r}") from None
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _executor(workers: int):
    global _pool
    if _pool is None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # spawn, not fork: dbt and DuckDB run threads in this process, and a forked child could
        # inherit a lock held by one of them
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    return _pool


def shutdown_workers() -> None:
    """Stop the worker processes (they hold memory the validation step after dbt could use)."""
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
            _pool = None


def _shutdown_when_idle() -> None:
    global _idle_timer
    if _idle_timer is not None:
        _idle_timer.cancel()
    _idle_timer = threading.Timer(IDLE_SHUTDOWN_S, shutdown_workers)
    _idle_timer.daemon = True
    _idle_timer.start()


def extract_many(rows: list[tuple]) -> list[str]:
    workers = worker_count()
    if workers < 2 or len(rows) < PARALLEL_MIN_DOCS:
        return extract_rows(rows)
    from concurrent.futures.process import BrokenProcessPool

    tasks = [rows[i:i + TASK_DOCS] for i in range(0, len(rows), TASK_DOCS)]
    try:
        with _pool_lock:
            if _idle_timer is not None:
                _idle_timer.cancel()
            result = [doc for chunk in _executor(workers).map(extract_rows, tasks) for doc in chunk]
    except BrokenProcessPool:  # a worker died (e.g. out of memory): finish this batch in-process
        log.warning("extraction worker pool broke; extracting %d documents in-process", len(rows))
        shutdown_workers()
        return extract_rows(rows)
    _shutdown_when_idle()
    return result


def arrow_strings(values: list[str]):
    """A pyarrow string array built from its buffers: pa.array() would import pandas on first use
    (seconds of start-up an incremental build of one document should not pay)."""
    import array
    import itertools

    import pyarrow as pa

    encoded = [v.encode("utf-8") for v in values]
    offsets = array.array("i", [0, *itertools.accumulate(map(len, encoded))])
    return pa.StringArray.from_buffers(len(encoded), pa.py_buffer(offsets.tobytes()), pa.py_buffer(b"".join(encoded)))


def _extract_batch(text, title, section, source_district, publish_date):
    columns = [c.to_pylist() for c in (text, title, section, source_district, publish_date)]
    return arrow_strings(extract_many(list(zip(*columns))))


def register(conn) -> None:
    from duckdb import sqltypes

    v = sqltypes.VARCHAR
    conn.create_function("liangqu_extract", _extract_batch, [v, v, v, v, v], v, type="arrow",
                         null_handling="special")
    conn.create_function("liangqu_extractor_version", extractor_version, [], v)


class Plugin(BasePlugin):
    def configure_connection(self, conn):
        register(conn)
