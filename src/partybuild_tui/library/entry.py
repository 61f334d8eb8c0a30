"""A library entry whose report is decoded when first read (no Textual).

A warm library open reads every report from the library cache, but the library
screen shows only each report's metadata and counts: those are kept beside the
encoded report in the cache (``Summary``), and the report itself is decoded the
first time something reads ``entry.report`` (opening it, searching the library).
300 reports then open without decoding 300 reports on the way to the first frame.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from partybuild_tui.library import codec
from partybuild_tui.model import Report, ReportError, ReportMeta, load_report

_DECODING = threading.Lock()
"""One decoder at a time: the index thread and the screen share the decoded report."""


@dataclass(frozen=True)
class Summary:
    """What the library screen shows of a report, without the report."""

    meta: ReportMeta
    sections: int
    """Sections and sub-topics."""
    metrics: int

    def encode(self) -> list[Any]:
        meta = {f.name: getattr(self.meta, f.name) for f in fields(ReportMeta)}
        return [meta, self.sections, self.metrics]

    @classmethod
    def decode(cls, data: Any) -> Summary:
        """Raises on anything unexpected (the caller decodes the report instead)."""
        meta, sections, metrics = data
        if not isinstance(meta, dict) or not isinstance(sections, int):
            raise ValueError("not a summary")
        if not isinstance(metrics, int) or not all(
            isinstance(v, (str, type(None))) for v in meta.values()
        ):
            raise ValueError("not a summary")
        return cls(ReportMeta(**meta), sections, metrics)

    @classmethod
    def of(cls, report: Report) -> Summary:
        return cls(report.meta, len(report.ordered), report.total_metrics)


class Pending:
    """An encoded report from the cache, decoded on first use."""

    __slots__ = ("path", "payload", "summary")

    def __init__(self, path: Path, payload: bytes, summary: Summary) -> None:
        self.path = path
        self.payload = payload
        self.summary = summary

    def decode(self) -> Report | None:
        try:
            return codec.decode_report(self.payload)
        except Exception:  # the entry verified but does not decode: read the file itself
            try:
                return load_report(self.path)
            except ReportError:
                return None


@dataclass(frozen=True, init=False)
class LibraryEntry:
    """One file of the library: its report, or why it could not be loaded."""

    path: Path
    error: str | None
    _report: Report | None = field(repr=False)
    _pending: Pending | None = field(repr=False, compare=False)

    def __init__(
        self,
        path: Path,
        report: Report | None,
        error: str | None,
        pending: Pending | None = None,
    ) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "error", error)
        object.__setattr__(self, "_report", report)
        object.__setattr__(self, "_pending", pending)

    @property
    def report(self) -> Report | None:
        """The report (decoded now if it came from the cache and was not read yet)."""
        if self._report is None and self._pending is not None:
            with _DECODING:
                if self._report is None and self._pending is not None:
                    object.__setattr__(self, "_report", self._pending.decode())
                    object.__setattr__(self, "_pending", None)
        return self._report

    @property
    def ok(self) -> bool:
        """Loaded (without decoding it)."""
        return self.error is None and (self._report is not None or self._pending is not None)

    @property
    def summary(self) -> Summary | None:
        """Metadata and counts, without decoding the report."""
        if self._pending is not None:
            return self._pending.summary
        return Summary.of(self._report) if self._report is not None else None
