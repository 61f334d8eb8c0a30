"""What Textual itself puts on screen, in the interface language and fit for a server.

Textual's palette (its placeholder and its own commands: Keys, Maximize, Quit,
Screenshot, Theme) and the footer's ``^p palette`` are English
strings inside Textual; ``AppChrome`` passes each through ``t()``. Its screenshot
goes to the working directory (or, when that cannot be written, the state
directory) instead of ``~/Downloads``, which servers do not have, and says where.
Every notice is also kept, newest last, in ``notices`` (what was said, as the
messages log of lnav or k9s keeps it; the tests read it there).
A screen under a dialog is marked ``-suspended`` (its notices then hide: app.tcss).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.theme import ThemeProvider

from partybuild_tui.state import state_dir
from partybuild_tui.ui.i18n import t

SUSPENDED = "-suspended"


def screenshot_directories() -> list[Path]:
    """Where a screenshot may go, in order: the working directory, then the state directory."""
    return [Path.cwd(), state_dir()]


@dataclass(frozen=True)
class Notice:
    """One notice as it was given to ``notify``."""

    message: str
    title: str
    severity: SeverityLevel


class AppChrome(App[int]):
    """Textual's own words and screenshot, done as this app needs."""

    @property
    def SUSPENDED_SCREEN_CLASS(self) -> str:  # type: ignore[override]
        """A screen under a dialog: its notices are hidden there (app.tcss), as the dialog
        shows the same notices itself, inside its own width.

        Only under a dialog: Textual restyles a screen and all its widgets when the class
        comes and goes, and a screen under a full screen is not drawn at all (that restyle
        of the explorer was a fifth of opening the compare view). Read when a screen is
        suspended (the new top is then on the stack) and when it resumes (a screen still
        marked must lose the mark)."""
        stack = self.screen_stack
        if (stack and isinstance(stack[-1], ModalScreen)) or any(
            screen.has_class(SUSPENDED) for screen in stack
        ):
            return SUSPENDED
        return ""

    def __init__(self) -> None:
        super().__init__()
        self.notices: deque[Notice] = deque(maxlen=200)
        """The last 200 notices, newest last."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.notices.append(Notice(message, title, severity))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder=t("Search for commands…"))
            )

    def search_themes(self) -> None:
        self.push_screen(
            CommandPalette(providers=[ThemeProvider], placeholder=t("Search for themes…"))
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                command = SystemCommand(command.title, command.help, self.action_save_screenshot)
            yield SystemCommand(t(command.title), t(command.help), command.callback)

    def action_save_screenshot(self) -> None:
        """Save an SVG of the screen and say where it went (or why it could not)."""
        reasons: list[str] = []
        for directory in screenshot_directories():
            try:
                directory.mkdir(parents=True, exist_ok=True)
                if not os.access(directory, os.W_OK):
                    raise PermissionError(f"{directory}: not writable")
                saved = self.save_screenshot(path=str(directory))
            except OSError as error:
                reasons.append(str(error))
                continue
            self.notify(str(Path(saved).resolve()), title=t("Screenshot saved"), markup=False)
            return
        self.notify(
            "; ".join(reasons),
            title=t("Could not save the screenshot"),
            severity="error",
            markup=False,
        )
