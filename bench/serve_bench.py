"""``partybuild-tui serve`` in headless Chromium: first frame and memory per session.

    .venv/bin/python bench/serve_bench.py [--runs 5] [--sessions 5] [--json]

* first frame: navigation start → the terminal shows the report's first section
  title (read from xterm's buffer, as the browser tests do), one new browser
  context (a new visitor) per run;
* memory: the RSS of each tab's app process (the server's children) with
  ``--sessions`` tabs open at once, and that every one of them drew the report.
Needs Chromium (``apt-get install -y chromium fonts-noto-cjk``) and the web extra.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from web.conftest import CHROMIUM, CHROMIUM_FLAGS, free_port, wait_until_listening  # noqa: E402
from web.test_serve_browser import wait_for_text  # noqa: E402

MARKER = "导语"


def _processes() -> dict[int, tuple[int, float]]:
    """pid -> (parent pid, RSS in MB) for every process we can read."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        rss = int(fields["VmRSS"].split()[0]) / 1024 if "VmRSS" in fields else 0.0
        table[int(entry.name)] = (int(fields.get("PPid", "0")), rss)
    return table


def children_rss_mb(pid: int) -> list[float]:
    """Per tab (a child of the server, a shell running the app): the RSS of its tree, MB."""
    table = _processes()

    def tree(root: int) -> float:
        return table[root][1] + sum(tree(c) for c, (ppid, _) in table.items() if ppid == root)

    return [tree(child) for child, (ppid, _) in table.items() if ppid == pid]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if CHROMIUM is None:
        print("no Chromium: apt-get install -y chromium fonts-noto-cjk", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="pbt-serve-bench-"))
    port = free_port()
    env = dict(os.environ, PARTYBUILD_TUI_STATE_DIR=str(work / "state"))
    env["PARTYBUILD_TUI_CACHE_DIR"] = str(work / "cache")
    server = subprocess.Popen(
        [sys.executable, "-m", "partybuild_tui", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    firsts: list[float] = []
    try:
        wait_until_listening(port, server)
        url = f"http://127.0.0.1:{port}/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
            )
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1200, "height": 800})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url)
                wait_for_text(page, MARKER)
                firsts.append(time.perf_counter() - start)
                context.close()
            contexts = []
            for _ in range(args.sessions):
                context = browser.new_context(viewport={"width": 1200, "height": 800})
                page = context.new_page()
                page.goto(url)
                contexts.append((context, page))
            for _, page in contexts:
                wait_for_text(page, MARKER)
            rss = children_rss_mb(server.pid)
            all_drew = len(rss) >= args.sessions
            for context, _ in contexts:
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    result = {
        "first_frame_s": firsts,
        "sessions": args.sessions,
        "session_rss_mb": rss,
        "all_sessions_drew": all_drew,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"first frame in the browser: median {statistics.median(firsts):.2f} s "
            f"({min(firsts):.2f}-{max(firsts):.2f}), {args.runs} runs"
        )
        print(
            f"{args.sessions} sessions open at once: all drew = {all_drew}; "
            f"RSS per session median {statistics.median(rss):.0f} MB "
            f"({min(rss):.0f}-{max(rss):.0f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
