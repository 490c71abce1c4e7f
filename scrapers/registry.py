"""The source registry: one YAML entry per site (scrapers/sources.yaml), read into Source objects.

A new source is a new entry: its sections' start URLs, the link patterns for articles and further
list pages, how the next list page is found, CSS selectors for the body when the defaults miss.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCES = HERE / "sources.yaml"
SAMPLE_SOURCES = HERE / "sample_sources.yaml"
SECTION_KINDS = {"plan_report", "work_report", "work_plan", "news", "bulletin"}


@dataclass
class Section:
    kind: str
    start_urls: list[str]
    article_pattern: re.Pattern          # links to article pages
    follow_pattern: re.Pattern | None    # links to further list pages (e.g. a bulletin issue)
    next_page: dict                      # {"trs": true} (createPageHTML) and/or {"selector": "a.next"}
    max_list_pages: int = 50


@dataclass
class Source:
    id: str
    name: str
    district: str
    sections: list[Section]
    allowed_domains: list[str]
    rate: float = 1.0                    # requests per second per host
    encoding: str | None = None          # fixed page encoding, when the site is known to need it
    schedule: str | None = None          # Airflow cron
    timeout: float = 20.0
    attempts: int = 4
    backoff: float = 1.0
    max_bytes: int = 10_000_000
    content_selectors: list[str] = field(default_factory=list)
    title_selectors: list[str] = field(default_factory=list)
    drop_selectors: list[str] = field(default_factory=list)


def _fill(url: str, sample_site_url: str | None) -> str:
    if "{sample_site}" in url:
        if not sample_site_url:
            raise ValueError(f"{url}: needs the sample site's address (sample_site_url or LIANGQU_SAMPLE_SITE_URL)")
        url = url.replace("{sample_site}", sample_site_url.rstrip("/"))
    return url


def _source(entry: dict, defaults: dict, sample_site_url: str | None) -> Source:
    e = {**defaults, **entry}
    missing = [k for k in ("id", "name", "district", "sections") if not e.get(k)]
    if missing:
        raise ValueError(f"source {e.get('id', '?')}: missing {', '.join(missing)}")
    sections = []
    for s in e["sections"]:
        if s.get("kind") not in SECTION_KINDS:
            raise ValueError(f"source {e['id']}: section kind {s.get('kind')!r} is not one of {sorted(SECTION_KINDS)}")
        sections.append(Section(
            kind=s["kind"], start_urls=[_fill(u, sample_site_url) for u in s["start_urls"]],
            article_pattern=re.compile(s.get("articles") or e.get("articles")),
            follow_pattern=re.compile(s["follow"]) if s.get("follow") else None,
            next_page=s.get("next_page") or e.get("next_page") or {"trs": True},
            max_list_pages=int(s.get("max_list_pages", e.get("max_list_pages", 50))),
        ))
    domains = e.get("allowed_domains") or []
    if not domains:
        from urllib.parse import urlsplit

        domains = sorted({urlsplit(u).hostname for s in sections for u in s.start_urls})
    return Source(
        id=e["id"], name=e["name"], district=e["district"], sections=sections,
        allowed_domains=[_fill(d, sample_site_url).split("://")[-1].split(":")[0].split("/")[0] for d in domains],
        rate=float(e.get("rate", 1.0)), encoding=e.get("encoding"), schedule=e.get("schedule"),
        timeout=float(e.get("timeout", 20.0)), attempts=int(e.get("attempts", 4)),
        backoff=float(e.get("backoff", 1.0)), max_bytes=int(e.get("max_bytes", 10_000_000)),
        content_selectors=list(e.get("content_selectors") or []), title_selectors=list(e.get("title_selectors") or []),
        drop_selectors=list(e.get("drop_selectors") or []),
    )


def load_sources(path: str | os.PathLike | None = None, sample_site_url: str | None = None) -> list[Source]:
    """Sources from `path`, else $LIANGQU_SOURCES, else scrapers/sources.yaml. `{sample_site}` in URLs is
    replaced by sample_site_url, else $LIANGQU_SAMPLE_SITE_URL."""
    path = Path(path or os.environ.get("LIANGQU_SOURCES") or DEFAULT_SOURCES)
    sample_site_url = sample_site_url or os.environ.get("LIANGQU_SAMPLE_SITE_URL")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise ValueError(f"{path}: expected a mapping with a 'sources' list")
    defaults = data.get("defaults") or {}
    sources = [_source(entry, defaults, sample_site_url) for entry in data["sources"]]
    ids = [s.id for s in sources]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ValueError(f"{path}: duplicate source ids {sorted(dupes)}")
    return sources
