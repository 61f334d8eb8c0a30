"""All reports of a library as one report, so that one search index covers them all.

Indexing each report apart costs a pinyin table and a haystack per report (300
reports: seconds to build and ~1 MB each), and a query then runs 300 times.
Instead the reports' sections are put side by side in one ``Report``, their ids
prefixed with the report's position (``12:first-topic``), and indexed once: the
search engine answers for the whole library as fast as for one report of that
size, and ranks across it. Breadcrumbs stay each report's own, so a query that
looks at section titles sees exactly what it sees in the report. No Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from partybuild_tui.model import Metric, Report, ReportMeta, Section

SEPARATOR = ":"


def combined_id(position: int, local_id: str) -> str:
    return f"{position}{SEPARATOR}{local_id}"


def split_id(combined: str) -> tuple[int, str]:
    """``(report position, id in that report)`` of a combined id."""
    position, local_id = combined.split(SEPARATOR, 1)
    return int(position), local_id


class _Renumber:
    def __init__(self, position: int) -> None:
        self.position = position
        self.order = 0

    def metric(self, metric: Metric, section_id: str) -> Metric:
        return replace(metric, id=combined_id(self.position, metric.id), section_id=section_id)

    def section(self, section: Section, parent_id: str | None, id_path: tuple[str, ...]) -> Section:
        new_id = combined_id(self.position, section.id)
        order = self.order
        self.order += 1
        path = (*id_path, new_id)
        children = tuple(self.section(child, new_id, path) for child in section.children)
        return Section(
            id=new_id,
            title=section.title,
            paragraphs=section.paragraphs,
            metrics=tuple(self.metric(m, new_id) for m in section.metrics),
            children=children,
            parent_id=parent_id,
            depth=section.depth,
            breadcrumb=section.breadcrumb,
            id_path=path,
            order=order,
            total_metrics=section.total_metrics,
        )


def combine(reports: Sequence[Report]) -> Report:
    """One report holding every section of ``reports``, ids prefixed by position."""
    sections: list[Section] = []
    offset = 0
    for position, report in enumerate(reports):
        renumber = _Renumber(position)
        renumber.order = offset
        sections.extend(renumber.section(s, None, ()) for s in report.sections)
        offset = renumber.order
    meta = ReportMeta(id="library", title="library")
    return Report.build("partybuild-report/1", meta, tuple(sections))
