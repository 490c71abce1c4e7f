"""Write-audit-publish, the publish step: copy the validated working warehouse to where BI reads it.

BI never opens the file dbt writes (DuckDB allows one writer or many readers per file, never both).
Publishing writes a complete new DuckDB file beside the published one, checks it, fsyncs it and
renames it over `published/liangqu.duckdb`: a rename is atomic, so a reader opens either the old
file or the new one, and a reader that already has the old one open keeps reading that, unblocked.
The Parquet copies go to a new, complete, never-modified version directory; `published/parquet`
is a symlink swapped to it by one rename (a reader that wants several tables from one publication
resolves the symlink once, e.g. os.path.realpath, and reads them from there). A crash or a kill at any moment leaves at worst a `.tmp` file or a `.partial` directory,
removed by the next run, which then completes the job.

Publishing is idempotent: the contract tables are fingerprinted (schema, row count and an
order-independent hash of every row) in the working warehouse and compared with the fingerprint the
published file records (verified against its own rows when it was written); nothing is replaced
when they are equal. Each publish hashes the data twice, not more: the working warehouse, then the
new copy (which must match); the Parquet copies are exported from the working warehouse at the same
time, while it is held read-only, so they hold the same rows as the checked copy.

The new file usually starts as a byte copy of the published one, with only the rows of documents that
changed replaced (an incremental build touches a few documents of thousands); its fingerprint must
still equal the working warehouse's, and when it does not, or table schemas differ, or more than a
fifth of the documents changed, the file is written whole instead.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from expectations.frames import TABLES, attach_read_only, duckdb_config
from expectations.scope import PUBLICATION_TABLE, changed_documents_sql, suites_fingerprint
from warehouse.paths import Home

log = logging.getLogger(__name__)
VERSIONS_DIR = ".parquet-versions"
MANIFEST = "_manifest.json"
LOCK_TIMEOUT_S = 600
PARQUET_GRACE_S = 600


class PublishError(RuntimeError):
    pass


@dataclass
class PublishResult:
    published: bool
    reason: str
    fingerprint: str
    counts: dict[str, int] = field(default_factory=dict)
    db: Path | None = None
    parquet: Path | None = None
    elapsed_s: float = 0.0
    db_written: str = ""  # "changed rows" (onto the last published file), "whole", or "" (not written)
    alongside_validation: bool = False  # written while the validation ran, swapped in once it passed


def _q(s: str) -> str:
    return "'" + str(s).replace("'", "''") + "'"


def fingerprint(con: duckdb.DuckDBPyConnection, catalog: str) -> tuple[str, dict[str, int]]:
    """A digest of the contract tables in `catalog` (schema + every row, in any order) and their row counts."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    for table in TABLES:
        cols = con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? AND schema_name = 'main' "
            "AND table_name = ? ORDER BY column_index",
            [catalog, table],
        ).fetchall()
        if not cols:
            raise PublishError(f"{catalog} has no table main.{table}")
        n, total, xor = con.execute(
            f'SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0), coalesce(bit_xor(hash(t)), 0) '
            f'FROM "{catalog}".main.{table} AS t'
        ).fetchone()
        counts[table] = n
        digest.update(json.dumps([table, cols, n, str(total), str(xor)], ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest(), counts


@contextmanager
def _open_published(db: Path):
    """The published file attached read-only as `published`, or None if there is none or it cannot be read."""
    if not db.exists():
        yield None
        return
    try:
        con = attach_read_only(db, "published")
    except duckdb.Error:
        yield None
        return
    try:
        yield con
    finally:
        con.close()


def _publication_record(con, column: str) -> str | None:
    try:
        row = con.execute(f"SELECT {column} FROM published.main.{PUBLICATION_TABLE}").fetchone()
    except duckdb.Error:  # no record, or one written before the column existed
        return None
    return row[0] if row and row[0] else None


def published_fingerprint(db: Path, recompute: bool = False) -> str | None:
    """The fingerprint of the published file, or None if there is none (or it cannot be read).

    The file records the fingerprint it was checked against when it was written (and is never
    modified after, only replaced), so that is read rather than hashing every row again; a file
    without the record, or `recompute`, is hashed."""
    with _open_published(db) as con:
        if con is None:
            return None
        recorded = None if recompute else _publication_record(con, "fingerprint")
        if recorded:
            return recorded
        try:
            return fingerprint(con, "published")[0]
        except (duckdb.Error, PublishError):
            return None


def published_suites_fingerprint(db: Path) -> str | None:
    """Which suites (expectations.scope.suites_fingerprint) validated the published file."""
    with _open_published(db) as con:
        return None if con is None else _publication_record(con, "suites_fingerprint")


def parquet_fingerprint(parquet_dir: Path) -> str | None:
    try:
        return json.loads((parquet_dir / MANIFEST).read_text(encoding="utf-8")).get("fingerprint")
    except (OSError, ValueError):
        return None


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def publish_lock(home: Home):
    """One publisher at a time (Airflow may run two builds); readers never take it."""
    home.state_dir.mkdir(parents=True, exist_ok=True)
    with open(home.state_dir / "publish.lock", "a+") as fh:
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise PublishError("another publish has held the lock for 10 minutes") from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def clean_leftovers(home: Home) -> list[Path]:
    """Remove what a killed publish left behind. Call under the publish lock."""
    removed = []
    pub = home.published_dir
    if not pub.exists():
        return removed
    for p in list(pub.glob(".liangqu.duckdb.*.tmp*")) + list(pub.glob(".parquet.link.*")):
        p.unlink(missing_ok=True)
        removed.append(p)
    versions = pub / VERSIONS_DIR
    if versions.exists():
        for p in versions.glob("*.partial"):
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    return removed


def _write_db_copy(work_db: Path, tmp: Path, published_at: datetime, fp: str,
                   counts: dict[str, int], base: Path | None = None) -> str:
    """A complete new DuckDB file at `tmp` holding the contract tables of `work_db`, whose fingerprint
    was `fp`: the copy is checked against it, so a working warehouse changed since is not published.

    With `base` (the current published file), the copy starts as a byte copy of it and only the rows of
    documents that changed are replaced (see _apply_changes); a copy that does not come out equal to
    `fp` that way is written again whole. Returns how it was written: "changed rows" or "whole"."""
    if base is not None:
        try:
            if _copy_with_changes(base, work_db, tmp, published_at, fp, counts):
                return "changed rows"
        except (duckdb.Error, OSError) as exc:  # whatever went wrong, the whole copy below does not need base
            log.warning("publishing changed rows onto the last published file failed (%s); copying whole", exc)
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp), config=duckdb_config())
    try:
        con.execute(f"ATTACH {_q(work_db)} AS work (READ_ONLY)")
        for table in TABLES:
            con.execute(f"CREATE TABLE main.{table} AS SELECT * FROM work.main.{table}")
        _record_publication(con, published_at, fp, counts)
        con.execute("DETACH work")
        if _own_fingerprint(con) != fp:
            raise PublishError("the copy differs from the working warehouse (it changed while publishing); "
                               "not publishing")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    _check_no_wal(tmp)
    return "whole"


def _record_publication(con, published_at: datetime, fp: str, counts: dict[str, int]) -> None:
    """The file's one-row record of what it holds (replacing any earlier record, whatever its columns)."""
    con.execute(f"CREATE OR REPLACE TABLE main.{PUBLICATION_TABLE} (published_at TIMESTAMPTZ, "
                "fingerprint VARCHAR, row_counts VARCHAR, suites_fingerprint VARCHAR)")
    con.execute(f"INSERT INTO main.{PUBLICATION_TABLE} VALUES (?, ?, ?, ?)",
                [published_at, fp, json.dumps(counts), suites_fingerprint()])


def _own_fingerprint(con) -> str:
    return fingerprint(con, con.execute("SELECT current_database()").fetchone()[0])[0]


def _check_no_wal(db: Path) -> None:
    if Path(str(db) + ".wal").exists():
        raise PublishError(f"{db}.wal left after checkpoint; not publishing a file that needs its WAL")


def _table_schema(con, catalog: str, table: str) -> list[tuple]:
    return con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = ? AND schema_name = 'main' "
        "AND table_name = ? ORDER BY column_index", [catalog, table]).fetchall()


def _copy_with_changes(base: Path, work_db: Path, tmp: Path, published_at: datetime, fp: str,
                       counts: dict[str, int]) -> bool:
    """`tmp` = the published file with the changed documents' rows replaced; False if that cannot be done
    (different table schemas, most documents changed) or does not give the working warehouse's rows."""
    tmp.unlink(missing_ok=True)
    shutil.copyfile(base, tmp)  # base is never modified, only replaced, and we hold the publish lock
    con = duckdb.connect(str(tmp), config=duckdb_config())
    try:
        con.execute(f"ATTACH {_q(work_db)} AS work (READ_ONLY)")
        own = con.execute("SELECT current_database()").fetchone()[0]
        if any(_table_schema(con, own, t) != _table_schema(con, "work", t) for t in TABLES):
            return False
        if not _apply_changes(con, own):
            return False
        _record_publication(con, published_at, fp, counts)
        con.execute("DETACH work")
        if _own_fingerprint(con) != fp:
            log.warning("publishing changed rows did not reproduce the working warehouse; copying whole")
            return False
        con.execute("CHECKPOINT")
    finally:
        con.close()
    _check_no_wal(tmp)
    return True


# Past this share of documents changed, a whole copy is as quick and leaves no freed blocks behind.
MAX_CHANGED_SHARE = 0.2


def _apply_changes(con, own: str) -> bool:
    """Replace, in every contract table of `own`, the rows of documents whose rows differ in `work`."""
    # every column (hash of the whole row): the copy must end up holding exactly the working rows
    con.execute("CREATE TEMPORARY TABLE changed_documents AS "
                + changed_documents_sql("work", own, lambda _table: "t"))
    changed = con.execute("SELECT count(*) FROM changed_documents").fetchone()[0]
    documents = con.execute("SELECT count(*) FROM work.main.dim_document").fetchone()[0]
    if changed > MAX_CHANGED_SHARE * max(documents, 1):
        return False
    is_changed = ("EXISTS (SELECT 1 FROM changed_documents c "
                  "WHERE c.document_id IS NOT DISTINCT FROM {alias}.document_id)")
    for table in TABLES:
        if table == "dim_district":  # not per document, and 18 rows
            con.execute(f"DELETE FROM main.{table}")
            con.execute(f"INSERT INTO main.{table} SELECT * FROM work.main.{table}")
            continue
        con.execute(f"DELETE FROM main.{table} AS t WHERE {is_changed.format(alias='t')}")
        con.execute(f"INSERT INTO main.{table} SELECT * FROM work.main.{table} AS w "
                    f"WHERE {is_changed.format(alias='w')}")
    return True


def _write_copies(work_db: Path, tmp: Path, home: Home, fp: str, counts: dict, published_at: datetime,
                  base: Path | None) -> tuple[Path, str]:
    """The new DuckDB file and the new Parquet version, written at the same time from the working warehouse.

    The working warehouse stays attached read-only until both are done: DuckDB then lets no writer
    (dbt) change it, so the Parquet files hold the rows the copy was checked to hold."""
    from concurrent.futures import ThreadPoolExecutor

    guard = attach_read_only(work_db, "work_guard")
    try:
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="liangqu-publish") as pool:
            db_copy = pool.submit(_write_db_copy, work_db, tmp, published_at, fp, counts, base)
            parquet = pool.submit(_write_parquet_version, work_db, home, fp, counts, published_at)
            try:
                how = db_copy.result()
            except BaseException:
                _discard(parquet)
                raise
            return parquet.result(), how
    finally:
        guard.close()


def _discard(parquet_future) -> None:
    """A Parquet version whose DuckDB copy failed is not published: remove it."""
    try:
        shutil.rmtree(parquet_future.result(), ignore_errors=True)
    except BaseException:  # noqa: BLE001 - its .partial directory is removed by the next run
        pass


def _swap_db(tmp: Path, target: Path) -> None:
    _fsync_path(tmp)
    os.replace(tmp, target)
    _fsync_path(target.parent)


def _write_parquet_version(source_db: Path, home: Home, fp: str, counts: dict, published_at: datetime) -> Path:
    """The Parquet copies, exported from `source_db`: the working warehouse while it is held read-only
    (see _write_copies) or the published file when that is current (it records `fp`, never modified)."""
    versions = home.published_dir / VERSIONS_DIR
    versions.mkdir(parents=True, exist_ok=True)
    name = published_at.strftime("%Y%m%dT%H%M%S%fZ") + "-" + fp[:12]
    partial = versions / (name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    con = attach_read_only(source_db, "src")
    try:
        for table in TABLES:
            con.execute(f"COPY src.main.{table} TO {_q(partial / (table + '.parquet'))} (FORMAT parquet, COMPRESSION zstd)")
    finally:
        con.close()
    (partial / MANIFEST).write_text(json.dumps({
        "fingerprint": fp, "row_counts": counts, "published_at": published_at.isoformat(),
        "tables": {t: f"{t}.parquet" for t in TABLES},
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    for f in partial.iterdir():
        _fsync_path(f)
    _fsync_path(partial)
    final = versions / name
    os.replace(partial, final)
    _fsync_path(versions)
    return final


def _swap_parquet(home: Home, version: Path) -> None:
    link = home.parquet_dir
    if link.exists() and not link.is_symlink():
        # an old-style real directory: move it into the versions so the symlink can take its place
        os.replace(link, version.parent / f"legacy-{int(time.time())}")
    tmp_link = home.published_dir / f".parquet.link.{os.getpid()}"
    tmp_link.unlink(missing_ok=True)
    os.symlink(os.path.relpath(version, home.published_dir), tmp_link)
    os.replace(tmp_link, link)
    _fsync_path(home.published_dir)


def _prune_versions(home: Home, keep: int = 2, grace_s: float = PARQUET_GRACE_S) -> None:
    """Drop old Parquet versions: never the current one or the one before it, and never one superseded
    less than `grace_s` ago (a reader that resolved the symlink just before the swap may still be in it)."""
    versions = home.published_dir / VERSIONS_DIR
    current = home.parquet_dir.resolve()
    done = sorted((p for p in versions.iterdir() if p.is_dir() and not p.name.endswith(".partial")),
                  key=lambda p: p.name, reverse=True)
    now = time.time()
    for newer, old in zip(done[keep - 1:], done[keep:]):
        superseded_at = newer.stat().st_mtime
        if old.resolve() != current and now - superseded_at > grace_s:
            shutil.rmtree(old, ignore_errors=True)


@dataclass
class PreparedPublication:
    """New copies written under the publish lock and not yet swapped in (see prepare_publication)."""
    home: Home
    fingerprint: str
    counts: dict[str, int]
    version: Path             # the new Parquet version directory
    tmp: Path | None          # the new DuckDB file, or None when the published one is already current
    db_written: str
    lock: ExitStack
    elapsed_s: float


def prepare_publication(home: Home, work_db: Path | None = None) -> PreparedPublication | PublishResult:
    """Write the new DuckDB file and Parquet version beside the published ones and hold the publish lock,
    so they can be written while the validation runs: commit_publication swaps them in once it passes,
    discard_publication removes them when it fails. BI sees nothing of them before the commit.
    Returns a PublishResult instead when there is nothing new to publish."""
    started = time.perf_counter()
    work_db = Path(work_db or home.work_db)
    if not work_db.exists():
        raise PublishError(f"no working warehouse at {work_db}")
    home.published_dir.mkdir(parents=True, exist_ok=True)
    lock = ExitStack()
    lock.enter_context(publish_lock(home))
    try:
        clean_leftovers(home)
        con = attach_read_only(work_db, "work")
        try:
            work_fp, counts = fingerprint(con, "work")
        finally:
            con.close()
        # The file also records which suites passed it (scoped validation relies on that record),
        # so the same rows validated by changed suites are published again, with the new record.
        db_current = (published_fingerprint(home.published_db) == work_fp
                      and published_suites_fingerprint(home.published_db) == suites_fingerprint())
        parquet_current = parquet_fingerprint(home.parquet_dir) == work_fp
        if db_current and parquet_current:
            lock.close()
            return PublishResult(False, "nothing new to publish", work_fp, counts, home.published_db,
                                 home.parquet_dir, time.perf_counter() - started)
        published_at = datetime.now(timezone.utc)
        if db_current:
            version = _write_parquet_version(home.published_db, home, work_fp, counts, published_at)
            tmp, how = None, "unchanged"
        else:
            tmp = home.published_dir / f".liangqu.duckdb.{os.getpid()}.tmp"
            base = home.published_db if home.published_db.exists() else None
            version, how = _write_copies(work_db, tmp, home, work_fp, counts, published_at, base)
    except BaseException:
        lock.close()
        raise
    return PreparedPublication(home, work_fp, counts, version, tmp, how, lock, time.perf_counter() - started)


def commit_publication(prepared: PreparedPublication) -> PublishResult:
    """Swap the prepared copies in (each by one atomic rename) and release the publish lock."""
    started = time.perf_counter()
    home = prepared.home
    try:
        if prepared.tmp is not None:
            _swap_db(prepared.tmp, home.published_db)
        _swap_parquet(home, prepared.version)
        _prune_versions(home)
    finally:
        prepared.lock.close()
    reason = "published" if prepared.tmp is not None else \
        "published the Parquet copies (the DuckDB file was already current)"
    return PublishResult(True, reason, prepared.fingerprint, prepared.counts, home.published_db, home.parquet_dir,
                         prepared.elapsed_s + time.perf_counter() - started,
                         db_written=prepared.db_written if prepared.db_written != "unchanged" else "")


def discard_publication(prepared: PreparedPublication) -> None:
    """Remove copies that are not to be published (their validation failed) and release the lock."""
    try:
        if prepared.tmp is not None:
            prepared.tmp.unlink(missing_ok=True)
        shutil.rmtree(prepared.version, ignore_errors=True)
    finally:
        prepared.lock.close()


def publish(home: Home, work_db: Path | None = None) -> PublishResult:
    """Replace the published warehouse (file and Parquet) with the working one, unless they are equal."""
    prepared = prepare_publication(home, work_db)
    if isinstance(prepared, PublishResult):
        return prepared
    return commit_publication(prepared)
