select distinct document_id, title, extracted_at
from ({{ current_rows('int_policy_titles') }})
order by document_id, title
