"""The rows of the metrics view: cell text, sorting, grouping and sums (no Textual).

The metrics view shows ``report.metrics`` through a list of *positions* (indices
into that tuple): filtering keeps some positions, sorting reorders them, and
grouping puts a summary row before each group. Everything here works on
positions so that a report of 100,000 metrics is sorted or grouped without
building a string per metric; cell text is made only for the rows drawn.

Numbers sort as numbers (``1.7万`` is 17000, above ``8727``); Chinese text sorts
by pinyin, as Chinese spreadsheets do. Numeric columns sort largest first, text
columns A to Z; rows without a value in the sorted column (no baseline, no
change) always come last.

Sums are given only where adding makes sense: values of one unit, and never
percentages, ratios, multiples or years (``99.3% + 100%`` means nothing).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from partybuild_tui.model import Metric, Report
from partybuild_tui.model.display import BREADCRUMB_SEPARATOR
from partybuild_tui.model.numbers import QUALIFIER_WORDS, format_difference, format_value, with_unit
from partybuild_tui.ui.i18n import count, t


@dataclass(frozen=True)
class Column:
    """One column of the metrics table."""

    key: str
    title: str
    """English title; shown through ``t``."""
    numeric: bool = False
    right: bool = False
    """Right-aligned (numbers)."""
    flex: bool = False
    """Takes what room is left (and is cut with … when short of it)."""


COLUMNS: tuple[Column, ...] = (
    Column("section", "Section", flex=True),
    Column("label", "Label", flex=True),
    Column("value", "Value", numeric=True, right=True),
    Column("unit", "Unit"),
    Column("qualifier", "Qualifier"),
    Column("baseline", "Baseline→value", numeric=True, right=True),
    Column("change", "Change", numeric=True, right=True),
)
COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS)


def column(key: str) -> Column:
    return COLUMNS[COLUMN_KEYS.index(key)]


# -- cell text ---------------------------------------------------------------------


def qualifier_text(qualifier: str) -> str:
    """余/以上, 近/约, 最高 (or over, about, up to) for a qualifier; nothing for exact."""
    word = QUALIFIER_WORDS.get(qualifier, qualifier)
    return t(word) if word else ""


def role_text(metric: Metric) -> str:
    """``目标 2027`` / ``target 2027`` for a target; nothing for a result."""
    if metric.role != "target":
        return ""
    return t("target") + (f" {metric.target_period}" if metric.target_period else "")


def qualifier_cell(metric: Metric) -> str:
    """The qualifier word and, for a target, the target mark: ``余/以上 目标 2027``."""
    return " ".join(p for p in (qualifier_text(metric.qualifier), role_text(metric)) if p)


def one_line(text: str) -> str:
    """Text for one table cell: runs of whitespace (newlines too) become one space."""
    return " ".join(text.split())


def cell_text(metric: Metric, key: str) -> str:
    """What a cell shows: plain text, never markup."""
    if key == "section":
        return BREADCRUMB_SEPARATOR.join(one_line(c) for c in metric.breadcrumb)
    if key == "label":
        return one_line(metric.label)
    if key == "value":
        return format_value(metric.value)
    if key == "unit":
        return one_line(metric.unit)
    if key == "qualifier":
        return qualifier_cell(metric)
    if key == "baseline":
        if metric.baseline is None:
            return ""
        return f"{with_unit(metric.baseline, metric.unit)}→{with_unit(metric.value, metric.unit)}"
    if key == "change":
        return format_difference(metric, t(" percentage points"))
    raise KeyError(key)


# -- sorting -----------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _char_key(char: str) -> str:
    """A hanzi's first pinyin reading (``党`` → ``dang``), else the folded character."""
    if "\u3400" <= char <= "\u9fff" or "\U00020000" <= char <= "\U0002ffff":
        from pypinyin import Style, lazy_pinyin

        reading = lazy_pinyin(char, style=Style.TONE3, errors="default")
        if reading and reading[0] and reading[0] != char:
            return "\x01" + reading[0]  # after digits and punctuation, like a letter
    return char.casefold()


def text_key(text: str) -> tuple[str, ...]:
    """Sort key for Chinese text: by pinyin syllable (with tone), then as written."""
    return tuple(_char_key(c) for c in text) + ("\x00", text)


_QUALIFIER_ORDER = {"exact": 0, "about": 1, "over": 2, "up_to": 3}


def _sort_value(metric: Metric, key: str, section_order: Callable[[str], int]) -> object:
    """The value a row sorts by in column ``key``; ``None`` sorts last."""
    if key == "section":
        return section_order(metric.section_id)
    if key == "label":
        return text_key(metric.label)
    if key == "value":
        return float(metric.value)
    if key == "unit":
        return text_key(metric.unit)
    if key == "qualifier":
        return _QUALIFIER_ORDER.get(metric.qualifier, 9)
    if key == "baseline":
        return None if metric.baseline is None else float(metric.baseline)
    if key == "change":
        change = metric.change
        return None if change is None else float(change)
    raise KeyError(key)


def natural_descending(key: str) -> bool:
    """Numbers first sort largest first (the figures people look for); text A to Z."""
    return column(key).numeric


def sort_positions(
    report: Report, positions: Sequence[int], key: str, descending: bool
) -> list[int]:
    """``positions`` ordered by column ``key``; ties keep report order; blanks go last."""
    metrics = report.metrics
    orders = {s.id: s.order for s in report.ordered}
    have: list[tuple[object, int]] = []
    blank: list[int] = []
    for position in positions:
        value = _sort_value(metrics[position], key, orders.__getitem__)
        if value is None:
            blank.append(position)
        else:
            have.append((value, position))
    if descending:
        # Stable for ties: sort by position first, then by value in reverse.
        have.sort(key=lambda item: item[1])
        have.sort(key=lambda item: item[0], reverse=True)  # type: ignore[arg-type, return-value]
    else:
        have.sort()
    return [p for _, p in have] + sorted(blank)


# -- sums --------------------------------------------------------------------------

NOT_SUMMABLE: dict[str, str] = {
    "%": "percentages do not add up",
    "％": "percentages do not add up",
    "‰": "percentages do not add up",
    "个百分点": "percentages do not add up",
    "比例": "ratios do not add up",
    "倍": "multiples do not add up",
    "年": "years do not add up",
}
"""Units whose values are never added, and why."""


PER_PERSON = re.compile(r"每|[人村户年场次校乡镇]均|平均|average|\bper\b", re.IGNORECASE)
"""Labels of per-person (or per-village…) figures: such values are never added."""


def can_sum(unit: str) -> bool:
    return unit not in NOT_SUMMABLE


def family(metric: Metric) -> str:
    """What a metric counts: its label without the bracketed details."""
    return re.sub(r"[(（][^)）]*[)）]", "", metric.label).strip()


def sum_refusal(metrics: Sequence[Metric]) -> str | None:
    """Why ``metrics`` (of one unit) are not added, or ``None`` when their sum means something.

    Only figures of one kind are added (same label, details aside): 27 metrics in 个 are
    grids, party organisations and documents, whose total means nothing.
    """
    if not metrics:
        return None
    unit = metrics[0].unit
    if not can_sum(unit):
        return NOT_SUMMABLE[unit]
    if any(PER_PERSON.search(m.label) for m in metrics):
        return "per-person values do not add up"
    if len({family(m) for m in metrics}) > 1:
        return "different things are not added"
    return None


def _sum(values: Sequence[float | int]) -> float | int:
    if all(isinstance(v, int) for v in values):
        return sum(values)
    total = math.fsum(values)
    rounded = round(total, 10)
    return int(rounded) if rounded.is_integer() else rounded


def sum_prefix(qualifiers: Sequence[str]) -> str:
    """≥ when some values are lower bounds (余, 以上), ≤ for upper bounds, ≈ when mixed."""
    kinds = {q for q in qualifiers if q != "exact"}
    if not kinds:
        return ""
    if kinds == {"over"}:
        return "≥"
    if kinds == {"up_to"}:
        return "≤"
    return "≈"


def unit_sum(metrics: Sequence[Metric]) -> str:
    """The sum of metrics of one unit as shown (``≥6.2万名``); empty when it means nothing."""
    if not metrics or sum_refusal(metrics) is not None:
        return ""
    total = _sum([m.value for m in metrics])
    return sum_prefix([m.qualifier for m in metrics]) + with_unit(total, metrics[0].unit)


# -- grouping ----------------------------------------------------------------------


@dataclass
class Group:
    """One group of the grouped view: its rows and what can be said about them."""

    key: str
    title: str
    positions: list[int] = field(default_factory=list)
    summary: str = ""
    """Count and sums (or why there is no sum), ready to show."""


def summarize(report: Report, positions: Sequence[int], by: str) -> str:
    """``3 metrics · sum ≥6.2万名`` or ``6 metrics · no sum: percentages do not add up``."""
    metrics = report.metrics
    rows = [metrics[p] for p in positions]
    parts = [count(len(rows), "metrics")]
    by_unit: dict[str, list[Metric]] = {}
    for metric in rows:
        by_unit.setdefault(metric.unit, []).append(metric)
    if by == "unit" or len(by_unit) == 1:
        refusal = sum_refusal(rows)
        if refusal is not None:
            parts.append(f"{t('no sum')}: {t(refusal)}")
        elif len(rows) > 1:
            parts.append(f"{t('sum')} {unit_sum(rows)}")
        return " · ".join(parts)
    sums = [
        unit_sum(group)
        for group in by_unit.values()
        if len(group) > 1 and sum_refusal(group) is None
    ]
    if sums:
        parts.append(f"{t('sums by unit')} " + ", ".join(sums))
    skipped = [unit for unit, group in by_unit.items() if sum_refusal(group) is not None]
    if skipped:
        parts.append(f"{t('not added')}: " + ", ".join(u or t("(no unit)") for u in skipped))
    return " · ".join(parts)


def group_positions(report: Report, positions: Sequence[int], by: str) -> list[Group]:
    """Groups in a sensible order; each keeps the order ``positions`` came in.

    By unit: the most common unit first. By section: reading order.
    """
    metrics = report.metrics
    groups: dict[str, Group] = {}
    for position in positions:
        metric = metrics[position]
        key = metric.unit if by == "unit" else metric.section_id
        group = groups.get(key)
        if group is None:
            if by == "unit":
                title = metric.unit or t("(no unit)")
            else:
                title = BREADCRUMB_SEPARATOR.join(one_line(c) for c in metric.breadcrumb)
            group = groups[key] = Group(key, title)
        group.positions.append(position)
    if by == "unit":
        ordered = sorted(groups.values(), key=lambda g: (-len(g.positions), text_key(g.key)))
    else:
        orders = {s.id: s.order for s in report.ordered}
        ordered = sorted(groups.values(), key=lambda g: orders.get(g.key, 0))
    for group in ordered:
        group.summary = summarize(report, group.positions, by)
    return ordered


# -- the table's rows and what the view says about itself ------------------------------


def several_units(report: Report, positions: Sequence[int]) -> bool:
    metrics = report.metrics
    units = {metrics[p].unit for p in positions[:1]}
    return any(metrics[p].unit not in units for p in positions)


def build_rows(
    report: Report,
    positions: Sequence[int],
    sort: tuple[str | None, bool],
    group_by: str | None,
    collapsed: set[str],
) -> tuple[list[Group], list[int | Group]]:
    """The groups and what each line of the table shows: a metric position or a group.

    Values of different units are not comparable (2750万元 beside 12.6万件): sorted by
    value or change, rows of several units are ordered within each unit (the commonest
    unit first), as if grouped by unit.
    """
    key, descending = sort
    ordered = list(positions)
    if key is not None:
        ordered = sort_positions(report, ordered, key, descending)
        if key in WITHIN_UNIT and group_by is None and several_units(report, ordered):
            group_by = "unit"
    if group_by is None:
        return [], list(ordered)
    groups = group_positions(report, ordered, group_by)
    rows: list[int | Group] = []
    for group in groups:
        rows.append(group)
        if group.key not in collapsed:
            rows.extend(group.positions)
    return groups, rows


def row_of(rows: Sequence[int | Group], keep: int | Group | None) -> int:
    """The line that shows ``keep`` (a metric position or a group) after a rebuild, else 0."""
    for index, row in enumerate(rows):
        if isinstance(keep, Group):
            if isinstance(row, Group) and row.key == keep.key:
                return index
        elif row == keep and keep is not None and not isinstance(row, Group):
            return index
    return 0


WITHIN_UNIT = frozenset({"value", "baseline", "change"})
"""Columns whose sort is only meaningful within one unit."""


def describe_view(
    report: Report, positions: Sequence[int], sort: tuple[str | None, bool], group_by: str | None
) -> str:
    """``12 / 108 metrics · sorted by value, largest first · grouped by unit``."""
    key, descending = sort
    parts = [f"{len(positions)} / {count(len(report.metrics), 'metrics')}"]
    if key is not None:
        direction = t("descending") if descending else t("ascending")
        parts.append(f"{t('sorted by')} {t(column(key).title)} {direction}")
        if key in WITHIN_UNIT and group_by is None and several_units(report, positions):
            parts.append(t("within each unit (values of different units do not compare)"))
    if group_by is not None:
        parts.append(t("grouped by unit" if group_by == "unit" else "grouped by section"))
    return " · ".join(parts)
