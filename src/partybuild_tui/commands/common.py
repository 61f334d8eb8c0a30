"""What the commands share: opening a report and reporting its errors. No Textual here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from partybuild_tui.model import Report, ReportError, bundled_report_path, load_report
from partybuild_tui.model.sanitize import sanitize_text
from partybuild_tui.model.source import DEFAULT_MAX_SIZE


def non_empty_path(text: str) -> str:
    """An argparse type: an empty path is a usage error, not "the default".

    ``check "$FILE"`` with ``FILE`` unset must fail, not check the bundled report.
    """
    if not text:
        raise argparse.ArgumentTypeError("empty path (leave PATH out for the bundled report)")
    return text


def report_path(args: argparse.Namespace) -> Path:
    return Path(args.path) if args.path is not None else bundled_report_path()


def open_report(
    args: argparse.Namespace,
    *,
    use_cache: bool = True,
    schedule_cache_save: Callable[[Callable[[], None]], object] | None = None,
) -> Report | None:
    """The report named on the command line, or ``None`` after printing why it cannot be read.

    ``use_cache=False`` validates the file itself (``model.load_report``) even when the
    load cache has it;
    ``schedule_cache_save`` defers storing a fresh cache entry (see
    ``state.cache.load_report``). What the cache has to say (a directory it
    refuses) is printed once on stderr.
    """
    path = str(report_path(args))
    max_size = getattr(args, "max_size", None) or DEFAULT_MAX_SIZE
    if not use_cache:  # `check`: the file itself, and none of the cache layer's modules
        try:
            return load_report(path, max_size)
        except ReportError as error:
            print_error(str(error))
            return None
    from partybuild_tui.state import cache  # lazy: see above

    try:
        return cache.load_report(path, max_size=max_size, schedule_save=schedule_cache_save)
    except ReportError as error:
        print_error(str(error))
        return None
    finally:
        for notice in cache.notices():
            print_error(f"partybuild-tui: {notice}")


def print_error(message: str) -> None:
    """One line on stderr, inert (it may echo what the user typed: ``--section $'\\e…'``),
    whatever the terminal's encoding can show."""
    stream = sys.stderr
    encoding = getattr(stream, "encoding", None) or "utf-8"
    line = sanitize_text(" ".join(message.splitlines()))
    stream.write(line.encode(encoding, errors="backslashreplace").decode(encoding) + "\n")
    stream.flush()
