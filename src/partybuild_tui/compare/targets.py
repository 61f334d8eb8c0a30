"""Targets against results: what a report set out to reach, and what a later one reached.

A metric with ``role: target`` and ``target_period: P`` is matched to the same
indicator's result in the report of period P for the same region (a result of
another kind of report is taken only when none of the same kind exists). The
target's qualifier is its bound:

=========  ==========  ============================================
qualifier  bound       met when
=========  ==========  ============================================
over       at least    result >= target
about      around      |result - target| <= 5 % of target (``ABOUT_TOLERANCE``)
up_to      at most     result <= target
exact      exactly     result == target
=========  ==========  ============================================

"Around" is ±5 % of the target's own value (relative, ends included): "1000
左右" is met by 950–1050, "5% 左右" by 4.75–5.25 %. Relative, so that one rule
fits counts, money and percentages alike; 5 % because 左右 in these reports
rounds a figure to its leading digits, and a result further off than that would
be written as a different target. The completion rate is result ÷ target to
0.1 %, exactly; for an "at most" target, below 100 % is the good side.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from partybuild_tui.compare.figures import Column, Figure
from partybuild_tui.compare.numbers import ratio_percent
from partybuild_tui.compare.periods import period_key
from partybuild_tui.model.exact import exact
from partybuild_tui.model.report import Number

Bound = Literal["at_least", "around", "at_most", "exactly"]
BOUNDS: dict[str, Bound] = {
    "over": "at_least",
    "about": "around",
    "up_to": "at_most",
    "exact": "exactly",
}
Status = Literal["met", "not_met", "no_result", "unit_clash"]
ABOUT_TOLERANCE = Decimal("0.05")
"""An "around" target is met within ±5 % of its value (relative)."""


@dataclass(frozen=True, slots=True)
class TargetRow:
    target: Figure
    bound: Bound
    result: Figure | None
    completion: Number | None
    """result ÷ target in %, to 0.1; ``None`` without a result or on a unit clash."""
    status: Status

    @property
    def indicator(self) -> str:
        return self.target.indicator or ""


def is_met(bound: Bound, target: Number, result: Number) -> bool:
    """Whether ``result`` meets ``target`` under ``bound``, exactly."""
    t, r = exact(target), exact(result)
    if bound == "at_least":
        return r >= t
    if bound == "at_most":
        return r <= t
    if bound == "exactly":
        return r == t
    return abs(r - t) <= ABOUT_TOLERANCE * abs(t)


def _period_of(period: str | None) -> tuple[object, ...]:
    """What makes two periods the same: the span for a readable one, else the text."""
    key = period_key(period)
    if key.unreadable:
        return ("text", (period or "").strip())
    return ("span", key.year, key.start_month, key.months)


ResultIndex = dict[tuple[str, str, tuple[object, ...]], list[Figure]]


def _index_results(results: Iterable[Figure]) -> ResultIndex:
    """Results by (indicator, region, period), in the order given."""
    index: ResultIndex = {}
    for figure in results:
        key = (figure.indicator or "", figure.column.region_key, _period_of(figure.column.period))
        index.setdefault(key, []).append(figure)
    return index


def _result_for(target: Figure, index: ResultIndex) -> Figure | None:
    """The result for ``target``: same indicator and region, the target's period; a report
    of the same kind first."""
    key = (
        target.indicator or "",
        target.column.region_key,
        _period_of(target.metric.target_period),
    )
    candidates = index.get(key, [])
    same_kind = [f for f in candidates if f.column.kind == target.column.kind]
    found = same_kind or candidates
    return found[0] if found else None


def target_row(target: Figure, result: Figure | None) -> TargetRow:
    bound = BOUNDS[target.metric.qualifier]
    if result is None:
        return TargetRow(target, bound, None, None, "no_result")
    if result.metric.unit != target.metric.unit:
        return TargetRow(target, bound, result, None, "unit_clash")
    completion = ratio_percent(result.metric.value, target.metric.value)
    met = is_met(bound, target.metric.value, result.metric.value)
    return TargetRow(target, bound, result, completion, "met" if met else "not_met")


def build_targets(
    columns: Sequence[Column],
    figures: Iterable[Figure],
    *,
    indicators: Sequence[str] | None = None,
) -> tuple[TargetRow, ...]:
    """Every target with an indicator (of ``indicators`` when given), matched to its result.

    Rows run in the order of the reports that set the targets (period, region),
    then reading order.
    """
    order = {column.report_id: n for n, column in enumerate(columns)}
    wanted = set(indicators) if indicators is not None else None
    targets: list[Figure] = []
    results: list[Figure] = []
    for figure in figures:
        if figure.indicator is None or (wanted is not None and figure.indicator not in wanted):
            continue
        (targets if figure.metric.role == "target" else results).append(figure)
    results.sort(key=lambda f: order.get(f.column.report_id, len(order)))
    targets.sort(key=lambda f: order.get(f.column.report_id, len(order)))
    index = _index_results(results)
    return tuple(target_row(target, _result_for(target, index)) for target in targets)
