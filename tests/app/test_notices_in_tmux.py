"""A notice over the Bookmarks dialog, in a real terminal (tmux): drawn once, every
hanzi there (issue 13.18). The screen under a dialog shows through it, so its copy of
the notice was drawn beside the dialog's in a terminal (not in Textual's screenshot)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

LABEL = "强基固本,激活基层治理“红细胞”"


class Tmux:
    """The app in a private tmux server; every wait is on what the pane shows."""

    def __init__(self, socket: str, width: int, state: Path, *args: str) -> None:
        self.base = ["tmux", "-L", socket, "-f", "/dev/null"]
        command = (
            f"exec env PARTYBUILD_TUI_STATE_DIR={state} TERM=xterm-256color "
            f"{sys.executable} -m partybuild_tui --lang zh {' '.join(args)}"
        )
        environ = {k: v for k, v in os.environ.items() if k != "TMUX"}
        # The server is started on a placeholder, then the app is put in the pane: an app
        # that ended at once would otherwise take the server with it ("server exited
        # unexpectedly", seen once in CI), and the waits below say what the pane shows.
        subprocess.run(
            [*self.base, "new-session", "-d", "-s", "t", "-x", str(width), "-y", "24"]
            + ["sleep 600"],
            check=True,
            env=environ,
        )
        subprocess.run(
            [*self.base, "set-option", "-t", "t", "remain-on-exit", "on"], check=True, env=environ
        )
        subprocess.run(
            [*self.base, "respawn-pane", "-k", "-t", "t", command], check=True, env=environ
        )

    def screen(self) -> str:
        pane = subprocess.run(
            [*self.base, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True
        )
        return pane.stdout

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.base, "send-keys", "-t", "t", *keys], check=True)

    def wait(self, condition, what: str, timeout: float = 20.0) -> str:
        end = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if condition(screen):
                return screen
            if time.monotonic() > end:
                raise AssertionError(f"gave up waiting for {what}; the pane showed:\n{screen}")
            time.sleep(0.05)

    def settled(self) -> str:
        """The pane once two captures in a row agree (the last frame has landed)."""
        previous = None

        def same(screen: str) -> bool:
            nonlocal previous
            agreed, previous = screen == previous, screen
            return agreed

        return self.wait(same, "the pane to settle")

    def running(self) -> bool:
        """The app in the pane has not ended (the pane stays, remain-on-exit, when it has)."""
        dead = subprocess.run(
            [*self.base, "display-message", "-p", "-t", "t", "#{pane_dead}"],
            capture_output=True,
            text=True,
        )
        return dead.returncode == 0 and dead.stdout.strip() != "1"

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)


NOTICE = "上次读到:强基固本,激活基层治理“红细胞”。按 H 回到那里。"


def test_a_notice_over_the_bookmarks_dialog_is_drawn_once_and_whole(tmp_path: Path) -> None:
    width = 60  # before: a hanzi blanked here, and a second copy beside the dialog
    socket, state = f"partybuild-test-{os.getpid()}-{width}", tmp_path / "state"
    first = Tmux(socket, width, state, "--section", "grassroots")
    try:  # a first run ends in the section, so the next start says where it was
        first.wait(lambda s: "? 帮助" in s and LABEL in s, "the explorer")
        first.keys("q")
        end = time.monotonic() + 20
        while first.running() and time.monotonic() < end:
            time.sleep(0.05)
        assert not first.running(), "q did not end the app:\n" + first.screen()
    finally:
        first.close()
    tmux = Tmux(socket, width, state)
    try:
        tmux.wait(lambda s: "上次读到" in s, "the notice")
        for _attempt in range(5):  # a key sent as the app starts can be lost: send again
            tmux.keys("B")
            with contextlib.suppress(AssertionError):
                tmux.wait(lambda s: "书签列表" in s, "the dialog", timeout=2)
                break
        tmux.wait(lambda s: "书签列表" in s and "上次读到" in s, "the dialog with the notice")
        screen = tmux.settled()
        assert screen.count("按 H") == 1, screen  # not a second copy beside the dialog
        # The notice's lines, after its bar (with what is drawn right of it): every
        # character of the notice, in order (a blanked hanzi breaks the order).
        drawn = iter("".join(line.split("▌")[-1] for line in screen.splitlines() if "▌" in line))
        assert all(char in drawn for char in "".join(NOTICE.split())), screen
    finally:
        tmux.close()
