"""`liangqu bench`: how fast, how big, and how cost grows.

Each figure is measured in its own child process, so its wall time and peak memory (ru_maxrss of
that child, from os.wait4) belong to that step alone. Output: one `name value unit` line per
figure, or one JSON object with --json.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_SIZES = (1000, 10000)
PHASES = ("crawl", "build", "incremental", "extract", "reference")


def _run_phase(phase: str, workdir: Path, n: int) -> dict:
    """Run one phase in a child process; returns its own report plus wall_s and peak_mib."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "warehouse.bench_phases", phase, str(workdir), str(n)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "LIANGQU_HOME": str(workdir / "home")},
    )
    # wait4 gives this child's own peak RSS (KiB on Linux); communicate() would reap it first
    out_chunks, err_chunks = [], []
    import threading

    def drain(stream, sink):
        for chunk in iter(lambda: stream.read(65536), b""):
            sink.append(chunk)

    readers = [threading.Thread(target=drain, args=(proc.stdout, out_chunks)),
               threading.Thread(target=drain, args=(proc.stderr, err_chunks))]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    stdout = b"".join(out_chunks).decode("utf-8", "replace")
    if proc.returncode != 0:
        tail = b"".join(err_chunks).decode("utf-8", "replace")[-3000:]
        raise RuntimeError(f"bench phase {phase} (N={n}) failed with exit code {proc.returncode}:\n{tail}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report.update(wall_s=round(wall, 3), peak_mib=round(usage.ru_maxrss / 1024, 1))
    return report


def run(sizes: list[int], workdir: Path) -> dict:
    from warehouse.bench_phases import prepare

    figures: dict[str, float] = {}
    units: dict[str, str] = {}

    def put(name, value, unit):
        figures[name] = value
        units[name] = unit

    for n in sizes:
        wd = workdir / f"n{n}"
        prepare(wd, n)
        crawl = _run_phase("crawl", wd, n)
        put(f"crawl_land_docs_per_s.n{n}", round(crawl["documents"] / crawl["wall_s"], 1), "docs/s")
        put(f"crawl_land_wall.n{n}", crawl["wall_s"], "s")
        put(f"crawl_land_peak_mem.n{n}", crawl["peak_mib"], "MiB")
        put(f"crawl_landed.n{n}", crawl["documents"], "docs")
        build = _run_phase("build", wd, n)
        put(f"full_build_wall.n{n}", build["wall_s"], "s")
        put(f"full_build_peak_mem.n{n}", build["peak_mib"], "MiB")
        put(f"full_build_published.n{n}", int(build["published"]), "bool")
        inc = _run_phase("incremental", wd, n)
        put(f"incremental_build_wall.n{n}", inc["wall_s"], "s")
        put(f"incremental_build_peak_mem.n{n}", inc["peak_mib"], "MiB")
        ext = _run_phase("extract", wd, n)
        put(f"extract_mb_per_s.n{n}", round(ext["mb"] / ext["seconds"], 3), "MB/s")
        put(f"extract_peak_mem.n{n}", ext["peak_mib"], "MiB")
        ref = _run_phase("reference", wd, n)
        put(f"reference_cn2an_mb_per_s.n{n}", round(ref["mb"] / ref["seconds"], 3), "MB/s")
        put(f"extract_speedup_vs_reference.n{n}",
            round((ext["mb"] / ext["seconds"]) / (ref["mb"] / ref["seconds"]), 1), "x")
    return {"figures": figures, "units": units}


def bench_command(args) -> int:
    sizes = args.docs or list(DEFAULT_SIZES)
    if any(n < 1 for n in sizes):
        print("--docs must be at least 1", file=sys.stderr)
        return 2
    keep = args.workdir is not None
    workdir = Path(args.workdir) if keep else Path(tempfile.mkdtemp(prefix="liangqu-bench-"))
    try:
        result = run(sizes, workdir)
    except RuntimeError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        if not keep:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        print(json.dumps(result["figures"], ensure_ascii=False))
    else:
        for name, value in result["figures"].items():
            print(f"{name} {value} {result['units'][name]}")
    return 0
