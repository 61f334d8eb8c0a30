"""The search index of one report (``SearchIndex``), and a search across many (``search_many``).

``SearchIndex`` is the one entry point: it owns the report's ``Corpus`` and the
compiled terms of recent queries (``Matcher``), and hands a parsed ``Query`` to
the strategies (``ranking`` for hits, ``hits`` for one section's highlights,
``matching`` for the metric filter). Callers parse once (``parse_query``) and
pass the ``Query`` along; a string is accepted and parsed for convenience.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from partybuild_tui.model import Report
from partybuild_tui.search.codes import PinyinTable
from partybuild_tui.search.hits import SearchResult, SectionHighlights, section_highlights
from partybuild_tui.search.index import Corpus, Region
from partybuild_tui.search.matching import CompiledTerm, Matcher, metric_matches
from partybuild_tui.search.query import Query, TextTerm, parse_query
from partybuild_tui.search.ranking import metric_search, text_search
from partybuild_tui.search.scope import metric_positions, roots_of, scoped


def _parsed(query: str | Query) -> Query:
    return query if isinstance(query, Query) else parse_query(query)


class SearchIndex:
    """Everything needed to search one report. Build with ``SearchIndex.build(report)``."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.matcher = Matcher(corpus)

    @classmethod
    def build(cls, report: Report, *, pinyin: bool = True) -> SearchIndex:
        """Index ``report``: its titles, paragraphs and metrics (``pinyin=False`` skips pinyin)."""
        return cls(Corpus.build(report, pinyin=pinyin))

    @property
    def report(self) -> Report:
        return self.corpus.report

    @property
    def hay(self) -> str:
        """The folded text of the report (see ``index``)."""
        return self.corpus.haystack.text

    @property
    def regions(self) -> list[Region]:
        return self.corpus.haystack.regions

    @property
    def pinyin_table(self) -> PinyinTable | None:
        return self.corpus.pinyin.table if self.corpus.pinyin is not None else None

    def term(self, term: TextTerm) -> CompiledTerm:
        """One term of a query compiled against this report (kept for the next keystroke)."""
        return self.matcher.term(term)

    def clear_caches(self) -> None:
        """Forget compiled queries (for benchmarks that time a query typed the first time)."""
        self.matcher.clear()

    def _build_part(self, part: Report) -> SearchIndex:
        """The index of a part of this report (``in:``), pinyin as here."""
        return SearchIndex.build(part, pinyin=self.pinyin_table is not None)

    def parse(self, query: str) -> Query:
        return parse_query(query)

    def search(self, query: Query | str, limit: int | None = None) -> SearchResult:
        """Ranked hits for ``query``: at most ``limit`` of them, ``total`` counts all.

        Never raises because of what the query says: an empty or unusable query
        gives no hits, and ``understood`` tells why.
        """
        parsed = _parsed(query)
        if parsed.sections:  # in:ID: the part of the report under those sections
            part, described = scoped(self, self.report, parsed, self._build_part)
            if part is None or described.is_empty:
                return SearchResult(described, (), 0)
            found = part.search(replace(described, sections=()), limit)
            return replace(found, query=described)
        if limit is not None:
            limit = max(0, int(limit))
        if parsed.is_empty:
            return SearchResult(parsed, (), 0)
        if parsed.metric_only:
            return metric_search(self.matcher, parsed, limit)
        return text_search(self.matcher, parsed, limit)

    def matching_metrics(self, query: Query | str) -> list[int]:
        """Positions in ``report.metrics`` of the metrics ``query`` selects, in report order.

        The metric side of ``search``: value, range and ``unit:`` filters; bare
        numbers as values; words in a metric's label, quote or unit, or in the
        title of a section it sits under. An empty query selects every metric
        (a filter that filters nothing); never raises because of the query.
        """
        parsed = _parsed(query)
        if parsed.sections:
            part, described = scoped(self, self.report, parsed, self._build_part)
            if part is None:
                return []
            found = part.matching_metrics(replace(described, sections=()))
            return metric_positions(self.report, roots_of(self.report, parsed.sections), found)
        if parsed.is_empty:
            return list(range(len(self.report.metrics)))
        return metric_matches(self.matcher, parsed)

    def section_counts(self, query: Query | str) -> dict[str, int]:
        """Section id → hit count for every section with hits (for filtering the tree)."""
        return self.search(query, limit=0).section_counts()

    def highlights(self, query: Query | str, section_id: str) -> SectionHighlights:
        """Every match of ``query`` in one section: title, paragraphs and metrics.

        Offsets are in the original strings (``section.title``,
        ``section.paragraphs[i]``, ``metric.label`` …), ready to style; a match in
        a metric's quote is also marked in the paragraph that holds the quote. An
        unknown section or an empty query gives empty highlights.
        """
        parsed = _parsed(query)
        section = self.report.get_section(section_id)
        if section is None or parsed.is_empty:
            return SectionHighlights(section_id)
        return section_highlights(self.matcher, parsed, section)


def search_many(
    indexes: Sequence[tuple[str, SearchIndex]],
    query: Query | str,
    limit_per_report: int | None = 20,
    *,
    limit: int | None = 100,
) -> list[tuple[str, SearchResult]]:
    """``query`` in every report: (report id, result) for each report with hits, in the
    order given.

    The query is parsed once. Each result holds at most ``limit_per_report`` hits and
    the total count of that report's hits; ``limit`` caps the hits of all reports
    together (a page: making a hit costs more than counting it), so the reports past
    it come with their count and no hits; ask one for more with ``index.search``.
    ``None`` means no cap.
    """
    parsed = _parsed(query)
    if parsed.is_empty:
        return []
    found: list[tuple[str, SearchResult]] = []
    left = limit
    for report_id, index in indexes:
        caps = [cap for cap in (left, limit_per_report) if cap is not None]
        wanted = min(caps) if caps else None
        result = index.search(parsed, limit=wanted)
        if result.total:
            found.append((report_id, result))
            if left is not None:
                left -= len(result.hits)
    return found
