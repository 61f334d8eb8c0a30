"""Opening a section whose one quote is huge: size → time, to show the growth is linear.

    python bench/open_section_bench.py [--sizes 1M,4M,16M,64M] [--app-max 4M]

The attack report (issue 18, item 3) is one section with one paragraph of SIZE
bytes (``学习38次,`` repeated: a number every 12 bytes) and one metric whose quote
is the whole paragraph and whose value (39) is none of its numbers, so the figure
finder must read every number (its worst case). Each size runs in a fresh process:

* ``figures``: ``figure_spans`` on that metric (the figure finder alone);
* ``content``: ``build_section_content`` (figures + the styled text the pane draws);
* ``app``: the real app, headless at 120×40: ``]`` from the report card until the
  section's text is in the pane and the screen has been refreshed (sizes up to
  ``--app-max``).

Before issue 18 the figure finder copied the rest of the quote for every number
it read: quadratic, 24 s on one section of a 3.8 MB report.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNIT = "学习38次,"


def parse_size(text: str) -> int:
    text = text.strip().upper()
    factor = {"K": 1 << 10, "M": 1 << 20}.get(text[-1:], 1)
    return int(float(text.rstrip("KM")) * factor)


def write_report(path: Path, size: int) -> None:
    paragraph = UNIT * max(1, size // len(UNIT.encode())) + "结束"
    path.write_text(
        "schema: partybuild-report/1\n"
        "report: {title: 长引文}\n"
        "sections:\n"
        "  - id: a\n"
        "    title: 第一节\n"
        f"    paragraphs: ['{paragraph}']\n"
        "    metrics:\n"
        f"      - {{id: m, label: 学习, value: 39, unit: 次, quote: '{paragraph}'}}\n",
        encoding="utf-8",
    )


async def _app_open(report: object) -> float:
    from partybuild_tui.ui.app import AppOptions, make_app
    from partybuild_tui.ui.widgets.section_text import SectionText

    app = make_app(report, AppOptions(language="en", animations=False))  # type: ignore[arg-type]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("right_square_bracket")
        while not any(widget.content.plain for widget in app.screen.query(SectionText)):
            await pilot.pause()
        await pilot.pause()
        return time.perf_counter() - started


def one(size: int, with_app: bool) -> dict[str, float]:
    """Times for one size, in this process."""
    from partybuild_tui.model import load_report
    from partybuild_tui.model.figures import figure_spans
    from partybuild_tui.ui.widgets.section_text import build_section_content

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long-quote.yaml"
        write_report(path, size)
        report = load_report(str(path), max_size=1 << 30)
    section = report.sections[0]
    started = time.perf_counter()
    figure_spans(section.metrics[0])
    times = {"figures": time.perf_counter() - started}
    started = time.perf_counter()
    build_section_content(section)
    times["content"] = time.perf_counter() - started
    if with_app:
        times["app"] = asyncio.run(_app_open(report))
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--sizes", default="256K,1M,4M,16M,64M")
    parser.add_argument("--app-max", default="4M", help="largest size opened in the app")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--with-app", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(parse_size(args.one), args.with_app)))
        return 0
    app_max = parse_size(args.app_max)
    print("| size | figures | content | app: `]` → drawn | content per MB |")
    print("|---|---|---|---|---|")
    for text in args.sizes.split(","):
        size = parse_size(text)
        command = [sys.executable, __file__, "--one", text]
        if size <= app_max:
            command.append("--with-app")
        done = subprocess.run(command, capture_output=True, check=True, text=True)
        result = json.loads(done.stdout)
        app = f"{result['app']:.2f} s" if "app" in result else "—"
        per_mb = result["content"] / (size / (1 << 20))
        print(
            f"| {text} | {result['figures']:.2f} s | {result['content']:.2f} s | {app} "
            f"| {per_mb:.2f} s |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
