"""The Textual application: theme, global keys and the explorer screen.

Kept thin: the screen wires the widgets; ``make_app`` is the one way the command
line and the tests build the app, so both run the same thing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import NamedTuple

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from partybuild_tui.model import Report
from partybuild_tui.ui.i18n import set_language, t
from partybuild_tui.ui.palette import GoToSectionProvider
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.screens.explorer_keys import ExplorerCommands, ExplorerKeys
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.section_tree import SectionTree

DEFAULT_THEME = "textual-dark"
CLIPBOARD_NOTE = (
    "Copy (y) goes through the terminal (OSC 52), so it works over SSH. "
    "Inside tmux it needs `set -g set-clipboard on` in ~/.tmux.conf."
)


class AppOptions(NamedTuple):
    """What the command line can choose about the app.

    A NamedTuple, not a frozen dataclass: as immutable, and ~0.5 ms less to import.
    """

    start_section: str | None = None
    theme: str | None = None
    language: str | None = None
    animations: bool = True
    debug: bool = False
    """Show the full traceback when the app crashes (``--debug``)."""
    after_first_frame: tuple[Callable[[], None], ...] = ()
    """Work that can wait until the report is on screen (saving the load cache)."""
    report_path: str | None = None
    """The report's file: bookmarks and the last position are kept per file (none: not kept)."""


def animations_wanted(requested: bool, environ: dict[str, str] | None = None) -> bool:
    """Animations are off over SSH (every frame crosses the network) or when asked."""
    env = os.environ if environ is None else environ
    return requested and not env.get("SSH_CONNECTION") and not env.get("SSH_TTY")


class PartyBuildApp(App[int]):
    """Explore one report."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "partybuild-tui"
    COMMANDS = App.COMMANDS | {GoToSectionProvider, ExplorerCommands}

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, report: Report, options: AppOptions | None = None) -> None:
        self.options = options or AppOptions()
        set_language(self.options.language)
        super().__init__()
        localize_bindings(self)
        self.report = report
        self.theme = self.options.theme or DEFAULT_THEME
        if not animations_wanted(self.options.animations):
            self.animation_level = "none"

    def get_default_screen(self) -> Screen:
        return ExplorerScreen(self.report, self.options.start_section)

    @property
    def explorer(self) -> ExplorerScreen:
        """The explorer screen, wherever it is in the stack."""
        for screen in self.screen_stack:
            if isinstance(screen, ExplorerScreen):
                return screen
        raise LookupError("the explorer screen is not running")

    def go_to_section(self, section_id: str | None) -> None:
        """Jump to a section (palette, search, deep links)."""
        self.explorer.go_to_section(section_id)

    def first_frame_shown(self) -> None:
        """The explorer is on screen: run what was put off until now, off the UI thread."""
        if self.options.after_first_frame:
            self._run_deferred()

    @work(thread=True, group="deferred")
    def _run_deferred(self) -> None:
        for job in self.options.after_first_frame:
            job()  # cache.save: never raises (a failed save only means a cold next start)

    def _print_error_renderables(self) -> None:
        """After a crash: a short message and a hint, the traceback only with --debug."""
        if self.options.debug or not self._exit_renderables:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        from partybuild_tui.model.errors import internal_error_text

        self.error_console.print(
            internal_error_text(self._exception),
            markup=False,
            highlight=False,
        )

    def action_help(self) -> None:
        from partybuild_tui.ui.screens.help import (
            HelpScreen,  # the help and metrics screens load when first used
        )

        if isinstance(self.screen, HelpScreen):
            return
        from partybuild_tui.ui.screens.metrics import MetricsScreen
        from partybuild_tui.ui.widgets.metric_table import MetricTable

        groups = [
            ("Keys everywhere", PartyBuildApp),
            ("Keys everywhere", ExplorerScreen),
            ("Keys in the tree", SectionTree),
            ("Keys in the text", DetailPane),
            ("History, bookmarks, export", ExplorerKeys),
            ("Keys in the metrics table", MetricsScreen),
            ("Keys in the metrics table", MetricTable),
        ]
        self.push_screen(HelpScreen(groups, extra_note=t(CLIPBOARD_NOTE)))


def make_app(report: Report, options: AppOptions | None = None) -> PartyBuildApp:
    """The app for ``report``: used by the command line and by the tests."""
    return PartyBuildApp(report, options)


def available_themes() -> list[str]:
    """Theme names ``--theme`` accepts."""
    from textual.theme import BUILTIN_THEMES

    return sorted(BUILTIN_THEMES)
