"""What a search returns: hits with their spans and snippets, and per-section highlights."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from partybuild_tui.search.normalize import Span
from partybuild_tui.search.query import Query

HitKind = Literal["title", "metric", "paragraph"]
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

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.hits)

    def section_counts(self) -> dict[str, int]:
        """Section id → number of hits in it, for every section with hits, in reading order.

        Counts all hits, not only the ones in ``hits``; computed on first use.
        """
        if "counts" not in self._cache:
            self._cache["counts"] = self._counts() if self._counts else {}
        return self._cache["counts"]
