"""Copying to the clipboard through the terminal (OSC 52), with a notice saying what."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from partybuild_tui.state.locations import browser_clipboard_blocked
from partybuild_tui.ui.i18n import t

MAX_CLIPBOARD_CHARS = 100_000
"""Longer text is not sent through OSC 52: terminals and tmux drop or cut such sequences."""


def copy_text(screen: Screen[Any], text: str, what: str) -> None:
    """Send ``text`` to the clipboard (OSC 52) and say what was copied."""
    if len(text) > MAX_CLIPBOARD_CHARS:
        screen.notify(
            f"{what}: {t('too long to copy through the terminal')} "
            f"({len(text)} {t('characters')}); {t('export it with e instead')}",
            severity="warning",
            markup=False,
        )
        return
    if screen.app.is_web and browser_clipboard_blocked():
        screen.notify(
            t(
                "The browser lets a page copy only over https or on localhost "
                "(an SSH tunnel gives localhost); export with e instead."
            ),
            title=t("Not copied"),
            severity="warning",
            markup=False,
        )
        return
    screen.app.copy_to_clipboard(text)
    screen.notify(
        f"{t('Copied')} {what} ({len(text)} {t('characters')})",
        title=t("Copied to the clipboard"),
        markup=False,
    )
