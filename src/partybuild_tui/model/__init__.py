"""The report model: dataclasses, the strict loader and its one error type.

Nothing here imports Textual, so the command-line tools stay fast.
"""

from .errors import ReportError, format_data_path
from .loader import bundled_report_path, load_report, load_text
from .report import QUALIFIERS, Metric, Report, ReportMeta, Section
from .sanitize import sanitize_text

__all__ = [
    "QUALIFIERS",
    "Metric",
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
