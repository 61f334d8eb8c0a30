"""One report made searchable (``Corpus``): its folded text, its metric values, its pinyin.

*The haystack.* All searchable text of a report, folded (``folding``), in one
string. It has three regions: section titles, then metrics (``label``, ``quote``
and ``unit`` of each, joined by ``\\x02``), then paragraphs, each region in
reading order. Every field ends with ``\\x00`` and the fields of one section are
followed by ``\\x01``, so a match never spans two fields, and one regular
expression can find the first match per field (``TERM[^\\x00]*``) or per section
(``TERM[^\\x01]*``) at C speed (a single excluded character is a tight loop in
``re``; a class of two costs twice as much). Region order is rank order (title >
metric > paragraph), so a query with a ``limit`` ranks only as many regions as
it needs and merely counts the rest.

*The metric values*, sorted overall and per unit, so comparisons and ranges are
binary searches.

*The pinyin code string* (``pinyin_codes``; see ``pinyin``): one byte per haystack
character, and scanning it for one pattern.

Built once per report; read-only afterwards except for small caches guarded by
locks (the app searches from a worker thread).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

from partybuild_tui.model import Report
from partybuild_tui.model.numbers import close, tolerance
from partybuild_tui.search.folding import fold, fold_table, fold_with_map
from partybuild_tui.search.pinyin_codes import LITERAL as LITERAL
from partybuild_tui.search.pinyin_codes import PINYIN as PINYIN
from partybuild_tui.search.pinyin_codes import PinyinCodes

HitKind = Literal["title", "metric", "paragraph"]

TITLE, METRIC, PARAGRAPH = 0, 1, 2
KINDS: tuple[HitKind, ...] = ("title", "metric", "paragraph")
FIELD_SEP, GROUP_SEP, SUB_SEP = "\x00", "\x01", "\x02"
GROUP_END = FIELD_SEP + GROUP_SEP
"""Between sections: the last field's end, then the section's."""
METRIC_FIELDS = ("label", "quote", "unit")


class Region:
    """One kind of field inside the haystack, with its fields' offsets."""

    __slots__ = (
        "end",
        "field_ending",
        "field_ends",
        "field_ref",
        "field_section",
        "field_starts",
        "group_ends",
        "group_index",
        "group_section",
        "group_starts",
        "kind",
        "maps",
        "originals",
        "start",
    )

    def __init__(self, kind: int) -> None:
        self.kind = kind
        self.start = self.end = 0
        self.field_starts: list[int] = []
        self.field_ends: list[int] = []
        self.field_section: list[int] = []
        """Section order of each field."""
        self.field_ref: list[int] = []
        """Paragraph index, or metric index in ``report.metrics``, or 0 for a title."""
        self.group_starts: list[int] = []
        self.group_ends: list[int] = []
        self.group_section: list[int] = []
        self.group_index: dict[int, int] = {}
        """Section order → its group (the run of its fields in this region)."""
        self.originals: list[str] = []
        self.maps: dict[int, list[int]] = {}
        """Field index → folded-to-original offsets, for fields whose folding changed length."""
        self.field_ending: dict[int, int] = {}
        """Field end → field. A match of ``TERM[^\\x00]*`` ends where its field ends, so
        this finds its field at once (a ``bisect`` through all fields costs ~0.5 µs)."""

    def field_at(self, position: int) -> int:
        return bisect_right(self.field_starts, position) - 1


class Haystack:
    """The folded text (``text``), its regions, and what is needed to estimate a word."""

    def __init__(self) -> None:
        self.text = ""
        self.regions: list[Region] = []
        self.chars: set[str] = set()
        """Every character of the haystack."""
        self.sample = ""
        """Evenly spread slices of the haystack, for estimating how common a word is."""
        self.sample_scale = 1

    @classmethod
    def build(cls, report: Report) -> Haystack:
        haystack = cls()
        layout = _fields(report)
        raw = GROUP_END.join(
            GROUP_END.join(FIELD_SEP.join(text for _, text in group) for _, group in groups)
            for _, groups in layout
        )
        chars = set(raw)
        table = fold_table(chars)
        expanding = any(len(value) != 1 for value in table.values())
        pieces: list[str] = []
        position = len(GROUP_END)
        for kind, groups in layout:
            region = Region(kind)
            region.start = position
            for g, (section_order, group) in enumerate(groups):
                if g:
                    region.group_ends.append(position)
                    position += len(GROUP_END)
                region.group_index[section_order] = len(region.group_starts)
                region.group_starts.append(position)
                region.group_section.append(section_order)
                for f, (ref, original) in enumerate(group):
                    if f:
                        position += 1
                    if expanding:
                        folded, positions = fold_with_map(original, table)
                        if positions is not None:
                            region.maps[len(region.field_starts)] = positions
                        pieces.append(folded)
                        length = len(folded)
                    else:
                        length = len(original)
                    region.field_starts.append(position)
                    region.field_ends.append(position + length)
                    region.field_section.append(section_order)
                    region.field_ref.append(ref)
                    region.originals.append(original)
                    position += length
            region.end = position
            if region.group_starts:
                region.group_ends.append(position)
            region.field_ending = {end: field for field, end in enumerate(region.field_ends)}
            position += len(GROUP_END)
            haystack.regions.append(region)
        if expanding:
            hay_parts = []
            cursor = 0
            for _, groups in layout:
                region_pieces = []
                for _, group in groups:
                    region_pieces.append(FIELD_SEP.join(pieces[cursor : cursor + len(group)]))
                    cursor += len(group)
                hay_parts.append(GROUP_END.join(region_pieces))
            haystack.text = GROUP_END + GROUP_END.join(hay_parts) + GROUP_END
        else:
            haystack.text = GROUP_END + (raw.translate(table) if table else raw) + GROUP_END
        haystack.chars = {c for char in chars for c in table.get(ord(char), char)}
        text = haystack.text
        step = max(1, len(text) // 64)
        if len(text) <= 64 * 4096:  # small: the whole text (slices would overlap)
            haystack.sample = text
        else:
            haystack.sample = "\x00".join(text[i : i + 4096] for i in range(0, len(text), step))
        haystack.sample_scale = max(1, len(text) // max(1, len(haystack.sample)))
        return haystack

    def quote_span(self, metric: int) -> tuple[int, int]:
        """The folded quote of metric ``metric`` in the haystack."""
        start = self.text.index(SUB_SEP, self.regions[METRIC].field_starts[metric]) + 1
        return start, self.text.index(SUB_SEP, start)


def _fields(report: Report) -> list[tuple[int, list[tuple[int, list[tuple[int, str]]]]]]:
    """Per region: (kind, [(section order, [(ref, original text)])])."""
    titles = [(s.order, [(0, s.title)]) for s in report.ordered]
    metric_index = {m.id: i for i, m in enumerate(report.metrics)}
    metrics = [
        (
            s.order,
            [
                (metric_index[m.id], f"{m.label}{SUB_SEP}{m.quote}{SUB_SEP}{m.unit}")
                for m in s.metrics
            ],
        )
        for s in report.ordered
        if s.metrics
    ]
    paragraphs = [(s.order, list(enumerate(s.paragraphs))) for s in report.ordered if s.paragraphs]
    return [(TITLE, titles), (METRIC, metrics), (PARAGRAPH, paragraphs)]


class MetricValues:
    """Where each metric sits, and the metrics sorted by value. Positions are indices in
    ``report.metrics``."""

    def __init__(self, report: Report) -> None:
        self.report = report
        metrics = report.metrics
        self.section = [report.section(m.section_id).order for m in metrics]
        """Section order of each metric."""
        self.index = {m.id: i for i, m in enumerate(metrics)}
        self.subtree_end = [s.order + sum(1 for _ in s.walk()) for s in report.ordered]
        """Section order → the order just past its last descendant."""
        order = sorted(range(len(metrics)), key=lambda i: metrics[i].value)
        self._order = order
        self._values = [float(metrics[i].value) for i in order]
        self.units = [fold(m.unit).strip() for m in metrics]
        """Folded unit of each metric."""
        by_unit: dict[str, list[int]] = {}
        for i in order:
            by_unit.setdefault(self.units[i], []).append(i)
        self.by_unit = {
            unit: ([float(metrics[i].value) for i in idxs], idxs) for unit, idxs in by_unit.items()
        }
        """Unit → (sorted values, their metrics)."""

    def in_range(
        self, low: float | None, high: float | None, low_inc: bool, high_inc: bool, unit: str | None
    ) -> list[int]:
        """Metrics (of ``unit``, if given) whose value lies between ``low`` and ``high``."""
        values, order = (self._values, self._order) if unit is None else self.with_unit(unit)
        lo, hi = 0, len(values)
        if low is not None and low_inc:
            lo = bisect_left(values, low - tolerance(low))
        elif low is not None:
            lo = bisect_right(values, low + tolerance(low))
        if high is not None and high_inc:
            hi = bisect_right(values, high + tolerance(high))
        elif high is not None:
            hi = bisect_left(values, high - tolerance(high))
        return order[lo:hi] if lo < hi else []

    def equal(self, value: float, unit: str | None) -> list[int]:
        """Metrics whose value is ``value``, sorted."""
        found = self.in_range(value, value, True, True, unit)
        metrics = self.report.metrics
        return sorted(i for i in found if close(metrics[i].value, value))

    def with_unit(self, unit: str) -> tuple[list[float], list[int]]:
        return self.by_unit.get(unit, ([], []))


@dataclass(frozen=True)
class Corpus:
    """Everything the search strategies read about one report."""

    report: Report
    haystack: Haystack
    metrics: MetricValues
    pinyin: PinyinCodes | None
    """``None`` when built without pinyin."""

    @classmethod
    def build(cls, report: Report, *, pinyin: bool = True) -> Corpus:
        haystack = Haystack.build(report)
        codes = PinyinCodes.build(haystack.text, haystack.chars) if pinyin else None
        return cls(report, haystack, MetricValues(report), codes)
