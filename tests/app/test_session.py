"""The session: one owner for the open reports, their indexes and where the user is."""

from __future__ import annotations

from pathlib import Path

from textual import on

from partybuild_tui.model import Report
from partybuild_tui.ui import app as app_module
from partybuild_tui.ui.app import AppOptions, PartyBuildApp
from partybuild_tui.ui.messages import CurrentReportChanged, IndexReady
from partybuild_tui.ui.navigation import ROOT
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.section_tree import SectionTree

from .helpers import wait_for


def announced(app: PartyBuildApp) -> list[object]:
    screen = app.screen
    assert isinstance(screen, RecordingExplorer)
    return screen.heard


class RecordingExplorer(ExplorerScreen):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.heard: list[object] = []

    @on(IndexReady)
    def _heard_index(self, event: IndexReady) -> None:
        self.heard.append(("index", event.report_id))

    @on(CurrentReportChanged)
    def _heard_current(self, event: CurrentReportChanged) -> None:
        self.heard.append(("current", event.report_id))


class RecordingApp(PartyBuildApp):
    """The app on an explorer that notes what the session announced to it."""

    CSS_PATH = str(Path(app_module.__file__).parent / PartyBuildApp.CSS_PATH)

    def get_default_screen(self) -> ExplorerScreen:
        return RecordingExplorer(self.session.current)


async def test_the_index_is_built_once_per_report_and_announced(report: Report) -> None:
    app = RecordingApp(report, AppOptions(language="zh"))
    async with app.run_test(size=(120, 40)) as pilot:
        first = app.session.current
        await wait_for(pilot, lambda: ("index", first.id) in announced(app), "IndexReady")
        second = app.session.add(report, None)  # a second copy: a library of two
        assert second.id != first.id and app.session.current is first
        app.session.open(second.id)
        assert app.session.current is second
        app.session.request_index(second.id)  # what its explorer does once drawn
        app.session.request_index(second.id)  # asked twice: built once
        await wait_for(pilot, lambda: ("index", second.id) in announced(app), "IndexReady #2")
        assert ("current", second.id) in announced(app)
        assert first.index is not None and second.index is not None
        assert first.index is not second.index
        assert [e for e in announced(app) if e == ("index", first.id)] == [("index", first.id)]
        assert list(app.session.reports) == [first.id, second.id]


async def test_where_the_user_is_lives_in_the_session(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        opened = app.session.current
        assert opened.here == ROOT
        await pilot.press("down")  # a tree step
        await wait_for(pilot, lambda: opened.here == report.sections[0].id, "the tree step")
        await pilot.press("right_square_bracket")  # a jump
        await wait_for(pilot, lambda: opened.here == report.ordered[1].id, "the jump")
        # The views follow the session, not the other way round.
        app.session.go_to(report.ordered[3].id)
        tree = app.screen.query_one(SectionTree)
        detail = app.screen.query_one(DetailPane)
        await wait_for(pilot, lambda: detail.section is report.ordered[3], "the pane")
        assert tree.current_section is report.ordered[3]
        assert opened.section is report.ordered[3]
        assert app.session.back() and opened.here == report.ordered[1].id
        await wait_for(pilot, lambda: detail.section is report.ordered[1], "back")


async def test_the_state_file_is_read_off_the_ui_thread(app_factory, monkeypatch) -> None:
    """Issue 18.6: a large state file must not freeze the screen while it is read."""
    import threading

    from partybuild_tui.ui.session import OpenReport

    threads: list[bool] = []
    real = OpenReport.read_saved

    def watching(self: OpenReport):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(self)

    monkeypatch.setattr(OpenReport, "read_saved", watching)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        opened = app.session.current
        await wait_for(pilot, lambda: opened.saved is not None, "the saved state")
        assert threads == [False]
        await pilot.press("right_square_bracket", "b")  # bookmarks work once it is there
        await wait_for(pilot, lambda: opened.saved.bookmarks, "the bookmark")
