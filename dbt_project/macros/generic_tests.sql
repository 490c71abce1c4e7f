{#- Rows whose combination of columns is not unique (the project avoids a dbt_utils dependency). -#}
{% test unique_combination_of_columns(model, columns) %}
select {{ columns | join(', ') }}, count(*) as n
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}

{#- Rows whose quote cannot be found (Ctrl-F) in their document's text. Only the rows of the latest
    extraction batch are searched (every row on a first build or --full-refresh): the other rows were
    searched when they were built, and Great Expectations searches the rows of every new or changed
    document again before publishing. -#}
{% test quote_in_document_text(model, column_name) %}
with batch as {{ latest_extraction_documents() }}
select m.*
from {{ model }} as m
join (
    select document_id, text from {{ ref('dim_document') }}
    where document_id in (select document_id from batch)
) as d using (document_id)
where m.document_id in (select document_id from batch)
  and strpos(d.text, m.{{ column_name }}) = 0
{% endtest %}

{#- The required columns of a model, checked in one scan: one row per column that holds nulls, with how
    many. One test instead of one per column, because each dbt test node costs ~25 ms of dbt's own
    overhead, which is most of an incremental build's test time (70 not_null nodes: ~1.7 s). -#}
{% test not_null_columns(model, columns) %}
with null_counts as (
    select
    {%- for column in columns %}
        count(*) filter (where {{ column }} is null) as "{{ column }}"{{ "," if not loop.last }}
    {%- endfor %}
    from {{ model }}
)
select null_column, rows_with_null
from (unpivot null_counts on columns(*) into name null_column value rows_with_null)
where rows_with_null > 0
{% endtest %}
