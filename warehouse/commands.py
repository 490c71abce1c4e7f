"""Subcommands owned by the warehouse layer: build, status, demo, bench. Imports stay lazy."""
from __future__ import annotations

from warehouse.paths import home as resolve_home


def _build(args) -> int:
    from warehouse.build import build_command

    return build_command(resolve_home(args.home), args)


def _status(args) -> int:
    from warehouse.status import status_command

    return status_command(resolve_home(args.home), args)


def _demo(args) -> int:
    from warehouse.demo import demo_command

    return demo_command(resolve_home(args.home), args)


def _bench(args) -> int:
    from warehouse.bench import bench_command

    return bench_command(args)


def register(sub) -> None:
    p = sub.add_parser("build", help="dbt build -> Great Expectations checkpoint -> publish only if it passes")
    p.add_argument("--full-refresh", action="store_true",
                   help="rebuild incremental models from scratch (and validate every row)")
    p.add_argument("--full-validation", action="store_true",
                   help="validate every row, not only the rows of new or changed documents")
    p.set_defaults(func=_build)

    p = sub.add_parser("status", help="what was landed, built, validated and published, and when")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=_status)

    p = sub.add_parser("demo", help="the whole pipeline once, offline, through the Airflow DAGs, on the sample site")
    p.set_defaults(func=_demo)

    p = sub.add_parser("bench", help="measure crawl, build, incremental build and extraction speed")
    p.add_argument("--docs", type=int, action="append", help="corpus size (repeatable; default 1000 and 10000)")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--workdir", help="where to build the corpus and warehouses (default: a temp dir)")
    p.set_defaults(func=_bench)
