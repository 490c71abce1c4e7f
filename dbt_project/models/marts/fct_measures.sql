with mentions as ({{ current_rows('int_entity_mentions') }})

select
    substr(sha256(document_id || '|' || quote || '|' || cast(position as varchar) || '|' || name), 1, 20) as measure_id,
    document_id,
    district,
    name,
    category as domain,
    status,
    quote,
    position,
    extracted_at
from mentions
where entity_type = 'measure'
qualify row_number() over (partition by document_id, name, position order by quote) = 1
order by document_id, position
