"""The figures a comparison is made of: each metric with its report's place and time.

A figure belongs to an indicator when its metric says so (``indicator:``) or,
failing that, when the library's link file (``links.py``) maps the report and
metric to one: the report's own key always wins. Metric ids are never a join key.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from partybuild_tui.compare.example import EXAMPLE_KIND
from partybuild_tui.compare.periods import PeriodKey, period_key
from partybuild_tui.model import Metric, Report

LinkKey = tuple[str, str]
"""``(report id, metric id)``: how the link file names a figure."""


@dataclass(frozen=True, slots=True)
class Column:
    """One report as a column of the comparison: where and when it is about."""

    report_id: str
    title: str
    period: str | None
    region: str | None
    region_code: str | None
    kind: str | None
    path: Path | None
    period_key: PeriodKey
    region_key: str
    """The region code where one is known for this region, else its name."""

    @property
    def heading(self) -> str:
        """``2025 晋城市``: the column's header; ``2024 晋城市 示例`` for an invented example."""
        parts = [self.period or "?", self.region or self.region_code or ""]
        if self.kind == EXAMPLE_KIND:
            parts.append("示例")
        return " ".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class Figure:
    """A metric of one report, with the indicator it stands for (if any)."""

    column: Column
    metric: Metric
    indicator: str | None
    linked: bool = False
    """True when the indicator comes from the link file, not the report."""


def _region_codes(reports: Iterable[Report]) -> dict[str, str]:
    """Region name -> code, from the reports that give both (so names and codes join)."""
    codes: dict[str, str] = {}
    for report in reports:
        meta = report.meta
        if meta.region and meta.region_code:
            codes.setdefault(meta.region, meta.region_code)
    return codes


def make_columns(
    reports: Iterable[tuple[Report, Path | None]],
) -> list[Column]:
    """One column per report, in the order given (sort them with ``column_order``)."""
    pairs = list(reports)
    codes = _region_codes(report for report, _ in pairs)
    columns = []
    for report, path in pairs:
        meta = report.meta
        region_key = meta.region_code or codes.get(meta.region or "") or (meta.region or "")
        columns.append(
            Column(
                report_id=meta.id,
                title=meta.title,
                period=meta.period,
                region=meta.region,
                region_code=meta.region_code,
                kind=meta.kind,
                path=path,
                period_key=period_key(meta.period),
                region_key=region_key,
            )
        )
    return columns


def column_order(column: Column) -> tuple[object, ...]:
    """Period first, then region (code, else name), then kind and id for a stable order."""
    return (column.period_key, column.region_key, column.kind or "", column.report_id)


def collect_figures(
    reports: Iterable[tuple[Report, Path | None]],
    links: Mapping[LinkKey, str] | None = None,
    *,
    only: Collection[str] | None = None,
) -> tuple[list[Column], list[Figure]]:
    """The columns (in period, then region order) and the figures of every report.

    ``only``: just the figures of these indicators (the compare view of one
    indicator over thousands of reports builds nothing else).
    """
    pairs = list(reports)
    columns = make_columns(pairs)
    figures: list[Figure] = []
    links = links or {}
    for column, (report, _) in zip(columns, pairs, strict=True):
        for metric in report.metrics:
            indicator = metric.indicator
            linked = False
            if indicator is None:
                indicator = links.get((column.report_id, metric.id))
                linked = indicator is not None
            if only is not None and indicator not in only:
                continue
            figures.append(Figure(column, metric, indicator, linked))
    columns.sort(key=column_order)
    return columns, figures
