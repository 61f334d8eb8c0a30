"""Metric queries: value, range and ``unit:`` filters, bare numbers as values, and words
in a metric's label, quote or unit or in the title of a section it sits under."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from partybuild_tui.search.haystack import METRIC, TITLE
from partybuild_tui.search.hits import make_hit
from partybuild_tui.search.query import Query
from partybuild_tui.search.results import SearchResult
from partybuild_tui.search.terms import CompiledTerm

if TYPE_CHECKING:
    from partybuild_tui.search.index import SearchIndex


def metric_search(index: SearchIndex, query: Query, limit: int | None) -> SearchResult:
    matches = metric_matches(index, query)
    chosen = matches if limit is None else matches[:limit]
    region = index.regions[METRIC]
    hits = tuple(make_hit(index, region, i, [], whole_quote=True) for i in chosen)

    def counts() -> dict[str, int]:
        per_section = Counter(index.metrics.section[i] for i in matches)
        return {index.report.ordered[s].id: per_section[s] for s in sorted(per_section)}

    return SearchResult(query, hits, len(matches), counts)


def metric_matches(index: SearchIndex, query: Query) -> list[int]:
    """Positions in ``report.metrics`` of the metrics ``query`` selects, in report order."""
    candidates, words = _metric_filter(index, query)
    found = set(range(len(index.report.metrics))) if candidates is None else candidates
    metric_section = index.metrics.section
    for term in words:
        metrics, sections = _word_metrics(index, term)
        found = {i for i in found if i in metrics or metric_section[i] in sections}
    return sorted(found)


def _metric_filter(index: SearchIndex, query: Query) -> tuple[set[int] | None, list[CompiledTerm]]:
    """Metrics that satisfy every value and unit filter (``None``: all), and the word terms."""
    values = index.metrics
    candidates: set[int] | None = None

    def restrict(found: Iterable[int]) -> None:
        nonlocal candidates
        found = set(found)
        candidates = found if candidates is None else candidates & found

    for value_filter in query.filters:
        units = [u for u in ("%" if value_filter.percent else None, value_filter.unit) if u]
        found = values.in_range(
            value_filter.low,
            value_filter.high,
            value_filter.low_inclusive,
            value_filter.high_inclusive,
            units[0] if units else None,
        )
        if len(units) > 1:
            found = [i for i in found if values.units[i] == units[1]]
        restrict(found)
    words: list[CompiledTerm] = []
    for term in query.terms:
        if term.number is not None:
            restrict(values.equal(term.number.value, "%" if term.number.percent else None))
        else:
            words.append(index.term(term))
    if query.units:
        restrict(i for unit in query.units for i in values.with_unit(unit)[1])
    return candidates, words


def _word_metrics(index: SearchIndex, term: CompiledTerm) -> tuple[set[int], set[int]]:
    """Metrics whose label/quote/unit match ``term``, and sections under a matching title."""
    metrics = set(term.field_firsts(index.regions[METRIC]))
    sections: set[int] = set()
    titles = index.regions[TITLE]
    subtree_end = index.metrics.subtree_end
    for field in term.field_firsts(titles):
        order = titles.field_section[field]
        sections.update(range(order, subtree_end[order]))
    return metrics, sections
