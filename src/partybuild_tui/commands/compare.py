"""Compare figures across reports: the same indicator over periods and regions, or targets.

``partybuild-tui compare DIR|FILES… [--indicator ID …] [--targets] [--format FMT] [-o FILE]``
prints (or writes) the comparison table; on a terminal, ``text`` draws the charts
too. With no path it compares within the bundled example library (the bundled
report and invented example reports, marked 示例 / example). Reports that cannot
be read are named on stderr, one line each, and left out; exit 2 when none can be
read, an ``--indicator`` is unknown, or the destination is refused. No Textual.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from rich.console import Console

from partybuild_tui.commands.common import print_error
from partybuild_tui.commands.export import check_destination, write_output
from partybuild_tui.compare import Comparison, compare_library
from partybuild_tui.compare.example import example_library_paths
from partybuild_tui.compare.outputs import FORMATS, to_csv, to_json, to_markdown
from partybuild_tui.compare.text import print_charts, to_text
from partybuild_tui.library import open_library
from partybuild_tui.model import ReportError, bundled_report_path
from partybuild_tui.model.errors import EXIT_BAD_INPUT

_SUFFIXES = {".txt": "text", ".json": "json", ".csv": "csv", ".md": "markdown", ".xlsx": "xlsx"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="DIR|FILE",
        help="a library folder or report files (default: the bundled example library)",
    )
    parser.add_argument(
        "--indicator",
        "-i",
        action="append",
        metavar="ID",
        default=None,
        help="compare only this indicator (repeatable; default: every indicator)",
    )
    parser.add_argument(
        "--targets", action="store_true", help="targets against results instead of the table"
    )
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        default=None,
        help="output format (default: from the -o file's extension, else text)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", default=None, help="write to FILE")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.add_argument(
        "--bom", action="store_true", help="CSV: start with a UTF-8 byte order mark"
    )


def _format(args: argparse.Namespace, output: Path | None) -> str:
    if args.format:
        return str(args.format)
    if output is not None:
        return _SUFFIXES.get(output.suffix.lower(), "text")
    return "text"


def _load(args: argparse.Namespace) -> Comparison | None:
    paths = [Path(p) for p in args.paths] or example_library_paths()
    for path in paths:
        if not path.exists():
            print_error(f"{path}: no such file or folder")
            return None
    library = open_library(paths, max_size=args.max_size) if args.max_size else open_library(paths)
    for entry in library.entries:
        if entry.error:
            print_error(entry.error)
    if library.registry_error:
        print_error(library.registry_error)
    if not library.reports:
        if not library.entries:
            print_error(f"{paths[0]}: no reports here (*.yaml, *.yml, *.json)")
        return None
    try:
        everything = compare_library(library)
    except ReportError as error:  # a broken indicator-links.tsv
        print_error(str(error))
        return None
    if not args.indicator:
        return everything
    known = {f.indicator for f in everything.figures if f.indicator}
    if library.registry is not None:
        known |= {item.id for item in library.registry.indicators}
    for wanted in args.indicator:
        if wanted not in known:
            close = difflib.get_close_matches(wanted, sorted(known), n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            print_error(f"partybuild-tui compare: no indicator {wanted!r} in these reports{hint}")
            return None
    return compare_library(library, indicators=args.indicator)


def _render(comparison: Comparison, fmt: str, args: argparse.Namespace) -> bytes:
    if fmt == "xlsx":
        from partybuild_tui.compare.xlsx import to_xlsx  # lazy: xlsxwriter, for this format only

        return to_xlsx(comparison)
    if fmt == "json":
        text = to_json(comparison)
    elif fmt == "csv":
        text = to_csv(comparison, targets=args.targets, bom=args.bom)
    elif fmt == "markdown":
        text = to_markdown(comparison, targets=args.targets)
    else:
        text = to_text(comparison, targets=args.targets)
    return text.encode("utf-8")


def _to_terminal(comparison: Comparison, data: bytes, args: argparse.Namespace) -> None:
    sys.stdout.write(data.decode("utf-8"))
    sys.stdout.flush()
    if sys.stdout.isatty():
        print()
        print_charts(comparison, Console(highlight=False), targets=args.targets)


def _write_file(output: Path, data: bytes, args: argparse.Namespace) -> int:
    for source in args.paths or [str(bundled_report_path())]:
        problem = check_destination(output, Path(source), force=args.force)
        if problem:
            print_error(problem)
            return EXIT_BAD_INPUT
    if not write_output(output, data, force=args.force):
        return EXIT_BAD_INPUT
    print_error(f"wrote the comparison to {output}")
    return 0


def run(args: argparse.Namespace) -> int:
    output = None if args.output in (None, "-") else Path(args.output)
    fmt = _format(args, output)
    if args.bom and fmt != "csv":
        print_error("partybuild-tui compare: --bom applies to --format csv only")
        return EXIT_BAD_INPUT
    if fmt == "xlsx" and output is None and sys.stdout.isatty():
        print_error("partybuild-tui compare: xlsx is a binary file; write it with -o FILE.xlsx")
        return EXIT_BAD_INPUT
    if output is not None and output.is_dir():
        print_error(f"{output}: is a directory; give a file name")
        return EXIT_BAD_INPUT
    comparison = _load(args)
    if comparison is None:
        return EXIT_BAD_INPUT
    data = _render(comparison, fmt, args)
    if output is not None:
        return _write_file(output, data, args)
    if fmt == "text":
        _to_terminal(comparison, data, args)
        return 0
    buffer = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        sys.stdout.write(data.decode("utf-8", errors="replace"))
    return 0
