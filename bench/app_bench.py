"""Interaction latency in the real app on a large report: tree moves, opening sections, search.

    python bench/app_bench.py [--report FILE] [--runs 5] [--json]

Runs the app headless (Textual's test driver, 120×40) on the report (default: the
10,000 × 10 synthetic report, generated if missing). Each figure is the time from
the key being posted (as the terminal driver would) until the screen has been
repainted with the result:

* tree move: ↓ in the expanded tree → the next section shown in the reading pane;
* open a section: ``]`` (next in reading order, which expands as needed);
* search keystroke: one more character in the search bar → its results drawn
  (every prefix of eight queries of all kinds, see ``app_search_bench.QUERIES``).

Target for all three: ≤ 50 ms (median). Each key of these is posted as soon as the
one before has been drawn (a held key), so each waits for Textual's frame limiter
(MAX_FPS 60: the next paint comes 1/60 to 2/60 s after the last). Also measured, as
information: ↓ and ``]`` pressed one at a time (``ONE_KEY_GAP`` apart, as a reader
steps through a report), where that wait does not apply.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from app_search_bench import DEFAULT_REPORT, QUERIES, _key_name, ensure_report  # noqa: E402

ONE_KEY_GAP = 0.12
"""Seconds between the keys of the one-key-at-a-time figures."""


async def measure(report_path: Path, runs: int) -> dict[str, list[float]]:
    from textual import events

    from partybuild_tui.model import load_report
    from partybuild_tui.ui.app import AppOptions, make_app
    from partybuild_tui.ui.widgets.detail_pane import DetailPane
    from partybuild_tui.ui.widgets.search_panel import SearchPanel
    from partybuild_tui.ui.widgets.section_tree import SectionTree

    report = load_report(str(report_path), max_size=1 << 30)
    app = make_app(report, AppOptions(language="zh", animations=False))
    timings: dict[str, list[float]] = {
        "tree move": [],
        "open section": [],
        "search keystroke": [],
        "tree move, one key": [],
        "open section, one key": [],
    }
    async with app.run_test(size=(120, 40)) as pilot:
        painted: list[float] = []
        display = app._display

        def record_paint(screen, renderable):  # type: ignore[no-untyped-def]
            display(screen, renderable)
            if renderable is not None:
                painted.append(time.perf_counter())

        app._display = record_paint  # type: ignore[method-assign]
        detail = app.screen.query_one(DetailPane)
        tree = app.screen.query_one(SectionTree)
        panel = app.screen.query_one(SearchPanel)
        while panel.index is None:
            await pilot.pause(0.05)

        async def until_shown(start: float, changed) -> float:  # type: ignore[no-untyped-def]
            while not changed():
                await asyncio.sleep(0.0002)
            shown = time.perf_counter()
            while not painted or painted[-1] < shown:
                await asyncio.sleep(0.0002)
            return (painted[-1] - start) * 1000

        for _ in range(runs):
            tree.focus()
            await pilot.pause(0.05)
            for _ in range(20):
                before = detail.section
                start = time.perf_counter()
                app.post_message(events.Key("down", None))
                timings["tree move"].append(
                    await until_shown(start, lambda before=before: detail.section is not before)
                )
            for _ in range(20):
                before = detail.section
                start = time.perf_counter()
                app.post_message(events.Key("right_square_bracket", "]"))
                timings["open section"].append(
                    await until_shown(start, lambda before=before: detail.section is not before)
                )
            tree.focus()
            for name, key, character in (
                ("tree move, one key", "down", None),
                ("open section, one key", "right_square_bracket", "]"),
            ):
                for _ in range(10):
                    await asyncio.sleep(ONE_KEY_GAP)
                    before = detail.section
                    start = time.perf_counter()
                    app.post_message(events.Key(key, character))
                    timings[name].append(
                        await until_shown(start, lambda before=before: detail.section is not before)
                    )

        shown_results: dict[str, float] = {}
        show_result = panel._show_result

        def record_result(query, result):  # type: ignore[no-untyped-def]
            show_result(query, result)
            shown_results[query] = time.perf_counter()

        panel._show_result = record_result  # type: ignore[method-assign]
        app.post_message(events.Key("slash", "/"))
        await pilot.pause(0.1)
        for _ in range(runs):
            for query in QUERIES.values():
                panel.input.value = ""
                await pilot.pause(0.1)
                for end in range(1, len(query) + 1):
                    typed = query[:end]
                    shown_results.pop(typed, None)
                    start = time.perf_counter()
                    app.post_message(events.Key(_key_name(typed[-1]), typed[-1]))
                    timings["search keystroke"].append(
                        await until_shown(start, lambda typed=typed: typed in shown_results)
                    )
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the samples as JSON")
    args = parser.parse_args()
    timings = asyncio.run(measure(ensure_report(args.report), args.runs))
    if args.json:
        print(json.dumps(timings))
        return 0
    print("| figure | median ms | min–max ms | n | target |")
    print("|---|---|---|---|---|")
    for name, values in timings.items():
        median = statistics.median(values)
        target = "info" if "one key" in name else f"≤ 50 ms {'pass' if median <= 50 else 'FAIL'}"
        print(
            f"| {name} | {median:.1f} | {min(values):.1f}–{max(values):.1f} | {len(values)} "
            f"| {target} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
