"""Every match of a query in one section, in the original strings, ready to style."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from partybuild_tui.model import Section
from partybuild_tui.search.haystack import METRIC, PARAGRAPH, TITLE
from partybuild_tui.search.hits import field_spans, split_metric
from partybuild_tui.search.metric_search import metric_matches
from partybuild_tui.search.normalize import Span, merge_spans
from partybuild_tui.search.query import Query
from partybuild_tui.search.results import SectionHighlights

if TYPE_CHECKING:
    from partybuild_tui.search.index import SearchIndex


def section_highlights(index: SearchIndex, parsed: Query, section: Section) -> SectionHighlights:
    words = [
        index.term(t) for t in parsed.terms if not (parsed.metric_only and t.number is not None)
    ]
    titles = index.regions[TITLE]
    title = merge_spans(field_spans(index, titles, section.order, words))
    paragraphs: dict[int, list[Span]] = {}
    region = index.regions[PARAGRAPH]
    group = bisect_left(region.group_section, section.order)
    if (
        group < len(region.group_section)
        and region.group_section[group] == section.order
        and section.paragraphs
    ):
        first = region.field_at(region.group_starts[group])
        for offset in range(len(section.paragraphs)):
            spans = field_spans(index, region, first + offset, words)
            if spans:
                paragraphs[offset] = spans
    metrics_region = index.regions[METRIC]
    metric_spans: dict[str, dict[str, tuple[Span, ...]]] = {}
    if section.metrics:
        metric_index = index.metrics.index
        chosen = set(metric_matches(index, parsed)) if parsed.metric_only else None
        for metric in section.metrics:
            i = metric_index[metric.id]
            if chosen is not None and i not in chosen:
                continue
            split = split_metric(
                metrics_region.originals[i], field_spans(index, metrics_region, i, words)
            )
            if chosen is not None:
                split.setdefault("quote", []).append((0, len(metric.quote)))
            if chosen is not None or any(i in term.metrics for term in words):
                paragraphs.setdefault(metric.paragraph_index, []).append(
                    (metric.quote_start, metric.quote_end)
                )
            if split:
                metric_spans[metric.id] = {
                    name: merge_spans(spans) for name, spans in split.items()
                }
    return SectionHighlights(
        section.id,
        title,
        {i: merge_spans(spans) for i, spans in sorted(paragraphs.items())},
        metric_spans,
    )
