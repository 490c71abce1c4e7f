"""`liangqu ingest`: land local .txt/.html/.htm files, folders of them, and .warc(.gz) archives
through the same parsing and landing path as the crawler."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from scrapers import landing
from scrapers.landing import RawDocument
from scrapers.parse import decode, parse_html, parse_text_file
from warehouse import runlog
from warehouse.paths import Home

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
TEXT_SUFFIXES = (".txt",)
WARC_SUFFIXES = (".warc", ".warc.gz")
INGEST_SOURCE_ID = "local"


@dataclass
class IngestReport:
    landed: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def document_from_bytes(url: str, content: bytes, kind: str, *, source_id: str = INGEST_SOURCE_ID,
                        content_type: str | None = None, fetched_at: datetime | None = None,
                        **extra) -> RawDocument:
    """Parse raw bytes into a RawDocument (shared by ingest and WARC records)."""
    if kind == "text":
        text = content.decode("utf-8-sig")  # .txt is UTF-8 by contract; a BOM is not text
        parsed = parse_text_file(text)
        encoding, encoding_source = "utf-8", "given"
    else:
        text, encoding, encoding_source = decode(content, content_type)
        parsed = parse_html(text, url)
    doc = RawDocument(
        source_id=source_id, url=url, content=content, final_url=url, content_type=content_type,
        encoding=encoding, encoding_source=encoding_source, title=parsed.title,
        publish_date=parsed.publish_date, issuer=parsed.issuer, meeting=parsed.meeting,
        speaker=parsed.speaker, text=parsed.text, **extra,
    )
    if fetched_at is not None:
        doc.fetched_at = fetched_at
    return doc


def _expand(paths: list[Path], report: IngestReport) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        p = Path(p).expanduser().resolve()
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and _kind(f)))
        elif p.is_file():
            if _kind(p):
                files.append(p)
            else:
                report.failed += 1
                report.errors.append(f"{p}: not a .txt, .html, .htm, .warc or .warc.gz file")
        else:
            report.failed += 1
            report.errors.append(f"{p}: no such file or folder")
    return files


def _warc_documents(path: Path):
    """Yield (url, RawDocument-or-exception) for each HTML/text response record in a WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                status = None
                content_type = record.rec_headers.get_header("Content-Type")
                etag = last_modified = None
                if record.rec_type == "response" and record.http_headers is not None:
                    status = int(record.http_headers.get_statuscode() or 0) or None
                    content_type = record.http_headers.get_header("Content-Type")
                    etag = record.http_headers.get_header("ETag")
                    last_modified = record.http_headers.get_header("Last-Modified")
                content = record.content_stream().read()
                kind = "text" if (content_type or "").startswith("text/plain") else "html"
                date = record.rec_headers.get_header("WARC-Date")
                fetched_at = None
                if date:
                    fetched_at = datetime.fromisoformat(date.replace("Z", "+00:00")).replace(tzinfo=None)
                if status is not None and status >= 400:
                    raise ValueError(f"HTTP {status} record")
                yield url, document_from_bytes(url, content, kind, content_type=content_type,
                                               fetched_at=fetched_at, http_status=status, etag=etag,
                                               last_modified=last_modified)
            except Exception as exc:  # one bad record never stops the rest of the archive
                yield url, exc


def ingest_paths(home: Home, paths: list[Path]) -> IngestReport:
    report = IngestReport()
    files = _expand(paths, report)
    con = landing.connect(home)
    try:
        for f in files:
            kind = _kind(f)
            if kind == "warc":
                try:
                    items = list(_warc_documents(f))
                except Exception as exc:
                    items = [(f.as_uri(), exc)]
            else:
                url = f.as_uri()
                try:
                    items = [(url, document_from_bytes(url, f.read_bytes(), kind))]
                except Exception as exc:
                    items = [(url, exc)]
            for url, item in items:
                if isinstance(item, Exception):
                    report.failed += 1
                    report.errors.append(f"{url}: {type(item).__name__}: {item}")
                    landing.log_fetch(con, url=url, source_id=INGEST_SOURCE_ID, outcome="failed",
                                      error=f"{type(item).__name__}: {item}")
                    continue
                outcome = landing.land(con, home, item)
                landing.log_fetch(con, url=url, source_id=INGEST_SOURCE_ID, outcome=f"ingest_{outcome}",
                                  byte_size=len(item.content), document_id=item.document_id)
                if outcome == "unchanged":
                    report.unchanged += 1
                else:
                    report.landed += 1
                report.document_ids.append(item.document_id)
    finally:
        con.close()
    runlog.record(home, "ingest", report.failed == 0, landed=report.landed, unchanged=report.unchanged,
                  failed=report.failed)
    return report
