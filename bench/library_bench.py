"""Library timings: open a folder of reports, build its search index, query it.

    .venv/bin/python bench/library_bench.py --library DIR [--runs 9] [--json]

In this one process: opens the library (``open_library``, with whatever cache
the environment's ``PARTYBUILD_TUI_CACHE_DIR`` holds), builds the library's
search index (``LibraryIndex``: one ``SearchIndex`` per report and the combined
index of them all, ``search.combined``), and times each query kind of
``bench/search_bench.py`` across the whole library, *cold* (compiled terms
forgotten before each run) with the default page of hits and every report's count
(what the library screen shows); beside the wall median, the CPU median
(``time.process_time``), less affected by others' load. With ``--json`` the last
line is one JSON object: open and build seconds, per-query cold times in ms (wall,
and CPU under ``cpu``), peak RSS in MB.
``bench/run.py --only library`` runs it in fresh processes and makes the
library figures; ``bench/library_generate.py`` writes the libraries.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from partybuild_tui.library import open_library  # noqa: E402
from partybuild_tui.library.search import LibraryIndex  # noqa: E402
from search_bench import QUERIES, TARGET_MS, shown  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    library = open_library([args.library])
    opened = time.perf_counter() - started
    started = time.perf_counter()
    index = LibraryIndex.build(library.reports)
    built = time.perf_counter() - started
    print(
        f"{len(library.reports)} reports ({len(library.failed)} failed) opened in "
        f"{opened:.2f} s; index built in {built:.2f} s"
    )
    samples: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    for kind, query in QUERIES:
        times, cpu_times = [], []
        for _ in range(args.runs):
            index.clear_caches()
            gc.collect()
            start, start_cpu = time.perf_counter(), time.process_time()
            result = index.search(query)
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - start_cpu) * 1000)
        samples[query], cpu[query] = times, cpu_times
        verdict = "pass" if statistics.median(times) <= TARGET_MS else "FAIL"
        print(
            f"{kind:24} {shown(query):18} {result.total:6} hits in {len(result.groups):4} "
            f"reports  {statistics.median(times):6.1f} ms (CPU {statistics.median(cpu_times):5.1f})"
            f"  {verdict}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:.0f} MB")
    if args.json:
        data = {"open": opened, "build": built, "queries": samples, "cpu": cpu, "rss": rss}
        print(json.dumps(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
