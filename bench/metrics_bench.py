"""The metrics view on a large report: open, sort, group, filter, move.

    python bench/metrics_bench.py [--report FILE] [--runs 5]

Two parts. First the row operations alone (``metric_rows`` and the index's
``matching_metrics``) on every metric of the report. Then the real app, headless
(Textual's test driver, 120×40): the time from a key being pressed until the
screen has been refreshed after it (``m`` opens the view, ``s`` sorts by value,
``u`` groups, ``j`` moves, and a filter typed one key at a time after the search
index is ready); the first row, a key bound to nothing, is the test driver's own
floor, to subtract from the others. Default report: the 10,000 × 10 synthetic one from
``generate.py`` (100,000 metrics), made if missing.

Why not ``DataTable``: adding 100,000 rows to it took 1.7 s, and measuring their
widths another 7 s of idle time, on the machine these figures were taken on;
the view's own Line-API table draws only the rows on screen.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from app_search_bench import DEFAULT_REPORT, ensure_report  # noqa: E402


def timed(function, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return samples


def row_operations(report, runs: int) -> dict[str, list[float]]:
    from partybuild_tui.search import SearchIndex
    from partybuild_tui.ui.metric_rows import group_positions, sort_positions

    everything = range(len(report.metrics))
    index = SearchIndex.build(report)
    return {
        "sort by value": timed(lambda: sort_positions(report, everything, "value", True), runs),
        "sort by label (pinyin)": timed(
            lambda: sort_positions(report, everything, "label", False), runs
        ),
        "group by unit": timed(lambda: group_positions(report, everything, "unit"), runs),
        "group by section": timed(lambda: group_positions(report, everything, "section"), runs),
        "filter unit:%": timed(lambda: index.matching_metrics("unit:%"), runs),
        "filter 党员": timed(lambda: index.matching_metrics("党员"), runs),
        "filter >10000": timed(lambda: index.matching_metrics(">10000"), runs),
    }


async def in_the_app(report, runs: int) -> dict[str, list[float]]:
    from partybuild_tui.ui.app import AppOptions, make_app
    from partybuild_tui.ui.screens.explorer import ExplorerScreen
    from partybuild_tui.ui.widgets.metric_table import MetricTable

    results: dict[str, list[float]] = {}

    async def press(pilot, key: str) -> float:
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        return time.perf_counter() - start

    for _ in range(runs):
        app = make_app(report, AppOptions(language="zh", animations=False))
        async with app.run_test(size=(120, 40)) as pilot:
            assert isinstance(app.screen, ExplorerScreen)
            while app.session.index() is None:  # the search index, built in a thread
                await pilot.pause(0.05)
            index = app.session.index()
            assert index is not None
            results.setdefault("floor: a key bound to nothing", []).append(
                await press(pilot, "f12")
            )
            results.setdefault("m (open the view)", []).append(await press(pilot, "m"))
            results.setdefault("s (sort by value)", []).append(await press(pilot, "s"))
            results.setdefault("j (move)", []).append(await press(pilot, "j"))
            results.setdefault("u (group by unit)", []).append(await press(pilot, "u"))
            results.setdefault("u (by section)", []).append(await press(pilot, "u"))
            await press(pilot, "u")
            await press(pilot, "slash")
            table = app.screen.query_one(MetricTable)
            for query in ("unit:%", " 党员"):
                for key in query[:-1]:
                    await pilot.press(key)
                wanted = len(index.matching_metrics(table_query(app) + query[-1]))
                start = time.perf_counter()
                await pilot.press(query[-1])
                while len(table.positions) != wanted:
                    await asyncio.sleep(0.002)
                await pilot.pause()
                results.setdefault(
                    f"filter {query.strip()!r}: last key → rows (0.15 s debounce)", []
                ).append(time.perf_counter() - start)
    return results


def table_query(app) -> str:
    from textual.widgets import Input

    return app.screen.query_one("#metrics-filter", Input).value


def show(title: str, results: dict[str, list[float]]) -> None:
    print(f"\n{title}\n")
    print("| operation | median ms | max ms |")
    print("|---|---:|---:|")
    for name, samples in results.items():
        median = statistics.median(samples) * 1000
        print(f"| {name} | {median:.1f} | {max(samples) * 1000:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from partybuild_tui.model import load_report

    report = load_report(str(ensure_report(args.report)))
    print(f"{len(report.metrics)} metrics in {len(report.ordered)} sections")
    show("Row operations (no drawing)", row_operations(report, args.runs))
    show("In the app, key → screen refreshed", asyncio.run(in_the_app(report, args.runs)))


if __name__ == "__main__":
    main()
