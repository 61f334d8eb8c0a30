"""Metric values kept sorted, overall and per unit, so comparisons and ranges are
binary searches."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from partybuild_tui.model import Report
from partybuild_tui.search.normalize import fold
from partybuild_tui.search.numbers import same_value


class MetricValues:
    """Where each metric sits, and the metrics sorted by value. Positions are indices in
    ``report.metrics``."""

    def __init__(self, report: Report) -> None:
        self.report = report
        metrics = report.metrics
        self.section = [report.section(m.section_id).order for m in metrics]
        """Section order of each metric."""
        self.index = {m.id: i for i, m in enumerate(metrics)}
        self.subtree_end = [s.order + sum(1 for _ in s.walk()) for s in report.ordered]
        """Section order → the order just past its last descendant."""
        order = sorted(range(len(metrics)), key=lambda i: metrics[i].value)
        self._order = order
        self._values = [float(metrics[i].value) for i in order]
        self.units = [fold(m.unit).strip() for m in metrics]
        """Folded unit of each metric."""
        by_unit: dict[str, list[int]] = {}
        for i in order:
            by_unit.setdefault(self.units[i], []).append(i)
        self.by_unit = {
            unit: ([float(metrics[i].value) for i in idxs], idxs) for unit, idxs in by_unit.items()
        }
        """Unit → (sorted values, their metrics)."""

    def in_range(
        self, low: float | None, high: float | None, low_inc: bool, high_inc: bool, unit: str | None
    ) -> list[int]:
        """Metrics (of ``unit``, if given) whose value lies between ``low`` and ``high``."""
        values, order = (self._values, self._order) if unit is None else self.with_unit(unit)
        lo = (
            0
            if low is None
            else (
                bisect_left(values, low - 1e-9 * max(1.0, abs(low)))
                if low_inc
                else bisect_right(values, low + 1e-9 * max(1.0, abs(low)))
            )
        )
        hi = (
            len(values)
            if high is None
            else (
                bisect_right(values, high + 1e-9 * max(1.0, abs(high)))
                if high_inc
                else bisect_left(values, high - 1e-9 * max(1.0, abs(high)))
            )
        )
        return order[lo:hi] if lo < hi else []

    def equal(self, value: float, unit: str | None) -> list[int]:
        """Metrics whose value is ``value``, sorted."""
        found = self.in_range(value, value, True, True, unit)
        metrics = self.report.metrics
        return sorted(i for i in found if same_value(float(metrics[i].value), value))

    def with_unit(self, unit: str) -> tuple[list[float], list[int]]:
        return self.by_unit.get(unit, ([], []))
