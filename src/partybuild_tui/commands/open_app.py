"""Open a report in the explorer (the bundled 2025 晋城市 report by default)."""

from __future__ import annotations

import argparse
import codecs
import difflib
import sys
from collections.abc import Callable
from typing import TextIO

from partybuild_tui.commands.common import open_report, print_error, report_path
from partybuild_tui.commands.library_args import (
    add_paths_argument,
    is_library,
    load_library,
    single_path,
)
from partybuild_tui.model import Report
from partybuild_tui.model.collector import collector_paused, freeze_long_lived
from partybuild_tui.model.errors import EXIT_BAD_INPUT


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)  # one report, or a folder / several files: the library screen
    parser.add_argument("--section", metavar="ID", help="open at this section id")
    parser.add_argument("--theme", metavar="NAME", help="colour theme (default textual-dark)")
    parser.add_argument(
        "--lang", choices=("zh", "en"), default=None, help="interface language (default: locale)"
    )
    parser.add_argument(
        "--no-animation", action="store_true", help="no animations (automatic over SSH)"
    )


def unknown_section_message(report: Report, section_id: str) -> str:
    ids = report.section_ids()
    close = difflib.get_close_matches(section_id, ids, n=5, cutoff=0.5)
    if not close:
        close = [i for i in ids if section_id.lower() in i][:5]
    hint = f"; did you mean: {', '.join(close)}" if close else ""
    return f"unknown section id '{section_id}'{hint}"


def terminal_encoding_problem(stream: TextIO | None = None) -> str | None:
    """Why the terminal cannot show Chinese, or ``None`` when it can."""
    stream = stream if stream is not None else sys.__stderr__  # Textual draws on stderr
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        codecs.lookup(encoding)
        "党建引领，数据一览".encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return (
            f"partybuild-tui: this terminal's encoding ({encoding}) cannot show Chinese text, "
            "so the report would be drawn as garbage. Set a UTF-8 locale and try again, "
            "for example: export LANG=C.UTF-8 (or zh_CN.UTF-8), or run with PYTHONUTF8=1."
        )
    return None


def run(args: argparse.Namespace) -> int:
    # No collector passes until the first frame is on screen: starting up allocates
    # ~200,000 objects (imports, styles, widgets) and the passes over them cost ~15 ms
    # of the first frame. The app resumes collecting once the frame is drawn (or ends).
    with collector_paused() as pause:
        return _run(args, after_first_frame=[pause.resume])


def _run(args: argparse.Namespace, after_first_frame: list[Callable[[], None]]) -> int:
    # Lazy: Textual only once the app runs. Cheap checks first: a 37 MB report takes seconds.
    from partybuild_tui.ui.app import AppOptions, available_themes, make_app

    if args.theme and args.theme not in available_themes():
        print_error(
            f"partybuild-tui: unknown theme '{args.theme}'; choose one of: "
            + ", ".join(available_themes())
        )
        return EXIT_BAD_INPUT
    problem = terminal_encoding_problem()
    if problem:
        print_error(problem)
        return EXIT_BAD_INPUT
    deferred = list(after_first_frame)
    if is_library(args):
        return _run_library(args, deferred)
    single_path(args)
    report = open_report(args, schedule_cache_save=deferred.append)
    if report is None:
        return EXIT_BAD_INPUT
    if args.section and report.get_section(args.section) is None:
        print_error(f"partybuild-tui: {unknown_section_message(report, args.section)}")
        return EXIT_BAD_INPUT
    # The report lives as long as the app: keep the collector from walking its
    # million objects again and again (a full pass would freeze the screen).
    freeze_long_lived()
    options = AppOptions(
        start_section=args.section,
        theme=args.theme,
        language=args.lang,
        animations=not args.no_animation,
        debug=args.debug,
        report_path=str(report_path(args)),
        after_first_frame=tuple(deferred),
    )
    app = make_app(report, options)
    result = app.run()
    return app.return_code if app.return_code is not None else (result or 0)


def _run_library(args: argparse.Namespace, after_first_frame: list[Callable[[], None]]) -> int:
    """``partybuild-tui DIR`` (or several files): the library screen."""
    if args.section:
        print_error("partybuild-tui: --section opens one report; give a report file, not a folder")
        return EXIT_BAD_INPUT
    library = load_library(args)
    if library is None:
        return EXIT_BAD_INPUT
    freeze_long_lived()  # the reports live as long as the app (see _run)
    from partybuild_tui.ui.app import AppOptions  # lazy: Textual, as in _run
    from partybuild_tui.ui.library_app import make_library_app

    options = AppOptions(
        theme=args.theme,
        language=args.lang,
        animations=not args.no_animation,
        debug=args.debug,
        after_first_frame=tuple(after_first_frame),
    )
    app = make_library_app(library, options)
    result = app.run()
    return app.return_code if app.return_code is not None else (result or 0)
