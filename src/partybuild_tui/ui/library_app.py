"""The app on a library: the library screen first, each report in the explorer on top.

``LibraryApp`` is the explorer's app with every loaded report of the library added
to its session (``session.reports``) and the library screen as its default screen;
opening a report makes it the session's current one (``session.open``).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import BindingType
from textual.screen import Screen

from partybuild_tui.library import Library
from partybuild_tui.ui.app import AppOptions, PartyBuildApp
from partybuild_tui.ui.screens.library import LibraryScreen
from partybuild_tui.ui.widgets.library.strings import tr


class LibraryApp(PartyBuildApp):
    """Browse a library of reports."""

    def __init__(self, library: Library, options: AppOptions | None = None) -> None:
        super().__init__(None, options)
        self.library = library
        for entry in library.entries:
            if entry.report is not None:
                self.session.add(entry.report, str(entry.path))

    def action_help(self) -> None:
        """On the library screen: its keys (and the list's) first; elsewhere, as always."""
        if not isinstance(self.screen, LibraryScreen):
            super().action_help()
            return
        from partybuild_tui.ui.screens.help import HelpScreen
        from partybuild_tui.ui.screens.library_explorer import LibraryExplorerScreen
        from partybuild_tui.ui.widgets.library.report_list import ReportList

        groups: list[tuple[str, Sequence[BindingType]]] = [
            ("Keys everywhere", PartyBuildApp.BINDINGS),
            (tr("Library"), LibraryScreen.BINDINGS),
            (tr("Library"), ReportList.BINDINGS),
            (tr("Library"), LibraryExplorerScreen.BINDINGS),
        ]
        self.push_screen(HelpScreen(groups))

    def get_default_screen(self) -> Screen:
        return LibraryScreen(self.library)


def make_library_app(library: Library, options: AppOptions | None = None) -> LibraryApp:
    """The app for a library: used by the command line and by the tests."""
    return LibraryApp(library, options)
