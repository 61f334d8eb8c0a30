"""``in:ID``: a search limited to some sections and their sub-topics.

The part of the report under those sections is indexed on its own, as a report of
its own (the same ``Section`` and ``Metric`` data, numbered again in reading order),
and searched with the same engine: ranking, counts, pinyin and value filters behave
exactly as in the whole report, and the hits carry the real section and metric ids.
That index costs what the part costs to index (a section of the bundled report: a
few milliseconds) and is kept for the next keystroke (the last ``KEEP`` scopes of
each report). A section title above the scope does not count for it (``党员 >10000``
in ``in:X`` looks at X's titles and below).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from partybuild_tui.model import Report, Section
from partybuild_tui.search.query import Query

KEEP = 8
Index = TypeVar("Index")
_LOCK = threading.Lock()
_KEPT: WeakKeyDictionary[Any, OrderedDict[tuple[str, ...], Any]] = WeakKeyDictionary()
"""The scopes of each whole report's index, newest last (gone with the index)."""


def roots_of(report: Report, section_ids: Sequence[str]) -> list[Section]:
    """The sections named that exist, in reading order, without those inside another."""
    found = sorted(
        (s for s in map(report.get_section, dict.fromkeys(section_ids)) if s is not None),
        key=lambda s: s.order,
    )
    roots: list[Section] = []
    for section in found:
        if not any(r.id in section.id_path for r in roots):
            roots.append(section)
    return roots


def _renumbered(section: Section, orders: list[int]) -> Section:
    """``section`` and its sub-topics, numbered from ``orders[0]`` on in reading order."""
    order = orders[0]
    orders[0] += 1
    children = tuple(_renumbered(child, orders) for child in section.children)
    return replace(section, order=order, children=children)


def part_of(report: Report, roots: Sequence[Section]) -> Report:
    """A report holding only ``roots`` and their sub-topics (same ids, texts and metrics)."""
    orders = [0]
    sections = tuple(_renumbered(root, orders) for root in roots)
    return Report.build(report.schema, report.meta, sections, report.not_metrics)


def scoped(
    index: Index, report: Report, query: Query, build: Callable[[Report], Index]
) -> tuple[Index | None, Query]:
    """The index (made by ``build``, kept with ``index``, the whole report's) to search
    ``query`` in — ``None`` when none of its sections exists — and the query as the
    summary should describe it (titles named, unknown ids ignored)."""
    roots = roots_of(report, query.sections)
    missing = [s for s in query.sections if report.get_section(s) is None]
    ignored = tuple((f"in:{s}", "no such section", "没有这个章节") for s in missing)
    described = replace(
        query,
        section_titles=tuple(f"“{root.title}”" for root in roots),
        ignored=query.ignored + ignored,
    )
    if not roots:
        return None, described
    key = tuple(root.id for root in roots)
    with _LOCK:
        kept = _KEPT.setdefault(index, OrderedDict())
        found = kept.get(key)
        if found is not None:
            kept.move_to_end(key)
            return found, described
    built = build(part_of(report, roots))
    with _LOCK:
        kept[key] = built
        while len(kept) > KEEP:
            kept.popitem(last=False)
    return built, described


def metric_positions(report: Report, roots: Sequence[Section], positions: list[int]) -> list[int]:
    """Positions in the part's ``metrics`` as positions in the whole report's: each root's
    metrics are one run of the report's, in reading order."""
    runs: list[tuple[int, int]] = []  # (start in the report, count), one per root
    for root in roots:
        start = sum(len(s.metrics) for s in report.ordered[: root.order])
        runs.append((start, sum(len(s.metrics) for s in root.walk())))
    mapped: list[int] = []
    for position in positions:
        for start, count in runs:
            if position < count:
                mapped.append(start + position)
                break
            position -= count
    return mapped
