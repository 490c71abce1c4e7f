select
    d.document_id,
    d.source_id,
    d.url,
    d.title,
    d.publish_date,
    d.issuer,
    e.extraction ->> 'district' as district,
    e.extraction ->> 'doc_type' as doc_type,
    try_cast(e.extraction ->> 'report_year' as integer) as report_year,
    d.fetched_at,
    d.landed_at,
    d.content_sha256,
    d.source_district,
    d.section,
    d.text,
    e.extracted_at
from {{ ref('stg_documents') }} as d
join {{ ref('int_document_extractions') }} as e using (document_id)
{% if is_incremental() %}
where e.extracted_at > {{ mart_watermark() }}
{% endif %}
