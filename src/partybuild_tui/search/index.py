"""The search index of one report: built once, then queried as the user types.

Layout. All searchable text, folded (``normalize``), lives in one string, the
*haystack*, in three regions: section titles, then metrics (``label``, ``quote``
and ``unit`` of each, joined by ``\\x02``), then paragraphs, each region in
reading order. Fields are separated by ``\\x00`` and the fields of one section
by ``\\x01`` between sections, so a match never spans two fields, and one regular
expression can find the first match per field (``TERM[^\\x00\\x01]*``) or per
section (``TERM[^\\x01]*``) at C speed. Region order is rank order (title >
metric > paragraph), so a query with a ``limit`` ranks only as many regions as
it needs and merely counts the rest.

Several words: the sections holding the rarest word are found first, and the
other words are looked for only inside those. Pinyin uses a parallel code
string (see ``pinyin``). Metric values are kept sorted, overall and per unit,
so comparisons and ranges are binary searches.
"""

from __future__ import annotations

import heapq
import re
import threading
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable

from ..model import Report
from .normalize import Span, fold, fold_table, fold_with_map, merge_spans, to_original
from .numbers import same_value
from .pinyin import PinyinPattern, PinyinTable
from .query import Query, TextTerm, parse_query
from .results import HitKind, SearchHit, SearchResult, SectionHighlights, make_snippet

TITLE, METRIC, PARAGRAPH = 0, 1, 2
KINDS: tuple[HitKind, ...] = ("title", "metric", "paragraph")
FIELD_SEP, GROUP_SEP, SUB_SEP = "\x00", "\x01", "\x02"
METRIC_FIELDS = ("label", "quote", "unit")
_LITERAL, _PINYIN = 0, 1


class _Region:
    """One kind of field inside the haystack, with its fields' offsets."""

    __slots__ = (
        "end",
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

    def field_at(self, position: int) -> int:
        return bisect_right(self.field_starts, position) - 1

    def section_at(self, position: int) -> int:
        return self.group_section[bisect_right(self.group_starts, position) - 1]


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


class _Term:
    """One text term compiled against the index."""

    def __init__(self, index: SearchIndex, term: TextTerm) -> None:
        self.index = index
        self.term = term
        text = term.text
        self.text = text
        escaped = re.escape(text)
        self.literal = re.compile(escaped)
        self.bounded_start = text[:1].isdigit()
        self.bounded_end = text[-1:].isdigit() or (term.number is not None)
        self.plain = not (self.bounded_start or self.bounded_end)
        self.per_field = re.compile(escaped + "[^\x00\x01]*")
        self.per_group = re.compile(escaped + "[^\x01]*")
        self.pinyin: PinyinPattern | None = None
        if term.pinyin and index.pinyin_table is not None:
            pattern = PinyinPattern(term.pinyin, index.pinyin_table)
            if pattern.possible:
                self.pinyin = pattern
                self.plain = False
        self.possible_literally = set(text) <= index.chars
        """False when a character of the term is nowhere in the report (``djyl``, often)."""
        self._estimate: int | None = None
        self._whole: dict[int, dict[int, tuple[int, int, int]]] = {}
        self.metrics: list[int] = []
        """Metric indices whose value equals the term's number."""
        self.metric_sections: set[int] = set()
        if term.number is not None:
            self.plain = False
            self.metrics = index._metrics_equal(
                term.number.value, "%" if term.number.percent else None
            )
            self.metric_sections = {index._metric_section[m] for m in self.metrics}

    # -- occurrences ---------------------------------------------------------------

    def _boundary_ok(self, hay: str, start: int, end: int) -> bool:
        if self.bounded_start and start > 0:
            before = hay[start - 1]
            if before.isdigit() or (before == "." and start > 1 and hay[start - 2].isdigit()):
                return False
        if self.bounded_end and end < len(hay):
            after = hay[end]
            if after.isdigit() or (after == "." and end + 1 < len(hay) and hay[end + 1].isdigit()):
                return False
        return True

    def occurrences(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(start, end, quality) of every match in ``hay[start:end]``, sorted, non-overlapping."""
        hay = self.index.hay
        found: list[tuple[int, int, int]] = []
        if self.text and self.possible_literally:
            length = len(self.text)
            for match in self.literal.finditer(hay, start, end):
                s = match.start()
                if self.plain or self._boundary_ok(hay, s, s + length):
                    found.append((s, s + length, _LITERAL))
        if self.pinyin is not None:
            initials, anchor, regexes = self.index._pinyin_scan(self.pinyin)
            starts = sorted(
                m.start() - anchor
                for regex in regexes
                for m in regex.finditer(initials, start + anchor, end)
            )
            last = -1
            pinyin_found = []
            verify = self.pinyin.verify
            for s in starts:
                if s < last:
                    continue
                stop = verify(hay, s)
                if 0 < stop <= end:
                    pinyin_found.append((s, stop, _PINYIN))
                    last = stop
            if pinyin_found:
                found = _merge_occurrences(found, pinyin_found)
        return found

    def field_firsts(
        self, region: _Region, start: int | None = None, end: int | None = None
    ) -> dict[int, tuple[int, int, int]]:
        """Field index → (start, end, quality) of its first match, for every field with one
        (in the whole region, or in ``hay[start:end]``, a run of whole fields)."""
        whole = start is None and end is None
        if whole and region.kind in self._whole:
            return self._whole[region.kind]
        firsts: dict[int, tuple[int, int, int]] = {}
        field_starts = region.field_starts
        start = region.start if start is None else start
        end = region.end if end is None else end
        if self.plain:
            length = len(self.text)
            if not self.possible_literally:
                return firsts
            for match in self.per_field.finditer(self.index.hay, start, end):
                s = match.start()
                firsts[bisect_right(field_starts, s) - 1] = (s, s + length, _LITERAL)
        else:
            current = -1
            for occurrence in self.occurrences(start, end):
                field = bisect_right(field_starts, occurrence[0]) - 1
                if field != current:
                    firsts.setdefault(field, occurrence)
                    current = field
        if self.metrics and region.kind == METRIC:
            for metric in self.metrics:
                if not start <= region.field_starts[metric] < end:
                    continue
                quote = self.index._quote_span(metric)
                old = firsts.get(metric)
                if old is None or quote[0] <= old[0]:
                    firsts[metric] = (quote[0], quote[1], _LITERAL)
        if whole and not self.plain and len(firsts) <= 50_000:
            self._whole[region.kind] = firsts  # scanning pinyin or numbers again costs most
        return firsts

    def estimate(self) -> int:
        """Roughly how common the term is (exact occurrences for a plain word)."""
        if self._estimate is None:
            if self.plain:  # counted in a sample: a full count costs as much as a search
                self._estimate = self.index.sample.count(self.text) * self.index.sample_scale
            else:  # pinyin and numbers: scanned anyway, count them last
                self._estimate = len(self.index.hay)
        return self._estimate

    def in_section(self, order: int) -> bool:
        """Whether the section (by reading order) has a match anywhere."""
        if order in self.metric_sections:
            return True
        for region in reversed(self.index.regions):  # paragraphs first: most text
            group = region.group_index.get(order)
            if group is None:
                continue
            start, end = region.group_starts[group], region.group_ends[group]
            if self.plain:
                if self.literal.search(self.index.hay, start, end) is not None:
                    return True
            elif self.occurrences(start, end):
                return True
        return False

    def sections(self) -> set[int]:
        """Section orders of every section with a match anywhere in it."""
        found: set[int] = set()
        index = self.index
        if self.plain and not self.possible_literally:
            return found
        for region in index.regions:
            if self.plain:
                starts, sections = region.group_starts, region.group_section
                for match in self.per_group.finditer(index.hay, region.start, region.end):
                    found.add(sections[bisect_right(starts, match.start()) - 1])
            else:
                field_section = region.field_section
                found.update(field_section[f] for f in self.field_firsts(region))
        return found


def _merge_occurrences(
    first: list[tuple[int, int, int]], second: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    merged: list[tuple[int, int, int]] = []
    for occurrence in sorted(first + second):
        if merged and occurrence[0] < merged[-1][1]:
            continue
        merged.append(occurrence)
    return merged


class SearchIndex:
    """Everything needed to search one report. Build with ``SearchIndex.build(report)``."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.hay = ""
        self.regions: list[_Region] = []
        self.chars: set[str] = set()
        """Every character of the haystack."""
        self.sample = ""
        """Evenly spread slices of the haystack, for estimating how common a word is."""
        self.sample_scale = 1
        self.codes = b""
        """One byte per haystack character for pinyin scans (see ``pinyin``)."""
        self.pinyin_table: PinyinTable | None = None
        self._translated: dict[bytes, bytes] = {}
        self._terms: dict[TextTerm, _Term] = {}
        self._lock = threading.Lock()
        """Guards the caches: the app may search from a worker thread."""
        self._codes_sample: Counter[int] = Counter()
        self._metric_section: list[int] = []
        self._subtree_end: list[int] = []
        self._values: list[float] = []
        self._value_order: list[int] = []
        self._units: dict[str, tuple[list[float], list[int]]] = {}
        self._metric_units: list[str] = []
        self._metric_index: dict[str, int] = {}

    # -- building ------------------------------------------------------------------

    @classmethod
    def build(cls, report: Report, *, pinyin: bool = True) -> SearchIndex:
        """Index ``report``: its titles, paragraphs and metrics (``pinyin=False`` skips pinyin)."""
        index = cls(report)
        layout = _fields(report)
        raw = GROUP_SEP.join(
            GROUP_SEP.join(FIELD_SEP.join(text for _, text in group) for _, group in groups)
            for _, groups in layout
        )
        chars = set(raw)
        table = fold_table(chars)
        expanding = any(len(value) != 1 for value in table.values())
        pieces: list[str] = []
        position = 1
        for kind, groups in layout:
            region = _Region(kind)
            region.start = position
            for g, (section_order, group) in enumerate(groups):
                if g:
                    region.group_ends.append(position)
                    position += 1
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
            position += 1
            index.regions.append(region)
        if expanding:
            hay_parts = []
            cursor = 0
            for _, groups in layout:
                region_pieces = []
                for _, group in groups:
                    region_pieces.append(FIELD_SEP.join(pieces[cursor : cursor + len(group)]))
                    cursor += len(group)
                hay_parts.append(GROUP_SEP.join(region_pieces))
            index.hay = GROUP_SEP + GROUP_SEP.join(hay_parts) + GROUP_SEP
        else:
            index.hay = GROUP_SEP + (raw.translate(table) if table else raw) + GROUP_SEP
        folded_chars = {c for char in chars for c in table.get(ord(char), char)}
        index.chars = folded_chars
        step = max(1, len(index.hay) // 64)
        index.sample = "\x00".join(index.hay[i : i + 4096] for i in range(0, len(index.hay), step))
        index.sample_scale = max(1, len(index.hay) // max(1, len(index.sample)))
        if pinyin:
            sample = Counter(index.hay[::31])
            index.pinyin_table = PinyinTable.build(folded_chars, sample)
            translation = index.pinyin_table.translation(folded_chars)
            index.codes = index.hay.translate(translation).encode("latin-1")
            index._codes_sample = Counter(index.codes[::31])
        index._build_metrics()
        return index

    def _build_metrics(self) -> None:
        report = self.report
        metrics = report.metrics
        self._metric_section = [report.section(m.section_id).order for m in metrics]
        self._metric_index = {m.id: i for i, m in enumerate(metrics)}
        self._subtree_end = [s.order + sum(1 for _ in s.walk()) for s in report.ordered]
        order = sorted(range(len(metrics)), key=lambda i: metrics[i].value)
        self._value_order = order
        self._values = [float(metrics[i].value) for i in order]
        self._metric_units = [fold(m.unit).strip() for m in metrics]
        by_unit: dict[str, list[int]] = {}
        for i in order:
            by_unit.setdefault(self._metric_units[i], []).append(i)
        self._units = {
            unit: ([float(metrics[i].value) for i in idxs], idxs) for unit, idxs in by_unit.items()
        }

    # -- helpers -------------------------------------------------------------------

    def _term(self, term: TextTerm) -> _Term:
        """The compiled term (the last 16 are kept: typing refines the same few terms)."""
        with self._lock:
            compiled = self._terms.pop(term, None)
        if compiled is None:
            compiled = _Term(self, term)
        with self._lock:
            while len(self._terms) >= 16:
                self._terms.pop(next(iter(self._terms)))
            self._terms[term] = compiled
        return compiled

    def _pinyin_scan(self, pattern: PinyinPattern) -> tuple[bytes, int, list[re.Pattern[bytes]]]:
        """The code string translated for ``pattern`` (the last few are kept), its anchor
        step and regexes."""
        translation, anchor, regexes = pattern.compile(self._codes_sample)
        with self._lock:
            cached = self._translated.pop(translation, None)
        if cached is None:
            cached = self.codes.translate(translation)
        with self._lock:
            while len(self._translated) >= 4:
                self._translated.pop(next(iter(self._translated)))
            self._translated[translation] = cached  # most recently used last
        return cached, anchor, regexes

    def clear_caches(self) -> None:
        """Forget compiled queries (for benchmarks that time a query typed the first time)."""
        with self._lock:
            self._terms.clear()
            self._translated.clear()

    def _quote_span(self, metric: int) -> tuple[int, int]:
        """The folded quote of metric ``metric`` in the haystack."""
        region = self.regions[METRIC]
        start = self.hay.index(SUB_SEP, region.field_starts[metric]) + 1
        return start, self.hay.index(SUB_SEP, start)

    def _value_range(
        self, low: float | None, high: float | None, low_inc: bool, high_inc: bool, unit: str | None
    ) -> list[int]:
        values, order = (
            (self._values, self._value_order) if unit is None else self._units.get(unit, ([], []))
        )
        lo = (
            0
            if low is None
            else (
                bisect_left(values, low - 1e-9 * max(1.0, abs(low)))
                if low_inc
                else bisect_right(values, low + 1e-9 * max(1.0, abs(low)))
            )
        )
        hi = (
            len(values)
            if high is None
            else (
                bisect_right(values, high + 1e-9 * max(1.0, abs(high)))
                if high_inc
                else bisect_left(values, high - 1e-9 * max(1.0, abs(high)))
            )
        )
        return order[lo:hi] if lo < hi else []

    def _metrics_equal(self, value: float, unit: str | None) -> list[int]:
        found = self._value_range(value, value, True, True, unit)
        metrics = self.report.metrics
        return sorted(i for i in found if same_value(float(metrics[i].value), value))

    def _field_spans(self, region: _Region, field: int, terms: list[_Term]) -> list[Span]:
        """Spans (original offsets within the field's original text) of all terms' matches."""
        start, end = region.field_starts[field], region.field_ends[field]
        spans: list[Span] = []
        for term in terms:
            spans.extend((s - start, e - start) for s, e, _ in term.occurrences(start, end))
            if region.kind == METRIC and field in term.metrics:
                quote = self._quote_span(field)
                spans.append((quote[0] - start, quote[1] - start))
        positions = region.maps.get(field)
        return [to_original(span, positions) for span in spans]

    @staticmethod
    def _split_metric(original: str, spans: Iterable[Span]) -> dict[str, list[Span]]:
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

    def _hit(
        self, region: _Region, field: int, terms: list[_Term], whole_quote: bool = False
    ) -> SearchHit:
        report = self.report
        section = report.ordered[region.field_section[field]]
        kind = KINDS[region.kind]
        if region.kind == METRIC:
            metric = report.metrics[region.field_ref[field]]
            if whole_quote:
                name, text, spans = "quote", metric.quote, ((0, len(metric.quote)),)
            else:
                split = self._split_metric(
                    region.originals[field], self._field_spans(region, field, terms)
                )
                name = next((n for n in METRIC_FIELDS if n in split), "quote")
                text = getattr(metric, name)
                spans = merge_spans(split.get(name, [(0, len(text))] if name == "quote" else []))
            snippet, snippet_spans = make_snippet(text, spans)
            return SearchHit(
                section.id,
                kind,
                name,
                text,
                spans,
                section.breadcrumb,
                None,
                metric.id,
                snippet,
                snippet_spans,
            )
        text = region.originals[field]
        spans = merge_spans(self._field_spans(region, field, terms))
        snippet, snippet_spans = make_snippet(text, spans)
        paragraph = region.field_ref[field] if region.kind == PARAGRAPH else None
        name = "paragraph" if region.kind == PARAGRAPH else "title"
        return SearchHit(
            section.id,
            kind,
            name,
            text,
            spans,
            section.breadcrumb,
            paragraph,
            None,
            snippet,
            snippet_spans,
        )

    # -- text queries ----------------------------------------------------------------

    def _narrow(self, allowed: set[int] | None) -> bool:
        """Whether to scan only the allowed sections' fields rather than whole regions."""
        return allowed is not None and len(allowed) * 2 < len(self.report.ordered)

    def _collect(
        self, terms: list[_Term], allowed: set[int] | None, region: _Region
    ) -> dict[int, list[int]]:
        """Field index → [term mask, first start, first end, quality, last end] for fields with
        a match: the first match's place, and where the last word's first match ends."""
        per_field: dict[int, list[int]] = {}
        field_section = region.field_section
        field_starts = region.field_starts
        hay = self.hay
        # Visiting each allowed section is cheaper than scanning a big region whole.
        narrow = self._narrow(allowed) and region.end - region.start > 1000 * len(allowed or ())
        ranges: list[tuple[int, int]] = []
        if narrow:
            assert allowed is not None
            groups = sorted(g for g in map(region.group_index.get, allowed) if g is not None)
            ranges = [(region.group_starts[g], region.group_ends[g]) for g in groups]

        def add(bit: int, field: int, s: int, e: int, q: int) -> None:
            current = per_field.get(field)
            if current is None:
                per_field[field] = [1 << bit, s, e, q, e]
            else:
                current[0] |= 1 << bit
                current[3] += q
                if s < current[1]:
                    current[1], current[2] = s, e
                if e > current[4]:
                    current[4] = e

        for bit, term in enumerate(terms):
            if narrow and term.plain:  # the hot loop of several-word queries, kept flat
                finditer, length = term.per_field.finditer, len(term.text)
                for start, end in ranges:
                    for match in finditer(hay, start, end):
                        s = match.start()
                        add(bit, bisect_right(field_starts, s) - 1, s, s + length, _LITERAL)
                continue
            for field, (s, e, q) in term.field_firsts(region).items():
                if allowed is None or field_section[field] in allowed:
                    add(bit, field, s, e, q)
        return per_field

    def _count(self, terms: list[_Term], allowed: set[int] | None, region: _Region) -> int:
        """How many fields of ``region`` are hits, without ranking them."""
        if all(term.plain for term in terms) and (allowed is None or self._narrow(allowed)):
            counter = re.compile(
                "(?:" + "|".join(t.literal.pattern for t in terms) + ")[^\x00\x01]*()"
            )
            hay = self.hay
            if allowed is None:
                return len(counter.findall(hay, region.start, region.end))
            total = 0
            for order in allowed:
                group = region.group_index.get(order)
                if group is not None:
                    start, end = region.group_starts[group], region.group_ends[group]
                    total += len(counter.findall(hay, start, end))
            return total
        if len(terms) == 1:
            return len(terms[0].field_firsts(region))
        return len(self._collect(terms, allowed, region))

    def _allowed(self, terms: list[_Term]) -> set[int] | None:
        """Sections that hold every term (``None`` for a single term): the rarest term's
        sections, then each other term checked only in those."""
        if len(terms) < 2:
            return None
        ordered = sorted(terms, key=lambda t: t.estimate())
        allowed = ordered[0].sections()
        for term in ordered[1:]:
            if not allowed:
                break
            if self._narrow(allowed):
                allowed = {order for order in allowed if term.in_section(order)}
            else:
                allowed &= term.sections()
        return allowed

    def _text_search(self, query: Query, limit: int | None) -> SearchResult:
        terms = [self._term(t) for t in query.terms]
        allowed = self._allowed(terms)
        if allowed is not None and not allowed:
            return SearchResult(query, (), 0)
        ranked: list[tuple[_Region, int]] = []
        total = 0
        for region in self.regions:
            wanted = None if limit is None else limit - len(ranked)
            if wanted is not None and wanted <= 0:
                total += self._count(terms, allowed, region)
                continue
            field_starts = region.field_starts
            if len(terms) == 1:  # one word: its first match per field is all that ranks
                firsts = terms[0].field_firsts(region)
                total += len(firsts)
                keys = [
                    (0, q, e - s, s - field_starts[field], field)
                    for field, (s, e, q) in firsts.items()
                ]
            else:
                per_field = self._collect(terms, allowed, region)
                total += len(per_field)
                count = len(terms)
                # tighter: the span from the first match to the end of the last word's first
                keys = [
                    (count - mask.bit_count(), quality, last - s, s - field_starts[field], field)
                    for field, (mask, s, _e, quality, last) in per_field.items()
                ]
            best = heapq.nsmallest(wanted, keys) if wanted is not None else sorted(keys)
            ranked.extend((region, key[-1]) for key in best)
        hits = tuple(self._hit(region, field, terms) for region, field in ranked)
        return SearchResult(query, hits, total, lambda: self._text_counts(terms, allowed))

    def _text_counts(self, terms: list[_Term], allowed: set[int] | None) -> dict[str, int]:
        counts: Counter[int] = Counter()
        for region in self.regions:
            field_section = region.field_section
            counts.update(field_section[f] for f in self._collect(terms, allowed, region))
        return {self.report.ordered[s].id: counts[s] for s in sorted(counts)}

    # -- metric queries ----------------------------------------------------------------

    def _metric_filter(self, query: Query) -> tuple[set[int] | None, list[_Term]]:
        """Metrics that satisfy every value and unit filter (``None``: all), and the word terms."""
        candidates: set[int] | None = None

        def restrict(found: Iterable[int]) -> None:
            nonlocal candidates
            found = set(found)
            candidates = found if candidates is None else candidates & found

        for value_filter in query.filters:
            units = [u for u in ("%" if value_filter.percent else None, value_filter.unit) if u]
            found = self._value_range(
                value_filter.low,
                value_filter.high,
                value_filter.low_inclusive,
                value_filter.high_inclusive,
                units[0] if units else None,
            )
            if len(units) > 1:
                found = [i for i in found if self._metric_units[i] == units[1]]
            restrict(found)
        words: list[_Term] = []
        for term in query.terms:
            if term.number is not None:
                restrict(
                    self._metrics_equal(term.number.value, "%" if term.number.percent else None)
                )
            else:
                words.append(self._term(term))
        if query.units:
            restrict(i for unit in query.units for i in self._units.get(unit, ([], []))[1])
        return candidates, words

    def _word_metrics(self, term: _Term) -> tuple[set[int], set[int]]:
        """Metrics whose label/quote/unit match ``term``, and sections under a matching title."""
        metrics = set(term.field_firsts(self.regions[METRIC]))
        sections: set[int] = set()
        titles = self.regions[TITLE]
        for field in term.field_firsts(titles):
            order = titles.field_section[field]
            sections.update(range(order, self._subtree_end[order]))
        return metrics, sections

    def _metric_matches(self, query: Query) -> list[int]:
        candidates, words = self._metric_filter(query)
        found = set(range(len(self.report.metrics))) if candidates is None else candidates
        for term in words:
            metrics, sections = self._word_metrics(term)
            metric_section = self._metric_section
            found = {i for i in found if i in metrics or metric_section[i] in sections}
        return sorted(found)

    def _metric_search(self, query: Query, limit: int | None) -> SearchResult:
        matches = self._metric_matches(query)
        chosen = matches if limit is None else matches[:limit]
        region = self.regions[METRIC]
        hits = tuple(self._hit(region, i, [], whole_quote=True) for i in chosen)

        def counts() -> dict[str, int]:
            per_section = Counter(self._metric_section[i] for i in matches)
            return {self.report.ordered[s].id: per_section[s] for s in sorted(per_section)}

        return SearchResult(query, hits, len(matches), counts)

    # -- public API ----------------------------------------------------------------

    def parse(self, query: str) -> Query:
        return parse_query(query)

    def search(self, query: str | Query, limit: int | None = None) -> SearchResult:
        """Ranked hits for ``query``: at most ``limit`` of them, ``total`` counts all.

        Never raises because of what the query says: an empty or unusable query
        gives no hits, and ``understood`` tells why.
        """
        parsed = query if isinstance(query, Query) else parse_query(query)
        if limit is not None:
            limit = max(0, int(limit))
        if parsed.is_empty:
            return SearchResult(parsed, (), 0)
        if parsed.metric_only:
            return self._metric_search(parsed, limit)
        return self._text_search(parsed, limit)

    def matching_metrics(self, query: str | Query) -> list[int]:
        """Positions in ``report.metrics`` of the metrics ``query`` selects, in report order.

        The metric side of ``search``: value, range and ``unit:`` filters; bare
        numbers as values; words in a metric's label, quote or unit, or in the
        title of a section it sits under. An empty query selects every metric
        (a filter that filters nothing); never raises because of the query.
        """
        parsed = query if isinstance(query, Query) else parse_query(query)
        if parsed.is_empty:
            return list(range(len(self.report.metrics)))
        return self._metric_matches(parsed)

    def section_counts(self, query: str | Query) -> dict[str, int]:
        """Section id → hit count for every section with hits (for filtering the tree)."""
        return self.search(query, limit=0).section_counts()

    def highlights(self, query: str | Query, section_id: str) -> SectionHighlights:
        """Every match of ``query`` in one section: title, paragraphs and metrics.

        Offsets are in the original strings (``section.title``,
        ``section.paragraphs[i]``, ``metric.label`` …), ready to style. An unknown
        section or an empty query gives empty highlights.
        """
        parsed = query if isinstance(query, Query) else parse_query(query)
        section = self.report.get_section(section_id)
        if section is None or parsed.is_empty:
            return SectionHighlights(section_id)
        words = [
            self._term(t) for t in parsed.terms if not (parsed.metric_only and t.number is not None)
        ]
        titles = self.regions[TITLE]
        title = merge_spans(self._field_spans(titles, section.order, words))
        paragraphs: dict[int, list[Span]] = {}
        region = self.regions[PARAGRAPH]
        group = bisect_left(region.group_section, section.order)
        if (
            group < len(region.group_section)
            and region.group_section[group] == section.order
            and section.paragraphs
        ):
            first = region.field_at(region.group_starts[group])
            for offset in range(len(section.paragraphs)):
                spans = self._field_spans(region, first + offset, words)
                if spans:
                    paragraphs[offset] = spans
        metrics_region = self.regions[METRIC]
        metric_spans: dict[str, dict[str, tuple[Span, ...]]] = {}
        if section.metrics:
            metric_index = self._metric_index
            chosen = set(self._metric_matches(parsed)) if parsed.metric_only else None
            for metric in section.metrics:
                i = metric_index[metric.id]
                if chosen is not None:
                    if i not in chosen:
                        continue
                    paragraphs.setdefault(metric.paragraph_index, []).append(
                        (metric.quote_start, metric.quote_end)
                    )
                    split = self._split_metric(
                        metrics_region.originals[i], self._field_spans(metrics_region, i, words)
                    )
                    split.setdefault("quote", []).append((0, len(metric.quote)))
                else:
                    split = self._split_metric(
                        metrics_region.originals[i], self._field_spans(metrics_region, i, words)
                    )
                    if any(i in term.metrics for term in words):
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
