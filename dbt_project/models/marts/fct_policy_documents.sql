{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='document_id',
    on_schema_change='append_new_columns',
    post_hook="{{ drop_stale_rows() }}",
) }}
-- Incremental by document: a run rebuilds only the documents extracted since the last one.
select distinct document_id, title, extracted_at
from ({{ current_rows('int_policy_titles') }})
order by document_id, title
