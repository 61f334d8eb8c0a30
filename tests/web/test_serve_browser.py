"""The explorer in a real browser: no outside request, keys, search, export, sessions."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from partybuild_tui.web.server import session_dir

from .conftest import Served, free_port, wait_until_listening

FIRST_SECTION = "导语"
TERMINAL_TEXT = """() => {
  const term = window.partybuildTerminal;
  if (!term) return "";
  const buffer = term.buffer.active, lines = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
  return lines.join("\\n");
}"""


def terminal_text(page) -> str:
    return page.evaluate(TERMINAL_TEXT)


def wait_for_text(page, needle: str, timeout: float = 30.0) -> str:
    """Wait until the terminal shows ``needle``; fail with what it showed."""
    end = time.monotonic() + timeout
    text = ""
    while time.monotonic() < end:
        text = terminal_text(page)
        if needle in text:
            return text
        page.wait_for_timeout(50)  # one animation frame or so, then look again
    raise AssertionError(f"the terminal never showed {needle!r}; it showed:\n{text}")


def open_page(browser, served: Served):
    context = browser.new_context(viewport={"width": 1200, "height": 800}, accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("websocket", lambda ws: requests.append(ws.url))
    page.goto(served.url)
    wait_for_text(page, FIRST_SECTION)
    return context, page, requests


def test_the_page_loads_with_no_outside_request(browser, served: Served) -> None:
    context, page, requests = open_page(browser, served)
    try:
        assert page.title() == "党建领航聚合力 铸魂固本启新程"  # the window title names the report
        origin = urlsplit(served.url).netloc
        assert requests, "the page made no request at all"
        outside = [url for url in requests if urlsplit(url).netloc != origin]
        assert outside == [], outside
        assert any(urlsplit(url).path == "/ws" for url in requests)
    finally:
        context.close()


def test_keys_and_pinyin_search_work(browser, served: Served) -> None:
    context, page, _ = open_page(browser, served)
    try:
        page.locator("#terminal").click()
        page.keyboard.type("/djyl")
        text = wait_for_text(page, "djyl")
        text = wait_for_text(page, "党建引领")
        assert "djyl" in text
    finally:
        context.close()


def test_two_browsers_do_not_share_state(browser, served: Served) -> None:
    first, page_a, _ = open_page(browser, served)
    second, page_b, _ = open_page(browser, served)
    try:
        cookies_a = {c["name"]: c["value"] for c in first.cookies()}
        cookies_b = {c["name"]: c["value"] for c in second.cookies()}
        assert cookies_a["partybuild_session"] != cookies_b["partybuild_session"]
        page_a.locator("#terminal").click()
        page_a.keyboard.press("]")  # the first section
        page_a.keyboard.press("b")  # bookmark it
        wait_for_text(page_a, "Bookmarked")
        page_a.keyboard.press("B")
        listed = wait_for_text(page_a, "Bookmarks")
        page_b.locator("#terminal").click()
        page_b.keyboard.press("B")  # the other browser's list is its own: empty
        wait_for_text(page_b, "No bookmarks yet")
        assert "No bookmarks yet" not in listed
        state_a, state_b = (
            session_dir(served.state_root, cookies["partybuild_session"])
            for cookies in (cookies_a, cookies_b)
        )
        assert state_a != state_b and state_a.is_dir() and state_b.is_dir()
    finally:
        first.close()
        second.close()


def test_export_is_a_browser_download(browser, served: Served, tmp_path_factory) -> None:
    context, page, _ = open_page(browser, served)
    downloads: list = []
    # textual-serve opens the download URL in a new tab, which turns into the download
    context.on("page", lambda tab: tab.on("download", lambda d: downloads.append(d)))
    page.on("download", lambda d: downloads.append(d))
    try:
        page.locator("#terminal").click()
        page.keyboard.press("e")
        wait_for_text(page, "Markdown")
        page.keyboard.press("Enter")
        end = time.monotonic() + 30
        while not downloads and time.monotonic() < end:
            page.wait_for_timeout(50)
        assert downloads, "no download within 30 s; the terminal showed:\n" + terminal_text(page)
        download = downloads[0]
        saved = tmp_path_factory.mktemp("downloads") / download.suggested_filename
        download.save_as(saved)
        assert download.suggested_filename.endswith(".md")
        content = saved.read_text(encoding="utf-8")
        assert "党建领航聚合力 铸魂固本启新程" in content  # the export itself: the report
        assert not (served.cwd / download.suggested_filename).exists()  # nothing on the server
    finally:
        context.close()


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (a served tab's app is a child of the server)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def test_stopping_the_server_ends_the_tabs_apps(browser, tmp_path) -> None:
    port = free_port()
    env = dict(os.environ, PARTYBUILD_TUI_STATE_DIR=str(tmp_path / "state"))
    server = subprocess.Popen(
        [sys.executable, "-m", "partybuild_tui", "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    context = None
    try:
        wait_until_listening(port, server)
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}")
        wait_for_text(page, FIRST_SECTION)
        tabs = _children(server.pid)
        assert tabs, "the tab's app is not a child of the server"
        for pid in tabs:  # the app itself, so the server's signal reaches it (not a shell)
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            assert command[0] != b"/bin/sh" and b"partybuild_tui" in command, command
        server.terminate()  # with the tab still open
        server.wait(timeout=30)
        end = time.monotonic() + 30
        while any(Path(f"/proc/{pid}").exists() for pid in tabs) and time.monotonic() < end:
            time.sleep(0.05)  # polling the process table: the condition is checked each round
        left = [pid for pid in tabs if Path(f"/proc/{pid}").exists()]
        assert left == [], f"the tabs' apps outlived the server: {left}"
    finally:
        if context is not None:
            context.close()
        if server.poll() is None:
            server.kill()
