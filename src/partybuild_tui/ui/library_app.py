"""The app on a library: the library screen first, each report in the explorer on top.

``LibraryApp`` is the explorer's app with the library screen as its default screen.
What the explorer's code asks of the app about "the report" (the palette's
sections, the file that keys bookmarks) is answered for the report on screen.
"""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from partybuild_tui.library import Library
from partybuild_tui.model import Report
from partybuild_tui.ui.app import AppOptions, PartyBuildApp
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.screens.library import LibraryScreen


class LibraryApp(PartyBuildApp):
    """Browse a library of reports."""

    def __init__(self, library: Library, options: AppOptions | None = None) -> None:
        self.library = library
        self._paths = {id(e.report): str(e.path) for e in library.entries if e.report}
        self._first: Report | None = library.reports[0] if library.reports else None
        super().__init__(self._first, options)  # type: ignore[arg-type]

    @property  # type: ignore[override]
    def report(self) -> Report | None:
        """The report in the explorer on screen (else the library's first)."""
        if getattr(self, "_screen_stacks", None):  # not while App.__init__ runs
            for screen in reversed(self.screen_stack):
                if isinstance(screen, ExplorerScreen):
                    return screen.report
        return self._first

    @report.setter
    def report(self, report: Report | None) -> None:
        self._first = report

    @property
    def options(self) -> AppOptions:
        """The options, with the file of the report on screen (bookmarks are kept per file)."""
        report = self.report
        path = self._paths.get(id(report)) if report is not None else None
        return self._options._replace(report_path=path)

    @options.setter
    def options(self, options: AppOptions) -> None:
        self._options = options

    def get_default_screen(self) -> Screen:
        return LibraryScreen(self.library)

    def report_path(self, report: Report) -> Path | None:
        path = self._paths.get(id(report))
        return Path(path) if path else None


def make_library_app(library: Library, options: AppOptions | None = None) -> LibraryApp:
    """The app for a library: used by the command line and by the tests."""
    return LibraryApp(library, options)
