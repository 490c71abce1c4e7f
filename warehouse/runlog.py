"""An append-only log of what each stage did, read by `liangqu status`.

One JSON object per line in $LIANGQU_HOME/state/runs.jsonl:
  {"stage": "crawl"|"ingest"|"build"|"validate"|"publish"|"alert", "at": ISO-8601 UTC,
   "ok": bool, ...stage-specific counts}
Appends are single small writes, so concurrent writers never interleave half lines.
"""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from typing import Any

from warehouse.paths import Home


def _path(home: Home):
    return home.state_dir / "runs.jsonl"


def record(home: Home, stage: str, ok: bool = True, **fields: Any) -> dict:
    home.state_dir.mkdir(parents=True, exist_ok=True)
    entry = {"stage": stage, "at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "ok": ok, **fields}
    line = (json.dumps(entry, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    fd = os.open(_path(home), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)
    return entry


def entries(home: Home) -> list[dict]:
    path = _path(home)
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a line cut short by a crash is skipped, the rest still counts
    return out


def last(home: Home, stage: str, ok: bool | None = None) -> dict | None:
    for entry in reversed(entries(home)):
        if entry.get("stage") == stage and (ok is None or entry.get("ok") == ok):
            return entry
    return None
