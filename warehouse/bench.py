"""`liangqu bench`: how fast, how big, and how cost grows.

For each corpus size N: generate N documents (warehouse/bench_corpus.py), serve them over loopback
(warehouse/bench_site.py), then measure, each step in its own child process so that its wall time
and peak memory (ru_maxrss of that child, from os.wait4) belong to that step alone:
crawl + land, full build (dbt + validation + publish), one new document + build, the extractor
alone (MB of text per second, one process), and cn2an over the same text as the reference line
(alone, and taken turn about with the number finder over the same chunks, so the ratio holds however the
machine's speed drifts between phases).
Output: one `name value unit` line per figure, or one JSON object with --json.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

DEFAULT_SIZES = (1000, 10000)


class Figures:
    """Ordered figures with their units."""

    def __init__(self) -> None:
        self.values: dict[str, float | int] = {}
        self.units: dict[str, str] = {}

    def put(self, name: str, value, unit: str) -> None:
        self.values[name] = value
        self.units[name] = unit

    def lines(self) -> list[str]:
        return [f"{name} {value} {self.units[name]}" for name, value in self.values.items()]


def _drain(stream, sink: list[bytes]) -> None:
    for chunk in iter(lambda: stream.read(65536), b""):
        sink.append(chunk)


_PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss_bytes(root: int) -> int:
    """Resident memory of a process and all its descendants now (Linux /proc; 0 elsewhere)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
                parents[int(entry)] = int(stat[stat.rindex(b")") + 2:].split()[1])
            except (OSError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm") as fh:
                total += int(fh.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            continue
    return total


def _sample_tree(pid: int, stop: threading.Event, peak: list[int]) -> None:
    while not stop.wait(0.25):
        peak[0] = max(peak[0], _tree_rss_bytes(pid))


def run_phase(phase: str, workdir: Path, n: int) -> dict:
    """Run one phase in a child process; returns its own report plus wall_s and peak_mib."""
    env = {**os.environ, "LIANGQU_HOME": str(workdir / "home"), "PYTHONWARNINGS": "ignore"}
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "warehouse.bench_phases", phase, str(workdir), str(n)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    out, err = [], []
    readers = [threading.Thread(target=_drain, args=(proc.stdout, out)),
               threading.Thread(target=_drain, args=(proc.stderr, err))]
    stop, tree_peak = threading.Event(), [0]
    readers.append(threading.Thread(target=_sample_tree, args=(proc.pid, stop, tree_peak), daemon=True))
    for r in readers:
        r.start()
    # wait4, not communicate(): it returns this child's own rusage (ru_maxrss, KiB on Linux)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    stop.set()
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = b"".join(out).decode("utf-8", "replace").strip()
    if proc.returncode != 0 or not stdout:
        tail = b"".join(err).decode("utf-8", "replace")[-3000:]
        raise RuntimeError(f"bench phase {phase} (N={n}) failed with exit code {proc.returncode}:\n{tail}")
    report = json.loads(stdout.splitlines()[-1])
    # peak_mib: the largest single process (ru_maxrss of the child or of any worker it waited for);
    # peak_tree_mib: the most the child and its worker processes held at once (sampled every 0.25 s)
    report.update(wall_s=round(wall, 2), peak_mib=round(usage.ru_maxrss / 1024, 1),
                  peak_tree_mib=round(max(tree_peak[0] / 2**20, usage.ru_maxrss / 1024), 1))
    return report


def _round(x: float | None, digits: int = 2):
    return None if x is None else round(x, digits)


def measure(n: int, workdir: Path, figures: Figures) -> None:
    from warehouse.bench_phases import prepare

    prepare(workdir, n)
    shutil.rmtree(workdir / "home", ignore_errors=True)  # every measurement starts from an empty warehouse
    p = f"n{n}."
    figures.put(p + "loadavg_1m", round(os.getloadavg()[0], 2), "load")

    crawl = run_phase("crawl", workdir, n)
    figures.put(p + "crawl_docs_per_s", round(crawl["documents"] / crawl["wall_s"], 1), "docs/s")
    figures.put(p + "crawl_landed", crawl["documents"], "docs")
    figures.put(p + "crawl_wall_s", crawl["wall_s"], "s")
    figures.put(p + "crawl_peak_mib", crawl["peak_mib"], "MiB")

    for phase in ("build", "incremental"):
        b = run_phase(phase, workdir, n)
        name = "full_build" if phase == "build" else "incremental_build"
        figures.put(p + f"{name}_wall_s", b["wall_s"], "s")
        figures.put(p + f"{name}_peak_mib", b["peak_mib"], "MiB")
        figures.put(p + f"{name}_peak_tree_mib", b["peak_tree_mib"], "MiB")
        figures.put(p + f"{name}_dbt_s", _round(b["dbt_s"]), "s")
        figures.put(p + f"{name}_validate_s", _round(b["validate_s"]), "s")
        figures.put(p + f"{name}_validate_gx_import_s", _round(b["validate_import_s"]), "s")
        figures.put(p + f"{name}_publish_s", _round(b["publish_s"]), "s")
        figures.put(p + f"{name}_validated_docs", b["validated_documents"], "docs")
        if phase == "build":
            for table, rows in b["rows"].items():
                figures.put(p + f"rows.{table}", rows, "rows")

    ext = run_phase("extract", workdir, n)
    qty = run_phase("quantities", workdir, n)
    ref = run_phase("reference", workdir, n)
    pair = run_phase("paired", workdir, n)
    ext_rate, ref_rate = ext["mb"] / ext["seconds"], ref["mb"] / ref["seconds"]
    qty_rate = qty["mb"] / qty["seconds"]
    figures.put(p + "text_mb", round(ext["mb"], 2), "MB")
    figures.put(p + "extract_mb_per_s", round(ext_rate, 3), "MB/s")
    figures.put(p + "extract_facts", ext["facts"], "facts")
    figures.put(p + "extract_wall_s", ext["wall_s"], "s")
    figures.put(p + "extract_peak_mib", ext["peak_mib"], "MiB")
    figures.put(p + "reference_cn2an_mb_per_s", round(ref_rate, 3), "MB/s")
    figures.put(p + "reference_wall_s", ref["wall_s"], "s")
    figures.put(p + "reference_peak_mib", ref["peak_mib"], "MiB")
    figures.put(p + "extract_speedup_vs_reference", round(ext_rate / ref_rate, 2), "x")
    figures.put(p + "quantities_mb_per_s", round(qty_rate, 3), "MB/s")
    figures.put(p + "quantities_found", qty["quantities"], "quantities")
    figures.put(p + "quantities_speedup_vs_reference", round(qty_rate / ref_rate, 2), "x")
    figures.put(p + "paired_quantities_mb_per_s", round(pair["mb"] / pair["seconds"], 3), "MB/s")
    figures.put(p + "paired_reference_mb_per_s", round(pair["mb"] / pair["reference_seconds"], 3), "MB/s")
    figures.put(p + "paired_quantities_speedup_vs_reference", round(pair["reference_seconds"] / pair["seconds"], 2), "x")


def run(sizes: list[int], workdir: Path, on_size_done=None) -> Figures:
    figures = Figures()
    for n in sizes:
        already = len(figures.values)
        measure(n, workdir / f"n{n}", figures)
        if on_size_done is not None:
            on_size_done(figures.lines()[already:])
    return figures


def bench_command(args) -> int:
    sizes = args.docs or list(DEFAULT_SIZES)
    if any(n < 1 for n in sizes):
        print("liangqu bench: --docs must be at least 1", file=sys.stderr)
        return 2
    keep = args.workdir is not None
    workdir = Path(args.workdir) if keep else Path(tempfile.mkdtemp(prefix="liangqu-bench-"))
    # lines are printed as each corpus size finishes (a large N takes many minutes); JSON at the end
    show = None if args.json else (lambda lines: print("\n".join(lines), flush=True))
    try:
        figures = run(sizes, workdir, show)
    except RuntimeError as exc:
        print(f"liangqu bench: {exc}", file=sys.stderr)
        return 1
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        print(json.dumps(figures.values, ensure_ascii=False))
    return 0
