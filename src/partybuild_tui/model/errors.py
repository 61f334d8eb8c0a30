"""The one error type the loader lets escape: a bad report, said in one line."""

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


class ReportError(Exception):
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
