"""The search index of one report: built once, then queried as the user types.

It is made of the haystack (all folded text in one string, ``haystack``), a
parallel pinyin code string (``pinyin_scan``) and the metric values sorted
(``metric_values``). Queries are answered by ``text_search`` and
``metric_search``; ``highlights`` marks one section.
"""

from __future__ import annotations

import threading

from partybuild_tui.model import Report
from partybuild_tui.search.haystack import Haystack
from partybuild_tui.search.highlights import section_highlights
from partybuild_tui.search.metric_search import metric_matches, metric_search
from partybuild_tui.search.metric_values import MetricValues
from partybuild_tui.search.pinyin import PinyinTable
from partybuild_tui.search.pinyin_scan import PinyinCodes
from partybuild_tui.search.query import Query, TextTerm, parse_query
from partybuild_tui.search.results import SearchResult, SectionHighlights
from partybuild_tui.search.terms import CompiledTerm
from partybuild_tui.search.text_search import text_search


class SearchIndex:
    """Everything needed to search one report. Build with ``SearchIndex.build(report)``."""

    def __init__(self, report: Report, haystack: Haystack, pinyin: PinyinCodes | None) -> None:
        self.report = report
        self.haystack = haystack
        self.hay = haystack.text
        self.regions = haystack.regions
        self.pinyin = pinyin
        self.pinyin_table: PinyinTable | None = pinyin.table if pinyin is not None else None
        self.metrics = MetricValues(report)
        self._terms: dict[TextTerm, CompiledTerm] = {}
        self._lock = threading.Lock()
        """Guards the cache: the app may search from a worker thread."""

    @classmethod
    def build(cls, report: Report, *, pinyin: bool = True) -> SearchIndex:
        """Index ``report``: its titles, paragraphs and metrics (``pinyin=False`` skips pinyin)."""
        haystack = Haystack.build(report)
        return cls(report, haystack, PinyinCodes.build(haystack) if pinyin else None)

    def term(self, term: TextTerm) -> CompiledTerm:
        """The compiled term (the last 16 are kept: typing refines the same few terms)."""
        with self._lock:
            compiled = self._terms.pop(term, None)
        if compiled is None:
            compiled = CompiledTerm(self, term)
        with self._lock:
            while len(self._terms) >= 16:
                self._terms.pop(next(iter(self._terms)))
            self._terms[term] = compiled
        return compiled

    def clear_caches(self) -> None:
        """Forget compiled queries (for benchmarks that time a query typed the first time)."""
        with self._lock:
            self._terms.clear()
        if self.pinyin is not None:
            self.pinyin.clear()

    # -- public API ----------------------------------------------------------------

    def parse(self, query: str) -> Query:
        return parse_query(query)

    def search(self, query: str | Query, limit: int | None = None) -> SearchResult:
        """Ranked hits for ``query``: at most ``limit`` of them, ``total`` counts all.

        Never raises because of what the query says: an empty or unusable query
        gives no hits, and ``understood`` tells why.
        """
        parsed = query if isinstance(query, Query) else parse_query(query)
        if limit is not None:
            limit = max(0, int(limit))
        if parsed.is_empty:
            return SearchResult(parsed, (), 0)
        if parsed.metric_only:
            return metric_search(self, parsed, limit)
        return text_search(self, parsed, limit)

    def matching_metrics(self, query: str | Query) -> list[int]:
        """Positions in ``report.metrics`` of the metrics ``query`` selects, in report order.

        The metric side of ``search``: value, range and ``unit:`` filters; bare
        numbers as values; words in a metric's label, quote or unit, or in the
        title of a section it sits under. An empty query selects every metric
        (a filter that filters nothing); never raises because of the query.
        """
        parsed = query if isinstance(query, Query) else parse_query(query)
        if parsed.is_empty:
            return list(range(len(self.report.metrics)))
        return metric_matches(self, parsed)

    def section_counts(self, query: str | Query) -> dict[str, int]:
        """Section id → hit count for every section with hits (for filtering the tree)."""
        return self.search(query, limit=0).section_counts()

    def highlights(self, query: str | Query, section_id: str) -> SectionHighlights:
        """Every match of ``query`` in one section: title, paragraphs and metrics.

        Offsets are in the original strings (``section.title``,
        ``section.paragraphs[i]``, ``metric.label`` …), ready to style. An unknown
        section or an empty query gives empty highlights.
        """
        parsed = query if isinstance(query, Query) else parse_query(query)
        section = self.report.get_section(section_id)
        if section is None or parsed.is_empty:
            return SectionHighlights(section_id)
        return section_highlights(self, parsed, section)
