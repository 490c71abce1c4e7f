"""The steps `liangqu bench` measures, each run as `python -m warehouse.bench_phases PHASE WORKDIR N`.

Each prints one JSON line with what it did; the parent adds wall time and peak memory.
Layout of WORKDIR: site/ (the corpus as web pages), texts/ (the same as .txt), sources.yaml, home/.
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from warehouse.paths import home as resolve_home


def prepare(workdir: Path, n: int) -> None:
    """Generate the corpus as a site and as text files (not measured)."""
    from warehouse.bench_corpus import generate, write_text_files
    from warehouse.bench_site import write_registry, write_site

    marker = workdir / "prepared.json"
    if marker.exists() and json.loads(marker.read_text()).get("n") == n:
        return
    docs = generate(n + 1)  # the last one is kept back for the incremental step
    write_site(docs[:n], workdir / "site")
    write_text_files(docs[:n], workdir / "texts")
    write_text_files(docs[n:], workdir / "extra")
    write_registry(workdir / "sources.yaml")
    marker.write_text(json.dumps({"n": n}))


def crawl(workdir: Path, n: int) -> dict:
    from scrapers.crawl import crawl as run_crawl
    from scrapers.registry import load_sources
    from warehouse.bench_site import serve

    with serve(workdir / "site") as base_url:
        sources = load_sources(workdir / "sources.yaml", sample_site_url=base_url)
        report = run_crawl(resolve_home().ensure(), sources=sources, rate_limit=False)
    counts = report.as_dict()
    landed = counts.get("landed_new", 0) + counts.get("landed_changed", 0)
    if landed < n:
        raise SystemExit(f"crawl landed {landed} of {n} documents: {counts}")
    return {"documents": landed}


def build(workdir: Path, n: int) -> dict:
    from warehouse.build import build as run_build

    outcome = run_build(resolve_home().ensure())
    if not outcome.published:
        raise SystemExit(f"the build did not publish: {outcome.reason}")
    return {"published": True}


def incremental(workdir: Path, n: int) -> dict:
    from scrapers.ingest import ingest_paths
    from warehouse.build import build as run_build

    home = resolve_home().ensure()
    ingest_paths(home, sorted((workdir / "extra").glob("*.txt")))
    outcome = run_build(home)
    if not outcome.published:
        raise SystemExit(f"the incremental build did not publish: {outcome.reason}")
    return {"published": True}


def _texts(workdir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((workdir / "texts").glob("*.txt"))]


def extract(workdir: Path, n: int) -> dict:
    from dbt_project.extraction.document import extract_document

    texts = _texts(workdir)
    started = time.perf_counter()
    facts = 0
    for text in texts:
        result = extract_document(text)
        facts += sum(len(result.get(k, [])) for k in ("indicators", "projects", "measures"))
    seconds = time.perf_counter() - started
    return {"mb": sum(len(t.encode("utf-8")) for t in texts) / 1e6, "seconds": seconds, "facts": facts}


_NUMBER = re.compile(r"[0-9零一二两三四五六七八九十百千万亿\.]+[%％]?")


def reference(workdir: Path, n: int) -> dict:
    """The general-purpose line: cn2an normalising every number-like run in the same text.

    cn2an is slow, so it runs over a fixed slice of the corpus; MB/s is what is compared.
    """
    import cn2an

    texts = _texts(workdir)[:200]
    started = time.perf_counter()
    converted = 0
    for text in texts:
        for sentence in re.split(r"[。；！？\n]", text):
            if _NUMBER.search(sentence):
                cn2an.transform(sentence, "cn2an")
                converted += 1
    seconds = time.perf_counter() - started
    return {"mb": sum(len(t.encode("utf-8")) for t in texts) / 1e6, "seconds": seconds, "sentences": converted}


PHASE_FUNCTIONS = {"crawl": crawl, "build": build, "incremental": incremental, "extract": extract, "reference": reference}


def main(argv: list[str]) -> int:
    phase, workdir, n = argv[0], Path(argv[1]), int(argv[2])
    result = PHASE_FUNCTIONS[phase](workdir, n)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
