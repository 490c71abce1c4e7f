"""Great Expectations, imported in a second process while dbt builds.

`import great_expectations` costs about 4 s (12-16 s where packages are not compiled to bytecode), a
good part of an incremental build; on a machine with two cores it overlaps dbt. `liangqu build` starts a
PrewarmedCheckpoint before dbt, and hands it the home once dbt is done: the checkpoint itself
(expectations/checkpoint.run_checkpoint) is unchanged, only where it runs. The worker answers as soon as
the suites have run and then renders the Data Docs while the parent publishes (`wait_for_docs`, called
before an alert names them and at close). Any failure to start or a worker that dies falls back to
running the checkpoint in this process, so validation never silently does not happen.
"""
from __future__ import annotations

import logging
import multiprocessing
import time
import traceback
from pathlib import Path

from expectations.report import ValidationReport

DOCS_TIMEOUT_S = 300
log = logging.getLogger(__name__)


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
        report, render_docs = run_checkpoint(Home(Path(root)), full=full, build_docs="later")
    except BaseException as exc:  # noqa: BLE001 - sent back whole, the parent decides
        conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}"))
        return
    conn.send(("report", report))  # the parent publishes while the Data Docs render
    try:
        render_docs()
        conn.send(("docs", None))
    except BaseException as exc:  # noqa: BLE001
        conn.send(("docs", f"{type(exc).__name__}: {exc}"))


class PrewarmedCheckpoint:
    """A process that imports GX now and runs the checkpoint when asked."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self._proc = None
        self._conn = None
        self._report: ValidationReport | None = None  # returned by run(), its Data Docs still rendering
        self._request = None  # (home, full) of the last start()
        self._import_s = 0.0
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
        self.start(home, full)
        return self.result()

    def start(self, home, full: bool | None = None) -> bool:
        """Ask the worker to validate `home` and return at once (True), so this process can do other work
        (prepare a publication) meanwhile; False when there is no worker and result() validates here."""
        self._request = (home, full)
        if self._proc is None:
            return False
        try:
            kind, self._import_s = self._conn.recv()  # waits for the import if it is not done yet
            if kind != "ready":
                raise EOFError(kind)
            self._conn.send((str(home.root), full))
        except (EOFError, OSError):
            self.close()
            return False
        return True

    def result(self) -> ValidationReport:
        """The report of the validation start() asked for."""
        from expectations.checkpoint import run_checkpoint

        home, full = self._request
        if self._proc is None:
            return run_checkpoint(home, full=full)
        import_s = self._import_s
        try:
            kind, payload = self._conn.recv()
        except (EOFError, OSError):
            self.close()
            return run_checkpoint(home, full=full)
        if kind == "error":
            self.close()
            raise RuntimeError(f"the validation worker failed: {payload}")
        payload.import_s, payload.import_alongside = import_s, True
        self._report = payload
        return payload

    def wait_for_docs(self, timeout: float = DOCS_TIMEOUT_S) -> None:
        """Block until the worker has rendered the Data Docs of the report run() returned."""
        if self._proc is None or self._report is None:
            return
        report, self._report = self._report, None
        try:
            if not self._conn.poll(timeout):
                raise EOFError("timed out")
            kind, problem = self._conn.recv()
        except (EOFError, OSError) as exc:
            kind, problem = "docs", f"the worker rendering them stopped ({exc})"
        if problem:
            log.warning("Data Docs were not rendered: %s", problem)
            report.data_docs = None

    def close(self) -> None:
        self.wait_for_docs()
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
