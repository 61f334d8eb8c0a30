"""The bar chart: Chinese labels line up, values at the bar ends, readable without colour."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from tests.compare_library import comparison

from partybuild_tui.compare.chart import BarChart, Series, indicator_chart, targets_chart


def plain(chart: BarChart, width: int = 80) -> list[str]:
    buffer = io.StringIO()
    Console(file=buffer, width=width, no_color=True, color_system=None).print(chart)
    return buffer.getvalue().splitlines()


def test_bars_start_in_the_same_column_whatever_the_label() -> None:
    chart = BarChart(
        "", ["2025", "晋城市", "阳城县 2024"], [Series("x", [10, 5, 2.5], ["10", "5", "2.5"])]
    )
    lines = plain(chart)
    starts = {cell_len(line[: line.index("│")]) for line in lines}
    assert starts == {cell_len("阳城县 2024") + 1}


def test_values_sit_at_the_bar_ends_and_bars_are_proportional() -> None:
    chart = BarChart("", ["a", "b"], [Series("x", [40, 20], ["40次", "20次"])])
    lines = plain(chart, width=40)
    assert all(line.endswith(("40次", "20次")) for line in lines)
    full, half = (line.split("│")[1].split(" ")[0] for line in lines)
    assert full == "█" * len(full)
    assert abs(len(half) - len(full) / 2) <= 1


def test_every_line_fits_the_width() -> None:
    row = comparison(indicators=["party-members"]).table.rows[0]
    columns = comparison(indicators=["party-members"]).table.columns
    for width in (40, 80):
        assert all(cell_len(line) <= width for line in plain(indicator_chart(row, columns), width))


def test_a_unit_clash_gets_no_bar_and_a_note() -> None:
    table = comparison(indicators=["party-members"]).table
    lines = plain(indicator_chart(table.rows[0], table.columns))
    clash = next(line for line in lines if "2.2万名" in line)
    assert "█" not in clash and "⚠" in clash
    assert lines[-1].startswith("⚠")


def test_grouped_bars_differ_by_block_not_only_by_colour() -> None:
    targets = [r for r in comparison().targets if r.indicator == "study-sessions" and r.result]
    lines = plain(targets_chart(targets))
    target_line = next(line for line in lines if "at least 32次" in line)
    result_line = lines[lines.index(target_line) + 1]
    assert "▒" in target_line and "█" not in target_line.split("│")[1]
    assert "█" in result_line and "35次 (109.4%, met)" in result_line
    assert "▒▒ target" in lines[-1] and "██ result" in lines[-1]
