-- One Python call per document (liangqu_extract, registered by dbt_project/duckdb_functions.py).
-- Incremental: only documents never extracted, or extracted by older rules, are sent to Python.
with todo as (
    select d.*
    from {{ ref('stg_documents') }} as d
    {% if is_incremental() %}
    where not exists (
        select 1
        from {{ this }} as done
        where done.document_id = d.document_id
          and done.extractor_version = liangqu_extractor_version()
    )
    {% endif %}
)

select
    document_id,
    liangqu_extractor_version() as extractor_version,
    cast(now() as timestamp) as extracted_at,
    cast(
        liangqu_extract(text, title, section, source_district, cast(publish_date as varchar))
        as json
    ) as extraction
from todo
