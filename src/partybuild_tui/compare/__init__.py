"""Compare figures across reports: the same indicator over periods and regions, targets
against results. No Textual here.

* ``compare_library(library, indicators=…, shared_by=…)`` / ``compare_reports(…)`` ->
  ``Comparison`` (``table``: indicators × reports with changes; ``targets``)
* ``suggest(figure, figures, registry)`` -> suggested indicators for a figure without
  one; ``accept_suggestion`` writes the registry and link file (``links.py``), never a report
* ``outputs.render(comparison, fmt)`` -> text, JSON, CSV, Markdown; ``xlsx.workbook_bytes``

Figures join by ``Metric.indicator`` only (or an accepted link), never by metric id.
"""

from partybuild_tui.compare.build import (
    Comparison,
    compare_library,
    compare_reports,
    library_links,
    library_root,
    registry_path,
)
from partybuild_tui.compare.figures import Column, Figure
from partybuild_tui.compare.suggest import Suggestion, accept_suggestion, suggest
from partybuild_tui.compare.table import Cell, Change, CompareTable, IndicatorRow
from partybuild_tui.compare.targets import ABOUT_TOLERANCE, BOUNDS, TargetRow, is_met

__all__ = [
    "ABOUT_TOLERANCE",
    "BOUNDS",
    "Cell",
    "Change",
    "Column",
    "CompareTable",
    "Comparison",
    "Figure",
    "IndicatorRow",
    "Suggestion",
    "TargetRow",
    "accept_suggestion",
    "compare_library",
    "compare_reports",
    "is_met",
    "library_links",
    "library_root",
    "registry_path",
    "suggest",
]
