"""``partybuild-tui serve``: the explorer (or a library) in a browser, via textual-serve.

Loopback only unless ``--public`` says otherwise: there is no login, so anyone who
can reach the port can read the reports. Reach it from another machine through an
SSH tunnel or a reverse proxy that does the login (README, "In a browser").
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from partybuild_tui.commands.common import print_error
from partybuild_tui.model import ReportError, bundled_report_path, load_report

WEB_EXTRA = "pip install 'partybuild-tui[web]'"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|DIR",
        help="report(s) or a library folder (default: bundled)",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    parser.add_argument(
        "--public", action="store_true", help="allow a non-loopback --host (there is no login)"
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="interface language")


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port: {text!r} (1-65535)")
    return int(text)


def run(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("textual_serve") is None:
        print_error(f"partybuild-tui: serve needs the web extra: {WEB_EXTRA}")
        return 2
    from partybuild_tui.web.server import (  # lazy: the optional web extra, checked above
        ReportServer,
        default_state_root,
        is_loopback,
        serve_command,
    )

    if not is_loopback(args.host) and not args.public:
        print_error(
            f"partybuild-tui: --host {args.host} is reachable from other machines and there is "
            "no login; add --public to serve there anyway, or use an SSH tunnel (README)"
        )
        return 2
    paths = [Path(p).resolve() for p in args.paths]
    for path in paths:
        if not path.exists():
            print_error(f"partybuild-tui: {path}: no such file or folder")
            return 2
    title = _title(paths)
    if title is None:
        return 2
    if not is_loopback(args.host):
        print_error(
            f"partybuild-tui: warning: serving on {args.host}: there is no login, anyone who "
            "can reach this port can read the report(s)"
        )
    extra = ["--lang", args.lang] if args.lang else []
    server = ReportServer(
        serve_command(paths, extra),
        host=args.host,
        port=args.port,
        title=title,
        state_root=default_state_root(),
    )
    try:
        server.serve()
    except OSError as error:  # the port is taken, or the address is not ours
        print_error(f"partybuild-tui: cannot listen on {args.host}:{args.port}: {error.strerror}")
        return 2
    return 0


def _title(paths: list[Path]) -> str | None:
    """The window title: the report's title, or the library folder's name."""
    if len(paths) == 1 and paths[0].is_dir():
        return f"partybuild-tui · {paths[0].name}"
    if len(paths) > 1:
        return f"partybuild-tui · {len(paths)} reports"
    path = paths[0] if paths else bundled_report_path()
    try:
        report = load_report(path)
    except ReportError as error:
        print_error(str(error))
        return None
    return report.meta.title
