"""What a search returns (``SearchHit``, ``SearchResult``, ``SectionHighlights``), and
how a matching field becomes a hit: spans in the original text, a snippet.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from partybuild_tui.model import Section
from partybuild_tui.search.folding import Span, merge_spans, to_original
from partybuild_tui.search.index import (
    KINDS,
    METRIC,
    METRIC_FIELDS,
    PARAGRAPH,
    SUB_SEP,
    TITLE,
    HitKind,
    Region,
)
from partybuild_tui.search.matching import CompiledTerm, Matcher, metric_matches
from partybuild_tui.search.query import Query

SNIPPET_WIDTH = 60
ELLIPSIS = "…"


def make_snippet(
    text: str, spans: tuple[Span, ...], width: int = SNIPPET_WIDTH
) -> tuple[str, tuple[Span, ...]]:
    """A one-line window of about ``width`` characters of ``text`` around its first span.

    Returns the window (with ``…`` where text was cut, newlines shown as spaces)
    and the spans that fall inside it, in window coordinates.
    """
    width = max(8, width)
    length = len(text)
    if length <= width:
        start, end = 0, length
    else:
        first_start, first_end = spans[0] if spans else (0, 0)
        context = max(0, min(width // 3, width - (first_end - first_start)))
        start = max(0, min(first_start - context, length - width))
        end = min(length, start + width)
    window = text[start:end].replace("\n", " ").replace("\r", " ")
    shift = start
    if start > 0:
        window = ELLIPSIS + window
        shift -= 1
    if end < length:
        window += ELLIPSIS
    inside: list[Span] = []
    for span_start, span_end in spans:
        a, b = max(span_start, start), min(span_end, end)
        if a < b:
            inside.append((a - shift, b - shift))
    return window, tuple(inside)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One place that matches: a section title, a metric or a paragraph.

    ``text`` is the full text of the matched field (the title, the paragraph, or
    the metric's ``label``/``quote``/``unit`` as named by ``field``) and
    ``spans`` the (start, end) character offsets to highlight in it.
    """

    section_id: str
    kind: HitKind
    field: str
    """``title``, ``paragraph``, or for a metric ``label``, ``quote`` or ``unit``."""
    text: str
    spans: tuple[Span, ...]
    breadcrumb: tuple[str, ...]
    """Section titles from the top level down to the hit's section."""
    paragraph_index: int | None = None
    metric_id: str | None = None
    snippet: str = ""
    snippet_spans: tuple[Span, ...] = ()

    def make_snippet(self, width: int = SNIPPET_WIDTH) -> tuple[str, tuple[Span, ...]]:
        """The snippet for another width (for a results list of a given size)."""
        return make_snippet(self.text, self.spans, width)


@dataclass(frozen=True, slots=True)
class SectionHighlights:
    """Every match of a query in one section, in the original strings' offsets."""

    section_id: str
    title: tuple[Span, ...] = ()
    paragraphs: dict[int, tuple[Span, ...]] = field(default_factory=dict)
    """Paragraph index → spans (only paragraphs with matches)."""
    metrics: dict[str, dict[str, tuple[Span, ...]]] = field(default_factory=dict)
    """Metric id → {"label" | "quote" | "unit": spans} (only metrics with matches)."""

    def __bool__(self) -> bool:
        return bool(self.title or self.paragraphs or self.metrics)


@dataclass(frozen=True)
class SearchResult:
    """The ranked hits of a query (at most ``limit`` of them) and how many there are."""

    query: Query
    hits: tuple[SearchHit, ...]
    total: int
    _counts: Callable[[], dict[str, int]] | None = field(default=None, repr=False, compare=False)
    _cache: dict[str, dict[str, int]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def understood(self) -> str:
        """What the query meant, in one English sentence."""
        return self.query.understood

    @property
    def understood_zh(self) -> str:
        """The same in Chinese."""
        return self.query.understood_zh

    @property
    def truncated(self) -> bool:
        return self.total > len(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self) -> Iterator[SearchHit]:
        return iter(self.hits)

    def section_counts(self) -> dict[str, int]:
        """Section id → number of hits in it, for every section with hits, in reading order.

        Counts all hits, not only the ones in ``hits``; computed on first use.
        """
        if "counts" not in self._cache:
            self._cache["counts"] = self._counts() if self._counts else {}
        return self._cache["counts"]


def field_spans(
    matcher: Matcher, region: Region, field: int, terms: list[CompiledTerm]
) -> list[Span]:
    """Spans (original offsets within the field's original text) of all terms' matches."""
    start, end = region.field_starts[field], region.field_ends[field]
    spans: list[Span] = []
    for term in terms:
        spans.extend((s - start, e - start) for s, e, _ in term.occurrences(start, end))
        if region.kind == METRIC and field in term.metrics:
            quote = matcher.corpus.haystack.quote_span(field)
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
    matcher: Matcher,
    region: Region,
    field: int,
    terms: list[CompiledTerm],
    whole_quote: bool = False,
) -> SearchHit:
    report = matcher.corpus.report
    section = report.ordered[region.field_section[field]]
    paragraph: int | None = None
    metric_id: str | None = None
    spans: tuple[Span, ...]
    if region.kind == METRIC:
        metric = report.metrics[region.field_ref[field]]
        metric_id = metric.id
        if whole_quote:
            name, text, spans = "quote", metric.quote, ((0, len(metric.quote)),)
        else:
            split = split_metric(
                region.originals[field], field_spans(matcher, region, field, terms)
            )
            name = next((n for n in METRIC_FIELDS if n in split), "quote")
            text = getattr(metric, name)
            spans = merge_spans(split.get(name, [(0, len(text))] if name == "quote" else []))
    else:
        text = region.originals[field]
        spans = merge_spans(field_spans(matcher, region, field, terms))
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


def section_highlights(matcher: Matcher, parsed: Query, section: Section) -> SectionHighlights:
    words = [
        matcher.term(t) for t in parsed.terms if not (parsed.metric_only and t.number is not None)
    ]
    regions = matcher.corpus.haystack.regions
    titles = regions[TITLE]
    title = merge_spans(field_spans(matcher, titles, section.order, words))
    paragraphs: dict[int, list[Span]] = {}
    region = regions[PARAGRAPH]
    group = bisect_left(region.group_section, section.order)
    if (
        group < len(region.group_section)
        and region.group_section[group] == section.order
        and section.paragraphs
    ):
        first = region.field_at(region.group_starts[group])
        for offset in range(len(section.paragraphs)):
            spans = field_spans(matcher, region, first + offset, words)
            if spans:
                paragraphs[offset] = spans
    metrics_region = regions[METRIC]
    metric_spans: dict[str, dict[str, tuple[Span, ...]]] = {}
    if section.metrics:
        metric_index = matcher.corpus.metrics.index
        chosen = set(metric_matches(matcher, parsed)) if parsed.metric_only else None
        for metric in section.metrics:
            i = metric_index[metric.id]
            if chosen is not None and i not in chosen:
                continue
            split = split_metric(
                metrics_region.originals[i], field_spans(matcher, metrics_region, i, words)
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
