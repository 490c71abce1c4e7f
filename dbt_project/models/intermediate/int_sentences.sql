-- Sentences with their document, paragraph, enclosing section heading and exact offsets.
with new as ({{ new_extractions() }}),

items as (
    select
        document_id,
        extracted_at,
        unnest(from_json(
            extraction -> 'sentences',
            '[{"position": "INTEGER", "paragraph": "INTEGER", "heading": "VARCHAR",
               "start": "INTEGER", "end": "INTEGER", "clause_count": "INTEGER"}]'
        )) as s
    from new
)

select
    items.document_id,
    items.extracted_at,
    s.position as sentence_position,
    s.paragraph,
    s.heading,
    s.start as start_offset,
    s."end" as end_offset,
    s.clause_count,
    substring(d.text, s.start + 1, s."end" - s.start) as sentence
from items
join {{ ref('stg_documents') }} as d using (document_id)
