"""``export DIR --metrics --format csv|json``: every metric of a library in one table.

Rows start with ``report_id, region, region_code, period, kind``, then the
single-report metric columns. Files that do not load are named on stderr and
left out; ``-o`` writes atomically and refuses to replace a file (or any of the
library's reports) without ``--force``. No Textual here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from partybuild_tui.commands.common import print_error
from partybuild_tui.commands.export import (
    EXIT_BAD_INPUT,
    _write_stdout,
    check_destination,
)
from partybuild_tui.commands.library_args import load_library, warn_failed
from partybuild_tui.library.export import library_metrics_csv, library_metrics_json
from partybuild_tui.state.atomic_write import DestinationExists, atomic_write_bytes


def run_library(args: argparse.Namespace, fmt: str, output: Path | None) -> int:
    if fmt not in ("csv", "json") or (not args.metrics and fmt != "csv"):
        print_error(
            "partybuild-tui export: a library exports its metrics: use --metrics --format csv|json"
        )
        return EXIT_BAD_INPUT
    if args.section:
        print_error("partybuild-tui export: --section applies to one report, not a library")
        return EXIT_BAD_INPUT
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
    if fmt == "csv":
        text = library_metrics_csv(library, bom=args.bom)
    else:
        text = library_metrics_json(library)
    data = text.encode("utf-8")
    if output is None:
        _write_stdout(data)
        return 0
    try:
        atomic_write_bytes(output, data, overwrite=args.force)
    except DestinationExists:
        print_error(f"{output}: file exists; refusing to overwrite it (use --force to replace it)")
        return EXIT_BAD_INPUT
    except OSError as error:
        print_error(f"{output}: cannot write: {error.strerror or error}")
        return EXIT_BAD_INPUT
    metrics = sum(r.total_metrics for r in library.reports)
    print_error(f"wrote {metrics} metrics of {len(library.reports)} reports as {fmt} to {output}")
    return 0
