"""How long validation takes: `python -m expectations.measure [--home DIR] [--copies N] [--json]`.

Validates the home's working warehouse if there is one (after `liangqu build` on the sample site),
else a warehouse built from the gold sample documents (`--copies` repeats them), in a temp home.
Prints the great_expectations import time, the first validation (which pays for the import),
and a second one in the same process (without it).
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from warehouse.paths import Home, home as resolve_home


def measure(home: Home, chunk_rows: int | None = None) -> dict:
    from expectations.checkpoint import run_checkpoint

    started = time.perf_counter()
    first = run_checkpoint(home, chunk_rows=chunk_rows)
    first_s = time.perf_counter() - started
    started = time.perf_counter()
    second = run_checkpoint(home, chunk_rows=chunk_rows)
    second_s = time.perf_counter() - started
    return {
        "work_db": str(home.work_db),
        "rows": {name: s.rows for name, s in second.suites.items()},
        "expectations_evaluated": sum(s.evaluated for s in second.suites.values()),
        "success": second.success,
        "gx_import_s": round(first.import_s, 2),
        "first_validation_with_import_s": round(first_s, 2),
        "validation_without_import_s": round(second_s, 2),
        "data_docs": second.data_docs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m expectations.measure", description=__doc__.splitlines()[0])
    parser.add_argument("--home", help="LIANGQU_HOME whose working warehouse to validate")
    parser.add_argument("--copies", type=int, default=1, help="gold sample repeated N times (no --home warehouse)")
    parser.add_argument("--chunk-rows", type=int)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    home = resolve_home(args.home)
    with tempfile.TemporaryDirectory(prefix="liangqu-measure-") as tmp:
        if not home.work_db.exists() or args.copies > 1:
            from expectations.sample import build_sample_warehouse

            home = Home(Path(tmp))
            home.ensure()
            build_sample_warehouse(home.work_db, copies=args.copies)
            source = f"gold sample documents x{args.copies}"
        else:
            source = "working warehouse"
        figures = {"source": source, **measure(home, args.chunk_rows)}
        if args.json:
            print(json.dumps(figures, ensure_ascii=False, indent=1))
        else:
            print(f"validated: {figures['source']} ({figures['work_db']})")
            print(f"rows per suite: {figures['rows']}")
            print(f"expectations evaluated: {figures['expectations_evaluated']}, passed: {figures['success']}")
            print(f"import great_expectations:           {figures['gx_import_s']:6.2f} s")
            print(f"validation incl. the import (1st):    {figures['first_validation_with_import_s']:6.2f} s")
            print(f"validation without the import (2nd): {figures['validation_without_import_s']:6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
