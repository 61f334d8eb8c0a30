"""Run the load-speed benchmarks of issue 6 and print a table of figures.

    .venv/bin/python bench/run.py            # everything, 5 runs each
    .venv/bin/python bench/run.py --runs 9 --only load,frame

Each figure is measured in fresh processes (a start is what a user feels), as the
median of ``--runs`` runs with the min–max beside it, and compared with its
target. Everything runs against a private cache directory and a synthetic report
from ``bench/generate.py`` (10,000 sections × 10 metrics, ~37 MB) in
``--workdir``; the user's own cache is never touched.

Groups (``--only``):

* ``load``: launch → a ready ``Report`` from the 37 MB file, cold (no cache entry:
  parse, validate, save the entry) and warm (from the entry), with peak RSS;
  the cold figure is also given with the cache off, as ``check`` loads.
* ``imports``: ``python -X importtime`` of ``check`` and ``search``: no Textual.
* ``library``: a folder of 300 reports (``bench/library_generate.py``): opened cold
  (≤ 300 × one report's cold load ÷ 2) and warm, launch → library screen in tmux
  (≤ 1.0 s), a query of each kind across all of it (≤ 30 ms), peak RSS (≤ 400 MB);
  ``bench/library_bench.py`` does the in-process part.
* ``frame``: first frame in tmux at 120×40 — the bare Textual floor
  (``bench/bare_app.py``), the bundled report (≤ 1.25 × the floor), and the
  synthetic report cold and warm; needs tmux and ``partybuild_tui.ui.app``.

To add a figure, write a function ``(ctx) -> list[Figure]`` and add it to
``GROUPS``; ``ctx.runs`` is the run count, ``ctx.big`` the synthetic report.
Tree navigation (≤ 50 ms) and search timings belong here too when measured.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CACHE_ENV = "PARTYBUILD_TUI_CACHE_DIR"
STATE_ENV = "PARTYBUILD_TUI_STATE_DIR"

# -- figures and the table --------------------------------------------------------


@dataclass
class Figure:
    name: str
    target: str  # as printed, e.g. "≤ 2.3 s"
    samples: list[float] = field(default_factory=list)
    unit: str = "s"
    limit: float | None = None  # pass when the median is at most this
    note: str = ""
    skipped: str = ""  # why it was not measured

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def measured(self) -> str:
        if self.skipped:
            return f"not measured: {self.skipped}"
        if not self.samples:
            return "no samples"
        value = _format(self.median, self.unit)
        if len(self.samples) > 1:
            value += f" ({_format(min(self.samples), self.unit)}–"
            value += f"{_format(max(self.samples), self.unit)}, n={len(self.samples)})"
        return value

    def verdict(self) -> str:
        if self.skipped or not self.samples:
            return "skip"
        if self.limit is None:
            return "info"
        return "pass" if self.median <= self.limit else "FAIL"


def _format(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "×":
        return f"{value:.2f}×"
    return f"{value:g} {unit}".strip()


def print_table(figures: list[Figure]) -> None:
    rows = [("figure", "target", "measured: median (min–max)", "result", "note")]
    rows += [(f.name, f.target, f.measured(), f.verdict(), f.note) for f in figures]
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + "---|" * len(rows[0]))
    for row in rows[1:]:
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")


# -- context: the synthetic report, a private cache -------------------------------


@dataclass
class Context:
    runs: int
    workdir: Path
    big: Path
    cache: Path
    bundled: Path
    quiet: float | None = None  # 1-minute load average to wait for before each sample

    def env(self, cache: bool | Path = True) -> dict[str, str]:
        env = dict(os.environ)
        env[CACHE_ENV] = str(self.cache if cache is True else cache) if cache else ""
        env[STATE_ENV] = str(self.workdir / "state")  # the cache's key, never the user's
        env.setdefault("LC_ALL", "C.UTF-8")
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        return env

    def settle(self) -> None:
        """Before a sample: wait (at most a minute) for the machine to be quiet."""
        if self.quiet is None:
            return
        deadline = time.monotonic() + 60
        while os.getloadavg()[0] >= self.quiet and time.monotonic() < deadline:
            time.sleep(2)

    def clear_cache(self) -> None:
        shutil.rmtree(self.cache, ignore_errors=True)


def make_context(args: argparse.Namespace) -> Context:
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    big = Path(args.report) if args.report else workdir / f"synthetic-{args.sections}x10.yaml"
    if not args.report:
        started = time.perf_counter()
        subprocess.run(
            [PYTHON, str(ROOT / "bench" / "generate.py"), "--sections", str(args.sections)]
            + ["--metrics", "10", "--seed", "1", "-o", str(big)],
            check=True,
        )
        print(
            f"generated {big} ({big.stat().st_size / 1e6:.1f} MB) "
            f"in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    sys.path.insert(0, str(ROOT / "src"))
    from partybuild_tui.model import bundled_report_path

    return Context(
        args.runs, workdir, big, workdir / "cache", bundled_report_path(), args.wait_quiet
    )


# -- load: launch -> ready Report, in a fresh interpreter ---------------------------

LOAD_CHILD = """
import json, os, resource, sys, time
started = time.process_time()
if sys.argv[2] == "1":  # through the load cache, as the app reads
    from partybuild_tui.state.cache import load_report
    report = load_report(sys.argv[1], max_size=1 << 30)
else:  # the file itself, as `check` reads
    from partybuild_tui.model import load_report
    report = load_report(sys.argv[1], max_size=1 << 30)
cpu = time.process_time() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
sys.stdout.write(json.dumps({"cpu": cpu, "rss": rss, "metrics": report.total_metrics}) + "\\n")
sys.stdout.flush()
os._exit(0)  # the time to free a million objects is not part of a start
"""


def _load_once(ctx: Context, path: Path, use_cache: bool) -> tuple[float, dict]:
    """(seconds from launch until the report is ready, what the child measured)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [PYTHON, "-c", LOAD_CHILD, str(path), "1" if use_cache else "0"],
        stdout=subprocess.PIPE,
        env=ctx.env(),
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait()
    if not line:
        raise RuntimeError(f"loading {path} failed (exit {process.returncode})")
    return elapsed, json.loads(line)


def load_figures(ctx: Context) -> list[Figure]:
    size = f"{ctx.big.stat().st_size / 1e6:.0f} MB"
    cold = Figure(f"load {size}, cold: parse + validate + save entry", "≤ 2.3 s", limit=2.3)
    off = Figure(f"load {size}, cache off (as `check`)", "—")
    warm = Figure(f"load {size}, warm: from the cache entry", "≤ 0.6 s", limit=0.6)
    cold_rss = Figure("peak RSS, cold load", "≤ 350 MB", unit="MB", limit=350)
    warm_rss = Figure("peak RSS, warm load", "≤ 350 MB", unit="MB", limit=350)
    cpu: dict[str, list[float]] = {"cold": [], "off": [], "warm": []}
    for _ in range(ctx.runs):
        ctx.settle()
        ctx.clear_cache()
        seconds, child = _load_once(ctx, ctx.big, use_cache=True)
        cold.samples.append(seconds)
        cold_rss.samples.append(child["rss"])
        cpu["cold"].append(child["cpu"])
        seconds, child = _load_once(ctx, ctx.big, use_cache=True)
        warm.samples.append(seconds)
        warm_rss.samples.append(child["rss"])
        cpu["warm"].append(child["cpu"])
        seconds, child = _load_once(ctx, ctx.big, use_cache=False)
        off.samples.append(seconds)
        cpu["off"].append(child["cpu"])
    for figure, key in ((cold, "cold"), (off, "off"), (warm, "warm")):
        figure.note = f"CPU {_format(statistics.median(cpu[key]), 's')} (load only)"
    return [cold, off, warm, cold_rss, warm_rss]


# -- imports: the non-TUI commands never import Textual -----------------------------


def _import_report(ctx: Context, argv: list[str]) -> tuple[list[str], float, int]:
    """(Textual modules imported, total import time in s, modules imported)."""
    code = "import sys; from partybuild_tui.cli import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run(
        [PYTHON, "-X", "importtime", "-c", code, *argv],
        capture_output=True,
        text=True,
        env=ctx.env(),
    )
    modules: list[str] = []
    total_us = 0
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            modules.append(match.group(4))
            total_us += int(match.group(1))
    textual = [name for name in modules if name.split(".")[0] == "textual"]
    return textual, total_us / 1e6, len(modules)


def import_figures(ctx: Context) -> list[Figure]:
    from partybuild_tui.cli import COMMANDS

    figures = []
    for command, argv in (
        ("check", ["check", str(ctx.bundled)]),
        ("search", ["search", "党建", str(ctx.bundled)]),
    ):
        figure = Figure(f"`{command}` imports Textual (python -X importtime)", "0 modules", unit="")
        figure.limit = 0
        module = COMMANDS.get(command, ("",))[0]
        if not module or not (ROOT / "src" / (module.replace(".", "/") + ".py")).exists():
            figure.skipped = f"no `{command}` command yet"
        else:
            textual, seconds, count = _import_report(ctx, argv)
            figure.samples = [float(len(textual))]
            figure.note = f"{count} modules, {seconds * 1000:.0f} ms of imports"
        figures.append(figure)
    return figures


# -- frame: first frame in tmux at 120x40 -------------------------------------------


class TmuxPane:
    """One detached 120×40 tmux pane on a private server, respawned per run."""

    IDLE = "sleep 100000"

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"partybuild-bench-{os.getpid()}"
        self.env = env
        self._tmux("new-session", "-d", "-s", "bench", "-x", "120", "-y", "40", self.IDLE)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=True,
        )
        return result.stdout

    def first_frame(
        self, command: str, markers: list[str], timeout: float = 60
    ) -> tuple[float, int]:
        """(seconds from launch until every marker is on screen, peak RSS in MB)."""
        started = time.perf_counter()
        self._tmux("respawn-pane", "-k", "-t", "bench", f"exec {command}")
        while True:
            screen = self._tmux("capture-pane", "-p", "-t", "bench")
            if all(marker in screen for marker in markers):
                elapsed = time.perf_counter() - started
                break
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"no first frame after {timeout} s; screen:\n{screen}")
            time.sleep(0.002)
        rss = _peak_rss_mb(self._tmux("display-message", "-p", "-t", "bench", "#{pane_pid}"))
        self._tmux("respawn-pane", "-k", "-t", "bench", self.IDLE)
        return elapsed, rss

    def close(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._tmux("kill-server")


def _peak_rss_mb(pid: str) -> int:
    try:
        status = Path(f"/proc/{pid.strip()}/status").read_text()
    except OSError:
        return 0
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match.group(1)) // 1024 if match else 0


def save_cache_entry(path: Path, ctx: Context) -> None:
    """Leave the load-cache entry the app's second start reads: written by a child with
    the app's own cache directory and state directory (whose key signs the entry)."""
    subprocess.run(
        [
            PYTHON,
            "-c",
            "import sys; from partybuild_tui.state.cache import load_report; "
            "load_report(sys.argv[1], max_size=1 << 30)",
            str(path),
        ],
        env=ctx.env(),
        check=True,
    )


def app_markers(path: Path, ctx: Context) -> list[str]:
    """What proves the explorer's first frame is filled: the first section's title in
    the tree and the start of its first paragraph in the detail pane (the overview).
    Adjust here if the explorer's opening screen changes."""
    from partybuild_tui.model import load_report

    report = load_report(path, max_size=1 << 30)
    first = report.sections[0]
    paragraph = next((s.paragraphs[0] for s in report.walk() if s.paragraphs), "")
    return [first.title[:6], paragraph[:8]]


@contextlib.contextmanager
def _pane(ctx: Context) -> Iterator[TmuxPane]:
    pane = TmuxPane(ctx.env())
    try:
        yield pane
    finally:
        pane.close()


def frame_figures(ctx: Context) -> list[Figure]:
    bare = Figure("first frame, bare Textual app (Tree, Static, Input)", "floor", unit="s")
    bundled = Figure("first frame, bundled report", "≤ 1.25 × floor", unit="s")
    ratio = Figure("bundled ÷ bare (same run)", "≤ 1.25×", unit="×", limit=1.25)
    cold = Figure("first frame, 37 MB report, cold", "≤ 3.0 s", limit=3.0)
    warm = Figure("first frame, 37 MB report, warm (second start)", "≤ 0.6 s", limit=0.6)
    memory = Figure("peak RSS, app on 37 MB report (cold)", "≤ 350 MB", unit="MB", limit=350)
    figures = [bare, bundled, ratio, cold, warm, memory]
    why = ""
    if shutil.which("tmux") is None:
        why = "tmux is not installed"
    elif not (ROOT / "src" / "partybuild_tui" / "ui" / "app.py").exists():
        why = "no explorer app yet"
    if why:
        for figure in figures:
            figure.skipped = why
        return figures

    # Bytecode as an installed package has it. The children run with
    # PYTHONDONTWRITEBYTECODE=1, so a module edited since its .pyc was written would
    # be compiled again on every start: ~20 ms when a few model and widget files were.
    subprocess.run(
        [PYTHON, "-m", "compileall", "-q", str(ROOT / "src")], capture_output=True, check=False
    )
    app = (
        f"env {CACHE_ENV}={ctx.cache} {STATE_ENV}={ctx.workdir / 'state'} "
        f"{PYTHON} -m partybuild_tui --no-animation"
    )
    bare_command = f"{PYTHON} {ROOT / 'bench' / 'bare_app.py'}"
    from bare_app import READY, TREE_NODE

    bundled_markers = app_markers(ctx.bundled, ctx)
    big_markers = app_markers(ctx.big, ctx)  # also leaves a warm entry for the big report
    with _pane(ctx) as pane:
        for _ in range(ctx.runs):  # interleaved, so a busy moment hits both alike
            ctx.settle()
            bare.samples.append(pane.first_frame(bare_command, [READY, TREE_NODE])[0])
            bundled.samples.append(pane.first_frame(f"{app} {ctx.bundled}", bundled_markers)[0])
        ratio.samples = [bundled.median / bare.median]
        ratio.note = "medians of the two rows above"
        for _ in range(ctx.runs):
            ctx.settle()
            ctx.clear_cache()
            seconds, rss = pane.first_frame(f"{app} {ctx.big}", big_markers)
            cold.samples.append(seconds)
            memory.samples.append(rss)
            # The app saves the cache entry after its first frame, in the background;
            # the pane is killed at once, so make sure the entry exists, as it does
            # for anyone who reads for more than a moment.
            save_cache_entry(ctx.big, ctx)
            warm.samples.append(pane.first_frame(f"{app} {ctx.big}", big_markers)[0])
    return figures


def app_figures(ctx: Context) -> list[Figure]:
    """Interaction latency on the 37 MB report (``bench/app_bench.py``, headless)."""
    names = {
        "tree move": "move in the tree (↓), 37 MB report",
        "open section": "open a section (]), 37 MB report",
        "search keystroke": "search: keystroke → results repainted, 37 MB report",
    }
    figures = {key: Figure(name, "≤ 50 ms", unit="s", limit=0.05) for key, name in names.items()}
    for key, name in (
        ("tree move, one key", "move in the tree (↓), one key at a time, 37 MB report"),
        ("open section, one key", "open a section (]), one key at a time, 37 MB report"),
    ):  # keys 0.12 s apart: no wait for Textual's frame limiter (bench/app_bench.py)
        figures[key] = Figure(name, "info", unit="s")
    result = subprocess.run(
        [
            PYTHON,
            str(ROOT / "bench" / "app_bench.py"),
            "--report",
            str(ctx.big),
            "--runs",
            str(ctx.runs),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=ctx.env(),
        check=False,
    )
    if result.returncode != 0:
        for figure in figures.values():
            figure.skipped = "app_bench.py failed: " + result.stderr.strip().splitlines()[-1:][0]
        return list(figures.values())
    samples = json.loads(result.stdout.strip().splitlines()[-1])
    for key, figure in figures.items():
        figure.samples = [ms / 1000 for ms in samples[key]]
    return list(figures.values())


def search_figures(ctx: Context) -> list[Figure]:
    """One query of each kind on the 37 MB report, cold: ``bench/search_bench.py --json``
    in a fresh process, like every other figure (this process has loaded reports)."""
    from search_bench import QUERIES, TARGET_MS, shown

    result = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "search_bench.py"), "--report", str(ctx.big)]
        + ["--runs", str(ctx.runs), "--json"],
        capture_output=True,
        text=True,
        env=ctx.env(),
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    samples = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    figures = []
    for kind, query in QUERIES:
        figure = Figure(
            f"search `{shown(query)}` ({kind}), cold",
            f"≤ {TARGET_MS:g} ms",
            unit="s",
            limit=TARGET_MS / 1000,
        )
        if query in samples:
            figure.samples = [ms / 1000 for ms in samples[query]]
        else:
            figure.skipped = "search_bench.py failed: " + (result.stderr.strip()[-200:] or "?")
        figures.append(figure)
    return figures


# -- library: a folder of 300 reports (bench/library_generate.py) ---------------------

LIBRARY_REPORTS = 300
LIBRARY_CHILD = """
import json, os, resource, sys, time
from pathlib import Path
from partybuild_tui.library import open_library
library = open_library([Path(sys.argv[1])])
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
sys.stdout.write(json.dumps({"reports": len(library.loaded), "rss": rss}) + "\\n")
sys.stdout.flush()
os._exit(0)
"""


def _library(ctx: Context) -> Path:
    folder = ctx.workdir / f"library-{LIBRARY_REPORTS}"
    marker = folder / ".generated"
    if not marker.exists():
        subprocess.run(
            [PYTHON, str(ROOT / "bench" / "library_generate.py"), "-n", str(LIBRARY_REPORTS)]
            + ["-o", str(folder)],
            check=True,
        )
        marker.write_text("")
    return folder


def _open_library_once(ctx: Context, folder: Path, cache: Path) -> tuple[float, dict]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [PYTHON, "-c", LIBRARY_CHILD, str(folder)],
        stdout=subprocess.PIPE,
        env=ctx.env(cache),
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait()
    if not line:
        raise RuntimeError(f"opening {folder} failed (exit {process.returncode})")
    return elapsed, json.loads(line)


def library_figures(ctx: Context) -> list[Figure]:
    """A library of 300 reports: open cold and warm, the screen, a query, memory."""
    from search_bench import TARGET_MS, shown

    folder = _library(ctx)
    cache = ctx.workdir / "library-cache"
    single = Figure("one bundled report, cold: launch → Report (no cache)", "—")
    cold = Figure(f"library of {LIBRARY_REPORTS}, cold: launch → every file read", "")
    warm = Figure(f"library of {LIBRARY_REPORTS}, warm: launch → library open (rows ready)", "—")
    screen = Figure(
        f"library of {LIBRARY_REPORTS}, warm: launch → library screen (tmux)", "≤ 1.0 s", limit=1.0
    )
    query = Figure(
        f"cross-report query, slowest kind (cold median, {LIBRARY_REPORTS} reports)",
        f"≤ {TARGET_MS:g} ms",
        unit="s",
        limit=TARGET_MS / 1000,
    )
    typical = Figure("cross-report query, median of the kinds", f"≤ {TARGET_MS:g} ms", unit="s")
    build = Figure("library search index build (after the first frame)", "—")
    memory = Figure("peak RSS: library open + index + queries", "≤ 400 MB", unit="MB", limit=400)
    for _ in range(ctx.runs):
        ctx.settle()
        ctx.clear_cache()
        single.samples.append(_load_once(ctx, ctx.bundled, use_cache=True)[0])
        shutil.rmtree(cache, ignore_errors=True)
        cold.samples.append(_open_library_once(ctx, folder, cache)[0])
        warm.samples.append(_open_library_once(ctx, folder, cache)[0])
    limit = LIBRARY_REPORTS * statistics.median(single.samples) / 2
    cold.target, cold.limit = f"≤ {LIBRARY_REPORTS} × single ÷ 2 = {limit:.1f} s", limit
    try:
        with _pane(ctx) as pane:
            for _ in range(ctx.runs):
                ctx.settle()
                command = f"env {CACHE_ENV}={cache} {PYTHON} -m partybuild_tui {folder}"
                screen.samples.append(pane.first_frame(command, [f"{LIBRARY_REPORTS} "])[0])
    except (OSError, subprocess.CalledProcessError, RuntimeError) as error:
        screen.skipped = f"tmux: {str(error).splitlines()[0]}"
    result = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "library_bench.py"), "--library", str(folder)]
        + ["--runs", str(max(5, ctx.runs)), "--json"],
        capture_output=True,
        text=True,
        env=ctx.env(cache),
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    if not lines or not lines[-1].startswith("{"):
        for figure in (query, typical, build, memory):
            figure.skipped = "library_bench.py failed: " + (result.stderr.strip()[-200:] or "?")
    else:
        data = json.loads(lines[-1])
        medians = {q: statistics.median(t) for q, t in data["queries"].items()}
        slowest = max(medians, key=medians.__getitem__)
        query.samples = [ms / 1000 for ms in data["queries"][slowest]]
        query.note = f"`{shown(slowest)}`"
        typical.samples = [statistics.median(medians.values()) / 1000]
        build.samples = [data["build"]]
        memory.samples = [data["rss"]]
    return [single, cold, warm, screen, query, typical, build, memory]


def serve_figures(ctx: Context) -> list[Figure]:
    """``serve`` in headless Chromium (``bench/serve_bench.py --json``): first frame with the
    report's text after navigation, and RSS per browser session with five open at once."""
    first = Figure("serve: navigation → first frame with the report", "info")
    memory = Figure("serve: RSS per browser session, 5 open at once", "info", unit="MB")
    result = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "serve_bench.py"), "--runs", str(ctx.runs), "--json"],
        capture_output=True,
        text=True,
        env=ctx.env(),
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    if not lines or not lines[-1].startswith("{"):
        why = "serve_bench.py failed: " + (result.stderr.strip()[-200:] or "?")
        first.skipped = memory.skipped = why
        return [first, memory]
    data = json.loads(lines[-1])
    first.samples = data["first_frame_s"]
    memory.samples = data["session_rss_mb"]
    memory.note = "all 5 drew the report" if data["all_sessions_drew"] else "NOT all drew"
    return [first, memory]


def hostile_figures(ctx: Context) -> list[Figure]:
    """The slowest answer to a file of ``tests/fixtures/hostile/`` (``check``, in-process)."""
    figure = Figure("hostile fixtures: slowest `check`", "≤ 1 s", limit=1.0)
    result = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "hostile_bench.py"), "--runs", str(ctx.runs), "--json"],
        capture_output=True,
        text=True,
        env=ctx.env(),
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    if lines and lines[-1].startswith("{"):
        data = json.loads(lines[-1])
        name, seconds = data["slowest"][0]
        figure.samples = [seconds]
        figure.note = f"{name} of {data['files']} files"
    else:
        figure.skipped = "hostile_bench.py failed: " + (result.stderr.strip()[-200:] or "?")
    return [figure]


GROUPS: dict[str, Callable[[Context], list[Figure]]] = {
    "load": load_figures,
    "imports": import_figures,
    "frame": frame_figures,
    "app": app_figures,
    "search": search_figures,
    "library": library_figures,
    "hostile": hostile_figures,
    "serve": serve_figures,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--only", default=",".join(GROUPS), help="groups: " + ", ".join(GROUPS))
    parser.add_argument("--sections", type=int, default=10_000, help="synthetic report size")
    parser.add_argument("--report", help="use this report instead of generating one")
    parser.add_argument(
        "--workdir",
        default=str(Path(tempfile.gettempdir()) / "partybuild-tui-bench"),
        help="where the synthetic report and the private cache go",
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        metavar="LOAD",
        help="wait (up to 15 min) until the 1-minute load average is below LOAD, and up "
        "to a minute before each sample",
    )
    args = parser.parse_args(argv)
    groups = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in groups if name not in GROUPS]
    if unknown:
        parser.error(f"unknown group(s): {', '.join(unknown)}")
    sys.path.insert(0, str(ROOT / "bench"))
    ctx = make_context(args)
    if args.wait_quiet is not None:
        deadline = time.monotonic() + 900
        while os.getloadavg()[0] >= args.wait_quiet and time.monotonic() < deadline:
            time.sleep(5)
    load_before = os.getloadavg()[0]
    figures: list[Figure] = []
    for name in groups:
        print(f"running {name} …", file=sys.stderr)
        try:
            figures += GROUPS[name](ctx)
        except Exception as error:  # one broken group must not hide the others' figures
            print(f"{name}: {error}", file=sys.stderr)
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            figures.append(Figure(f"group `{name}`", "—", skipped=f"error: {reason}"))
    print(
        f"\n{os.cpu_count()} CPUs, load average {load_before:.2f} before and "
        f"{os.getloadavg()[0]:.2f} after; Python {sys.version.split()[0]}\n"
    )
    print_table(figures)
    return 1 if any(f.verdict() == "FAIL" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
