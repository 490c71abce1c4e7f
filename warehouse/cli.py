"""The `liangqu` command. Each layer registers its own subcommands; nothing heavy is imported here."""
from __future__ import annotations

import argparse
import importlib
import sys

# Each module exposes `register(subparsers)`, adding its subcommands with `set_defaults(func=...)`.
# A subcommand function takes the parsed args and returns an exit code.
COMMAND_MODULES = (
    "scrapers.commands",      # crawl, ingest, sample-site
    "dbt_project.commands",   # transform, eval
    "warehouse.commands",     # build, status, demo, bench
    "warehouse.airflow_env",  # airflow (runs Airflow in liangqu's environment), notify
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liangqu",
        description="Scrape Beijing '两区' publications into a validated DuckDB warehouse.",
    )
    parser.add_argument("--home", help="where the platform writes (default: $LIANGQU_HOME or ./warehouse)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
