"""A killed or hung-up app leaves the terminal usable and remembers the place (13.8).

Only a real terminal shows this: the app runs in a pty, gets SIGTERM or SIGHUP,
and the bytes it wrote last must leave the alternate screen, turn the mouse off
and show the cursor; the next start offers to go back where it was.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from .pty_app import PtyApp

LEAVE_ALT_SCREEN = b"\x1b[?1049l"
SHOW_CURSOR = b"\x1b[?25h"
MOUSE_OFF = b"\x1b[?1000l"


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_restores_the_terminal_and_saves_the_position(signum: int, tmp_path: Path) -> None:
    env = {"PARTYBUILD_TUI_STATE_DIR": str(tmp_path / "state")}
    args = ["--lang", "en", "--section", "first-topic-system"]
    with PtyApp(args, env=env) as app:
        drawn = app.wait_for("落实“第一议题”制度".encode())
        app.wait_for(b"Help", start=drawn)  # the footer: the app is taking keys
        app.send(b"]")  # a jump: the place to remember is the next section
        moved = app.wait_for(b"\xe2\x80\xba", start=drawn)  # redrawn (a breadcrumb › again)
        app.signal(signum)
        status = app.wait_exit()
        tail = bytes(app.output[moved:])
    assert status == 128 + signum
    for sequence in (LEAVE_ALT_SCREEN, SHOW_CURSOR, MOUSE_OFF):
        assert sequence in tail, sequence
    with PtyApp(["--lang", "en"], env=env) as again:
        again.wait_for(b"Last time you were reading")
        again.send(b"q")
        again.wait_exit()


def test_ctrl_z_suspends_and_the_app_comes_back(tmp_path: Path) -> None:
    import os
    import time

    env = {"PARTYBUILD_TUI_STATE_DIR": str(tmp_path / "state")}
    with PtyApp(["--lang", "en"], env=env) as app:
        drawn = app.wait_for(b"Help")
        app.send(b"\x1a")  # Ctrl+Z
        left = app.wait_for(LEAVE_ALT_SCREEN, start=drawn)  # the shell's screen is back
        deadline = time.monotonic() + 30
        while True:  # the process is stopped, as after Ctrl+Z in any program
            pid, status = os.waitpid(app.pid, os.WUNTRACED | os.WNOHANG)
            if pid and os.WIFSTOPPED(status):
                break
            assert time.monotonic() < deadline, "the app did not stop on Ctrl+Z"
            time.sleep(0.02)
        os.kill(app.pid, signal.SIGCONT)  # what `fg` sends
        app.wait_for(b"\x1b[?1049h", start=left)  # back in its own screen
        app.wait_for(b"Help", start=left)
        app.send(b"q")
        assert app.wait_exit() == 0


async def test_ctrl_c_quits(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
