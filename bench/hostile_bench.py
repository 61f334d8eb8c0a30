"""Every hostile fixture is answered in under a second (the README's promise).

    .venv/bin/python bench/hostile_bench.py [--runs 3] [--json]

Runs ``check`` in-process on each file of ``tests/fixtures/hostile/`` (with the
cache off, as ``check`` loads) and prints the slowest files; exits 1 when any
median is over the 1 s target. The tests check *what* is answered; this checks
*how fast*, away from a loaded test machine.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
TARGET_S = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from partybuild_tui.cli import main as cli

    times: dict[str, float] = {}
    for path in sorted(HOSTILE.iterdir()):
        if path.name == "expected.yaml":
            continue
        samples = []
        for _ in range(args.runs):
            started = time.perf_counter()
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                cli(["check", str(path)])
            samples.append(time.perf_counter() - started)
        times[path.name] = statistics.median(samples)
    slowest = sorted(times.items(), key=lambda kv: -kv[1])
    if args.json:
        print(json.dumps({"files": len(times), "slowest": slowest[:5]}))
    else:
        print(f"{len(times)} hostile files, slowest medians:")
        for name, seconds in slowest[:5]:
            print(f"  {seconds * 1000:8.1f} ms  {name}")
    return 0 if slowest[0][1] <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
