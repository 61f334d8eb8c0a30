"""The app on a library: the library screen first, each report in the explorer on top.

``LibraryApp`` is the explorer's app with the library screen as its default screen;
opening a report adds it to the session (``session.reports``: many reports open) and
makes it the current one (``session.open``). Reports are added when opened, not at
start: a warm library keeps its reports encoded until they are read.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import BindingType
from textual.screen import Screen

from partybuild_tui.library import Library
from partybuild_tui.model import Metric
from partybuild_tui.ui.app import AppOptions, PartyBuildApp
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.screens.help import HelpScreen
from partybuild_tui.ui.screens.library import FilterInput, LibraryScreen
from partybuild_tui.ui.screens.library_explorer import LibraryExplorerScreen
from partybuild_tui.ui.session import OpenReport
from partybuild_tui.ui.widgets.library.report_list import ReportList


class LibraryApp(PartyBuildApp):
    """Browse a library of reports."""

    def __init__(self, library: Library, options: AppOptions | None = None) -> None:
        super().__init__(None, options)
        self.library = library  # a report joins the session when it is opened
        self.session.library = library

    def action_help(self) -> None:
        """On the library screen: its keys (and the list's) first; elsewhere, as always."""
        if not isinstance(self.screen, LibraryScreen):
            super().action_help()
            return
        groups: list[tuple[str, Sequence[BindingType]]] = [
            ("Keys everywhere", PartyBuildApp.BINDINGS),
            (t("Library"), LibraryScreen.BINDINGS),
            (t("Library"), FilterInput.BINDINGS),
            (t("Library"), ReportList.BINDINGS),
            (t("Library"), LibraryExplorerScreen.BINDINGS),
        ]
        self.push_screen(HelpScreen(groups))

    def get_default_screen(self) -> Screen:
        return LibraryScreen(self.library)

    def open_report_at(self, opened: OpenReport, metric: Metric, previous: str) -> None:
        """The compare view's Enter: the report in the library's explorer (H from the
        figure returns to the view, as in the app on one report), at the figure's quote."""
        library = next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)
        if library is None:
            super().open_report_at(opened, metric, previous)
            return
        screen = LibraryExplorerScreen(library.open_neighbour, opened)
        self.push_screen(screen)
        self.call_after_refresh(self._land_on, screen, metric, previous)


def make_library_app(library: Library, options: AppOptions | None = None) -> LibraryApp:
    """The app for a library: used by the command line and by the tests."""
    return LibraryApp(library, options)
