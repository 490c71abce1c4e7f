-- One row per page: the latest landed version of each url wins.
with ranked as (
    select
        *,
        row_number() over (
            partition by url
            order by fetched_at desc, landed_at desc, document_id
        ) as version_rank
    from {{ source('raw', 'raw_documents') }}
)

select
    document_id,
    source_id,
    url,
    final_url,
    nullif(trim(title), '') as title,
    publish_date,
    nullif(trim(issuer), '') as issuer,
    source_district,
    section,
    fetched_at,
    landed_at,
    content_sha256,
    coalesce(text, '') as text,
    text_sha256
from ranked
where version_rank = 1
