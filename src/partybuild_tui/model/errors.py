"""The one error type the loader lets escape: a bad report, said in one line."""

from __future__ import annotations

from collections.abc import Sequence

DataPath = tuple[str | int, ...]


def format_data_path(path: Sequence[str | int]) -> str:
    """``("sections", 2, "metrics", 4, "value")`` -> ``sections[2].metrics[4].value``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class ReportError(Exception):
    """A report that cannot be opened: ``PATH:LINE:COLUMN: [data.path: ]message``.

    ``line`` and ``column`` are 1-based and ``None`` when no position is known.
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
        self.message = message
        self.line = line
        self.column = column
        self.data_path = tuple(data_path)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column if self.column is not None else 1}"
        data_path = format_data_path(self.data_path)
        what = f"{data_path}: {self.message}" if data_path else self.message
        return f"{where}: {what}"

    def __reduce__(self):  # keep the fields when pickled (workers, multiprocessing)
        return (
            type(self),
            (self.path, self.message, self.line, self.column, self.data_path),
        )
