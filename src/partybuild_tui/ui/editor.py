"""``E``: open the report in the user's editor at the current section, then read it again.

The report is the user's file: the app never writes it, but editing it is theirs to
do. The editor is ``$VISUAL``, else ``$EDITOR``, else ``vi`` (as git and less choose),
started with ``+LINE FILE`` — the line where the section's (or metric's) ``id:`` is —
which vi, vim, nvim, nano, emacs, micro, kakoune and joe all understand. The app is
suspended meanwhile (``App.suspend``: the terminal is the editor's), and the report is
loaded again when the editor exits; a report the edit broke is reported in one line
and the app keeps showing the version it had.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

from textual.app import App

from partybuild_tui.model import Report
from partybuild_tui.model.errors import PartybuildError
from partybuild_tui.state.cache import load_report

FALLBACK_EDITOR = "vi"
_HEAD_LIMIT = 64 * 1024 * 1024
"""Never read more than the loader's own cap when looking for a line."""


def editor_command(
    path: str, line: int | None, environ: Mapping[str, str] | None = None
) -> list[str]:
    """The command that opens ``path`` at ``line`` (1-based; ``None``: the top)."""
    env = os.environ if environ is None else environ
    chosen = (env.get("VISUAL") or env.get("EDITOR") or "").strip()
    try:
        words = shlex.split(chosen) if chosen else []
    except ValueError:  # an unbalanced quote: take it as one program name
        words = [chosen]
    words = words or [FALLBACK_EDITOR]
    return [*words, *([f"+{line}"] if line else []), path]


def id_line(path: str, item_id: str) -> int | None:
    """The 1-based line of ``path`` where ``id: item_id`` is written, or ``None``."""
    pattern = re.compile(
        rb"^[ \t]*(?:-[ \t]+)?id:[ \t]*([\"']?)"
        + re.escape(item_id.encode())
        + rb"\1[ \t]*(?:#.*)?$"
    )
    seen = 0
    try:
        with open(path, "rb") as stream:
            for number, raw in enumerate(stream, start=1):
                seen += len(raw)
                if seen > _HEAD_LIMIT:
                    return None
                if pattern.match(raw.rstrip(b"\r\n")):
                    return number
    except OSError:
        return None
    return None


@contextlib.contextmanager
def handed_over(app: App[object]) -> Iterator[None]:
    """The terminal given to another program for the ``with`` block.

    Headless (tests, a piped run) there is no terminal to give: the block just runs.
    """
    if app.is_headless:
        yield
        return
    with app.suspend():
        yield


def run_editor(app: App[object], path: str, item_id: str | None) -> str | None:
    """Run the editor on ``path`` at ``item_id``'s line; ``None`` or what went wrong."""
    line = id_line(path, item_id) if item_id else None
    command = editor_command(path, line)
    try:
        with handed_over(app):
            subprocess.run(command, check=False)
    except OSError as error:
        return f"{command[0]}: {error.strerror or error}"
    return None


def reload(path: str) -> Report | str:
    """The report read again (the cache knows new bytes from old), or the one error line."""
    try:
        return load_report(Path(path))
    except PartybuildError as error:
        return str(error)
