"""A killed or hung-up app leaves the terminal usable and remembers the place (13.8).

Only a real terminal shows this: the app runs in a pty, gets SIGTERM or SIGHUP,
and the bytes it wrote last must leave the alternate screen, turn the mouse off
and show the cursor; the next start offers to go back where it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
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


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (apt-get install tmux)")
def test_a_pane_killed_right_after_the_first_frame_never_leaves_the_app_running(
    tmp_path: Path,
) -> None:
    """A dropped link just after the app has drawn (tmux ``respawn-pane -k``: the terminal
    goes and SIGHUP comes): the app once hung for ever in Textual's shutdown, on its
    writer thread's full queue, and lived on as an orphan. It must always end."""
    server = ["tmux", "-L", f"pbt-hup-{os.getpid()}", "-f", "/dev/null"]
    env = f"PARTYBUILD_TUI_STATE_DIR={tmp_path / 'state'} PARTYBUILD_TUI_CACHE_DIR="
    app = f"exec env {env} {sys.executable} -m partybuild_tui --lang en --no-animation"
    subprocess.run([*server, "new", "-d", "-s", "t", "-x", "100", "-y", "30", "sleep 600"])
    pids: list[int] = []
    try:
        for _ in range(6):
            subprocess.run([*server, "respawn-pane", "-k", "-t", "t", app], check=True)
            pane = subprocess.run(
                [*server, "display", "-p", "-t", "t", "#{pane_pid}"],
                capture_output=True,
                text=True,
                check=True,
            )
            pids.append(int(pane.stdout))
            deadline = time.monotonic() + 30
            while "Help" not in _pane_text(server):  # the footer: the first frame is up
                assert time.monotonic() < deadline, _pane_text(server)
                time.sleep(0.01)  # polling the pane: the condition is checked each round
            subprocess.run([*server, "respawn-pane", "-k", "-t", "t", "sleep 600"], check=True)
        deadline = time.monotonic() + 15
        while running := [pid for pid in pids if _alive(pid)]:
            assert time.monotonic() < deadline, f"still running 15 s after the hangup: {running}"
            time.sleep(0.05)  # polling the processes: the condition is checked each round
    finally:
        subprocess.run([*server, "kill-server"], capture_output=True)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _pane_text(server: list[str]) -> str:
    return subprocess.run(
        [*server, "capture-pane", "-p", "-t", "t"], capture_output=True, text=True
    ).stdout


def _alive(pid: int) -> bool:
    """Running, and not a zombie (tmux reaps its panes' processes)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


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
