"""The compare view of one indicator across a large library: from `c` to the view drawn.

    .venv/bin/python bench/compare_bench.py                 # 3,000 reports, 7 runs
    .venv/bin/python bench/compare_bench.py --reports 300 --runs 5

Generates (once, into ``--workdir``) a library of N reports: regions × years
(300 regions × 10 years for 3,000), each with 30 figures of which 10 carry an
indicator and 2 are targets for the next year, plus a registry. The library is
opened once (its own cache); then each run times, in a headless app at 80×24:
working out the comparison of one indicator (``comparison_for_metric``), pushing
the compare view and waiting for its first refresh. Target: ≤ 100 ms. The first
run is the first ``c`` of a session (a new view is composed, the comparison worked
out); later ones show the kept view and the kept comparison, as a user's next
``c`` does: both are printed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

INDICATORS = [
    ("study-sessions", "“第一议题”学习", "次"),
    ("party-members", "党员总数", "名"),
    ("satisfaction-rate", "群众满意率", "%"),
    ("lectures", "专题党课", "场"),
    ("villages", "党建标杆村", "个"),
    ("trained", "轮训党员", "人"),
    ("helped", "帮扶困难党员", "名"),
    ("coverage", "党组织覆盖率", "%"),
    ("grids", "社区网格", "个"),
    ("funds", "奖励资金", "元"),
]
TARGET = 0.100


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def generate(folder: Path, reports: int, seed: int = 1) -> None:
    """``reports`` reports (10 years per region) and a registry, into ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    registry = ["schema: partybuild-indicators/1", "indicators:"]
    for ident, label, unit in INDICATORS:
        registry += [f"  - id: {ident}", f"    label: {_q(label)}", f"    unit: {_q(unit)}"]
    (folder / "indicators.yaml").write_text("\n".join(registry) + "\n", encoding="utf-8")
    regions = max(1, reports // 10)
    for n in range(reports):
        region, year = n % regions, 2016 + n // regions
        sentences, metrics = [], []
        for k, (ident, label, unit) in enumerate(INDICATORS):
            value = rng.randint(10, 5000)
            sentences.append(f"{label}{value}{unit}(第{k}项)")
            metrics.append((f"m{k}", label, value, unit, f"{value}{unit}(第{k}项)", ident, None))
        for k in range(10, 28):
            value = rng.randint(1, 900)
            sentences.append(f"其他工作{k}完成{value}件")
            metrics.append((f"m{k}", f"其他工作{k}", value, "件", f"完成{value}件", None, None))
        for k, (ident, label, unit) in enumerate(INDICATORS[:2]):
            value = rng.randint(10, 5000)
            sentences.append(f"明年{label}目标{value}{unit}以上")
            metrics.append(
                (
                    f"t{k}",
                    label + "目标",
                    value,
                    unit,
                    f"目标{value}{unit}以上",
                    ident,
                    str(year + 1),
                )
            )
        lines = [
            "schema: partybuild-report/1", "report:", f"  id: r{region:04d}-{year}",
            f"  title: {_q(f'测试县{region} {year} 党建综述')}", f"  period: {_q(str(year))}",
            f"  region: {_q(f'测试县{region}')}", f"  region_code: {_q(f'{140000 + region:06d}')}",
            "sections:", "  - id: s", "    title: 概况", "    paragraphs:",
            "      - " + _q(",".join(sentences) + "。"), "    metrics:",
        ]  # fmt: skip
        for ident, label, value, unit, quote, indicator, target in metrics:
            qualifier = "over" if target else "exact"
            lines += [
                f"      - id: {ident}", f"        label: {_q(label)}", f"        value: {value}",
                f"        unit: {_q(unit)}", f"        qualifier: {qualifier}",
                f"        quote: {_q(quote)}",
            ]  # fmt: skip
            if indicator:
                lines.append(f"        indicator: {indicator}")
            if target:
                lines += ["        role: target", f"        target_period: {_q(target)}"]
        path = folder / f"r{region:04d}" / f"{year}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


async def _refreshed(screen) -> None:  # type: ignore[no-untyped-def]
    """Until the screen's first refresh is done (``call_after_refresh``): the view drawn."""
    done = asyncio.Event()
    screen.call_after_refresh(done.set)
    await done.wait()


async def _time_view(library, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Wall and CPU times of opening the view, and of pushing a bare screen (the floor)."""
    from textual.screen import Screen
    from textual.widgets import Footer, Static

    from partybuild_tui.ui.app import AppOptions, make_app
    from partybuild_tui.ui.screens.compare import CompareScreen
    from partybuild_tui.ui.screens.compare_open import comparison_for_metric, push_compare

    class Bare(Screen[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("title")
            yield Static("body")
            yield Footer()

    report = library.reports[-1]
    metric = report.metric("m0")
    app = make_app(report, AppOptions(language="zh", animations=False))
    walls, cpus, bare = [], [], []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(runs):
            start, cpu = time.perf_counter(), time.process_time()
            comparison, suggestions, _ = comparison_for_metric(library, report, metric)
            push_compare(app, library, comparison, suggestions)
            while not isinstance(app.screen, CompareScreen) or not app.screen.is_mounted:
                await asyncio.sleep(0)
            await _refreshed(app.screen)
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
            assert app.screen.query_one("#compare-table").row_count == len(comparison.table.columns)
            app.pop_screen()
            await pilot.pause()
            start = time.perf_counter()
            app.push_screen(Bare())
            while not isinstance(app.screen, Bare) or not app.screen.is_mounted:
                await asyncio.sleep(0)
            await _refreshed(app.screen)
            bare.append(time.perf_counter() - start)
            app.pop_screen()
            await pilot.pause()
    return walls, cpus, bare


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "partybuild-tui-bench"
    )
    args = parser.parse_args(argv)
    folder = args.workdir / f"compare-library-{args.reports}"
    os.environ.setdefault("PARTYBUILD_TUI_CACHE_DIR", str(args.workdir / "cache"))
    if not (folder / "indicators.yaml").exists():
        started = time.perf_counter()
        generate(folder, args.reports)
        print(
            f"generated {args.reports} reports in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    from partybuild_tui.library import open_library

    started = time.perf_counter()
    library = open_library([folder])
    print(
        f"opened the library in {time.perf_counter() - started:.2f} s "
        f"({len(library.reports)} reports)",
        file=sys.stderr,
    )
    from partybuild_tui.compare.build import figure_index

    started = time.perf_counter()
    figure_index(library)  # what the library screen does after its first frame
    print(
        f"figure index built in {time.perf_counter() - started:.2f} s (once per library, "
        "in the library screen's background thread)",
        file=sys.stderr,
    )
    with open("/proc/loadavg", encoding="ascii") as stream:
        load = stream.read().split()[0]
    walls, cpus, bare = asyncio.run(_time_view(library, args.runs))
    median = statistics.median(walls)
    verdict = "pass" if median <= TARGET else "FAIL"
    print(
        f"| compare view, 1 indicator × {len(library.reports)} reports | ≤ {TARGET * 1000:.0f} ms "
        f"| {median * 1000:.0f} ms ({min(walls) * 1000:.0f}–{max(walls) * 1000:.0f}) | {verdict} "
        f"| CPU {statistics.median(cpus) * 1000:.0f} ms; the first `c` (a new view, the "
        f"comparison worked out) {walls[0] * 1000:.0f} ms, CPU {cpus[0] * 1000:.0f} ms; a bare "
        f"screen {statistics.median(bare) * 1000:.0f} ms; load {load} |"
    )
    return 0 if verdict == "pass" else 1


if __name__ == "__main__":
    sys.exit(main())
