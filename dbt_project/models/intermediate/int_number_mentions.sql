-- Every quantity the extractor found, with what it measures and its context attributes.
with new as ({{ new_extractions() }}),

items as (
    select
        document_id,
        extracted_at,
        unnest(from_json(
            extraction -> 'indicators',
            '[{"position": "INTEGER", "quote": "VARCHAR", "metric": "VARCHAR", "value": "DOUBLE",
               "unit": "VARCHAR", "kind": "VARCHAR", "direction": "VARCHAR", "period": "VARCHAR",
               "is_target": "BOOLEAN", "qualifier": "VARCHAR", "district": "VARCHAR"}]'
        )) as i
    from new
)

select
    document_id,
    extracted_at,
    i.position,
    i.quote,
    i.metric,
    i.value,
    i.unit,
    i.kind,
    i.direction,
    i.period,
    i.is_target,
    i.qualifier,
    i.district
from items
