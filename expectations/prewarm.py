"""Great Expectations, imported in a second process while dbt builds.

`import great_expectations` costs 6-12 s, about as much as an incremental dbt build; on a machine with
two cores the two can overlap. `liangqu build` starts a PrewarmedCheckpoint before dbt, and hands it
the home once dbt is done: the checkpoint itself (expectations/checkpoint.run_checkpoint) is
unchanged, only where it runs. Any failure to start or a worker that dies falls back to running the
checkpoint in this process, so validation never silently does not happen.
"""
from __future__ import annotations

import multiprocessing
import time
import traceback
from pathlib import Path

from expectations.report import ValidationReport


def _worker(conn) -> None:
    from expectations.checkpoint import load_gx, run_checkpoint
    from warehouse.paths import Home

    try:
        _, import_s = load_gx()
        conn.send(("ready", import_s))
        request = conn.recv()
    except (EOFError, OSError):  # the parent is gone or does not need us
        return
    if request is None:
        return
    root, full = request
    try:
        conn.send(("report", run_checkpoint(Home(Path(root)), full=full)))
    except BaseException as exc:  # noqa: BLE001 - sent back whole, the parent decides
        conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}"))


class PrewarmedCheckpoint:
    """A process that imports GX now and runs the checkpoint when asked."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self._proc = None
        self._conn = None
        try:
            ctx = multiprocessing.get_context("spawn")
            self._conn, child = ctx.Pipe()
            self._proc = ctx.Process(target=_worker, args=(child,), name="liangqu-gx", daemon=True)
            self._proc.start()
            child.close()
        except (AssertionError, OSError):  # e.g. inside a daemonic process: validate in-process later
            self._proc = None

    def run(self, home, full: bool | None = None) -> ValidationReport:
        """The checkpoint's report for `home`, from the worker (or from this process if it failed)."""
        from expectations.checkpoint import run_checkpoint

        if self._proc is None:
            return run_checkpoint(home, full=full)
        try:
            kind, import_s = self._conn.recv()  # waits for the import if it is not done yet
            if kind != "ready":
                raise EOFError(kind)
            self._conn.send((str(home.root), full))
            kind, payload = self._conn.recv()
        except (EOFError, OSError):
            self.close()
            return run_checkpoint(home, full=full)
        self.close()
        if kind == "error":
            raise RuntimeError(f"the validation worker failed: {payload}")
        payload.import_s, payload.import_alongside = import_s, True
        return payload

    def close(self) -> None:
        if self._proc is None:
            return
        try:
            self._conn.send(None)
        except (OSError, ValueError):
            pass
        self._conn.close()
        self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(timeout=5)
        self._proc = None
