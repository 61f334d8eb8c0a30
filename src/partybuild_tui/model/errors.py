"""The project's one error hierarchy, told apart by type (never by message text).

``PartybuildError`` is the base of every error this package raises on purpose:

* ``ReportError`` — bad input, said in one line ``FILE:LINE:COL: message``; the
  only error a loader lets escape. ``NoSuchFile`` is the file not being there.
* ``Invalid`` — a value that breaks the report contract, at a data path (the
  validator's; the loader turns it into a ``ReportError`` with a position).
* ``Malformed`` — YAML the strict reader refuses, at a parser mark (likewise).
* ``ArticleError`` — an article the importer cannot read (``PATH: message``).
* ``DestinationExists`` — a write that would replace a file it was told not to.
* ``CorruptState`` — a state file (bookmarks, history) that cannot be used.
"""

from __future__ import annotations

from collections.abc import Sequence

from partybuild_tui.model.sanitize import sanitize_text

DataPath = tuple[str | int, ...]

SHOWN_LIMIT = 40


def format_data_path(path: Sequence[str | int]) -> str:
    """``("sections", 2, "metrics", 4, "value")`` -> ``sections[2].metrics[4].value``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def shown(text: str, limit: int = SHOWN_LIMIT) -> str:
    """``text`` from a report, fit for a one-line message: inert, short, quoted."""
    if len(text) > limit:
        text = text[:limit] + "…"
    return repr(sanitize_text(text))


def _one_line(text: str) -> str:
    return " ".join(sanitize_text(text).split("\n"))


class PartybuildError(Exception):
    """The base of every error this package raises on purpose."""


class ReportError(PartybuildError):
    """A report that cannot be opened: ``PATH:LINE:COLUMN: [data.path: ]message``.

    ``line`` and ``column`` are 1-based and ``None`` when no position is known.
    The message is made safe to print (no control characters, one line), since it
    may quote bytes from a hostile file.
    """

    def __init__(
        self,
        path: str,
        message: str,
        line: int | None = None,
        column: int | None = None,
        data_path: Sequence[str | int] = (),
    ) -> None:
        self.path = path
        self.message = _one_line(message)
        self.line = line
        self.column = column
        self.data_path = tuple(data_path)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = _one_line(self.path)
        if self.line is not None:
            where += f":{self.line}:{self.column if self.column is not None else 1}"
        data_path = _one_line(format_data_path(self.data_path))
        what = f"{data_path}: {self.message}" if data_path else self.message
        return f"{where}: {what}"

    def __reduce__(self):  # keep the fields when pickled (workers, multiprocessing)
        return (
            type(self),
            (self.path, self.message, self.line, self.column, self.data_path),
        )


class NoSuchFile(ReportError):
    """The file is not there (callers that may skip a missing file catch this type)."""

    def __init__(self, path: str, message: str = "no such file", *args: object) -> None:
        super().__init__(path, message)


class Invalid(PartybuildError):
    """A value that breaks the contract, at ``path`` (a data path)."""

    def __init__(self, path: DataPath, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


class Malformed(PartybuildError):
    """YAML the strict reader refuses; ``mark`` is the parser's position (0-based)."""

    def __init__(self, message: str, mark: object) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class ArticleError(PartybuildError):
    """An article that cannot be read, said in one line: ``PATH: message``."""


class DestinationExists(PartybuildError, FileExistsError):
    """The destination exists and the caller asked not to replace it."""


class CorruptState(PartybuildError):
    """A state file that cannot be used (not JSON, another format, wrong shapes)."""


EXIT_OK = 0
EXIT_INTERNAL = 1
"""An internal error: a bug (a short message asking for a report, see ``internal_error_text``)."""
EXIT_BAD_INPUT = 2
"""Bad input or usage: one line that says where and what."""


def internal_error_text(error: BaseException | None) -> str:
    """What a crash prints (the CLI and the app): the error, inert, and how to report it."""
    what = f"{type(error).__name__}: {error}" if error is not None else "unknown error"
    return (
        f"partybuild-tui: internal error: {_one_line(what)}\n"
        "This is a bug in partybuild-tui. Please report it, with the output of the "
        "same command run with --debug."
    )
