select
    district,
    district_code,
    name_en,
    is_municipal
from {{ ref('districts') }}
