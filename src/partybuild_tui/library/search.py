"""Search every report of a library at once, hits grouped by report (no Textual).

    index = LibraryIndex.build(library.reports)    # once (seconds for hundreds of reports)
    result = index.search("党员 培训", limit=500)
    for group in result.groups: group.report, group.total, group.hits

Each report has its own ``SearchIndex``; the reports are also laid side by side
as one (``search.combined``), which answers what ``search.search_many`` would
over them all, with the same query language as one report: text, pinyin,
numbers, ``unit:``, comparisons — in one scan instead of one per report. Hits
are grouped by report in library order (the order of the library screen, and the
order ``n``/``N`` walk); ``group.total`` counts all of a report's hits,
``group.hits`` the best of them, within a page of ``limit`` hits for the whole
library (the reports past it come with their count only).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from partybuild_tui.model import Report
from partybuild_tui.search import Query, SearchHit, SearchIndex, parse_query, search_many
from partybuild_tui.search.combined import Combined

PAGE = 100
"""Hits itemised by default (report by report); every report's count is exact."""
PER_REPORT = 20
"""Hits itemised per report at most, so that one report does not fill the page."""
COMBINED_MAX = 8 << 20
"""Searchable characters of all reports together above which there is no combined
index: it costs ~14 bytes a character (a second copy of the text, its code string,
every field's offsets: +37 MB for 300 bundled reports, 2.6 M characters), so past
~900 such reports (~30 MB of report files) each report is asked in turn instead,
within the 400 MB budget."""


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


class LibraryIndex:
    """The search index of a whole library: one ``SearchIndex`` per report."""

    def __init__(
        self,
        reports: Sequence[Report],
        indexes: Sequence[SearchIndex],
        combined: Combined | None = None,
    ) -> None:
        self.reports = tuple(reports)
        self.indexes = tuple(indexes)
        self.combined = combined
        """The reports side by side as one, answering a query in one scan per term
        (``None``: each report is asked in turn)."""
        self._keys = [(str(position), index) for position, index in enumerate(self.indexes)]

    @classmethod
    def build(
        cls, reports: Sequence[Report], *, pinyin: bool = True, combined: bool = True
    ) -> LibraryIndex:
        """Index ``reports`` (``pinyin=False``: no pinyin tables, for a query that has no
        Latin-letter word, as a large library checks its candidates; ``combined=False``:
        no combined index, for a batch searched once)."""
        indexes = [SearchIndex.build(report, pinyin=pinyin) for report in reports]
        corpora = [index.corpus for index in indexes]
        size = sum(len(index.hay) for index in indexes)
        wanted = combined and len(indexes) > 1 and size <= COMBINED_MAX
        together = Combined.build(corpora) if wanted else None
        return cls(reports, indexes, together)

    def clear_caches(self) -> None:
        """Forget compiled queries (benchmarks time a query as typed the first time)."""
        for index in self.indexes:
            index.clear_caches()
        if self.combined is not None:
            self.combined.clear_caches()

    def search(self, query: str | Query, limit: int | None = PAGE) -> LibraryResult:
        """Hits of ``query`` in every report; never raises because of the query."""
        parsed = query if isinstance(query, Query) else parse_query(query)
        per_report = None if limit is None else min(limit, PER_REPORT)
        found = None
        if self.combined is not None:
            found = self.combined.search(parsed, per_report, limit)
        if found is None:
            keyed = search_many(self._keys, parsed, limit_per_report=per_report, limit=limit)
            found = [(int(key), result.total, result.hits) for key, result in keyed]
        reports = self.reports
        groups = tuple(
            ReportHits(position, reports[position], total, hits) for position, total, hits in found
        )
        return LibraryResult(parsed, groups, sum(g.total for g in groups))
