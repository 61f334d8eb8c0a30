"""The real app in a pseudo-terminal: for what only a real terminal shows.

Every wait is on a condition (bytes seen, the process gone) with a deadline that
fails loudly with what the terminal received, never a fixed sleep.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


class PtyApp:
    """``python -m partybuild_tui ARGS`` on a pty of ``size`` (columns, rows)."""

    def __init__(
        self, args: list[str], env: dict[str, str] | None = None, size: tuple[int, int] = (100, 30)
    ) -> None:
        columns, rows = size
        pid, fd = pty.fork()
        if pid == 0:  # child
            os.environ.update(
                {"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
            )
            os.environ.pop("NO_COLOR", None)
            os.environ.update(env or {})
            os.execv(sys.executable, [sys.executable, "-m", "partybuild_tui", *args])
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.pid, self.fd = pid, fd
        self.output = bytearray()
        self.status: int | None = None
        self._eof = False

    def _read(self, until: float) -> None:
        """Read what is there (waiting at most until ``until``)."""
        ready, _, _ = select.select(
            [self.fd], [], [], max(0.0, min(0.05, until - time.monotonic()))
        )
        if ready:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                chunk = b""
            if chunk:
                self.output += chunk
            else:
                self._eof = True

    def _fail(self, what: str) -> None:
        tail = bytes(self.output[-1500:])
        self.kill()
        raise AssertionError(f"{what}; the terminal's last bytes were:\n{tail!r}")

    def wait_for(self, needle: bytes, timeout: float = 30.0, start: int = 0) -> int:
        """Wait until ``needle`` has been written (after offset ``start``); its end offset."""
        end = time.monotonic() + timeout
        while True:
            found = self.output.find(needle, start)
            if found >= 0:
                return found + len(needle)
            if self._eof:
                self._fail(f"the app ended before writing {needle!r}")
            if time.monotonic() > end:
                self._fail(f"gave up after {timeout} s waiting for {needle!r}")
            self._read(end)

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def wait_exit(self, timeout: float = 30.0) -> int:
        """Read to the end and reap the process: its exit status."""
        end = time.monotonic() + timeout
        while not self._eof:
            if time.monotonic() > end:
                self._fail(f"the app was still running after {timeout} s")
            self._read(end)
        while True:
            done, wait_status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = os.waitstatus_to_exitcode(wait_status)
                os.close(self.fd)
                return self.status
            if time.monotonic() > end:
                self._fail(f"the app closed its terminal but had not exited after {timeout} s")
            select.select([], [], [], 0.02)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.status is None:
            self.kill()
