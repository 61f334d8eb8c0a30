"""Search across a library (``search_many``): one query over N reports.

    .venv/bin/python bench/library_search_bench.py [--reports 300] [--distinct] [--runs 7]

By default the library is N copies of the bundled report under different ids
(what issue 15 asks to benchmark); ``--distinct`` makes N different generated
reports of about the same size instead (``bench/generate.py``, one seed each),
so no two share a pinyin table. Each report's index is built once, as the app
does in the background; then, as in ``search_bench.py``, each query of
``QUERIES`` is timed *cold* (compiled terms forgotten in every report first) and
*warm*, with a page of 100 hits in all and every report's count. The target is
a cold median <= 30 ms. The machine is shared: take figures when it is quiet.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from partybuild_tui.model import Report, bundled_report_path, load_report, load_text  # noqa: E402
from partybuild_tui.search import SearchIndex, parse_query, search_many  # noqa: E402
from search_bench import QUERIES, TARGET_MS, figure, shown, timed  # noqa: E402


def library(count: int, distinct: bool) -> list[Report]:
    if distinct:
        import generate

        return [
            load_text(generate.generate_text(40, 3, seed=seed), f"r{seed}.yaml")
            for seed in range(count)
        ]
    report = load_report(bundled_report_path())
    return [
        dataclasses.replace(report, meta=dataclasses.replace(report.meta, id=f"copy-{i}"))
        for i in range(count)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--distinct", action="store_true", help="different generated reports")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--page", type=int, default=100, help="hits in all (default 100)")
    args = parser.parse_args(argv)
    reports = library(args.reports, args.distinct)
    start = time.perf_counter()
    indexes = [(r.meta.id, SearchIndex.build(r)) for r in reports]
    built = time.perf_counter() - start
    characters = sum(len(index.hay) for _, index in indexes)
    gc.collect()
    gc.freeze()  # as the app does once started: the reports are not garbage
    kind = "distinct generated reports" if args.distinct else "copies of the bundled report"
    print(
        f"{len(indexes)} {kind}, {characters / 1e6:.1f} M characters indexed in {built:.1f} s; "
        f"load average {os.getloadavg()[0]:.2f}\n"
    )
    print(
        f"| kind | query | reports | hits | cold ms: median (min–max) | warm ms | ≤ {TARGET_MS:g} |"
    )
    print("|---|---|---:|---:|---:|---:|---|")
    failed = 0
    for kind_name, text in QUERIES:
        query = parse_query(text)

        def run(q=query) -> None:  # type: ignore[no-untyped-def]
            search_many(indexes, q, limit=args.page)

        def forget() -> None:
            for _, index in indexes:
                index.clear_caches()

        found = search_many(indexes, query, limit=args.page)
        total = sum(result.total for _, result in found)
        cold = timed(run, args.runs, forget)
        warm = timed(run, args.runs)
        ok = statistics.median(cold) <= TARGET_MS
        failed += not ok
        print(
            f"| {kind_name} | `{shown(text)}` | {len(found)} | {total} | {figure(cold)} | "
            f"{statistics.median(warm):.1f} | {'pass' if ok else 'FAIL'} |"
        )
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
