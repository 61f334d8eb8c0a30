"""The report model: dataclasses, the strict loader and its one error type.

Nothing here imports Textual, so the command-line tools stay fast.
"""

from partybuild_tui.model.errors import PartybuildError, ReportError, format_data_path
from partybuild_tui.model.loader import bundled_report_path, load_report, load_text
from partybuild_tui.model.report import QUALIFIERS, ROLES, Metric, Report, ReportMeta, Section
from partybuild_tui.model.sanitize import sanitize_text

__all__ = [
    "QUALIFIERS",
    "ROLES",
    "Metric",
    "PartybuildError",
    "Report",
    "ReportError",
    "ReportMeta",
    "Section",
    "bundled_report_path",
    "format_data_path",
    "load_report",
    "load_text",
    "sanitize_text",
]
