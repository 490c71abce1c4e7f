"""Indicators in tables: statistics pages (经济运行情况, 统计公报) give their figures as rows.

A landed table is one line per row with tab-separated cells (scrapers/parse.py). The header row
says what each column holds (绝对值 / 增速(%) / 比重 / 目标), a row's first cell names the metric
and often its unit (社会消费品零售总额（亿元）), or a 单位 column does:

    指标                        绝对值    增速(%)
    社会消费品零售总额（亿元）    68.2      -3.5     → level 68.2 亿元; change down 3.5 %

A table copied out of a page as text often comes one cell per line instead (blank lines between):
the header cells, then each row's label line followed by its value lines. Such a run of rows is read
the same way, each row spanning its lines:

    指标名称 / 增长速度(%) / 固定资产投资(不含农户) / 11.7 / #建筑安装投资 / 1.7   (one per line)
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
    """(cell text, offset) of each cell of the row text[start:end] (of each of its lines, when a
    row of a one-cell-per-line table spans several)."""
    out, pos = [], start
    if "\n" in text[start:end]:
        for line in text[start:end].split("\n"):
            if line.strip():
                out.append((line.rstrip("\r"), pos))
            pos += len(line) + 1
        return out
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


# a line that holds a number alone: a value cell of a one-cell-per-line table (prose never has one)
_VALUE_LINE = re.compile(r"^[ \t\u3000]*[-−－+]?\s*\d+(?:,\d{3})*(?:\.\d+)?\s*[%％]?[ \t\u3000\r]*$", re.M)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# what a value column's header says (without one, the lines above the first row are a title, not a header)
_VALUE_HEADER = re.compile(_CHANGE_HEADER.pattern + "|" + _SHARE_HEADER.pattern + "|" + _TARGET_HEADER.pattern
                           + r"|绝对值|总量|数值|金额|[（(][^（()）]{1,8}[)）]\s*$")


def _vertical_rows(text: str) -> list[tuple[int, int]]:
    """(start, end) of the header and of each row of every one-cell-per-line table: two or more rows
    in a row, each a label line followed by the same number of value lines; the header is the lines
    just above the first row, one per column, when a value column's header says what it holds."""
    lines = []  # (start, end, kind) of each non-blank line: "value", "label" or "other"
    pos = 0
    for line in text.split("\n"):
        body = line.strip()
        if body:
            if _VALUE_LINE.fullmatch(line) and CELL_SEPARATOR not in body:
                kind = "value"
            elif len(body) <= _MAX_CELL and _CJK.search(body) and CELL_SEPARATOR not in body \
                    and not body.endswith(("。", "；", ";", "，", ",")):
                kind = "label"
            else:
                kind = "other"
            lines.append((pos, pos + len(line.rstrip("\r")), kind))
        pos += len(line) + 1
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        table, k, j = [], None, i
        while j < len(lines) and lines[j][2] == "label":
            width = 0
            while j + 1 + width < len(lines) and lines[j + 1 + width][2] == "value":
                width += 1
            if width == 0 or (k is not None and width != k):
                break
            k = width
            table.append((lines[j][0], lines[j + width][1]))
            j += 1 + width
        if len(table) < 2:
            i += 1
            continue
        header = lines[max(0, i - k - 1):i]
        if len(header) == k + 1 and all(kind == "label" for _, _, kind in header) \
                and any(_VALUE_HEADER.search(text[a:b]) for a, b, _ in header[1:]):
            spans.append((header[0][0], header[-1][1]))
        spans += table
        i = j
    return spans


def table_rows(text: str) -> list[tuple[int, int]]:
    """(start, end) of every table row in the text (the prose rules leave these alone)."""
    rows = list(_rows(text)) if CELL_SEPARATOR in text else []
    if _VALUE_LINE.search(text):
        rows = sorted(rows + _vertical_rows(text))
    return rows


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
        if last_end is not None and (text[last_end:start].strip() if "\n" in text[start:end]
                                     else text.count("\n", last_end, start) > 1):
            # a new table, whose own header follows: after a blank line (rows one per line), or after
            # other text (rows one cell per line, which blank lines separate)
            columns, unit_column = None, None
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
        # (a unit in brackets is not part of the metric; other brackets are: 固定资产投资(不含农户))
        metric = (_UNIT_IN_PARENS.sub("", label) if row_unit else label).strip()
        if unit_column is not None and unit_column < len(cells):
            row_unit = row_unit or (cells[unit_column][0].strip() if cells[unit_column][0].strip() in units() else None)
        if not metric or not _CJK.search(metric):
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
