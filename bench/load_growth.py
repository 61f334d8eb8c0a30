"""Loading is linear in the file's size, for hostile shapes too (issue 18, item 2).

    python bench/load_growth.py                       # 1, 4, 16, 64 MiB; a table
    python bench/load_growth.py --sizes 1,2,4 --json

Three shapes per size, each timed in a fresh process with the cache off (as
``check`` loads):

* ``late quotes``: one section, one paragraph of filler, then many metrics whose
  quotes all sit at the end of it — the shape that made loading
  O(paragraph × metrics) (4.1 MB took 35 s);
* ``bad last value``: the synthetic report (``generate.py``) cut to size, with its
  last metric's value made invalid — the error must be located without a
  second parse;
* ``synthetic``: the same report, valid.

Each row gives seconds and seconds per MiB: linear growth keeps the second
column flat. The 64 MiB cap is the largest size a report may have.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
MIB = 1 << 20
CAP = 64 * MIB

CHILD = """
import sys, time
from partybuild_tui.model import ReportError, load_report
started = time.perf_counter()
try:
    load_report(sys.argv[1], max_size=64 << 20)
    outcome = "valid"
except ReportError as error:
    outcome = str(error).split(": ", 1)[1][:60]
print(time.perf_counter() - started, outcome, sep="\\t")
"""


def late_quotes(size: int) -> str:
    """One section: filler, then ``指标{i}号`` tokens; metric i quotes token i."""
    head = (
        "schema: partybuild-report/1\nreport:\n  title: 长段落\nsections:\n"
        "  - id: s\n    title: 一节\n    paragraphs:\n      - "
    )
    metric = "      - {{id: m{i}, label: 指标, value: {i}, unit: 号, quote: 指标{i}号}}\n"
    per_metric = len(metric.format(i=100000).encode()) + len("指标100000号".encode())
    count = max(1, size // 2 // per_metric)
    tokens = "".join(f"指标{i}号" for i in range(count))
    metrics = "".join(metric.format(i=i) for i in range(count))
    budget = size - len(head.encode()) - len(tokens.encode()) - len(metrics.encode()) - 40
    filler = "党建引领基层治理" * max(0, budget // len("党建引领基层治理".encode()))
    return head + filler + tokens + "\n    metrics:\n" + metrics


def synthetic(size: int, bad: bool) -> str:
    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    sections = max(10, int(10000 * size / (37 * 10**6)))
    text = generate.generate_text(sections=sections, metrics=10, seed=1)
    encoded = text.encode()
    if len(encoded) > size:  # cut at a top-level section so the file stays valid
        cut = encoded.rfind(b"\n  - id: ", 0, size)
        text = encoded[: cut + 1].decode()
    if bad:
        at = text.rfind("value: ")
        end = text.index("\n", at)
        text = text[:at] + "value: abc" + text[end:]
    return text


SHAPES = {
    "late quotes": late_quotes,
    "bad last value": lambda size: synthetic(size, bad=True),
    "synthetic": lambda size: synthetic(size, bad=False),
}


def time_load(path: Path) -> tuple[float, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(
        [PYTHON, "-c", CHILD, str(path)], capture_output=True, text=True, env=env, check=True
    ).stdout
    seconds, outcome = out.strip().split("\t", 1)
    return float(seconds), outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,4,16,64", help="MiB, comma-separated")
    parser.add_argument("--only", action="append", choices=list(SHAPES), help="some shapes")
    parser.add_argument("--json", action="store_true", help="one JSON object per row")
    args = parser.parse_args(argv)
    sizes = [int(float(s) * MIB) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="load-growth-") as workdir:
        for shape in args.only or list(SHAPES):
            for size in sizes:
                path = Path(workdir) / "report.yaml"
                path.write_text(SHAPES[shape](min(size, CAP)), encoding="utf-8")
                actual = path.stat().st_size
                seconds, outcome = time_load(path)
                rows.append(
                    {
                        "shape": shape,
                        "mib": round(actual / MIB, 2),
                        "seconds": round(seconds, 3),
                        "per_mib": round(seconds / (actual / MIB), 3),
                        "outcome": outcome,
                    }
                )
                if args.json:
                    print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    if not args.json:
        print(f"load average {os.getloadavg()[0]:.2f}; {time.strftime('%Y-%m-%d %H:%M')}")
        print("| shape | size | load | per MiB | outcome |\n|---|---|---|---|---|")
        for row in rows:
            print(
                f"| {row['shape']} | {row['mib']} MiB | {row['seconds']} s | "
                f"{row['per_mib']} s | {row['outcome']} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
