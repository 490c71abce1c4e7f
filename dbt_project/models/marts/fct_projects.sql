with mentions as ({{ current_rows('int_entity_mentions') }})

select
    substr(sha256(document_id || '|' || quote || '|' || cast(position as varchar) || '|' || name), 1, 20) as project_id,
    document_id,
    district,
    name,
    status,
    investment_value,
    investment_unit,
    investment_base,
    category as sector,
    quote,
    position,
    extracted_at
from mentions
where entity_type = 'project'
qualify row_number() over (partition by document_id, name, position order by quote) = 1
order by document_id, position
