"""`liangqu build`: dbt build → Great Expectations checkpoint → publish only if it passes, else alert."""
from __future__ import annotations

import logging
import sys
import time
import traceback
from dataclasses import dataclass
from typing import Any

from expectations.report import ValidationReport
from warehouse import runlog
from warehouse.paths import Home

log = logging.getLogger(__name__)


@dataclass
class BuildOutcome:
    ok: bool
    published: bool
    reason: str
    report: ValidationReport | None = None
    publish: Any = None  # warehouse.publish.PublishResult
    alert: str | None = None  # where the alert went, when one was sent
    dbt: Any = None  # dbt_project.runner.DbtResult
    elapsed_s: float = 0.0

    @property
    def row_counts(self) -> dict[str, int]:
        """Rows per published table, when the build reached publishing."""
        return dict(self.publish.counts) if self.publish is not None else {}


def _alert(home: Home, alert) -> str:
    from warehouse.alerts import deliver_alert

    return deliver_alert(home, alert)


def validate_and_publish(home: Home, send_alert: bool = True, checkpoint=None,
                         full_validation: bool | None = None) -> BuildOutcome:
    """Validate the working warehouse (read-only); publish it if the checkpoint passes, else alert.

    `checkpoint`: an expectations.prewarm.PrewarmedCheckpoint to run it in (GX already imported).
    `full_validation`: check every row, not only those of new or changed documents."""
    from expectations.checkpoint import run_checkpoint
    from warehouse.alerts import render_alert, render_failure_alert
    from warehouse.publish import PreparedPublication, commit_publication, discard_publication, publish

    started = time.perf_counter()
    prepared = None  # the publication written while the checkpoint runs in its worker, swapped in if it passes
    try:
        if checkpoint is not None and checkpoint.start(home, full=full_validation):
            prepared = _prepare_publication_alongside(home)
        report = checkpoint.result() if checkpoint is not None else run_checkpoint(home, full=full_validation)
    except Exception as exc:  # the checkpoint itself broke: a failed validation, never a silent one
        report = ValidationReport(False, {}, [], None, "", time.perf_counter() - started,
                                  error=f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}")
    if isinstance(prepared, PreparedPublication) and not report.success:
        discard_publication(prepared)  # only what passes is published
    runlog.record(
        home, "validate", ok=report.success, failed_tables=report.failed_tables,
        failed_expectations=len(report.failures), error=report.error,
        evaluated=sum(s.evaluated for s in report.suites.values()),
        rows={name: s.rows for name, s in report.suites.items()},
        data_docs=report.data_docs, elapsed_s=round(report.elapsed_s, 2), import_s=round(report.import_s, 2),
        scope=report.scope,
    )
    if not report.success:
        if checkpoint is not None:
            checkpoint.wait_for_docs()  # the alert links them
        where = _alert(home, render_alert(report)) if send_alert else None
        reason = "validation failed: " + ", ".join(report.failed_tables or ["warehouse"])
        return BuildOutcome(False, False, reason, report, alert=where, elapsed_s=time.perf_counter() - started)
    try:
        if isinstance(prepared, PreparedPublication):
            result = commit_publication(prepared)
            result.alongside_validation = True
        elif prepared is not None:
            result = prepared  # nothing new to publish
        else:
            result = publish(home)  # (also where preparing it alongside failed: the error is reported here)
    except Exception as exc:
        runlog.record(home, "publish", ok=False, error=f"{type(exc).__name__}: {exc}")
        where = _alert(home, render_failure_alert("publish", traceback.format_exc())) if send_alert else None
        return BuildOutcome(False, False, f"publish failed: {exc}", report, alert=where,
                            elapsed_s=time.perf_counter() - started)
    runlog.record(home, "publish", ok=True, published=result.published, reason=result.reason,
                  fingerprint=result.fingerprint, row_counts=result.counts, path=str(result.db),
                  db_written=result.db_written or None, alongside_validation=result.alongside_validation or None,
                  elapsed_s=round(result.elapsed_s, 2))
    return BuildOutcome(True, result.published, result.reason, report, result,
                        elapsed_s=time.perf_counter() - started)


def _prepare_publication_alongside(home: Home):
    """Write the publication's copies while the validation worker runs (two cores: GX on one, DuckDB's
    copy and Parquet export on the other). None when that fails: publishing then runs after the
    validation as it always did, and reports the error itself."""
    from warehouse.publish import prepare_publication

    try:
        return prepare_publication(home)
    except Exception:  # noqa: BLE001 - retried, and reported, by publish() once the validation has passed
        log.warning("preparing the publication alongside the validation failed", exc_info=True)
        return None


def _dbt_failures(result) -> str:
    failures = getattr(result, "failures", None) or ""
    return failures if isinstance(failures, str) else "\n".join(map(str, failures))


def build(home: Home, full_refresh: bool = False, full_validation: bool | None = None) -> BuildOutcome:
    """dbt build into the working warehouse, then validate_and_publish (a full refresh validates all)."""
    from dbt_project.runner import dbt_build
    from warehouse.alerts import render_failure_alert

    from expectations.prewarm import PrewarmedCheckpoint

    started = time.perf_counter()
    home.ensure()
    checkpoint = PrewarmedCheckpoint()  # imports GX on the other core while dbt runs
    try:
        result = dbt_build(home, full_refresh=full_refresh)  # records the "build" stage itself
        if not result.success:
            message = "dbt build failed:\n" + _dbt_failures(result)
            where = _alert(home, render_failure_alert("dbt build", message))
            return BuildOutcome(False, False, "dbt build failed", alert=where, dbt=result,
                                elapsed_s=time.perf_counter() - started)
        outcome = validate_and_publish(home, checkpoint=checkpoint,
                                       full_validation=True if full_refresh else full_validation)
    finally:
        checkpoint.close()
    outcome.dbt = result
    outcome.elapsed_s = time.perf_counter() - started
    return outcome


def print_summary(home: Home, outcome: BuildOutcome, out=None) -> None:
    out = out or sys.stdout
    p = lambda *a: print(*a, file=out)  # noqa: E731
    if outcome.dbt is not None:
        d = outcome.dbt
        p(f"dbt build: {'ok' if d.success else 'FAILED'} in {d.elapsed_s:.1f} s")
        for line in _dbt_failures(d).splitlines()[:20]:
            p(f"  {line}")
    r = outcome.report
    if r is not None:
        evaluated = sum(s.evaluated for s in r.suites.values())
        verdict = "passed" if r.success else "FAILED"
        p(f"validation: {verdict}, {len(r.suites)} suites, {evaluated} expectations evaluated, "
          f"{len(r.failures)} failed, in {r.elapsed_s:.1f} s (GX import: {r.import_s:.1f} s, "
          + ("alongside dbt)" if r.import_alongside else "included)"))
        if r.scope:
            p(f"  rows checked: {r.scope_text()}")
        if r.error:
            p(f"  {r.error}")
        for f in r.failures[:10]:
            count = f" ({f.unexpected_count} rows)" if f.unexpected_count else ""
            p(f"  {f.suite}: {f.describe()}{count}")
        if len(r.failures) > 10:
            p(f"  … and {len(r.failures) - 10} more")
        if r.data_docs:
            p(f"Data Docs: {r.data_docs}")
    if outcome.publish is not None:
        pr = outcome.publish
        p(("published: " if pr.published else "nothing new to publish: ") + str(pr.db))
        p(f"Parquet: {pr.parquet}")
        for table, n in pr.counts.items():
            p(f"  {table:<22} {n:>8} rows")
    elif not outcome.ok:
        p(f"NOT published ({outcome.reason}); the published warehouse is unchanged: {home.published_db}")
    if outcome.alert:
        p(f"alert: {outcome.alert}")


def build_command(home: Home, args) -> int:
    try:
        outcome = build(home, full_refresh=bool(getattr(args, "full_refresh", False)),
                        full_validation=True if getattr(args, "full_validation", False) else None)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("dbt_project"):
            print(f"liangqu build: the dbt layer is missing ({exc}); nothing was built or published", file=sys.stderr)
            return 2
        raise
    print_summary(home, outcome)
    return 0 if outcome.ok else 1
