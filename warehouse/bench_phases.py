"""The steps `liangqu bench` measures, each run as `python -m warehouse.bench_phases PHASE WORKDIR N`.

Each prints one JSON line with what it did; the parent adds wall time and peak memory.
Layout of WORKDIR: site/ (the corpus as web pages), extra/ (the document kept back for the
incremental step, as .txt), sources.yaml, home/ (the LIANGQU_HOME every phase works in).
"""
from __future__ import annotations

import json
import re
import sys
import time
import warnings
from pathlib import Path

from warehouse.paths import home as resolve_home

PREPARED_MARKER = "prepared.json"


def prepare(workdir: Path, n: int) -> None:
    """Generate the corpus as a site, plus one more document as a text file (not measured)."""
    from warehouse.bench_corpus import generate, write_text_files
    from warehouse.bench_site import write_registry, write_site

    marker = workdir / PREPARED_MARKER
    if marker.exists() and json.loads(marker.read_text()).get("n") == n:
        return
    workdir.mkdir(parents=True, exist_ok=True)
    docs = generate(n + 1)  # the last one is kept back for the incremental step
    write_site(docs[:n], workdir / "site")
    write_text_files(docs[n:], workdir / "extra")
    write_registry(workdir / "sources.yaml")
    marker.write_text(json.dumps({"n": n}))


def crawl(workdir: Path, n: int) -> dict:
    from scrapers.crawl import crawl as run_crawl
    from scrapers.registry import load_sources
    from warehouse.bench_site import serve

    with serve(workdir / "site") as base_url:
        sources = load_sources(workdir / "sources.yaml", sample_site_url=base_url)
        started = time.perf_counter()
        report = run_crawl(resolve_home().ensure(), sources=sources, rate_limit=False)
        seconds = time.perf_counter() - started
    landed = report.landed_new + report.landed_changed
    if landed < n:
        raise SystemExit(f"crawl landed {landed} of {n} documents: {report.totals()}")
    return {"documents": landed, "fetched": report.fetched, "failed": report.failed, "seconds": seconds}


def _build_report(outcome) -> dict:
    if not outcome.ok or outcome.publish is None:
        raise SystemExit(f"the build did not publish: {outcome.reason}")
    report = outcome.report
    return {
        "published": bool(outcome.published),
        "seconds": outcome.elapsed_s,
        "dbt_s": outcome.dbt.elapsed_s if outcome.dbt is not None else None,
        "validate_s": report.elapsed_s if report is not None else None,
        "validate_import_s": report.import_s if report is not None else None,
        "publish_s": outcome.publish.elapsed_s if outcome.publish is not None else None,
        "validated_documents": (report.scope or {}).get("validated_documents") if report is not None else None,
        "rows": dict(outcome.publish.counts) if outcome.publish is not None else {},
    }


def build(workdir: Path, n: int) -> dict:
    from warehouse.build import build as run_build

    return _build_report(run_build(resolve_home().ensure()))


def incremental(workdir: Path, n: int) -> dict:
    from scrapers.ingest import ingest_paths
    from warehouse.build import build as run_build

    home = resolve_home().ensure()
    landed = ingest_paths(home, sorted((workdir / "extra").glob("*.txt")))
    if landed.landed != 1:
        raise SystemExit(f"the incremental step landed {landed.landed} documents, not 1: {landed.as_dict()}")
    started = time.perf_counter()
    report = _build_report(run_build(home))
    report["seconds"] = time.perf_counter() - started
    return report


def _landed_documents() -> list[tuple]:
    """What the build extracts: every landed page's text and metadata, from the raw zone."""
    import duckdb

    con = duckdb.connect(str(resolve_home().raw_db), read_only=True)
    try:
        return con.execute(
            "select text, title, section, source_district, cast(publish_date as varchar) "
            "from raw_documents where text is not null order by document_id"
        ).fetchall()
    finally:
        con.close()


def _mb(docs: list[tuple]) -> float:
    return sum(len(d[0].encode("utf-8")) for d in docs) / 1e6


def extract(workdir: Path, n: int) -> dict:
    """The Python extractor over every landed document, in this one process (the MB/s figure).

    The same work as the build's liangqu_extract() per document: extract, then serialise to JSON."""
    from dbt_project.extraction.pipeline import extract_document

    docs = _landed_documents()
    started = time.perf_counter()
    facts = 0
    for text, title, section, district, published in docs:
        result = extract_document(text, title, section, district, published)
        json.dumps(result, ensure_ascii=False)
        facts += len(result["indicators"]) + len(result["projects"]) + len(result["measures"])
    seconds = time.perf_counter() - started
    return {"documents": len(docs), "mb": _mb(docs), "seconds": seconds, "facts": facts}


def quantities(workdir: Path, n: int) -> dict:
    """Only the extractor's number finder (value, unit, qualifier of every quantity) over the same
    text: the like-for-like comparison with the reference, which also only reads numbers."""
    from dbt_project.extraction.numbers import find_quantities

    docs = _landed_documents()
    started = time.perf_counter()
    found = sum(len(find_quantities(text)) for text, *_ in docs)
    seconds = time.perf_counter() - started
    return {"documents": len(docs), "mb": _mb(docs), "seconds": seconds, "quantities": found}


_SENTENCE_END = re.compile(r"[。；！？\n]")
_NUMBER = re.compile(r"[0-9零一二两三四五六七八九十百千万亿\.]+[%％]?")


def _reference_read(text: str) -> int:
    """cn2an.transform over every sentence of text that holds a number; how many it converted."""
    import cn2an

    converted = 0
    for sentence in _SENTENCE_END.split(text):
        if _NUMBER.search(sentence):
            cn2an.transform(sentence, "cn2an")
            converted += 1
    return converted


def reference(workdir: Path, n: int) -> dict:
    """The general-purpose line: cn2an.transform over every sentence of the same texts that holds a number."""
    import cn2an  # noqa: F401  (imported before the clock starts, as the extractor's modules are)

    docs = _landed_documents()
    warnings.simplefilter("ignore")  # cn2an warns about every numeral it cannot read (十四五)
    started = time.perf_counter()
    converted = sum(_reference_read(text) for text, *_ in docs)
    seconds = time.perf_counter() - started
    return {"documents": len(docs), "mb": _mb(docs), "seconds": seconds, "sentences": converted}


PAIRED_CHUNK_DOCS = 200  # ~1.6 MB: tens of ms of ours, about half a second of the reference


def paired(workdir: Path, n: int) -> dict:
    """The number finder and the reference taken turn about over the same chunks of documents, in one
    process: the machine's speed, which drifts here by ±20% (once 50%) between phases a minute apart,
    weighs on both sides of the ratio alike. Chunks, not single documents: turn about per document,
    each side would run with the other's code and data in the CPU caches (measured: our side 30% slower)."""
    import cn2an  # noqa: F401
    from dbt_project.extraction.numbers import find_quantities

    docs = _landed_documents()
    warnings.simplefilter("ignore")
    ours = theirs = 0.0
    clock = time.perf_counter
    for i in range(0, len(docs), PAIRED_CHUNK_DOCS):
        texts = [text for text, *_ in docs[i:i + PAIRED_CHUNK_DOCS]]
        t0 = clock()
        for text in texts:
            find_quantities(text)
        t1 = clock()
        for text in texts:
            _reference_read(text)
        ours, theirs = ours + (t1 - t0), theirs + (clock() - t1)
    return {"documents": len(docs), "mb": _mb(docs), "seconds": ours, "reference_seconds": theirs}


PHASE_FUNCTIONS = {"crawl": crawl, "build": build, "incremental": incremental, "extract": extract,
                   "quantities": quantities, "reference": reference, "paired": paired}


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in PHASE_FUNCTIONS:
        print(f"usage: python -m warehouse.bench_phases {{{'|'.join(PHASE_FUNCTIONS)}}} WORKDIR N", file=sys.stderr)
        return 2
    phase, workdir, n = argv[0], Path(argv[1]), int(argv[2])
    result = PHASE_FUNCTIONS[phase](workdir, n)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
