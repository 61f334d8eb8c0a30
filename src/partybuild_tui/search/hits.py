"""From a matching field in the haystack to a ``SearchHit``: spans in the original text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from partybuild_tui.search.haystack import KINDS, METRIC, METRIC_FIELDS, PARAGRAPH, SUB_SEP, Region
from partybuild_tui.search.normalize import Span, merge_spans, to_original
from partybuild_tui.search.results import SearchHit, make_snippet
from partybuild_tui.search.terms import CompiledTerm

if TYPE_CHECKING:
    from partybuild_tui.search.index import SearchIndex


def field_spans(
    index: SearchIndex, region: Region, field: int, terms: list[CompiledTerm]
) -> list[Span]:
    """Spans (original offsets within the field's original text) of all terms' matches."""
    start, end = region.field_starts[field], region.field_ends[field]
    spans: list[Span] = []
    for term in terms:
        spans.extend((s - start, e - start) for s, e, _ in term.occurrences(start, end))
        if region.kind == METRIC and field in term.metrics:
            quote = index.haystack.quote_span(field)
            spans.append((quote[0] - start, quote[1] - start))
    positions = region.maps.get(field)
    return [to_original(span, positions) for span in spans]


def split_metric(original: str, spans: Iterable[Span]) -> dict[str, list[Span]]:
    """Spans in a metric's ``label``, ``quote`` and ``unit`` from spans in its joined text."""
    first = original.index(SUB_SEP)
    second = original.index(SUB_SEP, first + 1)
    bounds = {
        "label": (0, first),
        "quote": (first + 1, second),
        "unit": (second + 1, len(original)),
    }
    found: dict[str, list[Span]] = {}
    for s, e in spans:
        for name, (lo, hi) in bounds.items():
            if lo <= s < hi:
                found.setdefault(name, []).append((s - lo, min(e, hi) - lo))
                break
    return found


def make_hit(
    index: SearchIndex,
    region: Region,
    field: int,
    terms: list[CompiledTerm],
    whole_quote: bool = False,
) -> SearchHit:
    report = index.report
    section = report.ordered[region.field_section[field]]
    paragraph: int | None = None
    metric_id: str | None = None
    if region.kind == METRIC:
        metric = report.metrics[region.field_ref[field]]
        metric_id = metric.id
        if whole_quote:
            name, text, spans = "quote", metric.quote, ((0, len(metric.quote)),)
        else:
            split = split_metric(region.originals[field], field_spans(index, region, field, terms))
            name = next((n for n in METRIC_FIELDS if n in split), "quote")
            text = getattr(metric, name)
            spans = merge_spans(split.get(name, [(0, len(text))] if name == "quote" else []))
    else:
        text = region.originals[field]
        spans = merge_spans(field_spans(index, region, field, terms))
        if region.kind == PARAGRAPH:
            name, paragraph = "paragraph", region.field_ref[field]
        else:
            name = "title"
    snippet, snippet_spans = make_snippet(text, spans)
    return SearchHit(
        section.id,
        KINDS[region.kind],
        name,
        text,
        spans,
        section.breadcrumb,
        paragraph,
        metric_id,
        snippet,
        snippet_spans,
    )
