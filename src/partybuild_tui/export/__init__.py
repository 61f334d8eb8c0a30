"""Export a report, a section or a list of metrics as JSON, CSV or Markdown text.

The command line (``commands/export.py``) and the app's ``e``/``y`` keys call
these; nothing here imports Textual or touches the filesystem. Entry points:

* ``export_report(report, fmt, section=…, metrics_only=…, descendants=…, bom=…)``
* ``export_metrics(metrics, fmt, report=…, bom=…)`` for an arbitrary (filtered) list
* ``default_filename(report, fmt, section=…, metrics_only=…)`` for a path prompt
* ``metric_clip_text`` / ``section_clip_text`` for the clipboard
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from partybuild_tui.export.clipboard import metric_clip_text, metrics_clip_text, section_clip_text
from partybuild_tui.export.csv_export import COLUMNS as CSV_COLUMNS
from partybuild_tui.export.csv_export import metrics_csv, neutralize_formula
from partybuild_tui.export.json_export import (
    load_json_report,
    metric_row,
    metrics_json,
    report_data,
    report_json,
    section_json,
)
from partybuild_tui.export.markdown import (
    escape_block,
    escape_inline,
    metrics_markdown,
    report_markdown,
    section_markdown,
)
from partybuild_tui.export.values import section_path
from partybuild_tui.model import Metric, Report, Section

Format = Literal["json", "csv", "markdown"]
FORMATS: tuple[str, ...] = ("json", "csv", "markdown")
EXTENSIONS: dict[str, str] = {"json": ".json", "csv": ".csv", "markdown": ".md"}


def _metrics_of(section: Section, descendants: bool) -> list[Metric]:
    if not descendants:
        return list(section.metrics)
    return [m for s in section.walk() for m in s.metrics]


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def export_report(
    report: Report,
    fmt: str,
    *,
    section: Section | str | None = None,
    metrics_only: bool = False,
    descendants: bool = True,
    bom: bool = False,
) -> str:
    """The text of the export: the whole report, or one ``section`` (an id or a Section).

    ``descendants=False`` leaves out the section's sub-topics; ``metrics_only``
    exports just the metrics (CSV always does); ``bom`` applies to CSV only.
    Raises ``KeyError`` for an unknown section id and ``ValueError`` for an
    unknown format.
    """
    _check_format(fmt)
    if isinstance(section, str):
        section = report.section(section)
    if fmt == "csv" or metrics_only:
        metrics = list(report.metrics) if section is None else _metrics_of(section, descendants)
        title = report.meta.title if section is None else section.title
        return export_metrics(metrics, fmt, title=f"{title} — metrics", bom=bom)
    if fmt == "json":
        if section is None:
            return report_json(report)
        return section_json(report, section, descendants=descendants)
    if section is None:
        return report_markdown(report)
    return section_markdown(section, descendants=descendants, report=report)


def export_metrics(
    metrics: Iterable[Metric], fmt: str, *, title: str | None = None, bom: bool = False
) -> str:
    """A list of metrics (say, the rows of a filtered metrics view) in ``fmt``.

    JSON is a list of flat rows; CSV one row per metric; Markdown one table
    under ``title`` (if given).
    """
    _check_format(fmt)
    if fmt == "json":
        return metrics_json(metrics)
    if fmt == "csv":
        return metrics_csv(metrics, bom=bom)
    return metrics_markdown(metrics, title=title)


def default_filename(
    report: Report,
    fmt: str,
    *,
    section: Section | str | None = None,
    metrics_only: bool = False,
) -> str:
    """``<report-id>[-<section-id>][-metrics].<ext>``: ids are ASCII-safe by contract."""
    _check_format(fmt)
    section_id = section if isinstance(section, str) or section is None else section.id
    parts = [report.meta.id]
    if section_id:
        parts.append(section_id)
    if metrics_only and fmt != "csv":
        parts.append("metrics")
    return "-".join(parts) + EXTENSIONS[fmt]


__all__ = [
    "CSV_COLUMNS",
    "EXTENSIONS",
    "FORMATS",
    "Format",
    "default_filename",
    "escape_block",
    "escape_inline",
    "export_metrics",
    "export_report",
    "load_json_report",
    "metric_clip_text",
    "metric_row",
    "metrics_clip_text",
    "metrics_csv",
    "metrics_json",
    "metrics_markdown",
    "neutralize_formula",
    "report_data",
    "report_json",
    "report_markdown",
    "section_clip_text",
    "section_json",
    "section_markdown",
    "section_path",
]
