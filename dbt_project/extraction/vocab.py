"""The dbt seeds, read once, so Python rules and SQL models share one vocabulary."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def _rows(name: str) -> list[dict]:
    with open(SEEDS_DIR / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass(frozen=True)
class Unit:
    unit: str
    base_unit: str
    multiplier: float
    category: str


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    return {
        r["unit"]: Unit(r["unit"], r["base_unit"], float(r["multiplier"]), r["category"])
        for r in _rows("units.csv")
    }


@lru_cache(maxsize=1)
def units_longest_first() -> tuple[str, ...]:
    return tuple(sorted(units(), key=len, reverse=True))


@dataclass(frozen=True)
class District:
    name: str
    code: str | None
    name_en: str
    aliases: tuple[str, ...]
    is_municipal: bool


@lru_cache(maxsize=1)
def districts() -> tuple[District, ...]:
    return tuple(
        District(
            r["district"],
            r["district_code"] or None,
            r["name_en"],
            tuple(a for a in r["aliases"].split("|") if a),
            r["is_municipal"].lower() == "true",
        )
        for r in _rows("districts.csv")
    )


@lru_cache(maxsize=1)
def place_aliases() -> dict[str, str]:
    """Well-known places that lie wholly inside one district ({place: district})."""
    return {r["place"]: r["district"] for r in _rows("place_aliases.csv")}


MUNICIPAL = "北京市"


@lru_cache(maxsize=1)
def metric_names() -> tuple[str, ...]:
    """Every name and synonym of the canonical metrics (seeds/canonical_metrics.csv), longest first."""
    names = {name for r in _rows("canonical_metrics.csv") for name in [r["name_zh"], *r["synonyms"].split("|")] if name}
    return tuple(sorted(names, key=len, reverse=True))
