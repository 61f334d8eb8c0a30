"""A comparison as an xlsx workbook: sheet "compare" (one row per indicator and report)
and sheet "targets" (one row per target), the columns of the CSV output."""

from __future__ import annotations

from partybuild_tui.compare.build import Comparison
from partybuild_tui.compare.outputs import (
    TABLE_COLUMNS,
    TARGET_COLUMNS,
    table_records,
    target_records,
)
from partybuild_tui.export.xlsx import workbook_bytes


def to_xlsx(comparison: Comparison) -> bytes:
    return workbook_bytes(
        [
            ("compare", TABLE_COLUMNS, table_records(comparison)),
            ("targets", TARGET_COLUMNS, target_records(comparison)),
        ]
    )
