"""Copying to the clipboard through the terminal (OSC 52), with a notice saying what."""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import lru_cache
from typing import Any

from textual.screen import Screen

from partybuild_tui.state.locations import browser_clipboard_blocked
from partybuild_tui.ui.i18n import t

MAX_CLIPBOARD_CHARS = 100_000
"""Longer text is not sent through OSC 52: terminals and tmux drop or cut such sequences."""


@lru_cache(maxsize=1)
def tmux_clipboard_setting() -> str | None:
    """tmux's ``set-clipboard`` when running inside tmux (``on``, ``external``, ``off``).

    Only ``on`` passes an application's OSC 52 on to the terminal; with tmux's default
    ``external`` a copy silently goes nowhere. ``None``: not in tmux, or unknown.
    """
    if not os.environ.get("TMUX") or shutil.which("tmux") is None:
        return None
    try:
        done = subprocess.run(
            ["tmux", "show", "-gv", "set-clipboard"],
            capture_output=True,
            text=True,
            timeout=2,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = done.stdout.strip()
    return value if done.returncode == 0 and value else None


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
    setting = None if screen.app.is_web else tmux_clipboard_setting()
    if setting is not None and setting != "on":
        screen.notify(
            t(
                "Inside tmux with set-clipboard {setting} nothing reaches the clipboard. "
                "Add `set -g set-clipboard on` to ~/.tmux.conf and run "
                "`tmux source-file ~/.tmux.conf`; or export with e."
            ).format(setting=setting),
            title=t("Not copied"),
            severity="warning",
            markup=False,
            timeout=10,
        )
        return
    screen.app.copy_to_clipboard(text)
    screen.notify(
        f"{t('Copied')} {what} ({len(text)} {t('characters')})",
        title=t("Copied to the clipboard"),
        markup=False,
    )
