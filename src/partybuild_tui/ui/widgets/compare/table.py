"""The compare view's table: indicators × reports, or targets against results.

Three layouts of the same comparison on a ``CompareGrid`` (only the rows on
screen are drawn): ``matrix`` (a row per indicator, a column per report, in
period then region order), ``by_report`` (a row per report: one indicator across
many reports reads best that way in 80 columns) and ``targets``. Each cell knows
its figure, so Enter opens that figure's quote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from partybuild_tui.compare import Comparison, Figure
from partybuild_tui.compare.cells import (
    change_text,
    percent_text,
    status_text,
    target_text,
)
from partybuild_tui.compare.table import Cell, IndicatorRow
from partybuild_tui.export.values import value_with_unit
from partybuild_tui.ui.widgets.compare.grid import CompareGrid, GridCell

Layout = Literal["matrix", "by_report", "targets"]
_STATUS_STYLE = {
    "met": "bold",
    "not_met": "bold underline",
    "no_result": "dim",
    "unit_clash": "dim",
}


@dataclass(frozen=True)
class Place:
    """What a table cell shows: its figure (if any) and the indicator of its row/column."""

    figure: Figure | None
    indicator: str | None


def cell_text(cell: Cell | None) -> GridCell:
    if cell is None:
        return ("—", "dim")
    text = value_with_unit(cell.figure.metric) + (" ⚠" if cell.unit_clash else "")
    change = change_text(cell.change)
    return (f"{text}  {change}" if change else text, "")


def _row_label(row: IndicatorRow) -> GridCell:
    return (row.label + (" ⚠" if row.unit_clash else ""), "bold" if row.unit_clash else "")


class CompareTable(CompareGrid):
    """The comparison in one of three layouts; ``place(row, column)`` says what a cell is."""

    DEFAULT_CSS = """
    CompareTable { height: 1fr; }
    """

    def __init__(self, *, id: str | None = None, language: str = "en") -> None:
        super().__init__(id=id)
        self.language = language
        self.comparison: Comparison | None = None
        self.layout_name: Layout = "matrix"

    def _words(self, english: str, chinese: str) -> str:
        return chinese if self.language == "zh" else english

    def show(self, comparison: Comparison, layout: Layout) -> None:
        self.comparison = comparison
        self.layout_name = layout
        table = comparison.table
        make: Callable[[int], list[GridCell]]
        if layout == "targets":
            heads = [
                ("indicator", "指标"), ("target", "目标"), ("result", "结果"),
                ("completion", "完成率"), ("status", "状态"), ("for", "目标年"), ("region", "地区"),
            ]  # fmt: skip
            header = [(self._words(english, chinese), "") for english, chinese in heads]
            count, make = len(comparison.targets), self._target_row
        elif layout == "by_report":
            header = [(self._words("report", "报告"), "")] + [_row_label(r) for r in table.rows]
            count, make = len(table.columns), self._report_row
        else:
            header = [(self._words("indicator", "指标"), "")]
            header += [(column.heading, "") for column in table.columns]
            count, make = len(table.rows), self._indicator_row
        self.set_cells(header, count, make, (0, 1 if len(header) > 1 else 0))

    def _indicator_row(self, index: int) -> list[GridCell]:
        assert self.comparison is not None
        table = self.comparison.table
        row = table.rows[index]
        return [_row_label(row), *(cell_text(row.cell(column)) for column in table.columns)]

    def _report_row(self, index: int) -> list[GridCell]:
        assert self.comparison is not None
        table = self.comparison.table
        column = table.columns[index]
        return [(column.heading, ""), *(cell_text(row.cell(column)) for row in table.rows)]

    def _target_row(self, index: int) -> list[GridCell]:
        assert self.comparison is not None
        row = self.comparison.targets[index]
        target, result = row.target, row.result
        return [
            (target.metric.label, ""),
            (target_text(row, self.language), ""),
            (value_with_unit(result.metric), "") if result else ("—", "dim"),
            (percent_text(row.completion) or "—", ""),
            (status_text(row, self.language), _STATUS_STYLE.get(row.status, "")),
            (target.metric.target_period or "", ""),
            (target.column.region or "", ""),
        ]

    def place(self, row: int, column: int) -> Place | None:
        """What the cell at (``row``, ``column``) shows; the first column stands for the
        row's first figure."""
        comparison = self.comparison
        if comparison is None or row < 0 or column < 0 or column >= self.column_count:
            return None
        table = comparison.table
        if self.layout_name == "targets":
            if row >= len(comparison.targets):
                return None
            target = comparison.targets[row]
            result = target.result if column in (2, 3, 4) else None
            return Place(result or target.target, target.indicator)
        if self.layout_name == "by_report":
            if row >= len(table.columns):
                return None
            report = table.columns[row]
            if column == 0:
                for indicator_row in table.rows:
                    found = indicator_row.cell(report)
                    if found is not None:
                        return Place(found.figure, indicator_row.indicator)
                return Place(None, None)
            by_report = table.rows[column - 1]
            cell = by_report.cell(report)
            return Place(cell.figure if cell else None, by_report.indicator)
        if row >= len(table.rows):
            return None
        indicator = table.rows[row]
        if column == 0:
            first = next(iter(indicator.cells.values()), None)
            return Place(first.figure if first else None, indicator.indicator)
        cell = indicator.cell(table.columns[column - 1])
        return Place(cell.figure if cell else None, indicator.indicator)

    @property
    def current_place(self) -> Place | None:
        return self.place(self.cursor_row, self.cursor_column)
