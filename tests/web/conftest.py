"""A served app on a free loopback port, and headless Chromium driven by Playwright.

Playwright cannot download its own browsers here: it drives the system Chromium
(Debian's `chromium`; `.ci/run` installs it with `fonts-noto-cjk`). Without it the
browser tests skip and say how to get it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_listening(port: int, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if process.poll() is not None:
            out = process.stdout.read() if process.stdout else b""
            raise AssertionError(f"serve exited with {process.returncode}: {out.decode()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)  # polling a socket: the condition is checked each round
    raise AssertionError(f"serve did not listen on port {port} within {timeout} s")


class Served:
    def __init__(self, url: str, state_root: Path, cwd: Path) -> None:
        self.url = url
        self.state_root = state_root
        self.cwd = cwd  # the server's working folder: an export must not land here


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for a module's tests: each test's browser context is a new visitor."""
    tmp_path = tmp_path_factory.mktemp("served")
    port = free_port()
    env = dict(os.environ)
    env.update(
        {
            "PARTYBUILD_TUI_STATE_DIR": str(tmp_path / "state"),
            "PARTYBUILD_TUI_CACHE_DIR": str(tmp_path / "cache"),
        }
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "partybuild_tui", "serve", "--port", str(port), "--lang", "en"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_listening(port, process)
        yield Served(f"http://127.0.0.1:{port}", tmp_path / "state" / "served", tmp_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Playwright's sync API runs an event loop in this thread while it is open: closed with
    the module, so the async pilot tests a worker runs next get a thread without one."""
    if CHROMIUM is None:
        pytest.skip(
            "no Chromium on this machine: apt-get install -y chromium fonts-noto-cjk "
            "(Playwright cannot download its own browsers here)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()
