"""The command line: open a report in the explorer, or run one of the commands.

``partybuild-tui [PATH]`` opens the explorer; ``partybuild-tui COMMAND …`` runs a
command from ``commands/``. Each command module is imported only when used, so
``check`` and ``search`` never import Textual. Exit status: 0 success, 1 an
internal error (a bug), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import re
import sys
import traceback
from collections.abc import Sequence
from decimal import Decimal
from typing import NoReturn

from partybuild_tui import __version__
from partybuild_tui.model.errors import (
    EXIT_INTERNAL,
    EXIT_OK,
    internal_error_text,
)
from partybuild_tui.model.sanitize import sanitize_text

COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("partybuild_tui.commands.check", "validate a report and summarise it"),
    "search": ("partybuild_tui.commands.search", "search a report and print the hits"),
    "export": ("partybuild_tui.commands.export", "write a report, a section or its metrics"),
    "import": ("partybuild_tui.commands.import_article", "turn a plain-text article into a report"),
    "serve": (
        "partybuild_tui.commands.serve",
        "show the explorer in a browser (needs the web extra)",
    ),
    "compare": ("partybuild_tui.commands.compare", "compare figures across reports, targets too"),
}
OPEN_COMMAND = "partybuild_tui.commands.open_app"

_SIZE = re.compile(r"([0-9]{1,20}(?:\.[0-9]{1,20})?)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
MAX_SIZE_LIMIT = 1 << 40
"""The largest ``--max-size`` (1 TiB): far above any report, and an int, never ``inf``."""


def parse_size(text: str) -> int:
    """``64M``, ``100MiB``, ``1.5G`` or a plain number of bytes (1 byte to 1024G).

    Read with ``Decimal`` and at most 20 digits a part: a 309-digit size is a
    usage error, never a float overflow.
    """
    match = _SIZE.fullmatch(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (like 64M or 1G)")
    factor = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[match.group(2).lower()]
    size = int(Decimal(match.group(1)) * factor)
    if size < 1:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (at least 1 byte, like 64M)")
    if size > MAX_SIZE_LIMIT:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (at most 1024G)")
    return size


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with its error lines made inert: they echo what the user typed.

    ``partybuild-tui check $'\\e]52;c;…'`` must not write an escape sequence to
    the terminal through "unrecognized arguments: …" (the same rule as report text).
    """

    def error(self, message: str) -> NoReturn:
        super().error(sanitize_text(message))


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every command takes."""
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=None,
        metavar="SIZE",
        help="refuse report files larger than this (default 64M)",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")


def _parser_for(command: str | None) -> tuple[argparse.ArgumentParser, object]:
    module_name = OPEN_COMMAND if command is None else COMMANDS[command][0]
    module = importlib.import_module(module_name)
    prog = "partybuild-tui" if command is None else f"partybuild-tui {command}"
    description = module.__doc__.strip().splitlines()[0] if module.__doc__ else None
    parser = ArgumentParser(prog=prog, description=description)
    if command is None:
        parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
        parser.epilog = (
            "commands: "
            + "; ".join(f"{name}: {help_text}" for name, (_, help_text) in COMMANDS.items())
            + ". Run 'partybuild-tui COMMAND --help' for a command's options."
        )
    module.add_arguments(parser)
    add_common_arguments(parser)
    return parser, module


def tolerate_narrow_encodings() -> None:
    """Print what the output encoding cannot show as ``\\u`` escapes instead of crashing.

    With ``LC_ALL=C`` and ``PYTHONUTF8=0`` stdout is ASCII: a Chinese title would
    raise ``UnicodeEncodeError``. Say once on stderr how to fix it.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):  # not a text file
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        "晋城".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        print(
            f"partybuild-tui: the output encoding ({encoding}) cannot show Chinese, so it is "
            "written as \\u escapes; set a UTF-8 locale (e.g. export LC_ALL=C.UTF-8) to read it",
            file=sys.stderr,
        )


def decoded_arguments(args: Sequence[str]) -> list[str] | str:
    """The arguments as text; a one-line problem when they cannot be read as UTF-8.

    Under the C locale with Python's UTF-8 mode and locale coercion turned off
    (``PYTHONUTF8=0 PYTHONCOERCECLOCALE=0``) Python decodes the command line as ASCII,
    turning each byte of ``党建`` into a lone surrogate. Those bytes came from the
    terminal as UTF-8: decode them so; anything else is refused clearly.
    """
    decoded = []
    for arg in args:
        if not any("\udc80" <= char <= "\udcff" for char in arg):
            decoded.append(arg)
            continue
        try:
            decoded.append(os.fsencode(arg).decode("utf-8"))
        except UnicodeDecodeError:
            return (
                "partybuild-tui: an argument is not valid UTF-8 "
                f"({os.fsencode(arg)!r}); set a UTF-8 locale, for example LANG=C.UTF-8"
            )
    return decoded


def main(argv: Sequence[str] | None = None) -> int:
    args_list = decoded_arguments(sys.argv[1:] if argv is None else argv)
    if isinstance(args_list, str):
        print(args_list, file=sys.stderr)
        return 2
    command = args_list[0] if args_list and args_list[0] in COMMANDS else None
    if command is not None:
        args_list = args_list[1:]
        tolerate_narrow_encodings()
    debug = "--debug" in args_list
    try:
        parser, module = _parser_for(command)
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exit_:  # argparse: 0 for --help, 2 for usage errors
            return int(exit_.code or 0)
        return int(module.run(args) or 0)  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `partybuild-tui search x | head`
        return EXIT_OK
    except Exception as error:  # the last line of defence: no traceback unless asked
        if debug:
            traceback.print_exc()
        print(internal_error_text(error), file=sys.stderr)
        return EXIT_INTERNAL
