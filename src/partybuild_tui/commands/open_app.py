"""Open a report in the explorer (placeholder until the explorer lands)."""

import argparse

from .common import add_report_argument, open_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_report_argument(parser)


def run(args: argparse.Namespace) -> int:
    return 0 if open_report(args) else 2
