"""The comparison table: indicators × reports, each cell a figure and its change.

Columns run in period order, then region. A cell's change is taken against the
same region's figure in the nearest earlier period of the same length (a year
against a year), so a table of two cities over three years shows each city's
own trend. Changes are exact (``numbers.py``); a figure whose unit differs from
its indicator's is flagged and never computed with.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from partybuild_tui.compare.figures import Column, Figure
from partybuild_tui.compare.numbers import relative_change
from partybuild_tui.model.exact import difference
from partybuild_tui.model.numbers import POINT_UNITS
from partybuild_tui.model.registry import Registry
from partybuild_tui.model.report import Number


@dataclass(frozen=True, slots=True)
class Change:
    """How a cell differs from the same region's figure one period earlier."""

    since: Column
    """The earlier column the change is taken from."""
    absolute: Number | None
    """``new - old`` in the figure's unit (points for ``%``); ``None`` on a unit clash."""
    relative: Number | None
    """``(new - old) / old`` in %, to 0.1; ``None`` where it means nothing."""
    points: bool
    """The absolute change is in percentage points."""
    approximate: bool
    """Either figure is not exact (余, 近, 最高): the change is only as good as they are."""
    unit_clash: bool
    unit: str = ""
    """The unit of both figures (the newer one's on a clash)."""


@dataclass(frozen=True, slots=True)
class Cell:
    figure: Figure
    previous: Figure | None
    """The same region's figure one period earlier (what ``change`` is taken against)."""
    unit_clash: bool
    """This figure's unit is not the indicator's."""

    @property
    def change(self) -> Change | None:
        """Worked out when read: a view of 3,000 reports computes only the rows it shows."""
        if self.previous is None:
            return None
        return _change(self.previous, self.figure, self.previous.column)


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    indicator: str
    label: str
    unit: str
    """The registry's unit, else the unit most of the figures have."""
    cells: dict[str, Cell]
    """By report id; a report without this figure has no cell."""
    unit_clash: bool
    in_registry: bool
    ignored: int
    """Further results of this indicator in a report that already has one (the first counts)."""

    def cell(self, column: Column) -> Cell | None:
        return self.cells.get(column.report_id)


@dataclass(frozen=True, slots=True)
class CompareTable:
    columns: tuple[Column, ...]
    rows: tuple[IndicatorRow, ...]


def _row_unit(indicator: str, figures: Sequence[Figure], registry: Registry | None) -> str:
    known = registry.get(indicator) if registry else None
    if known is not None:
        return known.unit
    counts = Counter(figure.metric.unit for figure in figures)
    best = max(counts.values())
    return next(f.metric.unit for f in figures if counts[f.metric.unit] == best)


def _change(old: Figure, new: Figure, since: Column) -> Change:
    unit = new.metric.unit
    approximate = old.metric.qualifier != "exact" or new.metric.qualifier != "exact"
    if old.metric.unit != unit:
        return Change(since, None, None, False, approximate, True, unit)
    absolute = difference(old.metric.value, new.metric.value)
    relative = relative_change(old.metric.value, new.metric.value, unit)
    return Change(since, absolute, relative, unit in POINT_UNITS, approximate, False, unit)


def _row(
    indicator: str,
    figures: Sequence[Figure],
    registry: Registry | None,
) -> IndicatorRow:
    """The row of ``figures``, sorted in column order (period, then region).

    One pass: a report's first figure is its cell; a cell's change is taken against
    the same region's column in the nearest earlier period of the same length that has
    this indicator (a report of the same kind first). In column order a region's
    periods of one length come in time order, so the earlier ones are those last seen.
    """
    known = registry.get(indicator) if registry else None
    unit = _row_unit(indicator, figures, registry)
    cells: dict[str, Cell] = {}
    # (region, months) -> [position, the figures there, the figures at the position before]
    seen: dict[tuple[str, int], list[Any]] = {}
    for figure in figures:
        column = figure.column
        if column.report_id in cells:
            continue
        previous = None
        position = column.period_key.position
        if position is not None:
            group = seen.get((column.region_key, column.period_key.months))
            if group is None:
                group = seen[(column.region_key, column.period_key.months)] = [position, [], []]
            elif group[0] != position:
                group[0], group[1], group[2] = position, [], group[1]
            group[1].append(figure)
            if group[2]:
                earlier = group[2]
                previous = next((f for f in earlier if f.column.kind == column.kind), earlier[0])
        cells[column.report_id] = Cell(figure, previous, figure.metric.unit != unit)
    label = known.label if known else figures[0].metric.label
    return IndicatorRow(
        indicator=indicator,
        label=label,
        unit=unit,
        cells=cells,
        unit_clash=any(cell.unit_clash for cell in cells.values()),
        in_registry=known is not None,
        ignored=len(figures) - len(cells),
    )


def build_table(
    columns: Sequence[Column],
    figures: Iterable[Figure],
    registry: Registry | None = None,
    *,
    indicators: Sequence[str] | None = None,
) -> CompareTable:
    """Rows for ``indicators`` (default: every indicator with a result), columns with a cell.

    Rows follow ``indicators`` when given, else the registry's order, then first
    appearance. Only results are cells; targets go to ``targets.build_targets``.
    """
    order = {column.report_id: n for n, column in enumerate(columns)}
    wanted = set(indicators) if indicators is not None else None
    by_indicator: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.indicator is None or figure.metric.role != "result":
            continue
        if wanted is not None and figure.indicator not in wanted:
            continue
        if figure.column.report_id not in order:
            continue  # a report that is not a column of this table
        by_indicator.setdefault(figure.indicator, []).append(figure)
    for group in by_indicator.values():
        group.sort(key=lambda f: order.get(f.column.report_id, len(order)))
    if indicators is not None:
        names = [name for name in dict.fromkeys(indicators) if name in by_indicator]
    else:
        registered = [i.id for i in registry.indicators] if registry else []
        names = [name for name in registered if name in by_indicator]
        listed = set(names)
        names += [name for name in by_indicator if name not in listed]
    rows = tuple(_row(name, by_indicator[name], registry) for name in names)
    used = {report_id for row in rows for report_id in row.cells}
    shown = tuple(column for column in columns if column.report_id in used)
    return CompareTable(shown, rows)


def shared_indicators(figures: Iterable[Figure], report_ids: Iterable[str]) -> list[str]:
    """Indicators every one of ``report_ids`` has a result for, in first-appearance order."""
    wanted = set(report_ids)
    seen: dict[str, set[str]] = {}
    for figure in figures:
        if (
            figure.indicator
            and figure.metric.role == "result"
            and figure.column.report_id in wanted
        ):
            seen.setdefault(figure.indicator, set()).add(figure.column.report_id)
    return [name for name, where in seen.items() if where >= wanted]
