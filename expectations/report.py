"""A plain, JSON-able summary of one checkpoint run: what failed, where, with what values.

The alert, the CLI and the Airflow DAG read this, never GX objects, so none of them imports GX.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

SAMPLE_ROWS = 5


@dataclass
class FailedExpectation:
    suite: str
    expectation: str
    column: str | None
    kwargs: dict[str, Any]
    unexpected_count: int | None = None
    element_count: int | None = None
    observed: list[Any] = field(default_factory=list)  # observed (unexpected) values, a few
    rows: list[dict[str, Any]] = field(default_factory=list)  # a few offending rows (key columns + value)
    exception: str | None = None

    @property
    def table(self) -> str:
        return self.suite

    def describe(self) -> str:
        target = f"{self.column}" if self.column else ", ".join(
            f"{k}={v}" for k, v in self.kwargs.items() if k.startswith("column")
        )
        rule = ", ".join(
            f"{k}={v}" for k, v in self.kwargs.items()
            if k not in ("column", "column_A", "column_B", "batch_id") and v is not None
        )
        return f"{self.expectation}({target}{'; ' + rule if rule else ''})"

    def merge(self, other: "FailedExpectation") -> None:
        """Fold the same expectation's failure on another chunk into this one."""
        if other.unexpected_count is not None:
            self.unexpected_count = (self.unexpected_count or 0) + other.unexpected_count
        if other.element_count is not None:
            self.element_count = (self.element_count or 0) + other.element_count
        self.observed = (self.observed + other.observed)[:SAMPLE_ROWS * 4]
        self.rows = (self.rows + other.rows)[:SAMPLE_ROWS]
        self.exception = self.exception or other.exception


@dataclass
class SuiteSummary:
    suite: str
    success: bool = True
    evaluated: int = 0
    failed: int = 0
    rows: int = 0
    chunks: int = 0


@dataclass
class ValidationReport:
    success: bool
    suites: dict[str, SuiteSummary]
    failures: list[FailedExpectation]
    data_docs: str | None
    run_name: str
    elapsed_s: float
    import_s: float = 0.0
    error: str | None = None  # the checkpoint itself could not run (e.g. no working warehouse)
    import_alongside: bool = False  # GX was imported in a worker while dbt ran: not part of elapsed_s
    scope: dict | None = None  # expectations.scope.Scope.as_dict(): which documents were validated row by row

    def scope_text(self) -> str:
        if not self.scope:
            return "unknown scope"
        from expectations.scope import Scope

        return Scope(**self.scope).describe()

    @property
    def failed_tables(self) -> list[str]:
        names = [name for name, s in self.suites.items() if not s.success]
        for f in self.failures:
            if f.suite not in names:
                names.append(f.suite)
        return names

    def summary(self) -> dict:
        """A few lines' worth, for logs and XCom."""
        return {
            "success": self.success,
            "failed_tables": self.failed_tables,
            "failed_expectations": len(self.failures),
            "evaluated": sum(s.evaluated for s in self.suites.values()),
            "rows": {name: s.rows for name, s in self.suites.items()},
            "data_docs": self.data_docs,
            "elapsed_s": round(self.elapsed_s, 2),
            "error": self.error,
            "scope": self.scope,
        }

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, default=str)

    @classmethod
    def from_dict(cls, d: dict) -> "ValidationReport":
        return cls(
            success=d["success"],
            suites={k: SuiteSummary(**s) for k, s in d["suites"].items()},
            failures=[FailedExpectation(**f) for f in d["failures"]],
            data_docs=d.get("data_docs"),
            run_name=d.get("run_name", ""),
            elapsed_s=d.get("elapsed_s", 0.0),
            import_s=d.get("import_s", 0.0),
            error=d.get("error"),
            import_alongside=d.get("import_alongside", False),
            scope=d.get("scope"),
        )
