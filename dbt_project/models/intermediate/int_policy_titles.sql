-- Every 《》 title a document cites, once per document.
with new as ({{ new_extractions() }}),

items as (
    select document_id, extracted_at, unnest(from_json(extraction -> 'policy_documents', '["VARCHAR"]')) as title
    from new
)

select distinct document_id, extracted_at, title
from items
where title is not null and title <> ''
