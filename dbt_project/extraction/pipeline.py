"""One document in, every fact out: the single Python call the dbt models make per document."""
from __future__ import annotations

import bisect
import json
import logging
import re
from datetime import date

from dbt_project.extraction import districts as district_rules
from dbt_project.extraction import document as document_rules
from dbt_project.extraction import script
from dbt_project.extraction.indicators import _metric as _metric_memo
from dbt_project.extraction.indicators import extract_indicators
from dbt_project.extraction.segment import sentences as split_sentences

log = logging.getLogger(__name__)

try:  # written by the entities work; the indicator tables must still build without it
    from dbt_project.extraction import entities as _entities
except ImportError:  # pragma: no cover - depends on the state of the tree
    _entities = None


def _entities_of(kind: str, *args) -> list[dict]:
    fn = getattr(_entities, f"extract_{kind}", None) if _entities else None
    if fn is None:
        return []
    try:
        return list(fn(*args))
    except Exception:  # one bad document must not sink the build; its indicators still count
        log.exception("entity extraction (%s) failed", kind)
        return []


def _projects_and_measures(text: str, sents, district_of) -> tuple[list[dict], list[dict]]:
    if _entities is None or not hasattr(_entities, "extract_entities"):
        return (_entities_of("projects", text, sents, district_of),
                _entities_of("measures", text, sents, district_of))
    try:
        projects, measures = _entities.extract_entities(text, sents, district_of)
        return list(projects), list(measures)
    except Exception:  # one bad document must not sink the build; its indicators still count
        log.exception("entity extraction failed")
        return [], []


def _positioned(text: str, rows: list[dict]) -> list[dict]:
    """Keep only rows whose quote is really in the text, and record where."""
    out = []
    for r in rows:
        quote = r.get("quote") or ""
        if not quote:
            continue
        pos = r.get("position")
        if pos is None or text[pos:pos + len(quote)] != quote:
            pos = text.find(quote)
            if pos < 0:
                continue
        out.append({**r, "position": pos})
    return out


def _forget_other_documents() -> None:
    """Clause-level memos serve one document only. Across documents they would mostly pay off on the
    benchmark corpus, whose documents recombine the same paragraphs, and make its figures say more
    than real pages would (measured: ~2.5x on that corpus, ~1.1x on the gold texts)."""
    if _entities is not None and hasattr(_entities, "_clause_candidates"):
        _entities._clause_candidates.cache_clear()
    _metric_memo.cache_clear()


def extract_document(text: str | None, title: str | None = None, section: str | None = None,
                     source_district: str | None = None, publish_date: date | str | None = None) -> dict:
    page = script.Page.of(text or "")
    found = _extract(page.readable, page.readable_form(title), page.readable_form(section), source_district,
                     publish_date)
    return _in_page_characters(page, found) if page.converted else found


def _in_page_characters(page: script.Page, found: dict) -> dict:
    """What was read in simplified characters, given back in a traditional page's own (script.py)."""
    for s in found["sentences"]:
        s["heading"] = page.written(s["heading"]) if s["heading"] else s["heading"]
    for row in found["indicators"]:
        row["quote"] = page.substring(row["quote"], row["position"])
        for field in ("metric", "unit"):  # (億元 as written; its base unit, 元, stays the warehouse's)
            row[field] = page.written(row[field]) if row[field] else row[field]
    for row in found["projects"] + found["measures"]:
        row["quote"] = page.substring(row["quote"], row["position"])
        row["name"] = page.written(row["name"]) if row["name"] else row["name"]
    for row in found["projects"]:
        row["investment_unit"] = page.written(row["investment_unit"]) if row["investment_unit"] else None
    found["policy_documents"] = [page.written(t) for t in found["policy_documents"]]
    return found


def _extract(text: str, title: str | None, section: str | None, source_district: str | None,
             publish_date: date | str | None) -> dict:
    _forget_other_documents()
    ctx = document_rules.context(text, title, section, publish_date)
    text_mentions = district_rules.mentions(text)
    district = district_rules.document_district(text, title, source_district, text_mentions)
    sents = split_sentences(text)
    district_of = district_rules.district_resolver(text, sents, district, text_mentions)
    indicators = extract_indicators(text, sents, district_of, ctx)
    projects, measures = _projects_and_measures(text, sents, district_of)
    projects, measures = _positioned(text, projects), _positioned(text, measures)
    _attribute_to_projects(text, sents, indicators, projects)
    policy_titles = []
    for row in _entities_of("policy_documents", text):
        title_text = row.get("title") if isinstance(row, dict) else row
        if title_text and title_text not in policy_titles:
            policy_titles.append(title_text)
    return {
        "district": district,
        "doc_type": ctx.doc_type,
        "report_year": ctx.base_year,
        "sentences": [
            {
                "position": s.position,
                "paragraph": s.paragraph,
                "heading": s.heading,
                "start": s.span.start,
                "end": s.span.end,
                "clause_count": len(s.clauses),
            }
            for s in sents
        ],
        "indicators": indicators,
        "projects": [_project_row(p) for p in projects],
        "measures": [_measure_row(m) for m in measures],
        "policy_documents": policy_titles,
    }


# what a project has (总投资46亿元, 建筑面积30万平方米, 年产值600亿元), said without naming the project again
_PROJECT_ATTRIBUTES = frozenset({"总投资", "项目总投资", "总投资额", "计划投资", "建筑面积", "总建筑面积", "占地面积", "用地面积",
                                 "年产值", "年营收", "年产能"})


def _attribute_to_projects(text: str, sents, indicators: list[dict], projects: list[dict]) -> None:
    """总投资46亿元的小米智能工厂二期计划年底投用，年产值600亿元: a project's figure is the project's
    (小米智能工厂年产值), named by the project the sentence names last before it, or right after its 的."""
    if not projects or not any(row["metric"] in _PROJECT_ATTRIBUTES for row in indicators):
        return
    named = sorted((at, at + len(p["name"]), p["name"]) for p in projects
                   if p.get("name") and (at := text.find(p["name"], p["position"])) >= 0)
    starts = [s.span.start for s in sents]
    for row in indicators:
        if row["metric"] not in _PROJECT_ATTRIBUTES:
            continue
        k = bisect.bisect_right(starts, row["position"]) - 1
        if k < 0:
            continue
        sent_start, sent_end = sents[k].span.start, sents[k].span.end
        before = [n for n in named if sent_start <= n[0] and n[1] <= row["position"]]
        after = [n for n in named if row["position"] < n[0] < sent_end and text.startswith("的", n[0] - 1)
                 and n[0] - row["position"] <= 12]
        pick = after[0] if after else (before[-1] if before else None)
        if pick is None:
            continue
        name = pick[2]
        metric = row["metric"]
        row["metric"] = name + (metric[2:] if name.endswith("项目") and metric.startswith("项目") else metric)


def _project_row(p: dict) -> dict:
    inv = p.get("investment") if isinstance(p.get("investment"), dict) else None
    value = p.get("investment_value", inv.get("value") if inv else None)
    unit = p.get("investment_unit", inv.get("unit") if inv else None)
    from dbt_project.extraction.numbers import to_base

    base, _ = to_base(value, unit) if value is not None else (None, None)
    return {
        "position": p["position"], "name": p.get("name"), "status": p.get("status"),
        "sector": p.get("sector"), "district": p.get("district"), "quote": p["quote"],
        "investment_value": value, "investment_unit": unit, "investment_base": base,
    }


def _measure_row(m: dict) -> dict:
    return {
        "position": m["position"], "name": m.get("name"), "domain": m.get("domain"),
        "status": m.get("status"), "district": m.get("district"), "quote": m["quote"],
    }


def extract_document_json(text, title=None, section=None, source_district=None, publish_date=None) -> str:
    """The DuckDB function body: JSON, because one document yields lists of differently shaped rows."""
    return json.dumps(extract_document(text, title, section, source_district, publish_date), ensure_ascii=False)


_WS = re.compile(r"\s+")
