"""A library: a folder (or a list) of reports opened together, with its indicator registry.

    library = open_library([Path("reports/")])
    library.reports          # the loaded ones, in path order
    for entry in library.entries: entry.path, entry.report, entry.error

Every file is tried; one that cannot be loaded is an entry with its one-line
error (``FILE:LINE:COL: …``) and never stops the others. A second file with a
``report.id`` already used is an error on that second file (ids are how reports
are told apart). The registry (``schema: partybuild-indicators/1``) is found by
its schema line and never listed as a report. Loading goes through one cache
for the whole library (``store.py``) and parses what changed on every core
(``loading.py``). No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from partybuild_tui.library.discover import discover
from partybuild_tui.library.entry import LibraryEntry, Pending
from partybuild_tui.library.loading import load_files
from partybuild_tui.library.store import LibraryCache
from partybuild_tui.model import Report, ReportError
from partybuild_tui.model.registry import Registry, is_registry_file, load_registry
from partybuild_tui.model.source import DEFAULT_MAX_SIZE

__all__ = ["Library", "LibraryEntry", "Registry", "open_library"]  # LibraryEntry: entry.py


@dataclass(frozen=True)
class Library:
    """The reports of a folder (or of files named one by one), in path order."""

    root: Path | None
    entries: tuple[LibraryEntry, ...]
    registry: Registry | None
    registry_path: Path | None
    registry_error: str | None = None
    """The registry's one-line error when it exists but cannot be loaded."""
    extra_registries: tuple[Path, ...] = field(default=())
    """Further registry files (only the top-most one is used)."""

    @property
    def reports(self) -> tuple[Report, ...]:
        """The loaded reports, in entry order (decoding those not read yet)."""
        return tuple(r for e in self.entries if e.ok and (r := e.report) is not None)

    @property
    def loaded(self) -> tuple[LibraryEntry, ...]:
        """The entries that loaded, without decoding their reports."""
        return tuple(e for e in self.entries if e.ok)

    @property
    def failed(self) -> tuple[LibraryEntry, ...]:
        return tuple(e for e in self.entries if not e.ok)

    def path_of(self, report: Report) -> Path | None:
        """The file of this very report object."""
        return next((e.path for e in self.entries if e.ok and e.report is report), None)

    def entry_for(self, report_id: str) -> LibraryEntry | None:
        """The entry whose report has this id."""
        for entry in self.entries:
            summary = entry.summary
            if summary is not None and summary.meta.id == report_id:
                return entry
        return None


def _duplicate_error(path: Path, report_id: str, first: Path) -> str:
    """``FILE:LINE:COL: report.id: …``, pointing at the id in the second file."""
    from partybuild_tui.library.checks import locate_in_file  # lazy: checks imports this package

    line, column = locate_in_file(path, ("report", "id"))
    message = f"duplicate report id {report_id!r}: {first} has it already"
    return str(ReportError(str(path), message, line, column, ("report", "id")))


def open_library(
    paths: Sequence[Path], *, use_cache: bool = True, max_size: int = DEFAULT_MAX_SIZE
) -> Library:
    """The library made of ``paths`` (folders are walked to any depth; files are taken
    as they are). Never raises for a bad report: each is an entry with its error."""
    paths = [Path(p) for p in paths]
    found = discover(paths, is_registry_file)
    cache = LibraryCache.open(paths) if use_cache else LibraryCache(None)
    loaded = load_files(found.reports, cache, max_size)
    cache.save()
    entries: list[LibraryEntry] = []
    first_with_id: dict[str, Path] = {}
    for path, result in zip(found.reports, loaded, strict=True):
        if isinstance(result, ReportError):
            entries.append(LibraryEntry(path, None, str(result)))
            continue
        report_id = result.summary.meta.id if isinstance(result, Pending) else result.meta.id
        if report_id in first_with_id:
            error = _duplicate_error(path, report_id, first_with_id[report_id])
            entries.append(LibraryEntry(path, None, error))
            continue
        first_with_id[report_id] = path
        if isinstance(result, Pending):
            entries.append(LibraryEntry(path, None, None, result))
        else:
            entries.append(LibraryEntry(path, result, None))
    registry = registry_error = None
    if found.registry is not None:
        try:
            registry = load_registry(found.registry)
        except ReportError as error:
            registry_error = str(error)
    return Library(
        root=found.root,
        entries=tuple(entries),
        registry=registry,
        registry_path=found.registry,
        registry_error=registry_error,
        extra_registries=found.extra_registries,
    )
