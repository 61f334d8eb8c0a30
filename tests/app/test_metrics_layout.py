"""The metrics table gives its width to the labels (issue 13.4)."""

from __future__ import annotations

from rich.cells import cell_len

from partybuild_tui.model import Report

from .helpers import widget_lines
from .test_metrics_view import open_metrics, table_lines, type_filter


async def test_labels_get_the_room_at_80_columns(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_metrics(pilot)
        lines = table_lines(app, table)
        usual = sorted(cell_len(m.label) for m in report.metrics)[len(report.metrics) * 9 // 10]
        # Nine labels in ten are drawn whole (before: cut to ~8 hanzi).
        whole = sum(1 for m in report.metrics[:20] if any(m.label in line for line in lines))
        assert whole >= 15, lines
        assert usual <= 40
        # The current row's full label is on screen, under the table.
        longest = max(report.metrics, key=lambda m: cell_len(m.label))
        table.move_to_row(report.metrics.index(longest))
        await pilot.pause()
        detail = app.screen.query_one("#metrics-detail")
        assert longest.label in "".join(widget_lines(app, detail)).replace(" ", "")


async def test_columns_empty_for_every_row_shown_take_no_room(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        table = await open_metrics(pilot)
        assert "变化" in table_lines(app, table)[0]  # one row of 108 has a change
        await type_filter(pilot, "unit:个")
        await pilot.pause()
        header = table_lines(app, table)[0]
        assert "基数→数值" not in header and "变化" not in header
        assert "部分" in header  # the room goes to the label and the section


async def test_a_change_in_points_reads_with_a_space_in_english(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(160, 30)) as pilot:
        table = await open_metrics(pilot)
        await type_filter(pilot, "unit:%")
        await pilot.pause()
        text = "\n".join(table_lines(app, table))
        assert "▲41 percentage points" in text, text
