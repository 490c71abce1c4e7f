"""Crawl registry sources and land what is new or changed.

Per source: walk each section's list pages (following next-page links and, for bulletins, issue
pages), collect article links, and fetch each article with conditional GET. A page lands only when
its bytes are new for its URL; an identical text already landed under another URL is a duplicate.
Each article's landing, crawl state and log row commit together, so a crash loses nothing landed;
the source's unfinished run is resumed next time, skipping the articles it already finished.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin

from scrapers import landing
from scrapers.fetch import Fetcher, FetchResult
from scrapers.landing import RawDocument
from scrapers.parse import decode, normalize_charset, parse_html
from scrapers.registry import Section, Source, load_sources
from warehouse import runlog
from warehouse.paths import Home

TRS_PAGER_RE = re.compile(r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"']([^\"']+)[\"']\s*,\s*[\"']([^\"']+)[\"']")
COUNTERS = ("fetched", "landed_new", "landed_changed", "unchanged", "duplicates", "failed", "skipped_robots",
            "skipped_resumed")


@dataclass
class CrawlReport:
    fetched: int = 0            # HTTP requests that got an answer for an article or list page
    landed_new: int = 0
    landed_changed: int = 0
    unchanged: int = 0          # 304 or the same bytes as last time
    duplicates: int = 0         # same text as a document landed under another URL
    failed: int = 0
    skipped_robots: int = 0
    skipped_resumed: int = 0    # finished by the interrupted run this one resumed
    per_source: dict[str, "CrawlReport"] = field(default_factory=dict)

    @property
    def changed(self) -> int:
        return self.landed_new + self.landed_changed

    @property
    def ok(self) -> bool:
        # Per-URL failures are expected on real sites and recorded; only a crawl that reached nothing fails.
        return self.fetched > 0 or self.failed == 0

    def totals(self) -> dict:
        return {k: getattr(self, k) for k in COUNTERS}

    def add(self, source_id: str, other: "CrawlReport") -> None:
        self.per_source[source_id] = other
        for k in COUNTERS:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def as_dict(self) -> dict:
        d = self.totals()
        d["changed"] = self.changed
        d["per_source"] = {sid: r.as_dict() for sid, r in self.per_source.items()}
        return d


def crawl(home: Home, source_ids: list[str] | None = None, sources: list[Source] | None = None,
          rate_limit: bool = True) -> CrawlReport:
    sources = sources if sources is not None else load_sources()
    if source_ids:
        unknown = set(source_ids) - {s.id for s in sources}
        if unknown:
            raise ValueError(f"unknown source ids: {sorted(unknown)}")
        sources = [s for s in sources if s.id in source_ids]
    report = CrawlReport()
    for source in sources:
        report.add(source.id, crawl_source(home, source, rate_limit=rate_limit))
    runlog.record(home, "crawl", report.ok, sources=[s.id for s in sources], **report.totals())
    return report


def crawl_source(home: Home, source: Source, rate_limit: bool = True) -> CrawlReport:
    return _SourceCrawl(home, source, rate_limit).run()


class _SourceCrawl:
    def __init__(self, home: Home, source: Source, rate_limit: bool):
        self.home, self.source = home, source
        self.report = CrawlReport()
        self.fetcher = Fetcher(rate=source.rate, rate_limit=rate_limit, timeout=source.timeout,
                               attempts=source.attempts, backoff=source.backoff, max_bytes=source.max_bytes,
                               allowed_domains=source.allowed_domains)

    def run(self) -> CrawlReport:
        self.con = landing.connect(self.home)
        try:
            self.run_id, resumed = landing.start_run(self.con, self.source.id)
            self.done = landing.done_in_run(self.con, self.run_id) if resumed else set()
            seen_articles: set[str] = set()
            for section in self.source.sections:
                for url in self._article_links(section):
                    if url in seen_articles:
                        continue
                    seen_articles.add(url)
                    if url in self.done:
                        self.report.skipped_resumed += 1
                        continue
                    self._article(url, section)
            landing.finish_run(self.con, self.run_id)
        finally:
            self.fetcher.close()
            self.con.close()
        return self.report

    # ------------------------------------------------------------ lists

    def _article_links(self, section: Section) -> list[str]:
        queue = list(section.start_urls)
        visited: set[str] = set()
        articles: list[str] = []
        known: set[str] = set()
        while queue and len(visited) < section.max_list_pages:
            url = queue.pop(0)
            if url in visited:
                continue
            visited.add(url)
            res = self.fetcher.get(url)
            self._log_attempts(res)
            if res.outcome != "ok":
                self._count_failure(res)
                self._log(res, res.outcome)
                continue
            self.report.fetched += 1
            text, _, _ = decode(res.content, res.headers.get("content-type"))
            base = res.final_url or url
            for href in re.findall(r"""<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)""", text, flags=re.I):
                link = urldefrag(urljoin(base, href.strip()))[0]
                if section.article_pattern.search(link):
                    if link not in known:
                        known.add(link)
                        articles.append(link)
                elif section.follow_pattern and section.follow_pattern.search(link) and link not in visited:
                    queue.append(link)
            queue.extend(u for u in self._next_pages(section, text, base) if u not in visited)
            self._log(res, "list")
        return articles

    @staticmethod
    def _next_pages(section: Section, text: str, base: str) -> list[str]:
        out = []
        if section.next_page.get("trs"):
            m = TRS_PAGER_RE.search(text)
            if m:
                count, current, stem, ext = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
                if current + 1 < count:
                    out.append(urljoin(base, f"{stem}_{current + 1}.{ext}"))
        selector = section.next_page.get("selector")
        if selector:
            from bs4 import BeautifulSoup

            for a in BeautifulSoup(text, "lxml").select(selector):
                if a.get("href"):
                    out.append(urldefrag(urljoin(base, a["href"]))[0])
        return out

    # ------------------------------------------------------------ articles

    def _article(self, url: str, section: Section) -> None:
        state = landing.get_state(self.con, url)
        has_doc = bool(state and state.get("document_id"))
        res = self.fetcher.get(url, etag=state.get("etag") if has_doc else None,
                               last_modified=state.get("last_modified") if has_doc else None)
        self._log_attempts(res)
        if res.outcome in ("ok", "not_modified"):
            self.report.fetched += 1
        if res.outcome == "not_modified":
            self.report.unchanged += 1
            self._finish(url, res, "not_modified")
            return
        if res.outcome != "ok":
            self._count_failure(res)
            self._finish(url, res, res.outcome)
            return
        try:
            doc = self._document(url, res, section)
        except Exception as exc:  # a page that cannot be parsed is recorded, the crawl goes on
            self.report.failed += 1
            res.error = f"parse error: {type(exc).__name__}: {exc}"
            self._finish(url, res, "parse_failed")
            return
        if state and state.get("content_sha256") == doc.content_sha256 and landing.known_document(self.con, doc.document_id):
            self.report.unchanged += 1
            self._finish(url, res, "unchanged", doc=doc)
            return
        dup_of = self.con.execute(
            "SELECT document_id FROM raw_documents WHERE text_sha256 = ? AND url <> ? LIMIT 1",
            [landing.sha256_hex(doc.text or ""), url]).fetchone()
        if dup_of and doc.text:
            self.report.duplicates += 1
            res.error = f"same text as document {dup_of[0]}"
            self._finish(url, res, "duplicate", doc=doc, document_id=dup_of[0])
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            outcome = landing.land(self.con, self.home, doc)
            self._finish(url, res, f"landed_{outcome}" if outcome != "unchanged" else "unchanged", doc=doc,
                         transaction=False)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        if outcome == "new":
            self.report.landed_new += 1
        elif outcome == "changed":
            self.report.landed_changed += 1
        else:
            self.report.unchanged += 1

    def _document(self, url: str, res: FetchResult, section: Section) -> RawDocument:
        content_type = res.headers.get("content-type")
        if self.source.encoding:  # the registry knows this site's encoding better than its pages do
            codec = normalize_charset(self.source.encoding)
            text, encoding, encoding_source = res.content.decode(codec, errors="replace"), codec, "given"
        else:
            text, encoding, encoding_source = decode(res.content, content_type)
        parsed = parse_html(text, url, content_selectors=self.source.content_selectors,
                            title_selectors=self.source.title_selectors, drop_selectors=self.source.drop_selectors)
        return RawDocument(
            source_id=self.source.id, url=url, content=res.content, fetched_at=res.fetched_at or landing.utcnow(),
            final_url=res.final_url, http_status=res.status, etag=res.headers.get("etag"),
            last_modified=res.headers.get("last-modified"), content_type=content_type, encoding=encoding,
            encoding_source=encoding_source, title=parsed.title, publish_date=parsed.publish_date,
            issuer=parsed.issuer, meeting=parsed.meeting, speaker=parsed.speaker,
            source_district=self.source.district, section=section.kind, text=parsed.text,
        )

    # ------------------------------------------------------------ bookkeeping

    def _count_failure(self, res: FetchResult) -> None:
        if res.outcome == "skipped_robots":
            self.report.skipped_robots += 1
        else:
            self.report.failed += 1

    def _log_attempts(self, res: FetchResult) -> None:
        """One fetch_log row per retried attempt; the final attempt is logged with the outcome."""
        for a in res.attempts[:-1]:
            outcome = "redirect" if a.status and 300 <= a.status < 400 else "retry"
            landing.log_fetch(self.con, url=res.url, outcome=outcome, run_id=self.run_id, source_id=self.source.id,
                              http_status=a.status, error=a.error, elapsed_ms=a.elapsed_ms)

    def _log(self, res: FetchResult, outcome: str, document_id: str | None = None) -> None:
        last = res.attempts[-1] if res.attempts else None
        landing.log_fetch(self.con, url=res.url, outcome=outcome, run_id=self.run_id, source_id=self.source.id,
                          final_url=res.final_url, http_status=res.status, error=res.error,
                          attempts=len(res.attempts), elapsed_ms=last.elapsed_ms if last else None,
                          byte_size=len(res.content) if res.content else None, document_id=document_id)

    def _finish(self, url: str, res: FetchResult, outcome: str, doc: RawDocument | None = None,
                document_id: str | None = None, transaction: bool = True) -> None:
        """Record the article's final outcome in this run: log row + crawl state, committed together."""
        if transaction:
            self.con.execute("BEGIN TRANSACTION")
        try:
            fields = dict(source_id=self.source.id, last_status=res.status, last_outcome=outcome,
                          last_fetched_at=landing.utcnow(), last_run_id=self.run_id)
            if doc is not None and outcome != "duplicate":
                fields.update(etag=res.headers.get("etag"), last_modified=res.headers.get("last-modified"),
                              content_sha256=doc.content_sha256, document_id=doc.document_id)
                if outcome.startswith("landed"):
                    fields["last_changed_at"] = landing.utcnow()
            if outcome == "duplicate":
                # remember the bytes so an unchanged duplicate costs one conditional GET next time
                fields.update(etag=res.headers.get("etag"), last_modified=res.headers.get("last-modified"),
                              document_id=document_id, content_sha256=doc.content_sha256 if doc else None)
            landing.put_state(self.con, url, **fields)
            self._log(res, outcome, document_id=document_id or (doc.document_id if doc and outcome != "duplicate" else None))
            if transaction:
                self.con.execute("COMMIT")
        except BaseException:
            if transaction:
                self.con.execute("ROLLBACK")
            raise
