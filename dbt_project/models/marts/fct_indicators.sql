with mentions as ({{ current_rows('int_number_mentions') }}),

synonyms as (
    select metric_code, unnest(string_split(synonyms, '|')) as synonym
    from {{ ref('canonical_metrics') }}
),

coded as (
    -- the longest canonical name a metric phrase contains decides its code
    select m.document_id, m.position, arg_max(s.metric_code, length(s.synonym)) as metric_code
    from mentions as m
    join synonyms as s on contains(m.metric, s.synonym)
    group by m.document_id, m.position
)

select
    substr(sha256(m.document_id || '|' || m.quote || '|' || cast(m.position as varchar)), 1, 20) as indicator_id,
    m.document_id,
    m.district,
    m.metric,
    c.metric_code,
    m.value,
    m.unit,
    case when u.unit is null then m.value else m.value * u.multiplier end as value_base,
    case when u.unit is null then m.unit else nullif(u.base_unit, '') end as base_unit,
    m.kind,
    m.direction,
    m.period,
    m.is_target,
    m.qualifier,
    m.quote,
    m.position,
    m.extracted_at
from mentions as m
left join coded as c on c.document_id = m.document_id and c.position = m.position
left join {{ ref('units') }} as u on u.unit = m.unit
-- the scorer (score.py) reads rows in table order
order by m.document_id, m.position
