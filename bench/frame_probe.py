"""The first frame measured from inside: call counts, instructions, CPU, wall time.

``bench/run.py --only frame`` times the first frame from outside (tmux), where the
machine's speed swings make single wall times lie. This runs the bare app or the
explorer in a pty of its own (120×40) and ends the process the moment the driver is
handed the write that puts the last of the markers on screen, so that what it counts
is exactly start → first frame:

    .venv/bin/python bench/frame_probe.py calls          # Python calls (sys.setprofile)
    .venv/bin/python bench/frame_probe.py instructions   # callgrind: instructions, repeatable
    .venv/bin/python bench/frame_probe.py wall --runs 15 # interleaved wall and CPU times
    .venv/bin/python bench/frame_probe.py phases         # wall ms in a few Textual steps
    .venv/bin/python bench/frame_probe.py profile -o /tmp/p   # cProfile (profile-run: from App.run)
    .venv/bin/python bench/frame_probe.py tmux --runs 15 # run.py's own figure, no pty of ours

Each mode measures the bare app (``bench/bare_app.py``) and the explorer on the bundled
report (warm: its cache entry is written first), and prints the ratio. ``--against
OTHER/src`` adds the explorer of another source tree (an A/B, run alternately),
``--stop-at-run`` counts only what comes before ``App.run``. Only bench code wraps
Textual here (the driver's ``write``, ``App.run``): nothing of it is in the product.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
ESCAPES = re.compile(r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-_])")


# -- the child: run one app until its first frame is written ------------------------


def child(kind: str, markers: list[str], out: str, mode: str) -> None:
    """Run the app; leave with ``os._exit`` when the markers have all been written."""
    started_cpu = time.process_time()
    counter = [0]
    phase: dict[str, float] = {}
    profiler = None
    if mode == "calls":

        def count(frame: object, event: str, arg: object) -> None:
            if event == "call":
                counter[0] += 1

        sys.setprofile(count)
    elif mode in ("profile", "profile-run"):
        import cProfile

        profiler = cProfile.Profile()
        if mode == "profile":
            profiler.enable()
    if mode == "phases":
        _time_phases(phase, ours=kind != "bare")
    from textual.drivers.linux_driver import LinuxDriver

    written: list[str] = []
    original = LinuxDriver.write

    def write(self: LinuxDriver, data: str) -> None:
        original(self, data)
        written.append(data)
        screen = ESCAPES.sub("", "".join(written))
        if all(marker in screen for marker in markers):
            sys.setprofile(None)
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(out + ".prof")
            result = {"cpu": time.process_time() - started_cpu, "calls": counter[0], **phase}
            if os.environ.get("FRAME_PROBE_DUMP"):
                Path(os.environ["FRAME_PROBE_DUMP"]).write_text("".join(written))
            Path(out).write_text(json.dumps(result))
            os._exit(0)

    LinuxDriver.write = write  # type: ignore[method-assign]
    from textual.app import App

    original_run = App.run

    def run(self: App, *args: object, **kwargs: object) -> object:
        phase["run_cpu"] = time.process_time() - started_cpu
        phase["run_calls"] = counter[0]
        if os.environ.get("FRAME_PROBE_STOP_AT_RUN"):  # what comes before App.run, alone
            sys.setprofile(None)
            if profiler is not None:
                profiler.disable()
                profiler.dump_stats(out + ".prof")
            Path(out).write_text(json.dumps({"cpu": phase["run_cpu"], "calls": counter[0]}))
            os._exit(0)
        if mode == "profile-run":
            profiler.enable()
        return original_run(self, *args, **kwargs)

    App.run = run  # type: ignore[method-assign]
    if kind == "bare":
        sys.path.insert(0, str(BENCH))
        from bare_app import BareApp

        BareApp().run()
    else:
        from partybuild_tui.cli import main

        main(["--no-animation", kind])
    Path(out).write_text(json.dumps({"error": "the app ended before its first frame"}))
    os._exit(1)


PHASES = {
    "css parse": ("textual.css.stylesheet", "Stylesheet", "_parse_rules"),
    "css apply": ("textual.css.stylesheet", "Stylesheet", "apply"),
    "css update": ("textual.css.stylesheet", "Stylesheet", "update_nodes"),
    "compose": ("textual.widget", "Widget", "_compose"),
    "layout": ("textual.screen", "Screen", "_refresh_layout"),
    "render": ("textual._compositor", "Compositor", "render_update"),
    "report load": ("partybuild_tui.state.cache", None, "load_report"),
    "app init": ("textual.app", "App", "__init__"),
}


def _time_phases(phase: dict[str, float], ours: bool) -> None:
    """Wrap a few functions to add up their (outermost) wall time, in ms, into ``phase``."""
    import functools
    import importlib
    import inspect

    for name, (module_name, class_name, function_name) in PHASES.items():
        if module_name.startswith("partybuild_tui") and not ours:
            continue
        module = importlib.import_module(module_name)
        owner = getattr(module, class_name) if class_name else module
        original = getattr(owner, function_name)
        depth = [0]
        phase[name] = 0.0

        def wrap(original=original, name=name, depth=depth):
            if inspect.iscoroutinefunction(original):

                @functools.wraps(original)
                async def timed_async(*args, **kwargs):
                    depth[0] += 1
                    started = time.perf_counter()
                    try:
                        return await original(*args, **kwargs)
                    finally:
                        depth[0] -= 1
                        if not depth[0]:
                            phase[name] += (time.perf_counter() - started) * 1000

                return timed_async

            @functools.wraps(original)
            def timed(*args, **kwargs):
                depth[0] += 1
                started = time.perf_counter()
                try:
                    return original(*args, **kwargs)
                finally:
                    depth[0] -= 1
                    if not depth[0]:
                        phase[name] += (time.perf_counter() - started) * 1000

            return timed

        setattr(owner, function_name, wrap())


# -- the parent: a pty per run -------------------------------------------------------


def run_in_pty(argv: list[str], env: dict[str, str]) -> float:
    """Run ``argv`` on a 120×40 pty, reading its output; wall seconds until it ends."""
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execvpe(argv[0], argv, env)
    output = bytearray()
    while True:
        ready, _, _ = select.select([fd], [], [], 120)
        if not ready:
            raise RuntimeError("no output for 120 s")
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child has ended
            break
        if not chunk:
            break
        output += chunk[-4096:]
        del output[:-8192]
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - started
    os.close(fd)
    if status:
        sys.stderr.write(output.decode(errors="replace"))
        raise RuntimeError(f"{argv} failed: status {status}")
    return elapsed


def _callgrind_total(folder: Path) -> float:
    for path in folder.glob("cg.out*"):
        for line in path.read_text(errors="replace").splitlines():  # "summary: N"
            if line.startswith(("summary:", "totals:")):
                return float(line.split()[1])
    raise RuntimeError("no callgrind output")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "mode",
        choices=("calls", "instructions", "wall", "profile", "profile-run", "phases", "tmux"),
    )
    parser.add_argument("--runs", type=int, default=1, help="runs of each app, interleaved")
    parser.add_argument("--report", default="", help="the explorer's report (default bundled)")
    parser.add_argument("-o", "--output", default="/tmp/frame", help="profile: path prefix")
    parser.add_argument("--only", default="", help="bare, app and/or against (comma-separated)")
    parser.add_argument("--against", default="", help="also run the explorer from this src/")
    parser.add_argument("--src", default="", help="run the explorer from this src/ (default: ours)")
    parser.add_argument(
        "--stop-at-run", action="store_true", help="measure only what comes before App.run"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, json.loads(os.environ["FRAME_PROBE_MARKERS"]), args.out, args.mode)
        return 0

    sys.path.insert(0, str(BENCH))
    sys.path.insert(0, str(ROOT / "src"))
    from bare_app import READY, TREE_NODE
    from partybuild_tui.model import bundled_report_path, load_report

    report_path = Path(args.report) if args.report else bundled_report_path()
    report = load_report(report_path, max_size=1 << 30)
    paragraph = next((s.paragraphs[0] for s in report.walk() if s.paragraphs), "")
    app_markers = [report.sections[0].title[:6], paragraph[:8]]
    workdir = Path(tempfile.gettempdir()) / "partybuild-frame-probe"
    env = dict(os.environ)
    env.update(
        PARTYBUILD_TUI_CACHE_DIR=str(workdir / "cache"),
        PARTYBUILD_TUI_STATE_DIR=str(workdir / "state"),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONHASHSEED="0",  # the same dict and set orders every run: repeatable counts
        TERM="xterm-256color",
        LC_ALL="C.UTF-8",
    )
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=False)
    prefix: list[str] = []
    if args.mode == "instructions":
        prefix = ["valgrind", "--tool=callgrind", "--callgrind-out-file=%q{FRAME_PROBE_DIR}/cg.out"]
    # (name, what the child runs, its markers, PYTHONPATH): --against adds the explorer
    # from another source tree, run alternately with this one (an A/B in the same minutes)
    here = str(Path(args.src).resolve()) if args.src else ""
    runs = [("bare", "bare", [READY, TREE_NODE], ""), ("app", str(report_path), app_markers, here)]
    if args.against:
        runs.append(("against", str(report_path), app_markers, str(Path(args.against).resolve())))
    if args.only:
        runs = [r for r in runs if r[0] in args.only.split(",")]
    if args.stop_at_run:
        env["FRAME_PROBE_STOP_AT_RUN"] = "1"
    for _, kind, _, path in runs:
        if kind != "bare":  # the cache entry the explorer's start reads (warm, as users have it)
            subprocess.run(
                [sys.executable, "-c", WARM, str(report_path)],
                env={**env, "PYTHONPATH": path},
                check=True,
            )
    samples: dict[str, list[dict[str, float]]] = {name: [] for name, *_ in runs}
    if args.mode == "tmux":
        return _tmux_runs(runs, env, args.runs)
    for _ in range(args.runs):
        for name, kind, markers, path in runs:
            env["FRAME_PROBE_MARKERS"] = json.dumps(markers)
            env["PYTHONPATH"] = path
            with tempfile.TemporaryDirectory() as tmp:
                env["FRAME_PROBE_DIR"] = tmp
                out = str(Path(tmp) / "result.json")
                argv = [*prefix, sys.executable, __file__, args.mode, "--child", kind, "--out", out]
                wall = run_in_pty(argv, env)
                result = json.loads(Path(out).read_text())
                if "error" in result:
                    raise RuntimeError(f"{name}: {result['error']}")
                result["wall"] = wall
                if args.mode == "instructions":
                    result["instructions"] = _callgrind_total(Path(tmp))
                if args.mode.startswith("profile"):
                    Path(out + ".prof").replace(f"{args.output}-{name}.prof")
            samples[name].append(result)
    medians: dict[str, dict[str, float]] = {}
    for name, results in samples.items():
        medians[name] = {key: statistics.median(r[key] for r in results) for key in results[0]}
        cells = []
        for key, value in medians[name].items():
            low, high = min(r[key] for r in results), max(r[key] for r in results)
            cells.append(
                f"{key} {value:.4g}" + (f" ({low:.4g}–{high:.4g})" if len(results) > 1 else "")
            )
        print(f"{name}: " + ", ".join(cells))
    for name in medians:
        if name != "bare" and "bare" in medians:
            ratios = [
                f"{key} {value / medians['bare'][key]:.3f}"
                for key, value in medians[name].items()
                if medians["bare"].get(key)
            ]
            print(f"{name} ÷ bare: " + ", ".join(ratios))
    return 0


def _tmux_runs(runs: list[tuple[str, str, list[str], str]], env: dict[str, str], n: int) -> int:
    """The figure of ``bench/run.py --only frame`` itself (launch until the markers are on
    a 120×40 tmux screen), for each app in turn, ``n`` rounds; medians and ratios."""
    from run import PYTHON, TmuxPane  # bench/run.py

    samples: dict[str, list[float]] = {name: [] for name, *_ in runs}
    pane = TmuxPane(env)
    try:
        for _ in range(n):
            for name, kind, markers, path in runs:
                pane.env = {**env, "PYTHONPATH": path}
                command = (
                    f"{PYTHON} {BENCH / 'bare_app.py'}"
                    if kind == "bare"
                    else f"env PYTHONPATH={path} {PYTHON} -m partybuild_tui --no-animation {kind}"
                )
                samples[name].append(pane.first_frame(command, markers)[0])
    finally:
        pane.close()
    medians = {name: statistics.median(values) for name, values in samples.items()}
    for name, values in samples.items():
        print(
            f"{name}: {medians[name] * 1000:.0f} ms "
            f"({min(values) * 1000:.0f}–{max(values) * 1000:.0f}, n={len(values)})"
            + (f", ÷ bare {medians[name] / medians['bare']:.3f}" if name != "bare" else "")
        )
    return 0


WARM = "import sys; from partybuild_tui.state.cache import load_report; load_report(sys.argv[1])"


if __name__ == "__main__":
    sys.exit(main())
