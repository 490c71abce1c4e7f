"""CLI subcommands of the scraping layer: crawl, ingest, sample-site. Imports stay inside the functions."""
from __future__ import annotations

import sys


def _home(args):
    from warehouse.paths import home

    return home(getattr(args, "home", None)).ensure()


def cmd_crawl(args) -> int:
    from scrapers.crawl import crawl
    from scrapers.registry import load_sources

    home = _home(args)
    try:
        sources = load_sources(args.sources) if args.sources else load_sources()
    except (OSError, ValueError) as exc:
        print(f"crawl: cannot load sources: {exc}", file=sys.stderr)
        return 2
    known = {s.id for s in sources}
    unknown = [s for s in (args.source or []) if s not in known]
    if unknown:
        print(f"crawl: unknown source id(s): {', '.join(unknown)} (known: {', '.join(sorted(known))})",
              file=sys.stderr)
        return 2
    report = crawl(home, source_ids=args.source or None, sources=sources, rate_limit=not args.no_rate_limit)
    for sid, r in report.per_source.items():
        print(f"  {sid}: fetched {r.fetched}, new {r.landed_new}, changed {r.landed_changed}, "
              f"unchanged {r.unchanged}, failed {r.failed}, robots-skipped {r.skipped_robots}")
    print(f"crawl: {report.fetched} pages fetched, {report.landed_new} new and {report.landed_changed} changed "
          f"documents landed, {report.unchanged} unchanged, {report.failed} failed "
          f"(details per URL in {home.raw_db} fetch_log)")
    return 0 if report.ok else 1


def cmd_ingest(args) -> int:
    from pathlib import Path

    from scrapers.ingest import ingest_paths

    home = _home(args)
    report = ingest_paths(home, [Path(p) for p in args.paths])
    for err in report.errors:
        print(f"  failed: {err}", file=sys.stderr)
    print(f"ingest: {report.landed} documents landed, {report.unchanged} unchanged, {report.failed} failed "
          f"(raw zone: {home.raw_db})")
    return 0 if report.failed == 0 else 1


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def cmd_sample_site(args) -> int:
    import signal
    import time

    from scrapers.sample_site.server import start_sample_site

    signal.signal(signal.SIGTERM, _stop_on_sigterm)  # a supervisor's TERM stops it as cleanly as Ctrl-C

    site = start_sample_site(host=args.host, port=args.port)
    print(f"sample site serving at {site.base_url}  (Ctrl-C to stop)")
    print(f"crawl it with: LIANGQU_SAMPLE_SITE_URL={site.base_url} "
          f"liangqu crawl --sources scrapers/sample_sources.yaml")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()
    return 0


def register(sub) -> None:
    p = sub.add_parser("crawl", help="scrape the configured sources and land what is new or changed")
    p.add_argument("--source", action="append", metavar="ID", help="only this source (repeatable)")
    p.add_argument("--sources", metavar="FILE",
                   help="source registry file (default: $LIANGQU_SOURCES or scrapers/sources.yaml)")
    p.add_argument("--no-rate-limit", action="store_true", help="do not wait between requests to a host")
    p.set_defaults(func=cmd_crawl)

    p = sub.add_parser("ingest", help="land local .html/.htm/.txt files, folders of them, or .warc(.gz) files")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("sample-site", help="serve the bundled sample site on loopback until Ctrl-C")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--host", default="127.0.0.1")
    p.set_defaults(func=cmd_sample_site)
