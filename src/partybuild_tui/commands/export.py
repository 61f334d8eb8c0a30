"""Write a report, a section or its metrics as JSON, CSV or Markdown (to stdout or a file).

``-o FILE`` writes atomically (a temporary file in the same directory, then a
rename), refuses to replace an existing file unless ``--force`` is given, and
never writes over the report being read or over anything but a regular file.
Exit 0 written, 2 bad input (unreadable report, unknown section, refused
destination). No Textual here.
"""

from __future__ import annotations

import argparse
import difflib
import os
import stat
import sys
from pathlib import Path

from partybuild_tui.commands.common import non_empty_path, open_report, print_error, report_path
from partybuild_tui.commands.library_args import (
    add_paths_argument,
    is_library,
    load_library,
    single_path,
    warn_failed,
)
from partybuild_tui.export import EXTENSIONS, FORMATS, export_report
from partybuild_tui.model import Report, Section
from partybuild_tui.model.errors import EXIT_BAD_INPUT
from partybuild_tui.state.atomic_write import DestinationExists, atomic_write_bytes

_FORMAT_OF_SUFFIX = {suffix: fmt for fmt, suffix in EXTENSIONS.items()} | {
    ".markdown": "markdown",
    ".xlsx": "xlsx",
}
XLSX = "xlsx"
"""Metrics only (like CSV): a workbook, numbers as numbers (``export/xlsx.py``)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    parser.add_argument(
        "--format",
        "-f",
        choices=(*FORMATS, XLSX),
        default=None,
        help="output format (default: from the -o file's extension: .json, .csv, .md, .xlsx)",
    )
    parser.add_argument(
        "--section",
        "-s",
        metavar="ID",
        default=None,
        help="export only this section (with its sub-topics), e.g. --section first-topic",
    )
    parser.add_argument(
        "--no-children",
        action="store_true",
        help="with --section: leave out the section's sub-topics",
    )
    parser.add_argument(
        "--metrics",
        action="store_true",
        help="export only the metrics (a flat list; CSV is always the metrics)",
    )
    parser.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        default=None,
        type=non_empty_path,
        help="write to FILE instead of standard output ('-' is standard output)",
    )
    parser.add_argument(
        "--bom",
        action="store_true",
        help="CSV: start with a UTF-8 byte order mark, so Excel reads the file as UTF-8",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never the report itself)"
    )


def _format(args: argparse.Namespace, output: Path | None) -> str | None:
    if args.format:
        return args.format
    if output is not None:
        fmt = _FORMAT_OF_SUFFIX.get(output.suffix.lower())
        if fmt:
            return fmt
    print_error(
        "partybuild-tui export: choose a format with --format json|csv|markdown|xlsx"
        + (f" (cannot tell from {str(output)!r})" if output is not None else "")
    )
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_destination(output: Path, source: Path, *, force: bool) -> str | None:
    """Why ``output`` must not be written (``None`` if it may be)."""
    if _same_file(output, source):
        return f"{output}: this is the report being exported; refusing to write over it"
    try:
        info = os.stat(output)
    except FileNotFoundError:
        if not output.parent.is_dir():
            return f"{output}: no such directory: {output.parent}"
        return None
    except OSError as error:
        return f"{output}: cannot check the destination: {error.strerror or error}"
    if stat.S_ISDIR(info.st_mode):
        return f"{output}: is a directory; give a file name"
    if not stat.S_ISREG(info.st_mode):
        return f"{output}: is not a regular file; refusing to replace it"
    if not force:
        return f"{output}: file exists; refusing to overwrite it (use --force to replace it)"
    return None


def suggest_sections(report: Report, query: str, limit: int = 5) -> list[str]:
    """Section ids close to ``query``: by spelling, or whose title contains it."""
    ids = report.section_ids()
    close = difflib.get_close_matches(query, ids, n=limit, cutoff=0.5)
    needle = query.strip().lower()
    if needle:
        for section in report.ordered:
            if needle in section.title.lower() and section.id not in close:
                close.append(section.id)
    return close[:limit]


def _find_section(report: Report, query: str) -> Section | None:
    section = report.get_section(query)
    if section is not None:
        return section
    suggestions = suggest_sections(report, query)
    if suggestions:
        hint = "did you mean " + ", ".join(suggestions) + "?"
    else:
        tops = [s.id for s in report.sections[:8]]
        hint = "top-level sections: " + (", ".join(tops) if tops else "none")
    print_error(f"partybuild-tui export: no section {query!r} in this report; {hint}")
    return None


def _describe(report: Report, section: Section | None, args: argparse.Namespace, fmt: str) -> str:
    if fmt in ("csv", XLSX) or args.metrics:
        if section is None:
            count = report.total_metrics
        elif args.no_children:
            count = len(section.metrics)
        else:
            count = section.total_metrics
        return f"{count} metric{'s' if count != 1 else ''}"
    if section is None:
        return "the report"
    return f"section {section.id}" + (" (without sub-topics)" if args.no_children else "")


def _xlsx(report: Report, section: Section | None, *, descendants: bool) -> bytes:
    from partybuild_tui.export.xlsx import metrics_xlsx  # lazy: xlsxwriter, for this format

    if section is None:
        metrics = list(report.metrics)
    elif descendants:
        metrics = [m for s in section.walk() for m in s.metrics]
    else:
        metrics = list(section.metrics)
    return metrics_xlsx(metrics)


def write_output(output: Path, data: bytes, *, force: bool) -> bool:
    """Write ``data`` to ``output`` atomically; on failure say why in one line (False)."""
    try:
        atomic_write_bytes(output, data, overwrite=force)
    except DestinationExists:
        print_error(f"{output}: file exists; refusing to overwrite it (use --force to replace it)")
        return False
    except OSError as error:
        print_error(f"{output}: cannot write: {error.strerror or error}")
        return False
    return True


def _write_stdout(data: bytes) -> None:
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    else:  # a text-only stream (some embedders): let it encode
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    output = None if args.output in (None, "-") else Path(args.output)
    fmt = _format(args, output)
    if fmt is None:
        return EXIT_BAD_INPUT
    if args.bom and fmt != "csv":
        print_error("partybuild-tui export: --bom applies to --format csv only")
        return EXIT_BAD_INPUT
    if args.no_children and not args.section:
        print_error("partybuild-tui export: --no-children needs --section ID")
        return EXIT_BAD_INPUT
    if is_library(args):
        return run_library(args, fmt, output)
    single_path(args)
    source = report_path(args)
    if output is not None:
        problem = check_destination(output, source, force=args.force)
        if problem:
            print_error(problem)
            return EXIT_BAD_INPUT
    report = open_report(args)
    if report is None:
        return EXIT_BAD_INPUT
    section = None
    if args.section is not None:
        section = _find_section(report, args.section)
        if section is None:
            return EXIT_BAD_INPUT
    if fmt == XLSX:
        if output is None and sys.stdout.isatty():
            print_error("partybuild-tui export: xlsx is a binary file; write it with -o FILE.xlsx")
            return EXIT_BAD_INPUT
        data = _xlsx(report, section, descendants=not args.no_children)
    else:
        text = export_report(
            report,
            fmt,
            section=section,
            metrics_only=args.metrics,
            descendants=not args.no_children,
            bom=args.bom,
        )
        data = text.encode("utf-8")
    if output is None:
        _write_stdout(data)
        return 0
    # Checked again just before writing: the report path could have been linked here meanwhile.
    problem = check_destination(output, source, force=args.force)
    if problem:
        print_error(problem)
        return EXIT_BAD_INPUT
    if not write_output(output, data, force=args.force):
        return EXIT_BAD_INPUT
    what = _describe(report, section, args, fmt)
    print_error(f"wrote {what} as {fmt} to {output}")
    return 0


# -- a library: ``export DIR --metrics --format csv|json|xlsx`` ----------------------------
# Every metric of every report in one table, rows starting with ``report_id, region,
# region_code, period, kind``. Files that do not load are named on stderr and left
# out; ``-o`` refuses to replace a file (or any of the library's files) without --force.


def run_library(args: argparse.Namespace, fmt: str, output: Path | None) -> int:
    if fmt not in ("csv", "json", XLSX) or (not args.metrics and fmt == "json"):
        print_error(
            "partybuild-tui export: a library exports its metrics: "
            "use --metrics --format csv|json|xlsx"
        )
        return EXIT_BAD_INPUT
    if args.section:
        print_error("partybuild-tui export: --section applies to one report, not a library")
        return EXIT_BAD_INPUT
    from partybuild_tui.library.export import (  # lazy: a library's modules
        library_metrics_csv,
        library_metrics_json,
        library_metrics_xlsx,
    )

    library = load_library(args)
    if library is None:
        return EXIT_BAD_INPUT
    warn_failed(library)
    sources = [entry.path for entry in library.entries]
    if library.registry_path is not None:
        sources.append(library.registry_path)
    if output is not None:
        for source in sources or [Path(args.path[0])]:
            problem = check_destination(output, source, force=args.force)
            if problem:
                print_error(problem.replace("the report being exported", "a file of the library"))
                return EXIT_BAD_INPUT
    if fmt == XLSX:
        data = library_metrics_xlsx(library)
    elif fmt == "csv":
        data = library_metrics_csv(library, bom=args.bom).encode("utf-8")
    else:
        data = library_metrics_json(library).encode("utf-8")
    if output is None:
        _write_stdout(data)
        return 0
    if not write_output(output, data, force=args.force):
        return EXIT_BAD_INPUT
    metrics = sum(r.total_metrics for r in library.reports)
    print_error(f"wrote {metrics} metrics of {len(library.reports)} reports as {fmt} to {output}")
    return 0
