"""Pure-Python text extraction used by the dbt models (registered as DuckDB functions)."""
