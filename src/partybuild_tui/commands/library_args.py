"""The commands' side of a library: ``DIR`` or several files instead of one report.

A command that takes a library gets ``PATH …`` (any number) instead of one
``PATH``; ``is_library`` tells the two cases apart (a folder, or more than one
path): one report file keeps every behaviour it had. No Textual here.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from partybuild_tui.commands.common import non_empty_path, print_error
from partybuild_tui.model.source import DEFAULT_MAX_SIZE

if TYPE_CHECKING:
    from partybuild_tui.library import Library


def add_paths_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="*",
        default=[],
        type=non_empty_path,  # check "$UNSET" must fail, not check the bundled report
        metavar="PATH",
        help="a report file, a folder of reports (a library, searched at any depth) or "
        "several files (default: the bundled 2025 晋城市 report)",
    )


def is_library(args: argparse.Namespace) -> bool:
    paths = args.path or []
    return len(paths) > 1 or (len(paths) == 1 and Path(paths[0]).is_dir())


def single_path(args: argparse.Namespace) -> None:
    """Turn ``args.path`` back into the one path (or ``None``) the single-report code reads."""
    args.path = args.path[0] if args.path else None


def load_library(args: argparse.Namespace, *, use_cache: bool = True) -> Library | None:
    """The library named on the command line; ``None`` (after one line) when it has no
    report at all. Broken files are left to the caller (each has its error)."""
    # lazy: a library's modules (its process pool, discovery, registry), ~6 ms of every
    # start of the explorer or `check FILE`, which open one report
    from partybuild_tui.library import open_library

    max_size = getattr(args, "max_size", None) or DEFAULT_MAX_SIZE
    library = open_library([Path(p) for p in args.path], use_cache=use_cache, max_size=max_size)
    if not library.entries:
        where = ", ".join(str(p) for p in args.path)
        print_error(f"{where}: no report files (*.yaml, *.yml, *.json) in this folder")
        return None
    return library


def warn_failed(library: Library) -> None:
    """One line on stderr per file that could not be loaded."""
    for entry in library.failed:
        print_error(entry.error or f"{entry.path}: could not be loaded")
