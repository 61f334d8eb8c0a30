"""Validate a report and print a short summary (exit 0 valid, 2 invalid)."""

from __future__ import annotations

import argparse
from collections import Counter

from partybuild_tui.commands.common import add_report_argument, open_report, report_path
from partybuild_tui.model import Report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_report_argument(parser)


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


def run(args: argparse.Namespace) -> int:
    report = open_report(args, use_cache=False)  # a check always validates the file itself
    if report is None:
        return 2
    print(f"{report_path(args)}: valid")
    for line in summary(report):
        print(line)
    return 0
