"""`liangqu status`: what was landed, built, validated and published, and when.

Read from the run log and from the DuckDB files themselves, each opened read-only; a file another
process is writing right now is reported as busy rather than waited for.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from expectations.frames import TABLES, attach_read_only
from warehouse import runlog
from warehouse.paths import Home


def _mtime(path: Path) -> str | None:
    if not path.exists():
        return None
    return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).isoformat(timespec="seconds")


def _read(db: Path, fn) -> dict:
    if not db.exists():
        return {"exists": False}
    try:
        con = attach_read_only(db, "db")
        con.execute("USE db")
    except duckdb.Error as exc:
        return {"exists": True, "busy": True, "error": str(exc).splitlines()[0]}
    try:
        return {"exists": True, **fn(con)}
    except duckdb.Error as exc:
        return {"exists": True, "error": str(exc).splitlines()[0]}
    finally:
        con.close()


def _tables(con) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'"
    ).fetchall()}


def _landed(con) -> dict:
    if "raw_documents" not in _tables(con):
        return {"raw_documents": 0}
    n, sources, fetched, landed = con.execute(
        "SELECT count(*), count(DISTINCT source_id), max(fetched_at), max(landed_at) FROM raw_documents"
    ).fetchone()
    return {"raw_documents": n, "sources": sources, "last_fetched_at": str(fetched) if fetched else None,
            "last_landed_at": str(landed) if landed else None}


def _counts(con) -> dict:
    present = _tables(con)
    out = {"row_counts": {t: con.execute(f"SELECT count(*) FROM main.{t}").fetchone()[0] for t in TABLES if t in present}}
    if "liangqu_publication" in present:
        row = con.execute("SELECT published_at, fingerprint FROM liangqu_publication").fetchone()
        if row:
            out["published_at"], out["fingerprint"] = str(row[0]), row[1]
    return out


def collect(home: Home) -> dict:
    last = lambda stage, ok=None: runlog.last(home, stage, ok)  # noqa: E731
    last_published = next((e for e in reversed(runlog.entries(home))
                           if e.get("stage") == "publish" and e.get("ok") and e.get("published")), None)
    return {
        "home": str(home.root),
        "landed": {
            "raw_db": str(home.raw_db), **_read(home.raw_db, _landed),
            "last_crawl": last("crawl"), "last_ingest": last("ingest"),
        },
        "built": {"work_db": str(home.work_db), "modified_at": _mtime(home.work_db), "last_build": last("build")},
        "validated": {"last_validate": last("validate"), "data_docs": str(home.data_docs_dir / "index.html")
                      if (home.data_docs_dir / "index.html").exists() else None},
        "published": {
            "published_db": str(home.published_db), "modified_at": _mtime(home.published_db),
            "parquet_dir": str(home.parquet_dir) if home.parquet_dir.exists() else None,
            **_read(home.published_db, _counts),
            "last_publish": last("publish"), "last_published": last_published,
        },
        "last_alert": last("alert"),
    }


def _when(entry: dict | None) -> str:
    if not entry:
        return "never"
    return f"{entry.get('at')} ({'ok' if entry.get('ok') else 'FAILED'})"


def render(s: dict) -> str:
    lines = [f"LIANGQU_HOME {s['home']}"]
    landed = s["landed"]
    if not landed.get("exists"):
        lines.append("landed:     nothing yet (no raw warehouse)")
    elif landed.get("busy") or landed.get("error"):
        lines.append(f"landed:     raw warehouse busy or unreadable: {landed.get('error')}")
    else:
        lines.append(f"landed:     {landed['raw_documents']} raw documents from {landed.get('sources', 0)} sources, "
                     f"last fetched {landed.get('last_fetched_at') or '-'}, last landed {landed.get('last_landed_at') or '-'}")
    lines.append(f"            last crawl {_when(landed['last_crawl'])}, last ingest {_when(landed['last_ingest'])}")
    built = s["built"]
    lines.append(f"built:      last dbt build {_when(built['last_build'])}; working warehouse "
                 f"{built['work_db'] if built['modified_at'] else '(none)'}")
    v = s["validated"]["last_validate"]
    extra = ""
    if v and not v.get("ok"):
        extra = f"; failed: {', '.join(v.get('failed_tables') or [])}"
    if v and v.get("scope"):
        from expectations.scope import Scope

        extra += f"; rows checked: {Scope(**v['scope']).describe()}"
    lines.append(f"validated:  {_when(v)}{extra}")
    if s["validated"]["data_docs"]:
        lines.append(f"            Data Docs {s['validated']['data_docs']}")
    p = s["published"]
    if not p.get("exists"):
        lines.append("published:  nothing yet")
    else:
        lines.append(f"published:  {p['published_db']} (published {p.get('published_at') or p['modified_at']})")
        for table, n in (p.get("row_counts") or {}).items():
            lines.append(f"            {table:<22} {n:>8} rows")
        if p.get("parquet_dir"):
            lines.append(f"            Parquet {p['parquet_dir']}")
    last_publish = p.get("last_publish")
    if last_publish:
        lines.append(f"            last publish step {_when(last_publish)}: {last_publish.get('reason') or last_publish.get('error')}")
    if s["last_alert"]:
        a = s["last_alert"]
        lines.append(f"last alert: {a.get('at')} via {a.get('channel')}: {a.get('subject')}"
                     + (f" ({a['path']})" if a.get("path") else ""))
    return "\n".join(lines)


def status_command(home: Home, args) -> int:
    s = collect(home)
    if getattr(args, "json", False):
        json.dump(s, sys.stdout, ensure_ascii=False, default=str, indent=1)
        sys.stdout.write("\n")
    else:
        print(render(s))
    return 0
