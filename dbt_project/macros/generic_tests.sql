{#- Rows whose combination of columns is not unique (the project avoids a dbt_utils dependency). -#}
{% test unique_combination_of_columns(model, columns) %}
select {{ columns | join(', ') }}, count(*) as n
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}

{#- Rows whose quote cannot be found (Ctrl-F) in their document's text. -#}
{% test quote_in_document_text(model, column_name) %}
select m.*
from {{ model }} as m
join {{ ref('dim_document') }} as d using (document_id)
where strpos(d.text, m.{{ column_name }}) = 0
{% endtest %}
