"""The values the published tables may take, as SCHEMA.md and CONTRACT.md state them.

Kept in one place so the suites, the test fixtures and the alert all speak the same vocabulary.
"""
from __future__ import annotations

# The national administrative codes (GB/T 2260). The Economic-Technological Development Area is not
# an administrative division and has no code of its own, so its code is not checked.
DISTRICT_CODES: dict[str, int | None] = {
    "东城区": 110101,
    "西城区": 110102,
    "朝阳区": 110105,
    "丰台区": 110106,
    "石景山区": 110107,
    "海淀区": 110108,
    "门头沟区": 110109,
    "房山区": 110111,
    "通州区": 110112,
    "顺义区": 110113,
    "昌平区": 110114,
    "大兴区": 110115,
    "怀柔区": 110116,
    "平谷区": 110117,
    "密云区": 110118,
    "延庆区": 110119,
    "北京经济技术开发区": None,
    "北京市": 110000,
}
DISTRICTS = list(DISTRICT_CODES)

# A place name that ends like a jurisdiction (雄安新区, 天津市, 河北省, 固安县), for projects outside Beijing.
JURISDICTION_REGEX = r"^[\u4e00-\u9fff]{1,12}(?:区|市|省|县|州|盟|旗)$"

DOC_TYPES = ["plan_report", "work_report", "work_plan", "news", "bulletin"]

INDICATOR_KINDS = ["level", "change", "share", "progress"]
DIRECTIONS = ["up", "down"]
QUALIFIERS = ["approx", "over", "at_least", "under"]

PROJECT_STATUSES = ["signed", "landed", "started", "completed", "planned"]
PROJECT_SECTORS = [
    "finance", "technology", "culture", "health", "trade", "infrastructure",
    "urban_renewal", "consumption", "education", "other",
]

MEASURE_STATUSES = ["implemented", "planned"]
MEASURE_DOMAINS = [
    "finance", "technology", "culture", "health", "trade", "talent", "data", "ip",
    "business_environment", "digital", "urban", "welfare", "other",
]

# `period`: a year (2023), a part of one (2023H1, 2023Q3, 2023-05), a span (2021-01..2021-07), or cumulative.
PERIOD_REGEX = r"^(?:cumulative|\d{4}(?:H[12]|Q[1-4]|-\d{2})?(?:\.\.\d{4}(?:H[12]|Q[1-4]|-\d{2})?)?)$"

# A unit as written on a traditional-script page, character for character in simplified script (億元 → 亿元,
# 個 → 个): base units are always simplified (seed `units`), so the check reads the written unit this way first.
UNIT_TRADITIONAL = "個點萬億歐頃畝噸時標準戶項條棟處張間場單筆臺輛類門區牀鐘盞冊種塊隻劑顆層組"
UNIT_SIMPLIFIED = "个点万亿欧顷亩吨时标准户项条栋处张间场单笔台辆类门区床钟盏册种块只剂颗层组"

# Written unit prefixes whose factor to the base unit is fixed (亿元 → 元 × 1e8, 万平方米 → 平方米 × 1e4).
UNIT_PREFIX_FACTORS: dict[str, float] = {
    "": 1.0,
    "十": 1e1,
    "百": 1e2,
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
    "十亿": 1e9,
    "百亿": 1e10,
    "千亿": 1e11,
    "万亿": 1e12,
}
