"""Subcommands owned by the transform layer: `liangqu transform` and `liangqu eval`. Imports stay lazy."""
from __future__ import annotations

import json
import sys
from pathlib import Path


def _transform(args) -> int:
    from dbt_project.runner import dbt_build
    from warehouse.paths import home as resolve_home

    home = resolve_home(args.home)
    result = dbt_build(home, full_refresh=args.full_refresh)
    if result.success:
        print(f"dbt build ok in {result.elapsed_s:.1f} s → {home.work_db}")
        for table, n in result.row_counts.items():
            print(f"  {table:22s} {n}")
        return 0
    print(f"dbt build failed after {result.elapsed_s:.1f} s:\n{result.failures}", file=sys.stderr)
    return 1


def _eval(args) -> int:
    from dbt_project.evaluation.evaluate import evaluate, format_table

    gold = Path(args.gold)
    if not gold.is_dir():
        print(f"{gold}: not a folder", file=sys.stderr)
        return 2
    try:
        # with an explicit --home the evaluation warehouse is kept there for inspection
        result = evaluate(gold, Path(args.home) if args.home else None)
    except (FileNotFoundError, RuntimeError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(format_table(result))
    return 0


def register(sub) -> None:
    p = sub.add_parser("transform", help="dbt build only: raw documents → the working warehouse")
    p.add_argument("--full-refresh", action="store_true", help="re-extract every document")
    p.set_defaults(func=_transform)

    p = sub.add_parser("eval", help="build from a gold folder's .txt files and score against its .json")
    p.add_argument("--gold", required=True, help="folder of <doc>.txt + <doc>.json (+ score.py)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=_eval)
