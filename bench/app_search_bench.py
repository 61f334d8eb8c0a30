"""Keystroke → results repainted, in the real app, on a large report.

    python bench/app_search_bench.py [--report FILE] [--runs 5]

Opens the app headless (Textual's test driver, 120×40) on the report (default:
the 10,000 × 10 synthetic report from ``generate.py``, made if missing), waits
for the search index, then types queries one key at a time. For each key it
measures the time from the key being sent until the results list has been
redrawn for that exact query (the panel's ``_show_result`` ran and the screen
refreshed). Prints median and max per query kind; target ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_REPORT = Path("/tmp/partybuild-tui-bench/synthetic-10000x10.yaml")

QUERIES = {
    "substring": "党员",
    "multi-word": "党员 培训",
    "pinyin initials": "djyl",
    "pinyin full": "dangjian",
    "number": "1.7万",
    "comparison": ">10000",
    "range": "100..1000",
    "unit": "unit:人",
}


def ensure_report(path: Path) -> Path:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--sections",
                "10000",
                "--metrics",
                "10",
                "-o",
                str(path),
                "--seed",
                "1",
            ],
            check=True,
        )
    return path


async def measure(report_path: Path, runs: int) -> dict[str, list[float]]:
    from textual import events

    from partybuild_tui.model import load_report
    from partybuild_tui.ui.app import AppOptions, make_app
    from partybuild_tui.ui.widgets.search_panel import SearchPanel

    report = load_report(str(report_path))
    app = make_app(report, AppOptions(language="zh", animations=False))
    timings: dict[str, list[float]] = {kind: [] for kind in QUERIES}
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.screen.query_one(SearchPanel)
        while panel.index is None:
            await pilot.pause(0.05)
        shown: dict[str, float] = {}
        painted: list[float] = []
        show_result = panel._show_result
        display = app._display

        def record_result(query, result):  # type: ignore[no-untyped-def]
            show_result(query, result)
            shown[query] = time.perf_counter()

        def record_paint(screen, renderable):  # type: ignore[no-untyped-def]
            display(screen, renderable)
            if renderable is not None:
                painted.append(time.perf_counter())

        panel._show_result = record_result  # type: ignore[method-assign]
        app._display = record_paint  # type: ignore[method-assign]
        await pilot.press("slash")
        for _ in range(runs):
            for kind, query in QUERIES.items():
                panel.input.value = ""
                await pilot.pause(0.1)
                for end in range(1, len(query) + 1):
                    typed = query[:end]
                    shown.pop(typed, None)
                    start = time.perf_counter()
                    # The key as the terminal driver delivers it (no test-pilot waits).
                    app.post_message(events.Key(_key_name(typed[-1]), typed[-1]))
                    while typed not in shown:
                        await asyncio.sleep(0.0002)
                    while not painted or painted[-1] < shown[typed]:
                        await asyncio.sleep(0.0002)
                    timings[kind].append((painted[-1] - start) * 1000)
    return timings


def _key_name(char: str) -> str:
    names = {
        " ": "space",
        ">": "greater_than_sign",
        "<": "less_than_sign",
        ".": "full_stop",
        ":": "colon",
        "=": "equals_sign",
    }
    return names.get(char, char)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = ensure_report(args.report)
    timings = asyncio.run(measure(path, args.runs))
    print(f"keystroke → results repainted ({path.name}, {args.runs} runs, every key of each query)")
    print("| query kind | query | median ms | max ms | target | |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    for kind, values in timings.items():
        median = statistics.median(values)
        worst = max(worst, median)
        verdict = "pass" if median <= 50 else "FAIL"
        print(
            f"| {kind} | `{QUERIES[kind]}` | {median:.1f} | {max(values):.1f} | ≤ 50 | {verdict} |"
        )
    return 0 if worst <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
