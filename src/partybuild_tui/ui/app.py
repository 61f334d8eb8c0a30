"""The Textual application: theme, global keys and the explorer screen.

Kept thin: the screen wires the widgets; ``make_app`` is the one way the command
line and the tests build the app, so both run the same thing.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
import time
from collections.abc import Sequence

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES
from textual.widgets import Input

from partybuild_tui.model import Metric, Report
from partybuild_tui.model.collector import collect_young_less_often
from partybuild_tui.model.errors import internal_error_text
from partybuild_tui.ui.chrome import AppChrome
from partybuild_tui.ui.i18n import set_language, t
from partybuild_tui.ui.keys import KeySequencer
from partybuild_tui.ui.messages import Highlight
from partybuild_tui.ui.palette import GoToSectionProvider
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.screens.explorer_keys import REPORT_BINDINGS, ExplorerCommands
from partybuild_tui.ui.screens.help import HelpScreen
from partybuild_tui.ui.session import AppOptions, OpenReport, Session, SessionApp
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.search_panel import SearchInput
from partybuild_tui.ui.widgets.section_tree import SectionTree

DEFAULT_THEME = "textual-dark"
TYPED_IN_A_FIELD = frozenset({"quit_key", "help"})
"""The App's actions whose keys (``q``, ``?``) are text in the search bar or a filter."""
THEME_ALIASES = {"textual-ansi": "ansi-dark"}
"""Names Textual once had (``textual-ansi``: the terminal's own colours, now ``ansi-dark``)."""
CLIPBOARD_NOTE = (
    "Copy (y) goes through the terminal (OSC 52), so it works over SSH. "
    "Inside tmux it needs `set -g set-clipboard on` in ~/.tmux.conf."
)


def animations_wanted(requested: bool, environ: dict[str, str] | None = None) -> bool:
    """Animations are off over SSH (every frame crosses the network) or when asked."""
    env = os.environ if environ is None else environ
    return requested and not env.get("SSH_CONNECTION") and not env.get("SSH_TTY")


__all__ = ["AppOptions", "PartyBuildApp", "available_themes", "make_app"]


class PartyBuildApp(SessionApp, AppChrome):
    """Explore a report; its state is the ``session`` (``ui/session.py``); Textual's own
    words and screenshot as ``AppChrome`` has them."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "partybuild-tui"
    COMMANDS = App.COMMANDS | {GoToSectionProvider, ExplorerCommands}

    BINDINGS = [
        Binding("q", "quit_key", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        # Ctrl+C quits, as in most terminal programs (Textual's default only says how);
        # in a text field the field's own Ctrl+C (copy) comes first.
        Binding("ctrl+c", "quit", "Quit", show=False),
        Binding("ctrl+z", "suspend_process", "Suspend (fg resumes)", show=False),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, report: Report | None, options: AppOptions | None = None) -> None:
        """The app on ``report`` (``None``: reports are added to the session later)."""
        options = options or AppOptions()
        set_language(options.language)
        super().__init__()
        localize_bindings(self)
        self.session = Session(self, options)
        self._keys = KeySequencer(self, super().on_event)
        if report is not None:
            opened = self.session.add(report, options.report_path)
            if options.start_section:
                opened.navigation.jump(options.start_section)
        theme = options.theme or DEFAULT_THEME
        self.theme = THEME_ALIASES.get(theme, theme)
        if not animations_wanted(options.animations):
            self.animation_level = "none"

    async def action_quit_key(self) -> None:
        """``q``: its own action, so that the footer can leave it out where it is typed."""
        await self.action_quit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # typed as text in a field: neither acted on nor offered in the footer there
        return not (action in TYPED_IN_A_FIELD and isinstance(self.focused, Input))

    def on_mount(self) -> None:
        collect_young_less_often()  # every frame makes tens of thousands of short-lived objects
        if not self.is_headless:
            self._catch_signals()

    def on_unmount(self) -> None:
        """The app ends (``q``, Ctrl+C…): the screens saved their positions as they went;
        the search history is saved with them here."""
        self.session.save()

    async def on_event(self, event: events.Event) -> None:
        """Keys from the terminal go through the sequencer (``ui/keys.py``): in order."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self._keys.key(event)
        else:
            await super().on_event(event)

    def _catch_signals(self) -> None:
        """SIGTERM and SIGHUP (a dropped SSH link) end the app as ``q`` does: the terminal
        restored, the position and history saved. Without this Python dies at once and
        leaves the terminal in the alternate screen with the mouse on."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._terminated, signum)

    @on(Driver.SignalResume)
    def _resumed(self) -> None:
        """Back from Ctrl+Z (``fg``): the terminal shows the shell's screen; draw ours again."""
        self.refresh(repaint=True, layout=True)

    def _terminated(self, signum: int) -> None:
        self.session.save()
        # When the terminal is already gone (a hangup), Textual's shutdown can block for
        # ever on its writer thread's full queue; the process must end all the same.
        threading.Thread(target=_exit_soon, args=(128 + signum,), daemon=True).start()
        self.exit(return_code=128 + signum)

    def get_default_screen(self) -> Screen:
        return ExplorerScreen(self.session.current)

    def open_report_at(self, opened: OpenReport, metric: Metric, previous: str) -> None:
        """The compare view's Enter: the report in an explorer of its own over the view, at
        ``metric``'s quote; H there returns to the view (``previous``: the report current
        before, current again then)."""
        screen = ExplorerScreen(opened)
        self.push_screen(screen)
        self.call_after_refresh(self._land_on, screen, metric, previous)

    def _land_on(self, screen: ExplorerScreen, metric: Metric, previous: str) -> None:
        before = screen.opened.navigation.history.cursor
        highlight = Highlight.of_metric(metric)
        self.session.go_to(metric.section_id, highlight=highlight, report_id=screen.opened.id)
        screen.actions.landed_from_compare(before, previous)

    def _print_error_renderables(self) -> None:
        """After a crash: a short message and a hint, the traceback only with --debug."""
        if self.session.options.debug or not self._exit_renderables:
            super()._print_error_renderables()
            return
        self._exit_renderables.clear()
        self.error_console.print(
            internal_error_text(self._exception),
            markup=False,
            highlight=False,
        )

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        from partybuild_tui.ui.screens.metrics import MetricsScreen  # loads when first used
        from partybuild_tui.ui.widgets.metric_columns import ColumnedMetricTable
        from partybuild_tui.ui.widgets.metric_table import MetricTable

        explorer = ExplorerScreen.BINDINGS[len(REPORT_BINDINGS) :]
        groups: list[tuple[str, Sequence[BindingType]]] = [
            ("Keys everywhere", PartyBuildApp.BINDINGS),
            ("Keys everywhere", explorer),
            ("Keys in the tree", SectionTree.BINDINGS),
            ("Keys in the text", DetailPane.BINDINGS),
            ("Keys in search", SearchInput.BINDINGS),
            ("History, bookmarks, export", REPORT_BINDINGS),
            ("Keys in the metrics table", MetricsScreen.BINDINGS),
            ("Keys in the metrics table", MetricTable.BINDINGS),
            ("Keys in the metrics table", ColumnedMetricTable.BINDINGS),
        ]
        self.push_screen(HelpScreen(groups, extra_note=t(CLIPBOARD_NOTE)))


def _exit_soon(code: int, grace: float = 3.0) -> None:
    """End the process ``grace`` seconds from now unless it has ended by then (the state
    is saved before this starts)."""
    time.sleep(grace)
    os._exit(code)


def make_app(report: Report, options: AppOptions | None = None) -> PartyBuildApp:
    """The app for ``report``: used by the command line and by the tests."""
    return PartyBuildApp(report, options)


def available_themes() -> list[str]:
    """Theme names ``--theme`` accepts."""
    return sorted({*BUILTIN_THEMES, *THEME_ALIASES})
