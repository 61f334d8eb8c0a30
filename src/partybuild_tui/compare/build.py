"""One call from reports (or a library) to a finished comparison: table and targets."""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from partybuild_tui.compare.figures import Column, Figure, LinkKey, collect_figures
from partybuild_tui.compare.links import LINKS_FILE_NAME, read_links
from partybuild_tui.compare.table import CompareTable, build_table, shared_indicators
from partybuild_tui.compare.targets import TargetRow, build_targets
from partybuild_tui.model import Report
from partybuild_tui.model.registry import REGISTRY_FILE_NAME, Registry

if TYPE_CHECKING:
    from partybuild_tui.library import Library


@dataclass(frozen=True, slots=True)
class Comparison:
    table: CompareTable
    columns: tuple[Column, ...]
    """Every report of the library, in period then region order."""
    figures: tuple[Figure, ...]
    registry: Registry | None
    indicators: tuple[str, ...] | None = None
    """The indicators compared (``None``: all)."""
    reports: dict[str, Report] = field(default_factory=dict, compare=False, repr=False)
    """The compared reports by id (to open one at a figure's quote)."""
    _targets: list[tuple[TargetRow, ...]] = field(default_factory=list, compare=False, repr=False)

    @property
    def targets(self) -> tuple[TargetRow, ...]:
        """Targets against results, worked out when first read (the view opens without)."""
        if not self._targets:
            self._targets.append(
                build_targets(self.columns, self.figures, indicators=self.indicators)
            )
        return self._targets[0]


def compare_reports(
    reports: Sequence[tuple[Report, Path | None]],
    registry: Registry | None = None,
    links: dict[LinkKey, str] | None = None,
    *,
    indicators: Sequence[str] | None = None,
    shared_by: Sequence[str] | None = None,
) -> Comparison:
    """Compare ``reports`` on ``indicators`` (default: all), or on what ``shared_by`` share.

    ``shared_by`` names report ids: the rows are the indicators every one of them
    has a result for, and the columns only those reports.
    """
    only = set(indicators) if indicators is not None else None
    columns, figures = collect_figures(reports, links, only=only)
    if shared_by is not None:
        chosen = set(shared_by)
        columns = [c for c in columns if c.report_id in chosen]
        figures = [f for f in figures if f.column.report_id in chosen]
        indicators = shared_indicators(figures, chosen)
    table = build_table(columns, figures, registry, indicators=indicators)
    by_id = {report.meta.id: report for report, _ in reports}
    compared = tuple(indicators) if indicators is not None else None
    return Comparison(table, tuple(columns), tuple(figures), registry, compared, by_id)


def library_root(library: Library) -> Path | None:
    """Where the registry and link file live: the folder, else the reports' common folder."""
    if library.root is not None:
        return library.root
    if library.registry_path is not None:
        return library.registry_path.parent
    folders = [str(entry.path.resolve().parent) for entry in library.entries]
    return Path(os.path.commonpath(folders)) if folders else None


def registry_path(library: Library) -> Path | None:
    if library.registry_path is not None:
        return library.registry_path
    root = library_root(library)
    return root / REGISTRY_FILE_NAME if root else None


def library_links(library: Library) -> dict[LinkKey, str]:
    """The library's accepted links (``links.py``); ``ReportError`` for a broken file."""
    root = library_root(library)
    return read_links(root / LINKS_FILE_NAME) if root else {}


def library_reports(library: Library) -> list[tuple[Report, Path | None]]:
    return [(e.report, e.path) for e in library.entries if e.report is not None]


@dataclass(frozen=True, slots=True)
class FigureIndex:
    """Every figure of a library with an indicator, by indicator: built once per library,
    so comparing one indicator across 3,000 reports touches only its own figures."""

    columns: tuple[Column, ...]
    by_indicator: dict[str, tuple[Figure, ...]]
    links: dict[LinkKey, str]
    reports: dict[str, Report]
    comparisons: dict[tuple[str, ...], Comparison] = field(default_factory=dict, compare=False)
    """The last comparisons of several chosen indicators; at most ``KEPT_COMPARISONS``."""
    each: dict[str, Comparison] = field(default_factory=dict, compare=False)
    """Each indicator's own comparison once worked out (the compare view of one figure):
    all of them, worked out after the index in the library screen's thread
    (``prepare_comparisons``), so that the first ``c`` on a figure only draws."""

    def figures(self, indicators: Sequence[str]) -> list[Figure]:
        return [f for name in dict.fromkeys(indicators) for f in self.by_indicator.get(name, ())]


_INDEXES: dict[int, tuple[weakref.ref[Any], FigureIndex]] = {}
KEPT_COMPARISONS = 16
_BUILDING = threading.Lock()
"""One build at a time: a ``c`` pressed while the library screen's thread builds the index
waits for that build instead of making a second one beside it (twice the work, each half
as fast)."""


def figure_index(library: Library, links: dict[LinkKey, str] | None = None) -> FigureIndex:
    """The library's ``FigureIndex`` (cached while the library object lives)."""
    links = library_links(library) if links is None else links
    with _BUILDING:
        return _figure_index(library, links)


def _figure_index(library: Library, links: dict[LinkKey, str]) -> FigureIndex:
    cached = _INDEXES.get(id(library))
    if cached is not None and cached[0]() is library and cached[1].links == links:
        return cached[1]
    pairs = library_reports(library)
    columns, figures = collect_figures(pairs, links)
    grouped: dict[str, list[Figure]] = {}
    for figure in figures:
        if figure.indicator is not None:
            grouped.setdefault(figure.indicator, []).append(figure)
    index = FigureIndex(
        tuple(columns),
        {name: tuple(group) for name, group in grouped.items()},
        links,
        {report.meta.id: report for report, _ in pairs},
    )
    key = id(library)
    _INDEXES[key] = (weakref.ref(library, lambda _ref: _INDEXES.pop(key, None)), index)
    return index


def compare_library(
    library: Library,
    *,
    indicators: Sequence[str] | None = None,
    shared_by: Sequence[str] | None = None,
    links: dict[LinkKey, str] | None = None,
) -> Comparison:
    """``compare_reports`` on the loaded reports of ``library`` with its registry and links.

    Chosen ``indicators`` are read from the library's ``FigureIndex``, so only their
    figures are looked at (the compare view of one indicator).
    """
    if shared_by is not None:
        index = figure_index(library, links)
        chosen = set(shared_by)
        columns = tuple(c for c in index.columns if c.report_id in chosen)
        figures = [
            f for group in index.by_indicator.values() for f in group
            if f.column.report_id in chosen
        ]  # fmt: skip
        shared = shared_indicators(figures, chosen)
        table = build_table(columns, figures, library.registry, indicators=shared)
        return Comparison(
            table, columns, tuple(figures), library.registry, tuple(shared), index.reports
        )
    if indicators is not None:
        index = figure_index(library, links)
        key = tuple(indicators)
        kept = index.each.get(key[0]) if len(key) == 1 else index.comparisons.get(key)
        if kept is not None and kept.registry is library.registry:
            return kept
        figures = index.figures(indicators)
        table = build_table(index.columns, figures, library.registry, indicators=indicators)
        comparison = Comparison(
            table, index.columns, tuple(figures), library.registry, key, index.reports
        )
        if len(key) == 1:
            index.each[key[0]] = comparison
            return comparison
        while len(index.comparisons) >= KEPT_COMPARISONS:
            index.comparisons.pop(next(iter(index.comparisons)))
        index.comparisons[key] = comparison
        return comparison
    return compare_reports(
        library_reports(library),
        library.registry,
        library_links(library) if links is None else links,
        indicators=indicators,
        shared_by=shared_by,
    )


def prepare_comparisons(library: Library) -> None:
    """Work out each indicator's own comparison now (``FigureIndex.each``): for a thread
    after the figure index, as the time it takes grows with the library (a few ms per
    thousand figures), while ``c`` should not."""
    index = figure_index(library)
    for name in index.by_indicator:
        compare_library(library, indicators=[name], links=index.links)
