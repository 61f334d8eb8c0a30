"""Search every report of a library at once, hits grouped by report (no Textual).

    index = LibraryIndex.build(library.reports)    # once (seconds for hundreds of reports)
    result = index.search("党员 培训", limit=500)
    for group in result.groups: group.report, group.total, group.hits

The reports are indexed as one (``combined.py``) with the same query language as
one report: text, pinyin, numbers, ``unit:``, comparisons. Hits come back with
the ids of their own report, grouped by report in library order (the order of
the library screen, and the order ``n``/``N`` walk); ``group.total`` counts all
of a report's hits, ``group.hits`` the ones within ``limit`` (best first across
the library, then shown report by report).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from partybuild_tui.library.combined import combine, split_id
from partybuild_tui.model import Report
from partybuild_tui.search import Query, SearchHit, SearchIndex, parse_query

PAGE = 100
"""Hits itemised by default (best first across the library); every report's count is exact."""


@dataclass(frozen=True)
class ReportHits:
    """One report's share of a library search."""

    position: int
    """The report's position in the library's ``reports``."""
    report: Report
    total: int
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True)
class LibraryResult:
    query: Query
    groups: tuple[ReportHits, ...]
    total: int
    unchecked: int = 0
    """Candidate reports a large library's index did not check (``large.py``): the
    counts are then at least these."""

    @property
    def understood(self) -> str:
        return self.query.understood

    @property
    def understood_zh(self) -> str:
        return self.query.understood_zh

    @property
    def shown(self) -> int:
        return sum(len(g.hits) for g in self.groups)

    def flat(self) -> list[tuple[ReportHits, SearchHit]]:
        """Every shown hit in walking order: report by report, best first within each."""
        return [(group, hit) for group in self.groups for hit in group.hits]


def _local(hit: SearchHit) -> tuple[int, SearchHit]:
    position, section_id = split_id(hit.section_id)
    metric_id = split_id(hit.metric_id)[1] if hit.metric_id is not None else None
    return position, dataclasses.replace(hit, section_id=section_id, metric_id=metric_id)


class LibraryIndex:
    """The search index of a whole library."""

    def __init__(self, reports: Sequence[Report], index: SearchIndex) -> None:
        self.reports = tuple(reports)
        self.index = index

    @classmethod
    def build(cls, reports: Sequence[Report], *, pinyin: bool = True) -> LibraryIndex:
        """Index ``reports`` as one (``pinyin=False``: no pinyin table, for a query that has
        no Latin-letter word, as a large library checks its candidates)."""
        return cls(reports, SearchIndex.build(combine(reports), pinyin=pinyin))

    def search(self, query: str | Query, limit: int | None = PAGE) -> LibraryResult:
        """Hits of ``query`` in every report; never raises because of the query."""
        parsed = query if isinstance(query, Query) else parse_query(query)
        result = self.index.search(parsed, limit=limit)
        totals: dict[int, int] = {}
        if result.total:
            for section_id, count in result.section_counts().items():
                position = split_id(section_id)[0]
                totals[position] = totals.get(position, 0) + count
        shown: dict[int, list[SearchHit]] = {}
        for hit in result.hits:
            position, local = _local(hit)
            shown.setdefault(position, []).append(local)
        groups = tuple(
            ReportHits(position, self.reports[position], totals[position],
                       tuple(shown.get(position, ())))
            for position in sorted(totals)
        )  # fmt: skip
        return LibraryResult(parsed, groups, result.total)
