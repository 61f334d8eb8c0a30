"""A screen's first focus is where its keys go from the start (issue 12, item 7).

A screen that lets Textual focus its first widget and then moves the focus in
``on_mount`` has a window in which keys reach the wrong widget (seen as a flaky
snapshot: a ``/`` typed as the metrics view opened landed in its filter as text).
Screens name their first focus in ``AUTO_FOCUS`` instead. The tests record every
focus change, so they fail on the wrong first focus however fast the machine is.
"""

from __future__ import annotations

from pathlib import Path

from textual import events, on
from textual.widget import Widget
from textual.widgets import Input

from partybuild_tui.model import Report
from partybuild_tui.ui import app as app_module
from partybuild_tui.ui.app import AppOptions, PartyBuildApp
from partybuild_tui.ui.screens.metrics import MetricsScreen

from .helpers import on_top, wait_for


class FocusRecorder(PartyBuildApp):
    """The app, noting every widget that gets the focus (``DescendantFocus`` bubbles up)."""

    CSS_PATH = str(Path(app_module.__file__).parent / PartyBuildApp.CSS_PATH)

    def __init__(self, report: Report) -> None:
        super().__init__(report, AppOptions(language="zh"))
        self.focused_ids: list[str] = []

    @on(events.DescendantFocus)
    def _focused(self, event: events.DescendantFocus) -> None:
        self.focused_ids.append(event.widget.id or type(event.widget).__name__)


async def test_the_metrics_filter_is_never_focused_until_asked(report: Report) -> None:
    app = FocusRecorder(report)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await wait_for(pilot, lambda: on_top(app, MetricsScreen), "the metrics view")
        screen = app.screen
        table = screen.query_one("#metrics-table", Widget)
        await wait_for(pilot, lambda: table.has_focus, "the table focused")
        assert "metrics-filter" not in app.focused_ids
        await pilot.press("slash", "percent_sign")
        filter_line = screen.query_one("#metrics-filter", Input)
        assert filter_line.has_focus and filter_line.value == "%"


async def test_the_overwrite_question_starts_on_cancel(report: Report, tmp_path) -> None:
    from partybuild_tui.ui.screens.export_dialog import ConfirmOverwrite

    app = FocusRecorder(report)
    answers: list[bool | None] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.focused_ids.clear()
        app.push_screen(ConfirmOverwrite(tmp_path / "exists.md"), answers.append)
        await wait_for(pilot, lambda: app.focused_ids, "a focused button")
        await pilot.press("enter")
        await wait_for(pilot, lambda: answers, "an answer")
        assert answers == [False]
        assert app.focused_ids == ["confirm-no"]  # never "confirm-yes", even for a moment


async def test_every_screen_names_its_first_focus() -> None:
    """The pattern, checked everywhere: no screen moves the focus in ``on_mount``."""
    import inspect

    from partybuild_tui.ui.screens import bookmarks, explorer, export_dialog, help, metrics

    for module in (bookmarks, explorer, export_dialog, help, metrics):
        for name, cls in inspect.getmembers(module, inspect.isclass):
            on_mount = cls.__dict__.get("on_mount")
            if cls.__module__ == module.__name__ and on_mount is not None:
                source = inspect.getsource(on_mount)
                assert ".focus()" not in source and "set_focus" not in source, name
