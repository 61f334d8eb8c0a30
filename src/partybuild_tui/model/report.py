"""The report as the app sees it: immutable sections and metrics with their places.

Plain frozen dataclasses, built once by the validator (``model.build``) or
rebuilt by the load cache (``state.cache``, which derives its codec from these
fields); every string here has already been through ``sanitize_text``. Widgets
receive these objects, never YAML dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from partybuild_tui.model.exact import Number, difference

SCHEMA_NAME = "partybuild-report"
SCHEMA_MAJOR = 1
SCHEMA = f"{SCHEMA_NAME}/{SCHEMA_MAJOR}"
"""The format these classes hold (the file's ``schema:`` line; ``model.build`` checks it)."""

Qualifier = Literal["exact", "over", "about", "up_to"]
QUALIFIERS: tuple[str, ...] = ("exact", "over", "about", "up_to")
Role = Literal["result", "target"]
ROLES: tuple[str, ...] = ("result", "target")


@dataclass(frozen=True, slots=True)
class Metric:
    """One quantitative fact, traceable to the exact words it comes from."""

    id: str
    label: str
    value: Number
    unit: str
    qualifier: Qualifier
    quote: str
    section_id: str
    paragraph_index: int
    """Index of the paragraph (in its section) that holds ``quote``."""
    quote_start: int
    """Character offset of ``quote`` inside that paragraph."""
    baseline: Number | None = None
    note: str | None = None
    breadcrumb: tuple[str, ...] = ()
    """Titles from the top-level section down to this metric's section."""
    indicator: str | None = None
    """The registry key that joins the same figure across reports."""
    role: Role = "result"
    target_period: str | None = None
    """The period a target is set for; present exactly when ``role`` is ``target``."""

    @property
    def quote_end(self) -> int:
        return self.quote_start + len(self.quote)

    @property
    def change(self) -> Number | None:
        """``value - baseline`` for a change such as 由46%提升到87%."""
        if self.baseline is None:
            return None
        return difference(self.baseline, self.value)


@dataclass(frozen=True, slots=True)
class Section:
    """A themed section or sub-topic: its exact text, figures and children."""

    id: str
    title: str
    paragraphs: Sequence[str]
    """A tuple, or (from the load cache) a sequence that reads them when first used."""
    metrics: Sequence[Metric]
    """A tuple, or (from the load cache) a sequence that builds its metrics when first read."""
    children: tuple[Section, ...]
    parent_id: str | None
    depth: int
    """0 for a top-level section."""
    breadcrumb: tuple[str, ...]
    """Titles from the top-level section down to this one (inclusive)."""
    id_path: tuple[str, ...]
    """Ids from the top-level section down to this one (inclusive)."""
    order: int
    """Position in reading order (depth-first, parents before children)."""
    total_metrics: int
    """Metrics in this section and all its descendants."""

    def walk(self) -> Iterator[Section]:
        """This section and its descendants in reading order."""
        stack: list[Section] = [self]
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.children))

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """Who wrote the report, where and when."""

    id: str
    title: str
    subtitle: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None
    period: str | None = None
    region: str | None = None
    language: str | None = None
    region_code: str | None = None
    """GB/T 2260 code of the region: six ASCII digits."""
    kind: str | None = None

    @property
    def published_date(self) -> str | None:
        """The calendar date of ``published`` (``2026-01-19``)."""
        return self.published[:10] if self.published else None


@dataclass(frozen=True, slots=True)
class Report:
    """A whole report: metadata, sections in reading order, lookups by id."""

    schema: str
    meta: ReportMeta
    sections: tuple[Section, ...]
    not_metrics: tuple[str, ...] = ()
    ordered: tuple[Section, ...] = field(default=(), repr=False)
    """Every section, depth-first in reading order."""
    metrics: Sequence[Metric] = field(default=(), repr=False)
    """Every metric in reading order."""
    _sections_by_id: dict[str, Section] = field(default_factory=dict, repr=False)
    _metrics_by_id: Mapping[str, Metric] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        schema: str,
        meta: ReportMeta,
        sections: tuple[Section, ...],
        not_metrics: tuple[str, ...] = (),
        metrics: tuple[Sequence[Metric], Mapping[str, Metric]] | None = None,
    ) -> Report:
        """The report with its derived lookups (reading order, every metric, by id).

        ``metrics`` (every metric in reading order, and by id) is given by a loader
        that builds them lazily (``state/lazy.py``); otherwise it is computed here.
        """
        ordered = tuple(s for top in sections for s in top.walk())
        by_id = {s.id: s for s in ordered}
        if metrics is None:
            every = tuple(m for s in ordered for m in s.metrics)
            metrics = (every, {m.id: m for m in every})
        return cls(schema, meta, sections, not_metrics, ordered, metrics[0], by_id, metrics[1])

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def total_metrics(self) -> int:
        return sum(s.total_metrics for s in self.sections)

    def walk(self) -> Iterator[Section]:
        return iter(self.ordered)

    def section(self, section_id: str) -> Section:
        """The section with this id; ``KeyError`` if there is none."""
        return self._sections_by_id[section_id]

    def get_section(self, section_id: str) -> Section | None:
        return self._sections_by_id.get(section_id)

    def metric(self, metric_id: str) -> Metric:
        return self._metrics_by_id[metric_id]

    def get_metric(self, metric_id: str) -> Metric | None:
        return self._metrics_by_id.get(metric_id)

    def parent(self, section: Section) -> Section | None:
        return self._sections_by_id.get(section.parent_id) if section.parent_id else None

    def next_section(self, section: Section | None) -> Section | None:
        """The section after this one in reading order (the first if ``None``)."""
        if section is None:
            return self.ordered[0] if self.ordered else None
        index = section.order + 1
        return self.ordered[index] if index < len(self.ordered) else None

    def previous_section(self, section: Section | None) -> Section | None:
        if section is None or section.order == 0:
            return None
        return self.ordered[section.order - 1]

    def section_ids(self) -> list[str]:
        return list(self._sections_by_id)

    def counts(self) -> dict[str, int]:
        """Sections (top level), sub-topics, paragraphs and metrics."""
        return {
            "sections": len(self.sections),
            "subtopics": len(self.ordered) - len(self.sections),
            "paragraphs": sum(len(s.paragraphs) for s in self.ordered),
            "metrics": self.total_metrics,
        }
