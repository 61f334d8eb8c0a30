"""Search engine timings on the 10,000 × 10 synthetic report (~37 MB): index build
and one query of each kind.

    .venv/bin/python bench/search_bench.py [--report FILE] [--runs 9] [--limit 100] [--only KIND]

Generates the report with ``bench/generate.py`` into the shared bench workdir
(``$TMPDIR/partybuild-tui-bench/synthetic-10000x10.yaml``, the file
``bench/run.py`` uses) unless it is already there or ``--report`` names one.
Then, in this one process: loads it, builds the search index (``--builds``
times), and times each query ``--runs`` times with ``limit=--limit`` (what the
app asks for: one page of results and the total count).

*cold* is the first time a query is typed: compiled terms and pinyin
translations are forgotten before each run (``SearchIndex.clear_caches``);
*warm* repeats it with them kept, as when a keystroke refines a query. The
target is a cold median ≤ 30 ms for every kind. Beside the wall time, the cold
column's CPU time (``time.process_time``) is printed: on a machine others are
loading, compare that before and after. The machine is shared with
other developers' test runs: take the figures when the load average is low.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from partybuild_tui.model import load_report  # noqa: E402
from partybuild_tui.search import SearchIndex  # noqa: E402

TARGET_MS = 30.0
QUERIES: list[tuple[str, str]] = [
    ("substring", "乡村振兴"),
    ("substring, common word", "党员"),
    ("multi-word", "党员 培训"),
    ("phrase", '"党建引领"'),
    ("pinyin full", "dangjianyinling"),
    ("pinyin initials", "djyl"),
    ("pinyin mixed", "dangjyl"),
    ("pinyin, common", "zhengzhi"),
    ("number", "1.7万"),
    ("number (digits)", "17000"),
    ("comparison", ">=90%"),
    ("range", "100..1000"),
    ("unit", "unit:人"),
    ("words + comparison", "党员 >10000"),
    ("a word repeated 500 times", "党 " * 500),
]


def shown(query: str) -> str:
    """A query as the tables show it (a long one cut, with its length)."""
    return query if len(query) <= 30 else f"{query[:6].strip()} … ({len(query)} characters)"


def default_report(sections: int) -> Path:
    workdir = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "partybuild-tui-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / f"synthetic-{sections}x10.yaml"
    if not path.exists():
        print(f"generating {path} …", file=sys.stderr)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "generate.py"), "--sections", str(sections)]
            + ["--metrics", "10", "-o", str(path)],
            check=True,
        )
    return path


def timed(
    function: Callable[[], object],
    runs: int,
    before: Callable[[], object] | None = None,
    cpu: list[float] | None = None,
) -> list[float]:
    """Wall milliseconds of each run; with ``cpu`` (a list), this process's CPU
    milliseconds of each run are appended to it (less affected by others' load)."""
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - start_cpu) * 1000)
    return times


def figure(times: list[float]) -> str:
    return f"{statistics.median(times):.1f} ({min(times):.1f}–{max(times):.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--report", type=Path, help="a report file (default: generate 10,000 × 10)")
    parser.add_argument("--sections", type=int, default=10_000, help="for the generated report")
    parser.add_argument("--runs", type=int, default=9, help="runs per query (default 9)")
    parser.add_argument("--builds", type=int, default=3, help="index builds to time (default 3)")
    parser.add_argument("--limit", type=int, default=100, help="hits asked for (default 100)")
    parser.add_argument(
        "--only",
        action="append",
        metavar="KIND",
        help="time only the kinds (or queries) that contain this text, e.g. pinyin (repeatable)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="end with one JSON line: query -> cold times in ms (bench/run.py reads it)",
    )
    args = parser.parse_args(argv)

    path = args.report or default_report(args.sections)
    start = time.perf_counter()
    report = load_report(path, max_size=1 << 30)
    load_s = time.perf_counter() - start
    counts = report.counts()
    print(
        f"report: {path} ({path.stat().st_size / 1e6:.1f} MB; {len(report.ordered)} sections, "
        f"{counts['paragraphs']} paragraphs, {counts['metrics']} metrics); loaded in {load_s:.1f} s"
    )
    print(f"load average: {os.getloadavg()[0]:.2f} (the machine is shared)")
    index: SearchIndex | None = None

    def build() -> None:
        nonlocal index
        index = SearchIndex.build(report)

    builds = timed(build, args.builds)
    assert index is not None
    print(
        f"index build: {statistics.median(builds) / 1000:.2f} s median "
        f"({min(builds) / 1000:.2f}–{max(builds) / 1000:.2f}), "
        f"{len(index.hay) / 1e6:.1f} M characters indexed\n"
    )
    print(
        f"| kind | query | hits | cold ms: median (min–max) | cold CPU ms | warm ms "
        f"| ≤ {TARGET_MS:g} ms |"
    )
    print("|---|---|---:|---:|---:|---:|---|")
    failed = 0
    samples: dict[str, list[float]] = {}
    for kind, query in QUERIES:
        if args.only and not any(o in kind or o in query for o in args.only):
            continue
        result = index.search(query, limit=args.limit)
        ask = functools.partial(index.search, query, limit=args.limit)
        cold_cpu: list[float] = []
        cold = timed(ask, args.runs, index.clear_caches, cold_cpu)
        warm = timed(ask, args.runs)
        samples[query] = cold
        ok = statistics.median(cold) <= TARGET_MS
        failed += not ok
        print(
            f"| {kind} | `{shown(query)}` | {result.total} | {figure(cold)} | "
            f"{statistics.median(cold_cpu):.1f} | {statistics.median(warm):.1f} | "
            f"{'pass' if ok else 'FAIL'} |"
        )
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    if args.json:
        print(json.dumps(samples, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
