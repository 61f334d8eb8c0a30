"""A comparison as plain text: a block per indicator, a line per report; charts on a terminal."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console

from partybuild_tui.compare.build import Comparison
from partybuild_tui.compare.cells import (
    change_text,
    percent_text,
    status_text,
    target_text,
)
from partybuild_tui.compare.chart import indicator_chart, targets_chart
from partybuild_tui.compare.targets import TargetRow
from partybuild_tui.export.values import value_with_unit


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def table_lines(comparison: Comparison) -> list[str]:
    table = comparison.table
    width = max((cell_len(c.heading) for c in table.columns), default=0)
    lines: list[str] = []
    for row in table.rows:
        flag = "  ⚠ unit clash" if row.unit_clash else ""
        lines.append(f"{row.label}  [{row.indicator}, {row.unit}]{flag}")
        cells = [(c, row.cell(c)) for c in table.columns]
        value_width = max(
            (cell_len(value_with_unit(c.figure.metric)) for _, c in cells if c), default=0
        )
        for column, cell in cells:
            if cell is None:
                continue
            value = value_with_unit(cell.figure.metric) + (" ⚠" if cell.unit_clash else "")
            change = change_text(cell.change)
            since = f"  vs {cell.change.since.period}" if cell.change else ""
            line = f"  {_pad(column.heading, width)}  {_pad(value, value_width + 2)}{change}{since}"
            lines.append(line.rstrip())
        lines.append("")
    if not table.rows:
        lines.append("no indicator with figures in these reports")
    return lines


def target_lines(comparison: Comparison) -> list[str]:
    lines = []
    for row in comparison.targets:
        target, result = row.target.metric, row.result
        where = f"{row.target.column.region or ''} {target.target_period}".strip()
        got = value_with_unit(result.metric) if result else "—"
        done = percent_text(row.completion)
        lines.append(
            f"{target.label} [{row.indicator}] {where}: target {target_text(row)} "
            f"(set in {row.target.column.period}), result {got}"
            + (f", {done}" if done else "")
            + f": {status_text(row)}"
        )
    if not lines:
        lines.append("no targets with an indicator in these reports")
    return lines


def to_text(comparison: Comparison, *, targets: bool = False) -> str:
    lines = target_lines(comparison) if targets else table_lines(comparison)
    return "\n".join(lines).rstrip("\n") + "\n"


def print_charts(comparison: Comparison, console: Console, *, targets: bool = False) -> None:
    """The charts after the text, on a terminal: one per indicator (or per target group)."""
    if targets:
        groups: dict[str, list[TargetRow]] = {}
        for target in comparison.targets:
            groups.setdefault(target.indicator, []).append(target)
        labels = {row.indicator: row.label for row in comparison.table.rows}
        for indicator, rows in groups.items():
            console.print(targets_chart(rows, title=labels.get(indicator)))
            console.print()
        return
    for row in comparison.table.rows:
        console.print(indicator_chart(row, comparison.table.columns))
        console.print()
