"""Every metric of every report of a library, as one CSV or JSON table (no Textual).

Each row starts with the report it comes from — ``report_id, region,
region_code, period, kind`` — and goes on with the single-report columns
(``export.csv_export.COLUMNS`` / ``json_export.metric_row``), so a spreadsheet
or a script can compare reports without joining anything. Broken files have no
metrics and are left out (``check`` lists them).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from partybuild_tui.export.csv_export import BOM, COLUMNS, metric_csv_row, neutralize_formula
from partybuild_tui.export.json_export import metric_row
from partybuild_tui.library import Library
from partybuild_tui.model import Metric, Report

REPORT_COLUMNS = ("report_id", "region", "region_code", "period", "kind")


def report_cells(report: Report) -> list[str | None]:
    """``report_id, region, region_code, period, kind`` of a report (``None`` when unset)."""
    meta = report.meta
    return [
        meta.id,
        meta.region,
        getattr(meta, "region_code", None),
        meta.period,
        getattr(meta, "kind", None),
    ]


def _rows(library: Library) -> Iterator[tuple[Report, Metric]]:
    for report in library.reports:
        for metric in report.metrics:
            yield report, metric


def library_metrics_csv(library: Library, *, bom: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(REPORT_COLUMNS + tuple(COLUMNS))
    current: Report | None = None
    head: list[str] = []
    for report, metric in _rows(library):
        if report is not current:
            current = report
            head = [neutralize_formula(cell or "") for cell in report_cells(report)]
        writer.writerow(head + metric_csv_row(metric))
    return (BOM if bom else "") + buffer.getvalue()


def library_metrics_json(library: Library) -> str:
    rows: list[dict[str, Any]] = []
    for report, metric in _rows(library):
        row = dict(zip(REPORT_COLUMNS, report_cells(report), strict=True))
        row.update(metric_row(metric))
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def library_metrics_xlsx(library: Library) -> bytes:
    """The CSV's rows as a workbook: numbers as numbers, the unit and the quote apart."""
    from partybuild_tui.export.xlsx import (  # lazy: xlsxwriter, for this format
        METRIC_COLUMNS,
        metric_record,
        workbook_bytes,
    )

    def records() -> Iterator[dict[str, Any]]:
        for report, metric in _rows(library):
            row: dict[str, Any] = dict(zip(REPORT_COLUMNS, report_cells(report), strict=True))
            row.update(metric_record(metric))
            yield row

    return workbook_bytes([("metrics", REPORT_COLUMNS + METRIC_COLUMNS, records())])
