{#- Rows of an intermediate model that belong to the current version of a document and its latest extraction.
    In an incremental mart, only the documents extracted since the mart was last built (the mart's own
    watermark, max(extracted_at)); on a first build or --full-refresh, every document. -#}
{% macro current_rows(model) %}
    select r.*
    from {{ ref(model) }} as r
    join {{ ref('int_document_extractions') }} as e
        on e.document_id = r.document_id and e.extracted_at = r.extracted_at
    join {{ ref('stg_documents') }} as d
        on d.document_id = r.document_id
    {% if is_incremental() %}
    where e.extracted_at > {{ mart_watermark() }}
    {% endif %}
{% endmacro %}

{#- The newest extraction an incremental mart already holds (none in a mart built before marts
    carried extracted_at: that one is rebuilt whole, and on_schema_change adds the column). -#}
{% macro mart_watermark() %}
    {%- set columns = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list -%}
    {%- if 'extracted_at' in columns -%}
    (select coalesce(max(extracted_at), timestamp '1900-01-01') from {{ this }})
    {%- else -%}
    timestamp '1900-01-01'
    {%- endif -%}
{% endmacro %}

{#- post_hook of an incremental mart: keep only rows of the current version of each document and its
    latest extraction. delete+insert replaces the documents a run re-extracted, but not a document
    replaced by a newer version of its url (a new document_id) nor one re-extracted into no rows. -#}
{% macro drop_stale_rows() %}
    {% if is_incremental() %}
    delete from {{ this }} as t
    where not exists (
        select 1
        from {{ ref('int_document_extractions') }} as e
        join {{ ref('stg_documents') }} as d using (document_id)
        where e.document_id = t.document_id and e.extracted_at = t.extracted_at
    )
    {% endif %}
{% endmacro %}

{#- The documents of the latest extraction batch: what a run's data tests need to look at. On a first
    build or --full-refresh every document is in it (one batch). Great Expectations then checks every
    row of a new or changed document before anything is published. -#}
{% macro latest_extraction_documents() %}
    (select document_id from {{ ref('int_document_extractions') }}
     where extracted_at = (select max(extracted_at) from {{ ref('int_document_extractions') }}))
{% endmacro %}
