"""Indicators in tables: statistics pages (经济运行情况, 统计公报) give their figures as rows.

A landed table is one line per row with tab-separated cells (scrapers/parse.py). The header row
says what each column holds (绝对值 / 增速(%) / 比重 / 目标), a row's first cell names the metric
and often its unit (社会消费品零售总额（亿元）), or a 单位 column does:

    指标                        绝对值    增速(%)
    社会消费品零售总额（亿元）    68.2      -3.5     → level 68.2 亿元; change down 3.5 %
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from dbt_project.extraction.segment import LIST_MARKER
from dbt_project.extraction.vocab import units

CELL_SEPARATOR = "\t"
_NUMBER_CELL = re.compile(r"^\s*(?P<sign>[-−－+])?\s*(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<pct>[%％])?\s*$")
_UNIT_IN_PARENS = re.compile(r"[（(]\s*(?P<unit>[^（()）]{1,8}?)\s*[)）]\s*$")
_CHANGE_HEADER = re.compile(r"增速|增长|增幅|同比|比上年|±|涨幅|变化")
_SHARE_HEADER = re.compile(r"比重|占比|占全|份额|构成")
_TARGET_HEADER = re.compile(r"目标|计划|预期")
_UNIT_HEADER = re.compile(r"^(?:计量)?单位$")
# besides a list marker (segment.LIST_MARKER), a row label may open with # or 其中： (a sub-item)
_LABEL_OPENING = re.compile(r"^(?:[#＃]|其中[:：]?)\s*")


@dataclass(frozen=True)
class _Column:
    unit: str | None
    kind: str          # level | change | share
    is_target: bool


@dataclass(frozen=True)
class TableFigure:
    position: int      # offset of the value's cell in the document text
    row_start: int
    row_end: int
    metric: str
    value: float
    unit: str | None
    kind: str
    direction: str | None
    is_target: bool


def _unit_of(header: str) -> str | None:
    m = _UNIT_IN_PARENS.search(header)
    if not m:
        return None
    unit = m.group("unit")
    if unit in ("％",):
        return "%"
    return unit if unit in units() else None


def _column(header: str) -> _Column:
    unit = _unit_of(header)
    if _SHARE_HEADER.search(header):
        kind = "share"
    elif _CHANGE_HEADER.search(header):
        kind = "change"
    else:
        kind = "level"
    return _Column(unit, kind, bool(_TARGET_HEADER.search(header)))


def _cells(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """(cell text, offset) of each cell of the row text[start:end]."""
    out, pos = [], start
    for cell in text[start:end].split(CELL_SEPARATOR):
        out.append((cell, pos))
        pos += len(cell) + len(CELL_SEPARATOR)
    return out


def _is_header(cells: list[tuple[str, int]]) -> bool:
    return not any(_NUMBER_CELL.match(c) for c, _ in cells[1:]) and any(c.strip() for c, _ in cells[1:])


# a cell this long is prose (建设内容…), which the sentence rules read better than a column can
_MAX_CELL = 40


def _is_table_row(line: str) -> bool:
    cells = [c.strip() for c in line.strip().split(CELL_SEPARATOR)]
    filled = [c for c in cells if c]
    return len(filled) >= 2 and all(len(c) <= _MAX_CELL for c in filled)


def _rows(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if CELL_SEPARATOR in body and _is_table_row(body):
            yield pos, pos + len(body)
        pos += len(line)


def table_rows(text: str) -> list[tuple[int, int]]:
    """(start, end) of every table row line in the text (the prose rules leave these alone)."""
    return list(_rows(text)) if CELL_SEPARATOR in text else []


def number_cells(text: str, rows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of every cell that holds a number alone: the columns read it, the prose rules not.
    A text cell (新建厂房5万平方米) is prose, read by the sentence rules within its cell."""
    spans = []
    for start, end in rows:
        for cell, offset in _cells(text, start, end):
            if _NUMBER_CELL.match(cell):
                spans.append((offset, offset + len(cell)))
    return spans


def extract_table_figures(text: str, rows: list[tuple[int, int]] | None = None) -> list[TableFigure]:
    rows = table_rows(text) if rows is None else rows
    figures: list[TableFigure] = []
    columns: list[_Column] | None = None
    unit_column: int | None = None
    last_end = None
    for start, end in rows:
        if last_end is not None and text.count("\n", last_end, start) > 1:
            columns, unit_column = None, None  # a new table: its own header follows
        last_end = end
        cells = _cells(text, start, end)
        if len(cells) < 2:
            continue
        if _is_header(cells):
            columns = [_column(c) for c, _ in cells]
            unit_column = next((i for i, (c, _) in enumerate(cells) if _UNIT_HEADER.match(c.strip())), None)
            continue
        if columns is not None and len(columns) < len(cells):
            # a second header row under a first one whose label cell spans both rows (rowspan=2):
            # its cells head the value columns, counted from the right
            missing = len(cells) - len(columns)
            columns = [_Column(None, "level", False)] * missing + columns
            unit_column = unit_column + missing if unit_column is not None else None
        label = _LABEL_OPENING.sub("", LIST_MARKER.sub("", cells[0][0].strip()))
        row_unit = _unit_of(label)
        metric = _UNIT_IN_PARENS.sub("", label).strip()
        if unit_column is not None and unit_column < len(cells):
            row_unit = row_unit or (cells[unit_column][0].strip() if cells[unit_column][0].strip() in units() else None)
        if not metric or not re.search(r"[\u4e00-\u9fff]", metric):
            continue
        for i, (cell, offset) in enumerate(cells[1:], start=1):
            m = _NUMBER_CELL.match(cell)
            if not m or i == unit_column:
                continue
            column = columns[i] if columns and i < len(columns) else _Column(None, "level", False)
            value = float(m.group("num").replace(",", ""))
            negative = m.group("sign") in ("-", "−", "－")
            kind = column.kind
            if m.group("pct") or column.unit == "%":
                unit = "%"
            elif kind == "change":
                unit = "%"
            else:
                unit = column.unit or row_unit
            direction = None
            if kind == "change":
                direction = "down" if negative else "up"
            elif negative:
                value = -value
            if unit is None and kind == "level":
                continue  # a bare number with no unit anywhere: nothing says what it counts
            figures.append(TableFigure(offset + m.start("num"), start, end, metric, value, unit, kind, direction,
                                       column.is_target))
    return figures


def table_indicators(text: str, rows: list[tuple[int, int]], district_of: Callable[[int], str],
                     period_of: Callable[[int], str | None]) -> list[dict]:
    """The table figures as indicator rows (the shape extract_indicators gives)."""
    from dbt_project.extraction.numbers import to_base

    out = []
    for f in extract_table_figures(text, rows):
        value_base, base_unit = to_base(f.value, f.unit)
        out.append({
            "position": f.position,
            "quote": text[f.row_start:f.row_end].strip(),
            "metric": f.metric,
            "value": f.value,
            "unit": f.unit,
            "value_base": value_base,
            "base_unit": base_unit,
            "kind": f.kind,
            "direction": f.direction,
            "period": period_of(f.row_start),
            "is_target": f.is_target,
            "qualifier": None,
            "district": district_of(f.position),
        })
    return out
