"""The frames the suites validate, computed in DuckDB from the working warehouse (read-only).

Each published table is read as its contract columns plus *audit columns* that DuckDB computes
across the whole warehouse before a row reaches pandas: how often the row's key occurs in the table,
whether its document exists in dim_document, whether its quote occurs in that document's text,
whether value_base agrees with value and unit, how many facts its document has and had when last
published. So a frame can be validated chunk by chunk (bounded memory) and still catch a duplicate
key three million rows away. A last, small frame summarises each table against the published
warehouse (is the table there, with its columns; did the build collapse).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import duckdb

from expectations.scope import in_scope
from expectations.vocabulary import DISTRICT_CODES, UNIT_PREFIX_FACTORS, UNIT_SIMPLIFIED, UNIT_TRADITIONAL

CONTRACT_COLUMNS: dict[str, list[str]] = {
    "dim_document": [
        "document_id", "source_id", "url", "title", "publish_date", "issuer", "district", "doc_type",
        "fetched_at", "content_sha256", "text",
    ],
    "dim_district": ["district", "district_code", "name_en"],
    "fct_indicators": [
        "indicator_id", "document_id", "district", "metric", "metric_code", "value", "unit", "value_base",
        "base_unit", "kind", "direction", "period", "is_target", "qualifier", "quote",
    ],
    "fct_projects": [
        "project_id", "document_id", "district", "name", "status", "investment_value", "investment_unit",
        "investment_base", "sector", "quote",
    ],
    "fct_measures": ["measure_id", "document_id", "district", "name", "domain", "status", "quote"],
    "fct_policy_documents": ["document_id", "title"],
}
TABLES = list(CONTRACT_COLUMNS)
KEYS: dict[str, list[str]] = {
    "dim_document": ["document_id"],
    "dim_district": ["district"],
    "fct_indicators": ["indicator_id"],
    "fct_projects": ["project_id"],
    "fct_measures": ["measure_id"],
    "fct_policy_documents": ["document_id", "title"],
}
FACT_TABLES = ["fct_indicators", "fct_projects", "fct_measures"]
SUMMARY = "warehouse"

# Below this many published rows a table is too small for a ratio to mean anything.
COLLAPSE_MIN_PUBLISHED_ROWS = 20
DEFAULT_CHUNK_ROWS = 200_000  # GX costs ~0.4 s per chunk validated; 200k rows of a fact table are ~100-200 MB of pandas


def chunk_rows() -> int:
    return int(os.environ.get("LIANGQU_VALIDATION_CHUNK_ROWS") or DEFAULT_CHUNK_ROWS)


@dataclass(frozen=True)
class Frame:
    name: str  # the suite that validates it: a table name, or SUMMARY
    sql: str
    requires: tuple[str, ...] = ()  # the contract tables the query reads


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _factor(unit: str, base: str) -> str:
    """SQL for the factor that turns a value in `unit` into `base` units, NULL when there is none.

    `unit` and `base` must be plain columns already normalised (_with_unit_factor): the written unit is
    the base unit behind one of the fixed prefixes, so the prefix is cut off once and looked up."""
    prefixes = " ".join(f"WHEN {_sql_str(prefix)} THEN {factor!r}" for prefix, factor in UNIT_PREFIX_FACTORS.items())
    return (f"CASE WHEN ends_with({unit}, {base}) "
            f"THEN CASE left({unit}, length({unit}) - length({base})) {prefixes} END END")


def _with_unit_factor(table: str, unit: str, base: str) -> str:
    """The table with a `unit_factor` column (value in `unit` × factor = value in `base`), computed once a row."""
    # A missing unit or base unit counts as the empty unit, so "10万" with no base unit is 1e5.
    normalised = (f"translate(coalesce({unit}, ''), {_sql_str(UNIT_TRADITIONAL)}, {_sql_str(UNIT_SIMPLIFIED)})"
                  f" AS unit_written, coalesce({base}, '') AS unit_base")
    return (f"(SELECT *, {_factor('unit_written', 'unit_base')} AS unit_factor "
            f"FROM (SELECT *, {normalised} FROM main.{table}))")


def _base_check(value: str, unit: str, base_value: str, base_unit: str, factor: str, *, unconvertible_ok: bool) -> str:
    """'ok', or a sentence saying how a base-unit value disagrees with the value and unit as written."""
    expected = f"({value} * {factor})"
    unconvertible = "'ok'" if unconvertible_ok else (
        f"'unit ' || coalesce({unit}, '(none)') || ' does not convert to base unit ' || coalesce({base_unit}, '(none)')"
    )
    return f"""CASE
        WHEN {base_value} IS NULL AND ({base_unit} IS NULL OR {value} IS NULL) THEN 'ok'
        WHEN {base_value} IS NULL THEN 'base value missing for ' || coalesce(CAST({value} AS VARCHAR), '(no value)') || ' ' || coalesce({unit}, '')
        WHEN {value} IS NULL THEN 'base value ' || CAST({base_value} AS VARCHAR) || ' without a value'
        WHEN {factor} IS NULL THEN {unconvertible}
        WHEN abs({base_value} - {expected}) <= 1e-6 * greatest(1.0, abs({expected})) THEN 'ok'
        ELSE printf('%s %s should be %s %s in base units, found %s',
                    CAST({value} AS VARCHAR), coalesce({unit}, ''), CAST({expected} AS VARCHAR),
                    coalesce({base_unit}, ''), CAST({base_value} AS VARCHAR))
    END"""


def _key_counts(table: str) -> str:
    keys = ", ".join(KEYS[table])
    return f"(SELECT {keys}, count(*) AS key_occurrences FROM main.{table} GROUP BY ALL)"


def _key_join(table: str, alias: str = "t") -> str:
    cond = " AND ".join(f"k.{c} IS NOT DISTINCT FROM {alias}.{c}" for c in KEYS[table])
    return f"LEFT JOIN {_key_counts(table)} k ON {cond}"


def _document_text(scoped: bool) -> str:
    where = f"WHERE {in_scope('dim_document')}" if scoped else ""
    return f"(SELECT document_id, any_value(text) AS text FROM main.dim_document {where} GROUP BY ALL)"


def _cols(table: str, alias: str = "t") -> str:
    return ", ".join(f"{alias}.{c}" for c in CONTRACT_COLUMNS[table])


def _fact_counts(schema: str) -> str:
    """Per document: how many indicators, projects and measures it has in `schema`'s warehouse."""
    parts = [
        f"SELECT document_id, '{t}' AS tbl FROM {schema}.{t}" for t in FACT_TABLES
    ]
    return f"""(SELECT document_id,
                count(*) FILTER (WHERE tbl = 'fct_indicators') AS n_indicators,
                count(*) FILTER (WHERE tbl = 'fct_projects') AS n_projects,
                count(*) FILTER (WHERE tbl = 'fct_measures') AS n_measures,
                count(*) AS n_facts
            FROM ({' UNION ALL '.join(parts)}) GROUP BY ALL)"""


def table_frames(has_published: bool, scoped: bool = False) -> list[Frame]:
    """The frame of each table. `scoped`: only the rows of documents in the validation scope
    (expectations/scope.py), with the audit columns still computed over whole tables."""
    where = f"WHERE {in_scope()}" if scoped else ""
    document_text = _document_text(scoped)
    published_facts = (
        f"LEFT JOIN {_fact_counts('pub.main')} p ON p.document_id = t.document_id" if has_published
        else "LEFT JOIN (SELECT NULL::VARCHAR AS document_id, NULL::BIGINT AS n_facts) p ON false"
    )
    district_codes = " ".join(
        f"WHEN {_sql_str(d)} THEN '{code}'" for d, code in DISTRICT_CODES.items() if code is not None
    )
    frames = [
        Frame("dim_document", f"""
            SELECT t.document_id, t.source_id, t.url, t.title, t.publish_date, t.issuer, t.district,
                   t.doc_type, t.fetched_at, t.content_sha256,
                   length(t.text) AS text_chars,
                   year(t.publish_date) AS publish_year,
                   k.key_occurrences,
                   coalesce(c.n_indicators, 0) AS n_indicators,
                   coalesce(c.n_projects, 0) AS n_projects,
                   coalesce(c.n_measures, 0) AS n_measures,
                   (SELECT count(*) FROM main.fct_policy_documents pd WHERE pd.document_id = t.document_id)
                       AS n_policy_documents,
                   coalesce(c.n_facts, 0) * 1000.0 / greatest(length(t.text), 1) AS facts_per_1000_chars,
                   CASE WHEN t.doc_type IN ('plan_report', 'work_report') AND length(t.text) >= 3000
                        THEN coalesce(c.n_indicators, 0) END AS long_report_indicators,
                   p.n_facts AS published_facts,
                   CASE WHEN p.n_facts >= 10 THEN coalesce(c.n_facts, 0) * 1.0 / p.n_facts END
                       AS facts_share_of_published
            FROM main.dim_document t
            {_key_join("dim_document")}
            LEFT JOIN {_fact_counts('main')} c ON c.document_id = t.document_id
            {published_facts}
            {where}
        """, requires=tuple(TABLES)),
        Frame("dim_district", f"""
            SELECT t.district, CAST(t.district_code AS VARCHAR) AS district_code, t.name_en,
                   k.key_occurrences,
                   CASE t.district {district_codes} END AS official_code
            FROM main.dim_district t
            {_key_join("dim_district")}
        """, requires=("dim_district",)),
        Frame("fct_indicators", f"""
            SELECT {_cols("fct_indicators")},
                   k.key_occurrences,
                   d.document_id IS NOT NULL AS document_known,
                   CASE WHEN d.document_id IS NOT NULL THEN contains(d.text, t.quote) END AS quote_in_text,
                   {_base_check("t.value", "t.unit", "t.value_base", "t.base_unit", "t.unit_factor",
                                unconvertible_ok=False)}
                       AS value_base_check,
                   CASE WHEN t.unit = '%' THEN t.value END AS percent_value,
                   CASE WHEN t.unit = '%' AND t.kind = 'share' THEN t.value END AS share_percent,
                   CASE WHEN t.unit = '%' AND t.kind = 'progress' THEN t.value END AS progress_percent,
                   CASE WHEN t.unit = '%' AND t.kind = 'change' THEN t.value END AS change_percent,
                   CASE WHEN t.unit = '%' AND t.kind = 'change' AND t.direction = 'down' THEN t.value END
                       AS decline_percent
            FROM {_with_unit_factor("fct_indicators", "unit", "base_unit")} t
            {_key_join("fct_indicators")}
            LEFT JOIN {document_text} d ON d.document_id = t.document_id
            {where}
        """, requires=("fct_indicators", "dim_document")),
        Frame("fct_projects", f"""
            SELECT {_cols("fct_projects")},
                   k.key_occurrences,
                   d.document_id IS NOT NULL AS document_known,
                   CASE WHEN d.document_id IS NOT NULL THEN contains(d.text, t.quote) END AS quote_in_text,
                   {_base_check("t.investment_value", "t.investment_unit", "t.investment_base", "'元'",
                                "t.unit_factor", unconvertible_ok=True)} AS investment_base_check
            FROM {_with_unit_factor("fct_projects", "investment_unit", "'元'")} t
            {_key_join("fct_projects")}
            LEFT JOIN {document_text} d ON d.document_id = t.document_id
            {where}
        """, requires=("fct_projects", "dim_document")),
        Frame("fct_measures", f"""
            SELECT {_cols("fct_measures")},
                   k.key_occurrences,
                   d.document_id IS NOT NULL AS document_known,
                   CASE WHEN d.document_id IS NOT NULL THEN contains(d.text, t.quote) END AS quote_in_text
            FROM main.fct_measures t
            {_key_join("fct_measures")}
            LEFT JOIN {document_text} d ON d.document_id = t.document_id
            {where}
        """, requires=("fct_measures", "dim_document")),
        Frame("fct_policy_documents", f"""
            SELECT {_cols("fct_policy_documents")},
                   k.key_occurrences,
                   d.document_id IS NOT NULL AS document_known,
                   CASE WHEN d.document_id IS NOT NULL THEN contains(d.text, '《' || t.title || '》') END
                       AS title_in_text
            FROM main.fct_policy_documents t
            {_key_join("fct_policy_documents")}
            LEFT JOIN {document_text} d ON d.document_id = t.document_id
            {where}
        """, requires=("fct_policy_documents", "dim_document")),
    ]
    return frames


MIN_ROWS = {"dim_document": 1, "dim_district": len(DISTRICT_CODES)}


def min_published_share() -> float:
    return float(os.environ.get("LIANGQU_MIN_PUBLISHED_SHARE") or 0.5)


def _columns(con: duckdb.DuckDBPyConnection, catalog: str, table: str) -> list[str] | None:
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = ? AND schema_name = 'main' "
        "AND table_name = ?",
        [catalog, table],
    ).fetchall()
    return [r[0] for r in rows] or None


def _row_count(con, catalog: str, table: str) -> int | None:
    if _columns(con, catalog, table) is None:
        return None
    return con.execute(f'SELECT count(*) FROM "{catalog}".main.{table}').fetchone()[0]


def summary_rows(con: duckdb.DuckDBPyConnection, has_published: bool) -> list[dict]:
    """One row per contract table: present with its columns, how many rows, and against the published."""
    work = con.execute("SELECT current_database()").fetchone()[0]
    share_floor = min_published_share()
    rows = []
    for table, wanted in CONTRACT_COLUMNS.items():
        cols = _columns(con, work, table)
        built = _row_count(con, work, table)
        published = _row_count(con, "pub", table) if has_published else None
        share = built / published if (built is not None and published and published >= COLLAPSE_MIN_PUBLISHED_ROWS) else None
        rows.append({
            "table_name": table,
            "present": cols is not None,
            "missing_columns": ", ".join(c for c in wanted if c not in (cols or [])) if cols is not None else "(table missing)",
            "built_rows": built if built is not None else 0,
            "min_rows": MIN_ROWS.get(table, 0),
            "published_rows": published,
            "built_share_of_published": share,
            "min_share_of_published": share_floor,
        })
    return rows


def published_has_facts(con: duckdb.DuckDBPyConnection) -> bool:
    return all("document_id" in (_columns(con, "pub", t) or []) for t in FACT_TABLES)


def duckdb_config() -> dict[str, str]:
    """The same caps dbt's profile sets: DuckDB would otherwise take 80% of RAM."""
    return {
        "memory_limit": os.environ.get("LIANGQU_DUCKDB_MEMORY_LIMIT") or "1GB",
        "threads": os.environ.get("LIANGQU_DUCKDB_THREADS") or "2",
    }


def attach_read_only(path: Path, alias: str, con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
    """`path` attached read-only as `alias` to an in-memory connection.

    Never duckdb.connect(path): DuckDB caches one database instance per path and process, so a
    connection someone in this process still holds would keep serving a file since replaced.
    """
    con = con or duckdb.connect(config=duckdb_config())
    con.execute(f"ATTACH {_sql_str(str(path))} AS {alias} (READ_ONLY)")
    return con


def open_work(work_db: Path, published_db: Path | None) -> tuple[duckdb.DuckDBPyConnection, bool]:
    """A read-only view of the working warehouse (default catalog), with the published one as `pub`."""
    if not Path(work_db).exists():
        raise FileNotFoundError(f"no working warehouse at {work_db}: run dbt (liangqu build) first")
    con = attach_read_only(Path(work_db), "work")
    con.execute("USE work")
    has_published = bool(published_db and Path(published_db).exists())
    if has_published:
        attach_read_only(Path(published_db), "pub", con)
    return con, has_published


def iter_chunks(con: duckdb.DuckDBPyConnection, sql: str, rows: int) -> Iterator:
    """The query's result as pandas frames of at most about `rows` rows; at least one (maybe empty) frame."""
    vectors = max(1, rows // 2048)
    result = con.execute(sql)
    first = True
    while True:
        df = result.fetch_df_chunk(vectors)
        if len(df) == 0:
            if first:
                yield df
            return
        first = False
        yield df
