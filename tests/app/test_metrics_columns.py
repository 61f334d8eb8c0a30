"""The metrics table's column habits (issue 13, visidata): ``-`` hides the current
column, ``+`` shows them all again, ``v`` shows the current cell in full."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from partybuild_tui.model import Report
from partybuild_tui.ui.screens.cell_view import CellScreen
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.screens.help import HelpScreen
from partybuild_tui.ui.screens.metrics import MetricsScreen

from .helpers import on_top, screen_text, wait_for, widget_lines
from .test_metrics_view import open_metrics


def header(app, table) -> str:
    return widget_lines(app, table)[0]


async def test_minus_hides_a_column_plus_shows_it_and_the_session_keeps_it(
    app_factory,
) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(120, 30)) as pilot:
        table = await open_metrics(pilot)
        assert "Unit" in header(app, table)
        while table.current_column.key != "unit":
            await pilot.press("l")
        await pilot.press("minus")
        await wait_for(pilot, lambda: "Unit" not in header(app, table), "the unit column gone")
        assert "Value" in header(app, table) and "Label" in header(app, table)
        assert table.current_column.key != "unit"  # the cursor moved on to a shown column
        assert "hidden: Unit (+ shows them)" in screen_text(app)
        # Kept for the session: back to the text, and a table made afresh for the report.
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        app.uninstall_screen(f"metrics {app.session.current.id}")
        table = await open_metrics(pilot)
        await wait_for(pilot, lambda: "Label" in header(app, table), "the new table")
        assert "Unit" not in header(app, table)
        await pilot.press("plus")
        await wait_for(pilot, lambda: "Unit" in header(app, table), "the unit column back")
        assert "hidden" not in screen_text(app)


async def test_the_last_column_is_never_hidden(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(100, 24)) as pilot:
        table = await open_metrics(pilot)
        for _ in range(len(table.all_columns) + 2):
            await pilot.press("minus")
        await wait_for(pilot, lambda: header(app, table).strip(), "a header")
        assert len(header(app, table).split()) == 1  # one column left, with its title


async def test_v_shows_a_cut_label_in_full(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(60, 20)) as pilot:
        table = await open_metrics(pilot)
        while table.current_column.key != "label":
            await pilot.press("h")
        longest = max(range(len(report.metrics)), key=lambda i: cell_len(report.metrics[i].label))
        label = report.metrics[longest].label
        table.move_to_row(longest)
        await wait_for(pilot, lambda: table.current_metric is report.metrics[longest], "the row")
        assert label not in "".join(widget_lines(app, table))  # cut in the table
        await pilot.press("v")
        await wait_for(pilot, lambda: on_top(app, CellScreen), "the cell view")
        body = app.screen.query_one("#cell-text")
        await wait_for(pilot, lambda: widget_lines(app, body), "the cell's text")
        assert "".join(line.strip() for line in widget_lines(app, body)) == label
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MetricsScreen), "the table again")
        await pilot.press("enter")  # Enter still opens the metric's section
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the section")


@pytest.mark.parametrize(
    ("language", "hide", "show", "cell"),
    [
        ("en", "Hide this column (+ shows it)", "Show every hidden column", "in full"),
        ("zh", "隐藏当前列(按 + 恢复)", "重新显示所有隐藏的列", "完整显示当前单元格"),
    ],
)
async def test_help_lists_the_column_keys(app_factory, language, hide, show, cell) -> None:
    app = app_factory(language=language)
    async with app.run_test(size=(100, 60)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await pilot.press("G")
        await wait_for(pilot, lambda: hide in screen_text(app), "the metrics table's keys")
        rows = [" ".join(line.strip("│ ").split()) for line in screen_text(app).splitlines()]
        assert any(row.startswith("- ") and hide in row for row in rows), rows
        assert any(row.startswith("+ ") and show in row for row in rows), rows
        assert any(row.startswith("v ") and cell in row for row in rows), rows
