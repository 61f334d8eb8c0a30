"""A library of 3,000 reports two ways: the in-memory index and the FTS5 bigram index.

    .venv/bin/python bench/fts_bench.py [-n 3000] [--runs 5] [--skip-memory]

Generates the library (``library_generate.py``, cached in the bench workdir),
opens it once to fill the library cache, then for each index: build time (and
for FTS5 the index file's size, and the time to bring it up to date after one
file changed), and per query kind of ``search_bench.py`` the cold median time —
for FTS5 both the candidate lookup alone and the whole answer (candidates, then
the engine on the candidate reports). Peak RSS is printed per index (each runs
in its own process). Figures go to bench/README.md by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from search_bench import QUERIES  # noqa: E402

WORKDIR = Path(tempfile.gettempdir()) / "partybuild-tui-bench"


def _time(function, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def child(kind: str, folder: Path, runs: int) -> None:
    from partybuild_tui.library import open_library
    from partybuild_tui.library.large import LargeLibraryIndex, fts_path
    from partybuild_tui.library.search import LibraryIndex
    from partybuild_tui.search import parse_query

    library = open_library([folder])
    out: dict[str, object] = {"reports": len(library.reports)}
    started = time.perf_counter()
    if kind == "memory":
        index = LibraryIndex.build(library.reports)
        out["build"] = time.perf_counter() - started
        clear = index.clear_caches
    else:
        path = fts_path(library)
        path.unlink(missing_ok=True)
        big = LargeLibraryIndex.build(library)
        out["build"] = time.perf_counter() - started
        out["size_mb"] = big.fts.size() / 1e6
        touched = library.entries[0].path
        os.utime(touched)
        started = time.perf_counter()
        big = LargeLibraryIndex.build(library)
        out["update_one"] = time.perf_counter() - started
        index, clear = big, (lambda: None)  # type: ignore[assignment]
        out["candidates"] = {
            q: statistics.median(_time(lambda q=q: big.fts.candidates(parse_query(q)), runs))
            for _, q in QUERIES
        }
    answers = {}
    for _, query in QUERIES:

        def once(q: str = query) -> None:
            clear()
            index.search(q)

        answers[query] = statistics.median(_time(once, runs))
    out["answer"] = answers
    out["rss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("-n", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--child", choices=("memory", "fts"))
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.folder, args.runs)
        return 0
    folder = WORKDIR / f"library-{args.n}"
    env = dict(os.environ)
    env["PARTYBUILD_TUI_CACHE_DIR"] = str(WORKDIR / f"library-{args.n}-cache")
    if not (folder / ".generated").exists():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "library_generate.py"), "-n", str(args.n)]
            + ["-o", str(folder)],
            check=True,
        )
        (folder / ".generated").write_text("")
    size = sum(p.stat().st_size for p in folder.rglob("*.yaml"))
    print(f"{args.n} reports, {size / 1e6:.0f} MB of YAML; load average {os.getloadavg()[0]:.1f}")
    kinds = ["fts"] if args.skip_memory else ["memory", "fts"]
    results = {}
    for kind in kinds:
        done = subprocess.run(
            [sys.executable, __file__, "--child", kind, "--folder", str(folder)]
            + ["--runs", str(args.runs)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if done.returncode:
            print(f"{kind}: failed: {done.stderr.strip()[-300:]}")
            continue
        results[kind] = json.loads(done.stdout.strip().splitlines()[-1])
        data = results[kind]
        extra = ""
        if kind == "fts":
            extra = (
                f", index {data['size_mb']:.0f} MB, one changed file brought up to date in "
                f"{data['update_one']:.2f} s"
            )
        print(f"{kind}: build {data['build']:.1f} s{extra}, peak RSS {data['rss']:.0f} MB")
    print(
        "| kind | query | "
        + " | ".join(f"{k} answer ms" for k in results)
        + " | fts candidates ms |"
    )
    print("|---|---|" + "---:|" * (len(results) + 1))
    for kind, query in QUERIES:
        cells = [f"{results[k]['answer'][query]:.0f}" for k in results]
        candidates = results.get("fts", {}).get("candidates", {}).get(query)
        cells.append(f"{candidates:.1f}" if candidates is not None else "—")
        print(f"| {kind} | `{query}` | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
