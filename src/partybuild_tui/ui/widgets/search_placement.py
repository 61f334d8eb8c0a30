"""Where search matches land on screen: the reading pane's marks, the hit to scroll
to, the tree's counts. No Textual (pure functions the explorer screen calls).

The reading pane marks text by paragraph index and character offsets; a hit on
a metric's quote lands inside the paragraph that holds the quote.
"""

from __future__ import annotations

from partybuild_tui.model import Report
from partybuild_tui.search import SearchHit, SectionHighlights

Span = tuple[int, int]
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


def paragraph_marks(highlights: SectionHighlights) -> dict[int, list[Span]]:
    """Paragraph index → the spans the reading pane marks (a quote is part of its
    paragraph, so the paragraph's own spans already cover matches in quotes)."""
    return {i: list(spans) for i, spans in highlights.paragraphs.items()}


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
