"""Where search hits land in the reading pane: paragraph spans, the current match.

The reading pane marks text by paragraph index and character offsets; a hit on
a metric's quote lands inside the paragraph that holds the quote. No Textual.
"""

from __future__ import annotations

from partybuild_tui.model import Report
from partybuild_tui.search.index import SearchIndex
from partybuild_tui.search.normalize import Span
from partybuild_tui.search.results import SearchHit

Current = tuple[int, int, int]
"""(paragraph index, start, end) of the match to scroll to."""


def hit_target(report: Report, hit: SearchHit) -> Current | None:
    """The place in the section's paragraphs to scroll to for ``hit`` (``None``: the title)."""
    if hit.kind == "paragraph" and hit.paragraph_index is not None and hit.spans:
        start, end = hit.spans[0]
        return hit.paragraph_index, start, end
    if hit.kind == "metric" and hit.metric_id:
        metric = report.get_metric(hit.metric_id)
        if metric is None:
            return None
        if hit.field == "quote" and hit.spans:
            start, end = hit.spans[0]
            return metric.paragraph_index, metric.quote_start + start, metric.quote_start + end
        return metric.paragraph_index, metric.quote_start, metric.quote_end
    return None


def section_matches(
    report: Report, index: SearchIndex, query: str, section_id: str
) -> tuple[dict[int, list[Span]], tuple[Span, ...]]:
    """Every match of ``query`` in a section: paragraph index → spans, and title spans."""
    found = index.highlights(query, section_id)
    matches: dict[int, list[Span]] = {i: list(spans) for i, spans in found.paragraphs.items()}
    for metric_id, fields in found.metrics.items():
        metric = report.get_metric(metric_id)
        if metric is None:
            continue
        for start, end in fields.get("quote", ()):
            span = (metric.quote_start + start, metric.quote_start + end)
            spans = matches.setdefault(metric.paragraph_index, [])
            if span not in spans:
                spans.append(span)
    return matches, found.title


def with_ancestors(report: Report, counts: dict[str, int]) -> dict[str, int]:
    """Hit counts per section including its descendants' (for filtering the tree)."""
    total: dict[str, int] = {}
    for section_id, count in counts.items():
        section = report.get_section(section_id)
        if section is None:
            continue
        for ancestor_id in section.id_path:
            total[ancestor_id] = total.get(ancestor_id, 0) + count
    return total
