"""Validate a report, or a library, and print a short summary (exit 0 valid, 2 invalid).

On a library (``check DIR`` or several files) every report and the indicator
registry are checked: files that do not load, duplicate report ids, unknown
``indicator`` keys and units that differ from their indicator's, one line per
problem on stdout, then a summary on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from partybuild_tui.commands.common import open_report, report_path
from partybuild_tui.commands.library_args import (
    add_paths_argument,
    is_library,
    load_library,
    single_path,
)
from partybuild_tui.model import Report
from partybuild_tui.model.errors import EXIT_BAD_INPUT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)


def summary(report: Report) -> list[str]:
    counts = report.counts()
    units = Counter(metric.unit for metric in report.metrics)
    by_unit = ", ".join(f"{unit} {count}" for unit, count in units.most_common())
    meta = report.meta
    lines = [
        f"{meta.title}" + (f" — {meta.subtitle}" if meta.subtitle else ""),
        f"  schema {report.schema}, id {meta.id}"
        + (f", {meta.source}" if meta.source else "")
        + (f", {meta.published_date}" if meta.published_date else ""),
        f"  {counts['sections']} sections, {counts['subtopics']} sub-topics, "
        f"{counts['paragraphs']} paragraphs, {counts['metrics']} metrics",
    ]
    if by_unit:
        lines.append(f"  metrics by unit: {by_unit}")
    return lines


def run_library(args: argparse.Namespace) -> int:
    from partybuild_tui.library.checks import library_problems  # lazy: a library's modules

    library = load_library(args, use_cache=False)  # a check always validates the files
    if library is None:
        return EXIT_BAD_INPUT
    problems = library_problems(library)
    for line in problems:
        print(line)
    metrics = sum(r.total_metrics for r in library.reports)
    registry = library.registry
    summary = (
        f"{len(library.entries)} report files: {len(library.reports)} valid, "
        f"{len(library.failed)} failed; {metrics} metrics"
        + (f"; registry {library.registry_path}: {len(registry.indicators)} indicators"
           if registry is not None else "")
        + (f"; {len(problems)} problem{'s' if len(problems) != 1 else ''}" if problems else "")
    )  # fmt: skip
    print(summary, file=sys.stderr if problems else sys.stdout)
    return 2 if problems else 0


def run(args: argparse.Namespace) -> int:
    if is_library(args):
        return run_library(args)
    single_path(args)
    report = open_report(args, use_cache=False)  # a check always validates the file itself
    if report is None:
        return EXIT_BAD_INPUT
    print(f"{report_path(args)}: valid")
    for line in summary(report):
        print(line)
    return 0
