"""Workbooks for Excel and WPS (xlsx, via xlsxwriter): numbers as numbers, text as text.

Every text cell is written with ``write_string``, so a report's ``=SUM(…)`` stays
text and never becomes a formula; numbers with ``write_number``, so they sum and
sort in the spreadsheet; units sit in their own column. No Textual here.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import xlsxwriter

from partybuild_tui.export.json_export import metric_row
from partybuild_tui.export.values import section_path
from partybuild_tui.model import Metric

METRIC_COLUMNS = (
    "section_id", "section_path", "metric_id", "label", "value", "unit", "qualifier",
    "baseline", "change", "quote", "note",
)  # fmt: skip

Sheet = tuple[str, Sequence[str], Iterable[Mapping[str, Any]]]
"""A sheet's name, its column names and its records (one mapping per row)."""


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An xlsx file with these sheets: a bold header row, frozen, then one row per record."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    bold = book.add_format({"bold": True})
    for name, columns, records in sheets:
        sheet = book.add_worksheet(name[:31])
        for col, title in enumerate(columns):
            sheet.write_string(0, col, title, bold)
        row = 0
        for row, record in enumerate(records, start=1):
            for col, key in enumerate(columns):
                value = record.get(key)
                if value is None:
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    sheet.write_number(row, col, value)
                else:
                    sheet.write_string(row, col, str(value))
        sheet.freeze_panes(1, 0)
        if row:
            sheet.autofilter(0, 0, row, max(len(columns) - 1, 0))
        sheet.autofit()
    book.close()
    return buffer.getvalue()


def metric_record(metric: Metric) -> dict[str, Any]:
    """``json_export.metric_row`` with the section path as one string, the id as ``metric_id``."""
    row = metric_row(metric)
    row["section_path"] = section_path(metric.breadcrumb)
    return {("metric_id" if key == "id" else key): value for key, value in row.items()}


def metrics_xlsx(metrics: Iterable[Metric], *, title: str = "metrics") -> bytes:
    """One sheet, one row per metric, the columns of the CSV export."""
    return workbook_bytes([(title, METRIC_COLUMNS, (metric_record(m) for m in metrics))])
