"""dbt-duckdb plugin: registers the Python extractor as DuckDB functions on dbt's connection.

`liangqu_extract(text, title, section, source_district, publish_date)` returns one JSON document of
everything found in a page; the incremental models call it once per new document.
`liangqu_extractor_version()` is a hash of the extraction code, so a changed rule re-extracts.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from dbt.adapters.duckdb.plugins import BasePlugin

EXTRACTION_DIR = Path(__file__).resolve().parent / "extraction"
SEEDS_DIR = Path(__file__).resolve().parent / "seeds"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    h = hashlib.sha256()
    for path in sorted([*EXTRACTION_DIR.glob("*.py"), *SEEDS_DIR.glob("*.csv")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _extract(text, title, section, source_district, publish_date):
    from dbt_project.extraction.pipeline import extract_document_json

    return extract_document_json(text, title, section, source_district, publish_date)


def register(conn) -> None:
    from duckdb import sqltypes

    v = sqltypes.VARCHAR
    conn.create_function("liangqu_extract", _extract, [v, v, v, v, v], v, null_handling="special")
    conn.create_function("liangqu_extractor_version", extractor_version, [], v)


class Plugin(BasePlugin):
    def configure_connection(self, conn):
        register(conn)
