"""Keyword → sector/domain rules, read from the dbt seeds so BI users and the extractor share them.

The CSVs in dbt_project/seeds are ordered: the first keyword found wins, so put the specific
keywords (期货, 知识产权) above the broad ones (金融, 企业).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from .patterns import literal_alternation

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


@lru_cache(maxsize=None)
def keyword_rules(seed_name: str) -> tuple[tuple[str, str], ...]:
    """(keyword, label) pairs from seeds/<seed_name>.csv, in file order."""
    path = SEEDS_DIR / f"{seed_name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if not header or len(header) < 2:
            raise ValueError(f"{path}: expected a header 'keyword,<label>'")
        rules = []
        for line_no, row in enumerate(reader, start=2):
            if not row or not row[0].strip():
                continue
            if len(row) < 2 or not row[1].strip():
                raise ValueError(f"{path}:{line_no}: keyword {row[0]!r} has no label")
            rules.append((row[0].strip(), row[1].strip()))
    return tuple(rules)


@lru_cache(maxsize=None)
def _any_keyword(seed_name: str) -> re.Pattern:
    """Whether a text holds any keyword of the seed at all: one regex scan instead of a loop over
    every rule for the many texts that hold none."""
    return re.compile(literal_alternation(k for k, _ in keyword_rules(seed_name)))


@lru_cache(maxsize=None)
def _label_of(seed_name: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    for keyword, label in keyword_rules(seed_name):
        labels.setdefault(keyword, label)
    return labels


def classify(seed_name: str, *texts: str, default: str = "other") -> str:
    """Label of the keyword that comes first in the first text that has any (the longest one where
    several start at the same place): a name's modifier leads and says its field (文化企业投融资…)."""
    gate = _any_keyword(seed_name)
    for text in texts:
        if not text:
            continue
        m = gate.search(text)
        if m:
            return _label_of(seed_name)[m.group()]
    return default
