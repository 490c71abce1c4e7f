"""The checkpoint: validate the working warehouse with the suites, render Data Docs, return a report.

Path taken: GX's pandas datasource, on frames DuckDB computes and hands over in bounded chunks.
GX's SQL path would need duckdb-engine (not in the locked environment) and, in GX 1.24.1,
`SqlAlchemyExecutionEngine.resolve_metric_bundle` still indexes `res[0]` unguarded, the
IndexError that fails every expectation on DuckDB (great_expectations#11579). The pandas path
keeps the heavy lifting in DuckDB anyway: joins, key counts and per-document counts are SQL, pandas
only sees one chunk of rows with their audit columns at a time.

Each suite has its own gx.Checkpoint (GX passes one dataframe to every validation definition of a
checkpoint run, and each suite validates a different frame); each runs once per chunk.
"""
from __future__ import annotations

import logging
import math
import os
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from expectations import frames as F
from expectations.scope import full_validation_requested, prepare_scope
from expectations.report import SAMPLE_ROWS, FailedExpectation, SuiteSummary, ValidationReport
from expectations.suites import INDEX_COLUMNS, build_suites

_GX = None
_IMPORT_S = 0.0


def load_gx():
    """Import great_expectations once, quietly; returns (module, seconds the first import took)."""
    global _GX, _IMPORT_S
    if _GX is None:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")  # no phoning home: the network is not ours
        started = time.perf_counter()
        import great_expectations as gx

        _IMPORT_S = time.perf_counter() - started
        # GX sets some of its loggers to INFO explicitly (e.g. "Created temporary directory ..."): quiet them all.
        logging.getLogger("great_expectations").setLevel(logging.WARNING)
        for name, logger in list(logging.Logger.manager.loggerDict.items()):
            if name.startswith("great_expectations.") and isinstance(logger, logging.Logger) and logger.level:
                logger.setLevel(logging.WARNING)
        _GX = gx
    return _GX, _IMPORT_S


def _context(gx, data_docs_dir: Path):
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    context.add_data_docs_site(
        site_name="liangqu",
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(data_docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    return context


def _plain(value: Any) -> Any:
    """JSON-able, with NaN as None and numpy scalars as Python ones."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            value = str(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _failure(suite: str, er) -> FailedExpectation:
    cfg = er.expectation_config
    kwargs = {k: _plain(v) for k, v in cfg.kwargs.items() if k not in ("batch_id", "result_format")}
    result = er.result or {}
    observed = result.get("partial_unexpected_list")
    if observed is None and "observed_value" in result:
        observed = [result["observed_value"]]
    exception = None
    info = er.exception_info or {}
    if info.get("raised_exception"):
        exception = info.get("exception_message")
    return FailedExpectation(
        suite=suite,
        expectation=cfg.type,
        column=kwargs.get("column"),
        kwargs=kwargs,
        unexpected_count=_plain(result.get("unexpected_count")),
        element_count=_plain(result.get("element_count")),
        observed=_plain(observed or [])[: SAMPLE_ROWS * 4],
        rows=_plain(result.get("partial_unexpected_index_list") or [])[:SAMPLE_ROWS],
        exception=exception,
    )


def _validate_chunk(checkpoint, frame, run_id):
    return checkpoint.run(batch_parameters={"dataframe": frame}, run_id=run_id)


def run_checkpoint(
    home,
    *,
    work_db: Path | None = None,
    published_db: Path | None = None,
    chunk_rows: int | None = None,
    build_docs: bool | str = True,
    full: bool | None = None,
) -> ValidationReport:
    """Validate `work_db` (default: the home's working warehouse) against the suites.

    `build_docs`: render Data Docs (True), not (False), or "later": return (report, render_docs), so the
    caller can publish while the docs render (the report already names where they will be).

    `full`: validate every row; by default only the rows of documents that differ from the published
    warehouse (expectations/scope.py; LIANGQU_VALIDATION_SCOPE=full changes the default)."""
    started = time.perf_counter()
    gx, import_s = load_gx()
    from great_expectations.core.run_identifier import RunIdentifier

    work_db = Path(work_db or home.work_db)
    published_db = Path(published_db or home.published_db)
    rows_per_chunk = chunk_rows or F.chunk_rows()
    run_name = "liangqu-" + datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")
    run_id = RunIdentifier(run_name=run_name, run_time=datetime.now(timezone.utc))

    home.data_docs_dir.mkdir(parents=True, exist_ok=True)
    context = _context(gx, home.data_docs_dir)
    datasource = context.data_sources.add_pandas("liangqu_work")
    suites = build_suites(gx)
    checkpoints = {}
    for name, suite in suites.items():
        batch = datasource.add_dataframe_asset(name).add_batch_definition_whole_dataframe("chunk")
        suite = context.suites.add(suite)
        definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        checkpoints[name] = context.checkpoints.add(gx.Checkpoint(
            name=f"liangqu_{name}",
            validation_definitions=[definition],
            actions=[],
            result_format={
                "result_format": "SUMMARY",
                "unexpected_index_column_names": INDEX_COLUMNS[name],
                "partial_unexpected_count": SAMPLE_ROWS * 4,
            },
        ))

    summaries = {name: SuiteSummary(suite=name) for name in suites}
    failures: dict[tuple, FailedExpectation] = {}

    def validate(name: str, frame) -> None:
        result = _validate_chunk(checkpoints[name], frame, run_id)
        s = summaries[name]
        s.chunks += 1
        s.rows += len(frame)
        for validation in result.run_results.values():
            s.success = s.success and bool(validation.success)
            for er in validation.results:
                s.evaluated += 1
                if er.success:
                    continue
                s.failed += 1
                f = _failure(name, er)
                key = (name, f.expectation, repr(sorted(f.kwargs.items())))
                if key in failures:
                    failures[key].merge(f)
                else:
                    failures[key] = f

    try:
        con, has_published = F.open_work(work_db, published_db)
    except Exception as exc:  # no warehouse, or a file that is not one: a failed validation, said loudly
        report = ValidationReport(False, summaries, [], None, run_name, time.perf_counter() - started,
                                  import_s, error=f"{type(exc).__name__}: {exc}")
        return (report, lambda: None) if build_docs == "later" else report
    scope = None
    try:
        import pandas as pd

        scope = prepare_scope(con, "work", has_published,
                              full_validation_requested() if full is None else full)
        summary = F.summary_rows(con, has_published)
        validate(F.SUMMARY, pd.DataFrame(summary))
        readable = {r["table_name"] for r in summary if r["present"] and not r["missing_columns"]}
        for frame in F.table_frames(has_published and F.published_has_facts(con), scoped=not scope.full):
            if not set(frame.requires) <= readable:
                summaries[frame.name].success = False  # the warehouse suite already says why
                continue
            try:
                for chunk in F.iter_chunks(con, frame.sql, rows_per_chunk):
                    validate(frame.name, chunk)
            except Exception as exc:  # a frame DuckDB cannot compute (a column of the wrong type, ...)
                summaries[frame.name].success = False
                failures[(frame.name, "frame")] = FailedExpectation(
                    suite=frame.name, expectation="frame_query", column=None, kwargs={},
                    exception=f"{type(exc).__name__}: {exc}",
                )
    finally:
        con.close()

    index = home.data_docs_dir / "index.html"

    def render_docs() -> str | None:
        context.build_data_docs(site_names=["liangqu"])
        return str(index) if index.exists() else None

    docs = None
    if build_docs == "later":
        docs = str(index)  # where render_docs() will put them
    elif build_docs:
        docs = render_docs()
    success = all(s.success for s in summaries.values()) and not failures
    report = ValidationReport(
        success=success,
        suites=summaries,
        failures=list(failures.values()),
        data_docs=docs,
        run_name=run_name,
        elapsed_s=time.perf_counter() - started,
        import_s=import_s,
        scope=scope.as_dict() if scope is not None else None,
    )
    return (report, render_docs) if build_docs == "later" else report
