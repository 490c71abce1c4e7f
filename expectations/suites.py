"""The Great Expectations suites, as code: one per published table, plus one for the warehouse as a whole.

Each suite validates the frame of the same name in expectations/frames.py (the table's contract
columns plus audit columns computed in DuckDB). `great_expectations` is imported by the caller's
call, never at module import: it takes seconds to load.
"""
from __future__ import annotations

import datetime as dt

from expectations import vocabulary as v
from expectations.frames import KEYS, SUMMARY

# The columns GX reports for each offending row, so an alert can point at it.
INDEX_COLUMNS: dict[str, list[str]] = {
    "dim_document": ["document_id"],
    "dim_district": ["district"],
    "fct_indicators": ["indicator_id", "document_id"],
    "fct_projects": ["project_id", "document_id"],
    "fct_measures": ["measure_id", "document_id"],
    "fct_policy_documents": ["document_id", "title"],
    SUMMARY: ["table_name"],
}

MAX_FACTS_PER_1000_CHARS = 150  # the gold documents hold 19-28; one fact per 7 characters is noise
MAX_ROWS_PER_DOCUMENT = 5000
NON_BLANK = r"\S"


def _key_expectations(gxe, table: str) -> list:
    out = [gxe.ExpectColumnValuesToNotBeNull(column=c) for c in KEYS[table]]
    # key_occurrences counts the key across the whole table, so this holds chunk by chunk.
    out.append(gxe.ExpectColumnValuesToBeBetween(column="key_occurrences", min_value=1, max_value=1))
    return out


def _fact_expectations(gxe, *, outside_beijing_share: float = 0.0) -> list:
    """`outside_beijing_share`: the share of rows that may name a place outside Beijing's 18 (a project
    in 雄安新区 is where it is); those still have to look like a jurisdiction."""
    in_beijing = {"mostly": 1.0 - outside_beijing_share} if outside_beijing_share else {}
    out = [
        gxe.ExpectColumnValuesToNotBeNull(column="document_id"),
        gxe.ExpectColumnValuesToBeInSet(column="document_known", value_set=[True]),
        gxe.ExpectColumnValuesToNotBeNull(column="district"),
        gxe.ExpectColumnValuesToBeInSet(column="district", value_set=v.DISTRICTS, **in_beijing),
    ]
    if outside_beijing_share:
        out.append(gxe.ExpectColumnValuesToMatchRegex(column="district", regex=v.JURISDICTION_REGEX))
    return out


def _quote_expectations(gxe) -> list:
    return [
        gxe.ExpectColumnValuesToNotBeNull(column="quote"),
        gxe.ExpectColumnValuesToMatchRegex(column="quote", regex=NON_BLANK),
        gxe.ExpectColumnValuesToBeInSet(column="quote_in_text", value_set=[True]),
    ]


def dim_document(gxe) -> list:
    this_year = dt.date.today().year
    return [
        *_key_expectations(gxe, "dim_document"),
        gxe.ExpectColumnValuesToNotBeNull(column="source_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="url"),
        gxe.ExpectColumnValuesToNotBeNull(column="fetched_at"),
        gxe.ExpectColumnValuesToMatchRegex(column="content_sha256", regex=r"^[0-9a-f]{64}$"),
        gxe.ExpectColumnValuesToBeInSet(column="district", value_set=v.DISTRICTS),
        gxe.ExpectColumnValuesToBeInSet(column="doc_type", value_set=v.DOC_TYPES),
        gxe.ExpectColumnValuesToBeBetween(column="text_chars", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="publish_year", min_value=1990, max_value=this_year + 1),
        gxe.ExpectColumnValuesToBeBetween(column="n_indicators", min_value=0, max_value=MAX_ROWS_PER_DOCUMENT),
        gxe.ExpectColumnValuesToBeBetween(column="n_projects", min_value=0, max_value=MAX_ROWS_PER_DOCUMENT),
        gxe.ExpectColumnValuesToBeBetween(column="n_measures", min_value=0, max_value=MAX_ROWS_PER_DOCUMENT),
        gxe.ExpectColumnValuesToBeBetween(column="n_policy_documents", min_value=0, max_value=MAX_ROWS_PER_DOCUMENT),
        gxe.ExpectColumnValuesToBeBetween(column="facts_per_1000_chars", min_value=0,
                                          max_value=MAX_FACTS_PER_1000_CHARS),
        # A long plan or work report without a single number means extraction broke on it.
        gxe.ExpectColumnValuesToBeBetween(column="long_report_indicators", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="facts_share_of_published", min_value=0.5),
    ]


def dim_district(gxe) -> list:
    return [
        *_key_expectations(gxe, "dim_district"),
        gxe.ExpectColumnValuesToBeInSet(column="district", value_set=v.DISTRICTS),
        gxe.ExpectColumnDistinctValuesToContainSet(column="district", value_set=v.DISTRICTS),
        gxe.ExpectColumnValuesToMatchRegex(column="district_code", regex=r"^\d{6}$"),
        gxe.ExpectColumnPairValuesToBeEqual(column_A="district_code", column_B="official_code",
                                            ignore_row_if="either_value_is_missing"),
        gxe.ExpectColumnValuesToNotBeNull(column="name_en"),
    ]


def fct_indicators(gxe) -> list:
    return [
        *_key_expectations(gxe, "fct_indicators"),
        *_fact_expectations(gxe),
        *_quote_expectations(gxe),
        gxe.ExpectColumnValuesToNotBeNull(column="metric"),
        gxe.ExpectColumnValuesToNotBeNull(column="value"),
        gxe.ExpectColumnValuesToNotBeNull(column="kind"),
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=v.INDICATOR_KINDS),
        gxe.ExpectColumnValuesToBeInSet(column="direction", value_set=v.DIRECTIONS),
        gxe.ExpectColumnValuesToBeInSet(column="qualifier", value_set=v.QUALIFIERS),
        gxe.ExpectColumnValuesToNotBeNull(column="is_target"),
        gxe.ExpectColumnValuesToMatchRegex(column="period", regex=v.PERIOD_REGEX),
        gxe.ExpectColumnValuesToBeInSet(column="value_base_check", value_set=["ok"]),
        gxe.ExpectColumnValuesToBeBetween(column="percent_value", min_value=-100, max_value=10000),
        gxe.ExpectColumnValuesToBeBetween(column="share_percent", min_value=0, max_value=100),
        gxe.ExpectColumnValuesToBeBetween(column="progress_percent", min_value=0, max_value=1000),
        gxe.ExpectColumnValuesToBeBetween(column="change_percent", min_value=-100, max_value=10000),
        gxe.ExpectColumnValuesToBeBetween(column="decline_percent", min_value=-100, max_value=100),
    ]


def fct_projects(gxe) -> list:
    return [
        *_key_expectations(gxe, "fct_projects"),
        *_fact_expectations(gxe, outside_beijing_share=0.05),
        *_quote_expectations(gxe),
        gxe.ExpectColumnValuesToNotBeNull(column="name"),
        gxe.ExpectColumnValuesToMatchRegex(column="name", regex=NON_BLANK),
        gxe.ExpectColumnValuesToNotBeNull(column="status"),
        gxe.ExpectColumnValuesToBeInSet(column="status", value_set=v.PROJECT_STATUSES),
        gxe.ExpectColumnValuesToBeInSet(column="sector", value_set=v.PROJECT_SECTORS),
        gxe.ExpectColumnValuesToBeBetween(column="investment_value", min_value=0),
        gxe.ExpectColumnValuesToBeInSet(column="investment_base_check", value_set=["ok"]),
    ]


def fct_measures(gxe) -> list:
    return [
        *_key_expectations(gxe, "fct_measures"),
        *_fact_expectations(gxe),
        *_quote_expectations(gxe),
        gxe.ExpectColumnValuesToNotBeNull(column="name"),
        gxe.ExpectColumnValuesToMatchRegex(column="name", regex=NON_BLANK),
        gxe.ExpectColumnValuesToNotBeNull(column="status"),
        gxe.ExpectColumnValuesToBeInSet(column="status", value_set=v.MEASURE_STATUSES),
        gxe.ExpectColumnValuesToBeInSet(column="domain", value_set=v.MEASURE_DOMAINS),
    ]


def fct_policy_documents(gxe) -> list:
    return [
        *_key_expectations(gxe, "fct_policy_documents"),
        gxe.ExpectColumnValuesToBeInSet(column="document_known", value_set=[True]),
        gxe.ExpectColumnValuesToMatchRegex(column="title", regex=NON_BLANK),
        gxe.ExpectColumnValuesToNotMatchRegex(column="title", regex="[《》]"),
        gxe.ExpectColumnValuesToBeInSet(column="title_in_text", value_set=[True]),
    ]


def warehouse(gxe) -> list:
    """The warehouse against its contract and against the last published one."""
    return [
        gxe.ExpectColumnValuesToBeInSet(column="present", value_set=[True]),
        gxe.ExpectColumnValuesToBeInSet(column="missing_columns", value_set=[""]),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="built_rows", column_B="min_rows", or_equal=True),
        # A build that yields a fraction of what is published is a failure, not news.
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="built_share_of_published",
                                                    column_B="min_share_of_published", or_equal=True,
                                                    ignore_row_if="either_value_is_missing"),
    ]


SUITES = {
    "dim_document": dim_document,
    "dim_district": dim_district,
    "fct_indicators": fct_indicators,
    "fct_projects": fct_projects,
    "fct_measures": fct_measures,
    "fct_policy_documents": fct_policy_documents,
    SUMMARY: warehouse,
}


def build_suites(gx) -> dict:
    """name → gx.ExpectationSuite, built fresh from the code above."""
    import great_expectations.expectations as gxe

    return {name: gx.ExpectationSuite(name=name, expectations=make(gxe)) for name, make in SUITES.items()}
