"""A comparison as text, JSON, CSV or Markdown (xlsx is ``xlsx.py``). No Textual.

* **text**: one block per indicator, a line per report (period, region, value,
  change), then the targets; readable in any width and with any number of reports.
* **json**: everything: columns, indicators with their cells and changes, targets.
* **csv** (and xlsx): one row per indicator and report, numbers in their own
  columns (``value``, ``change``, ``change_percent``), the unit apart, the quote
  last; with ``targets=True``, one row per target instead.
* **markdown**: the matrix itself, indicators × reports, each cell value and change.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from partybuild_tui.compare.build import Comparison
from partybuild_tui.compare.cells import (
    change_text,
    percent_text,
    status_text,
    target_text,
)
from partybuild_tui.compare.figures import Column
from partybuild_tui.compare.table import Cell, IndicatorRow
from partybuild_tui.compare.targets import TargetRow
from partybuild_tui.export.csv_export import neutralize_formula
from partybuild_tui.export.markdown import escape_inline
from partybuild_tui.export.values import value_with_unit
from partybuild_tui.model.exact import format_number
from partybuild_tui.model.report import Number

FORMATS = ("text", "json", "csv", "markdown", "xlsx")
TABLE_COLUMNS = (
    "indicator", "label", "report_id", "period", "region", "region_code", "kind",
    "value", "unit", "qualifier", "change", "change_unit", "change_percent", "since_period",
    "flag", "metric_label", "metric_id", "section_id", "quote",
)  # fmt: skip
TARGET_COLUMNS = (
    "indicator", "label", "region", "set_in", "target_period", "bound", "target", "unit",
    "result", "result_unit", "completion_percent", "status", "target_report_id",
    "result_report_id", "target_quote", "result_quote",
)  # fmt: skip


def _flag(cell: Cell) -> str:
    flags = []
    if cell.unit_clash or (cell.change is not None and cell.change.unit_clash):
        flags.append("unit clash")
    if cell.change is not None and cell.change.approximate:
        flags.append("approximate")
    if cell.figure.linked:
        flags.append("linked")
    return ", ".join(flags)


def table_records(comparison: Comparison) -> list[dict[str, Any]]:
    """One record per indicator and report, in ``TABLE_COLUMNS`` order (numbers as numbers)."""
    records = []
    for row in comparison.table.rows:
        for column in comparison.table.columns:
            cell = row.cell(column)
            if cell is None:
                continue
            metric, change = cell.figure.metric, cell.change
            points = change is not None and change.points
            records.append({
                "indicator": row.indicator, "label": row.label, "report_id": column.report_id,
                "period": column.period, "region": column.region,
                "region_code": column.region_code, "kind": column.kind,
                "value": metric.value, "unit": metric.unit, "qualifier": metric.qualifier,
                "change": change.absolute if change else None,
                "change_unit": ("pp" if points else change.unit) if change else None,
                "change_percent": change.relative if change else None,
                "since_period": change.since.period if change else None,
                "flag": _flag(cell), "metric_label": metric.label, "metric_id": metric.id,
                "section_id": metric.section_id, "quote": metric.quote,
            })  # fmt: skip
    return records


def target_records(comparison: Comparison) -> list[dict[str, Any]]:
    records = []
    for row in comparison.targets:
        target, result = row.target, row.result
        records.append({
            "indicator": row.indicator, "label": target.metric.label,
            "region": target.column.region, "set_in": target.column.period,
            "target_period": target.metric.target_period, "bound": row.bound,
            "target": target.metric.value, "unit": target.metric.unit,
            "result": result.metric.value if result else None,
            "result_unit": result.metric.unit if result else None,
            "completion_percent": row.completion, "status": row.status,
            "target_report_id": target.column.report_id,
            "result_report_id": result.column.report_id if result else None,
            "target_quote": target.metric.quote,
            "result_quote": result.metric.quote if result else None,
        })  # fmt: skip
    return records


def _column_data(column: Column) -> dict[str, Any]:
    return {
        "report_id": column.report_id,
        "title": column.title,
        "period": column.period,
        "region": column.region,
        "region_code": column.region_code,
        "kind": column.kind,
    }


def _row_data(row: IndicatorRow, records: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "indicator": row.indicator,
        "label": row.label,
        "unit": row.unit,
        "in_registry": row.in_registry,
        "unit_clash": row.unit_clash,
        "cells": [r for r in records if r["indicator"] == row.indicator],
    }


def to_json(comparison: Comparison) -> str:
    records = table_records(comparison)
    data = {
        "columns": [_column_data(c) for c in comparison.table.columns],
        "indicators": [_row_data(row, records) for row in comparison.table.rows],
        "targets": target_records(comparison),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    return neutralize_formula(str(value))


def to_csv(comparison: Comparison, *, targets: bool = False, bom: bool = False) -> str:
    columns = TARGET_COLUMNS if targets else TABLE_COLUMNS
    records = target_records(comparison) if targets else table_records(comparison)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_csv_cell(record[name]) for name in columns])
    return ("\ufeff" if bom else "") + buffer.getvalue()


def _md_cell(cell: Cell | None) -> str:
    if cell is None:
        return "—"
    text = escape_inline(value_with_unit(cell.figure.metric))
    if cell.unit_clash:
        text += " ⚠"
    change = change_text(cell.change)
    return f"{text} · {escape_inline(change)}" if change else text


def to_markdown(comparison: Comparison, *, targets: bool = False) -> str:
    if targets:
        return _targets_markdown(comparison.targets)
    columns = comparison.table.columns
    lines = ["| indicator | " + " | ".join(escape_inline(c.heading) for c in columns) + " |"]
    lines.append("|---|" + "---:|" * len(columns))
    for row in comparison.table.rows:
        head = f"{escape_inline(row.label)} ({row.indicator}, {escape_inline(row.unit)})"
        cells = [_md_cell(row.cell(column)) for column in columns]
        lines.append(f"| {head} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append(
        "Change: against the same region one period earlier; % figures change in points (pp); "
        "~ marks a change between figures that are not exact; ⚠ a unit that differs from the "
        "indicator's."
    )
    return "\n".join(lines) + "\n"


def _number(value: Number | None, unit: str = "") -> str:
    return "—" if value is None else f"{format_number(value)}{unit}"


def _targets_markdown(rows: tuple[TargetRow, ...]) -> str:
    lines = [
        "| indicator | region | set in | for | target | result | completion | status |",
        "|---|---|---|---|---:|---:|---:|---|",
    ]
    for row in rows:
        target, result = row.target.metric, row.result
        cells = [
            f"{escape_inline(target.label)} ({row.indicator})",
            escape_inline(row.target.column.region or ""),
            escape_inline(row.target.column.period or ""),
            escape_inline(target.target_period or ""),
            escape_inline(target_text(row)),
            escape_inline(value_with_unit(result.metric)) if result else "—",
            percent_text(row.completion) or "—",
            status_text(row),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
