"""A working warehouse built straight from gold annotations (tests/data/gold).

It has the contract tables exactly as dbt must produce them, filled with the hand-checked facts of
the sample documents, so validation and publishing can be measured and tested without running the
scrapers and dbt. `copies` repeats every document under new ids to make a bigger warehouse.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd

from expectations.vocabulary import DISTRICT_CODES, UNIT_PREFIX_FACTORS

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold"

NAME_EN = {
    "东城区": "Dongcheng", "西城区": "Xicheng", "朝阳区": "Chaoyang", "丰台区": "Fengtai",
    "石景山区": "Shijingshan", "海淀区": "Haidian", "门头沟区": "Mentougou", "房山区": "Fangshan",
    "通州区": "Tongzhou", "顺义区": "Shunyi", "昌平区": "Changping", "大兴区": "Daxing",
    "怀柔区": "Huairou", "平谷区": "Pinggu", "密云区": "Miyun", "延庆区": "Yanqing",
    "北京经济技术开发区": "Beijing Economic-Technological Development Area", "北京市": "Beijing",
}

DDL = """
CREATE TABLE dim_document (document_id VARCHAR, source_id VARCHAR, url VARCHAR, title VARCHAR,
    publish_date DATE, issuer VARCHAR, district VARCHAR, doc_type VARCHAR, fetched_at TIMESTAMP,
    content_sha256 VARCHAR, text VARCHAR);
CREATE TABLE dim_district (district VARCHAR, district_code INTEGER, name_en VARCHAR);
CREATE TABLE fct_indicators (indicator_id VARCHAR, document_id VARCHAR, district VARCHAR, metric VARCHAR,
    metric_code VARCHAR, value DOUBLE, unit VARCHAR, value_base DOUBLE, base_unit VARCHAR, kind VARCHAR,
    direction VARCHAR, period VARCHAR, is_target BOOLEAN, qualifier VARCHAR, quote VARCHAR);
CREATE TABLE fct_projects (project_id VARCHAR, document_id VARCHAR, district VARCHAR, name VARCHAR,
    status VARCHAR, investment_value DOUBLE, investment_unit VARCHAR, investment_base DOUBLE,
    sector VARCHAR, quote VARCHAR);
CREATE TABLE fct_measures (measure_id VARCHAR, document_id VARCHAR, district VARCHAR, name VARCHAR,
    domain VARCHAR, status VARCHAR, quote VARCHAR);
CREATE TABLE fct_policy_documents (document_id VARCHAR, title VARCHAR);
"""


def base_of(unit: str | None) -> tuple[str | None, float]:
    """('元', 1e8) for 亿元: the base unit and the factor to it."""
    if not unit:
        return None, 1.0
    for prefix in sorted(UNIT_PREFIX_FACTORS, key=len, reverse=True):
        if prefix and unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix):], UNIT_PREFIX_FACTORS[prefix]
    return unit, 1.0


def _id(*parts) -> str:
    return hashlib.sha256("\n".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def build_sample_warehouse(path: Path, gold_dir: Path = GOLD_DIR, copies: int = 1) -> dict[str, int]:
    """Write the contract tables for the gold documents into a new DuckDB file at `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    rows: dict[str, list[tuple]] = {t: [] for t in (
        "dim_document", "fct_indicators", "fct_projects", "fct_measures", "fct_policy_documents")}
    fetched_at = datetime(2024, 6, 1, 8, 0, 0)
    for copy in range(copies):
        for ann_path in sorted(Path(gold_dir).glob("*.json")):
            ann = json.loads(ann_path.read_text(encoding="utf-8"))
            text = ann_path.with_suffix(".txt").read_text(encoding="utf-8")
            url = ann_path.with_suffix(".txt").resolve().as_uri() + (f"?copy={copy}" if copy else "")
            sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
            doc = hashlib.sha256(f"{url}\n{sha}".encode("utf-8")).hexdigest()[:20]
            rows["dim_document"].append((
                doc, "gold", url, ann.get("title"), ann.get("publish_date"), ann.get("issuer"),
                ann["district"], ann["doc_type"], fetched_at, sha, text,
            ))
            for i, x in enumerate(ann["indicators"]):
                base_unit, factor = base_of(x.get("unit"))
                value = x.get("value")
                rows["fct_indicators"].append((
                    _id(doc, "i", i), doc, x.get("district") or ann["district"], x["metric"], None, value,
                    x.get("unit"), None if value is None else value * factor, base_unit, x["kind"],
                    x.get("direction"), x.get("period"), bool(x.get("is_target")), x.get("qualifier"), x["quote"],
                ))
            for i, x in enumerate(ann["projects"]):
                inv = x.get("investment") or {}
                _, factor = base_of(inv.get("unit"))
                base = inv["value"] * factor if inv.get("unit", "").endswith("元") and not inv["unit"].endswith("美元") else None
                rows["fct_projects"].append((
                    _id(doc, "p", i), doc, x["district"], x["name"], x["status"], inv.get("value"),
                    inv.get("unit"), base, x.get("sector"), x["quote"],
                ))
            for i, x in enumerate(ann["measures"]):
                rows["fct_measures"].append((
                    _id(doc, "m", i), doc, x["district"], x["name"], x.get("domain"), x["status"], x["quote"],
                ))
            for title in dict.fromkeys(ann["policy_documents"]):
                rows["fct_policy_documents"].append((doc, title))
    con = duckdb.connect(str(path))
    try:
        con.execute(DDL)
        rows["dim_district"] = [(d, code, NAME_EN[d]) for d, code in DISTRICT_CODES.items()]
        for table, values in rows.items():
            if values:
                columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()]
                frame = pd.DataFrame(values, columns=columns, dtype=object)  # noqa: F841 (read by DuckDB)
                con.execute(f"INSERT INTO {table} SELECT * FROM frame")
        con.execute("CHECKPOINT")
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in rows}
    finally:
        con.close()
    return counts
