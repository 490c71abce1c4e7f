{#- Rows of an intermediate model that belong to the current version of a document and its latest extraction. -#}
{% macro current_rows(model) %}
    select r.*
    from {{ ref(model) }} as r
    join {{ ref('int_document_extractions') }} as e
        on e.document_id = r.document_id and e.extracted_at = r.extracted_at
    join {{ ref('stg_documents') }} as d
        on d.document_id = r.document_id
{% endmacro %}
