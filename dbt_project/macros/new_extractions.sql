{#- The extractions a downstream incremental model has not seen yet (all of them on a full build). -#}
{% macro new_extractions() %}
    select e.*
    from {{ ref('int_document_extractions') }} as e
    {% if is_incremental() %}
    where e.extracted_at > (select coalesce(max(extracted_at), timestamp '1900-01-01') from {{ this }})
    {% endif %}
{% endmacro %}
