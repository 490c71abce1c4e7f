"""Which documents a checkpoint run validates row by row: all of them, or only what changed.

Rows of a document that is already published passed these same suites when they were published,
so an incremental build only needs row-level checks on the documents whose rows differ from the
published warehouse (new pages, changed pages, documents re-extracted by changed rules). What
spans whole tables stays whole: key uniqueness and referential integrity are computed by DuckDB
over the entire working warehouse before a row is handed to GX, `dim_district` is always checked
whole, and the warehouse suite compares every table's row count with the published one.

Everything is validated when there is nothing published to compare with, when the suites
themselves changed since the published warehouse was validated (the publication records their
fingerprint), or when asked (`liangqu build --full-validation`, LIANGQU_VALIDATION_SCOPE=full).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import duckdb

SCOPE_ENV = "LIANGQU_VALIDATION_SCOPE"  # "changed" (default) or "full"
SCOPE_TABLE = "liangqu_validation_scope"  # a temporary table on the validation connection
PUBLICATION_TABLE = "liangqu_publication"  # the published file's record of itself (warehouse/publish.py)
# Tables whose rows belong to one document; dim_district does not, and is always validated whole.
DOCUMENT_TABLES = ("dim_document", "fct_indicators", "fct_projects", "fct_measures", "fct_policy_documents")
_SUITE_SOURCES = ("suites.py", "frames.py", "vocabulary.py", "scope.py")


@lru_cache(maxsize=1)
def suites_fingerprint() -> str:
    """A hash of the code that defines what validation checks: a change re-validates everything."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _SUITE_SOURCES:
        h.update(name.encode())
        h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


def full_validation_requested() -> bool:
    value = (os.environ.get(SCOPE_ENV) or "changed").strip().lower()
    if value not in ("changed", "full"):
        raise ValueError(f"{SCOPE_ENV} must be 'changed' or 'full', not {value!r}")
    return value == "full"


@dataclass
class Scope:
    full: bool
    reason: str
    documents: int  # documents in the working warehouse
    validated_documents: int  # of which validated row by row

    def describe(self) -> str:
        if self.full:
            return f"all {self.documents} documents ({self.reason})"
        return (f"{self.validated_documents} new or changed of {self.documents} documents "
                f"({self.reason}; --full-validation checks all)")

    def as_dict(self) -> dict:
        return {"full": self.full, "reason": self.reason, "documents": self.documents,
                "validated_documents": self.validated_documents}


def _published_suites_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        row = con.execute(f"SELECT suites_fingerprint FROM pub.main.{PUBLICATION_TABLE}").fetchone()
    except duckdb.Error:  # published before validation was scoped: no record, so validate all
        return None
    return row[0] if row else None


def changed_documents_sql(left: str, right: str, row: Callable[[str], str],
                          tables: tuple[str, ...] = DOCUMENT_TABLES) -> str:
    """SQL for the document_ids whose rows in `tables` differ between catalogs `left` and `right`.

    Per document and table, a count and an order-independent hash of `row(table)` (SQL over alias t);
    compared both ways, so a document that lost all its rows of one table has changed too."""
    per_document = " UNION ALL ".join(
        f"SELECT document_id, '{t}' AS tbl, count(*) AS n, sum(hash({row(t)})::HUGEINT) AS h "
        f"FROM {{catalog}}.main.{t} AS t GROUP BY ALL" for t in tables)
    return f"""
        WITH a AS ({per_document.format(catalog=left)}), b AS ({per_document.format(catalog=right)})
        SELECT DISTINCT document_id FROM ((FROM a EXCEPT FROM b) UNION ALL (FROM b EXCEPT FROM a))"""


def _checked_columns(table: str) -> str:
    """Only the columns the suites check: a document re-extracted into the same facts (a new
    extracted_at, nothing else) has not changed."""
    from expectations.frames import CONTRACT_COLUMNS

    return ", ".join(CONTRACT_COLUMNS[table])


def _scope_all(con: duckdb.DuckDBPyConnection, work: str) -> None:
    con.execute(f"CREATE OR REPLACE TEMPORARY TABLE {SCOPE_TABLE} AS "
                f"SELECT DISTINCT document_id FROM {work}.main.dim_document")


def prepare_scope(con: duckdb.DuckDBPyConnection, work: str, has_published: bool, full: bool) -> Scope:
    """Create SCOPE_TABLE (the document_ids to validate row by row) on `con`; say what it holds."""
    documents = con.execute(f"SELECT count(*) FROM {work}.main.dim_document").fetchone()[0]
    reason = ""
    if full:
        reason = "full validation asked for"
    elif not has_published:
        reason, full = "nothing published yet", True
    elif _published_suites_fingerprint(con) != suites_fingerprint():
        reason, full = "the suites changed since the last publish", True
    if full:
        _scope_all(con, work)
        return Scope(True, reason, documents, documents)
    # A document is in scope when any of its checked rows, in any table, differ from the published ones
    # (also a fact row whose document_id is in no dim_document row: the suites must see it).
    try:
        con.execute(f"CREATE OR REPLACE TEMPORARY TABLE {SCOPE_TABLE} AS "
                    + changed_documents_sql(work, "pub", _checked_columns))
    except duckdb.Error as exc:  # the published warehouse cannot be compared row by row
        _scope_all(con, work)
        return Scope(True, f"the published warehouse could not be compared ({type(exc).__name__})",
                     documents, documents)
    validated = con.execute(f"SELECT count(*) FROM {SCOPE_TABLE} WHERE document_id IN "
                            f"(SELECT document_id FROM {work}.main.dim_document)").fetchone()[0]
    return Scope(False, "rows of unchanged documents passed when they were published", documents, validated)


def in_scope(alias: str = "t") -> str:
    """SQL condition: the row's document is in the scope (a row without a document always is)."""
    return f"({alias}.document_id IS NULL OR {alias}.document_id IN (SELECT document_id FROM {SCOPE_TABLE}))"
