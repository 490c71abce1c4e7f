-- Projects and measures named in the documents (dbt_project/extraction/entities.py), one row each.
with new as ({{ new_extractions() }}),

projects as (
    select
        document_id,
        extracted_at,
        unnest(from_json(
            extraction -> 'projects',
            '[{"position": "INTEGER", "name": "VARCHAR", "status": "VARCHAR", "sector": "VARCHAR",
               "district": "VARCHAR", "quote": "VARCHAR", "investment_value": "DOUBLE",
               "investment_unit": "VARCHAR", "investment_base": "DOUBLE"}]'
        )) as p
    from new
),

measures as (
    select
        document_id,
        extracted_at,
        unnest(from_json(
            extraction -> 'measures',
            '[{"position": "INTEGER", "name": "VARCHAR", "domain": "VARCHAR", "status": "VARCHAR",
               "district": "VARCHAR", "quote": "VARCHAR"}]'
        )) as m
    from new
)

select
    document_id, extracted_at, 'project' as entity_type, p.position, p.name, p.status,
    p.sector as category, p.district, p.quote,
    p.investment_value, p.investment_unit, p.investment_base
from projects
union all
select
    document_id, extracted_at, 'measure' as entity_type, m.position, m.name, m.status,
    m.domain as category, m.district, m.quote,
    null, null, null
from measures
