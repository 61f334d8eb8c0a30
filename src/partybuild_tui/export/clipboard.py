"""The text the app copies to the clipboard (sent with Textual's ``copy_to_clipboard``).

Plain text for a metric — label, value with its qualifier and unit, the change
from a baseline, the quote and where it comes from — and Markdown for a section.
Report text has been sanitised by the loader, so nothing here can act on a
terminal; OSC 52 carries the text base64-encoded anyway. No Textual here.
"""

from __future__ import annotations

from collections.abc import Iterable

from partybuild_tui.export.markdown import section_markdown
from partybuild_tui.export.values import section_path, signed_change, value_with_unit
from partybuild_tui.model import Metric, Report, Section
from partybuild_tui.model.exact import format_number


def metric_clip_text(metric: Metric, report: Report | None = None) -> str:
    """For example::

        覆盖率: 87% (from 46%, +41 pp)
        “由46%提升到87%”
        — 测试报告 › 第一节 › 覆盖

    With ``report`` the path starts with the report's title.
    """
    line = f"{' '.join(metric.label.split())}: {value_with_unit(metric)}"
    if metric.baseline is not None and metric.change is not None:
        baseline = format_number(metric.baseline) + metric.unit
        line += f" (from {baseline}, {signed_change(metric.change, metric.unit)})"
    lines = [line, f"“{metric.quote}”"]
    if metric.note:
        lines.append(f"Note: {metric.note}")
    crumbs = ([report.meta.title] if report is not None else []) + list(metric.breadcrumb)
    lines.append(f"— {section_path(crumbs)}")
    return "\n".join(lines)


def metrics_clip_text(metrics: Iterable[Metric], report: Report | None = None) -> str:
    """Several metrics, a blank line between them."""
    return "\n\n".join(metric_clip_text(m, report) for m in metrics)


def section_clip_text(
    section: Section, report: Report | None = None, *, descendants: bool = False
) -> str:
    """The section as Markdown (heading, paragraphs, metrics table), by default without
    its sub-topics; with ``report``, an italic first line says where it sits."""
    return section_markdown(section, descendants=descendants, report=report)
