"""Many reports searched as one: ``search_many``'s answer from one scan of them all.

``search_many`` asks every report's ``SearchIndex`` in turn, and each costs ~0.1 ms
of Python (a compiled term, three region scans, a result) however small it is:
300 reports, 30 ms, though past the first page only counts are wanted. Here the
reports' corpora are laid side by side as one ``Corpus`` (``Combined.build``):
each region (titles, metrics, paragraphs) holds every report's fields of that
kind, report after report, with section orders and metric positions offset so
that they stay distinct. A term is compiled once against it and each region is
scanned once (``re`` over one long string runs at C speed); every field found is
then credited to its report; the page's hits are ranked with ``ranking``'s keys.

The answer is the engine's own, because the engine's own pieces find the fields:
``CompiledTerm.field_firsts`` (text, pinyin, numbers), ``metric_matches`` (values,
ranges, ``unit:``) and ``make_hit``. A report's count is the number of its fields
that hold a word, in sections that hold every word (for one word: that hold it) —
what ``ranking`` counts — or the number of its metrics the filters select.
``tests/unit/test_search_combined.py`` holds it to ``search_many``, query by query.
``in:`` is left to each report (``search`` gives ``None``).
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import partybuild_tui.search.codes as code_tables
from partybuild_tui.model import Metric, Report, Section
from partybuild_tui.search.hits import SearchHit, make_hit
from partybuild_tui.search.index import (
    GROUP_END,
    METRIC,
    Corpus,
    Haystack,
    MetricValues,
    PinyinCodes,
    Region,
)
from partybuild_tui.search.matching import CompiledTerm, Matcher, Occurrence, metric_matches
from partybuild_tui.search.pinyin import RARE
from partybuild_tui.search.query import Query
from partybuild_tui.search.ranking import add_firsts

SEPARATOR_CODES = GROUP_END.encode("latin-1")
"""Separators are their own bytes in a code string."""

Share = tuple[int, int, tuple[SearchHit, ...]]
"""A report's share of a search: its position, its hit count, its hits on the page."""
PageFields = list[list[tuple[dict[int, Occurrence], list[int]]]]
"""Term → region → its first match in each field of the page's stretch, and those fields
in order."""


@dataclass(frozen=True)
class _Whole:
    """What the engine reads of ``corpus.report`` on the counting paths: every section
    in (offset) reading order, every metric in (offset) position order."""

    ordered: tuple[Section, ...]
    metrics: tuple[Metric, ...]


class _Values(MetricValues):
    """``MetricValues`` of every report, positions offset report by report."""

    def __init__(self, whole: _Whole, parts: Sequence[tuple[MetricValues, int]]) -> None:
        self.report = cast(Report, whole)
        metrics = whole.metrics
        self.section = [s + base for values, base in parts for s in values.section]
        self.index = {}
        self.subtree_end = [e + base for values, base in parts for e in values.subtree_end]
        order = sorted(range(len(metrics)), key=lambda i: metrics[i].value)
        self._order = order
        self._values = [float(metrics[i].value) for i in order]
        self.units = [unit for values, _ in parts for unit in values.units]
        by_unit: dict[str, list[int]] = {}
        for i in order:
            by_unit.setdefault(self.units[i], []).append(i)
        self.by_unit = {
            unit: ([float(metrics[i].value) for i in idxs], idxs) for unit, idxs in by_unit.items()
        }


class Combined:
    """Several reports' corpora as one, and the report of each field and metric."""

    def __init__(
        self, corpus: Corpus, field_report: list[list[int]], metric_report: list[int], size: int
    ) -> None:
        self.corpus = corpus
        self.matcher = Matcher(corpus)
        self.field_report = field_report
        """Region → field → the report's position in the sequence built from."""
        self.metric_report = metric_report
        self.field_bounds = [_bounds(reports, size) for reports in field_report]
        """Region → report → its first field there (one more: the end)."""
        self.metric_bounds = _bounds(metric_report, size)
        self.size = size
        """How many reports."""

    @classmethod
    def build(cls, corpora: Sequence[Corpus]) -> Combined:
        """One corpus of every report of ``corpora`` (pinyin only if each has it)."""
        haystack = Haystack()
        pieces = [GROUP_END]
        with_pinyin = bool(corpora) and all(corpus.pinyin is not None for corpus in corpora)
        codes: list[bytes] | None = [SEPARATOR_CODES] if with_pinyin else None
        position = len(GROUP_END)
        field_report: list[list[int]] = []
        section_base = [0]
        for corpus in corpora:
            section_base.append(section_base[-1] + len(corpus.report.ordered))
        metric_base = [0]
        for corpus in corpora:
            metric_base.append(metric_base[-1] + len(corpus.report.metrics))
        for kind in range(3):
            region = Region(kind)
            region.start = position
            reports: list[int] = []
            for number, corpus in enumerate(corpora):
                part = corpus.haystack.regions[kind]
                if not part.group_starts:
                    continue
                if reports:
                    region.group_ends.append(position)
                    pieces.append(GROUP_END)
                    position += len(GROUP_END)
                    if codes is not None:
                        codes.append(SEPARATOR_CODES)
                pieces.append(corpus.haystack.text[part.start : part.end])
                if codes is not None:
                    codes.append(_part_codes(corpus, part))
                # a metric's field number is its position in the metrics: offset alike
                ref_base = metric_base[number] if kind == METRIC else 0
                _append(region, part, position - part.start, section_base[number], ref_base)
                reports.extend([number] * len(part.field_starts))
                position += part.end - part.start
            region.end = position
            if region.group_starts:
                region.group_ends.append(position)
            region.field_ending = {end: field for field, end in enumerate(region.field_ends)}
            pieces.append(GROUP_END)
            position += len(GROUP_END)
            if codes is not None:
                codes.append(SEPARATOR_CODES)
            haystack.regions.append(region)
            field_report.append(reports)
        haystack.text = "".join(pieces)
        haystack.chars = set().union(*(corpus.haystack.chars for corpus in corpora))
        whole = _Whole(
            tuple(s for corpus in corpora for s in corpus.report.ordered),
            tuple(m for corpus in corpora for m in corpus.report.metrics),
        )
        values = _Values(
            whole, list(zip([c.metrics for c in corpora], section_base[:-1], strict=True))
        )
        pinyin = None
        if codes is not None:
            pinyin = PinyinCodes(code_tables.shared_table(), b"".join(codes))
        metric_report = [n for n, corpus in enumerate(corpora) for _ in corpus.report.metrics]
        corpus = Corpus(cast(Report, whole), haystack, values, pinyin)
        return cls(corpus, field_report, metric_report, len(corpora))

    def clear_caches(self) -> None:
        self.matcher.clear()

    def totals(self, query: Query) -> list[int] | None:
        """Each report's hit count for ``query`` (what ``SearchIndex.search`` gives as
        ``total``), in the order built; ``None`` for ``in:`` (asked of each report)."""
        if query.sections:
            return None
        return self._find(query).counts if not query.is_empty else [0] * self.size

    def search(
        self, query: Query, limit_per_report: int | None = 20, limit: int | None = 100
    ) -> list[Share] | None:
        """What ``search_many`` gives over the reports this was built from, as ``(position,
        total, hits)`` of each report with hits; ``None`` for ``in:`` (ask each report).

        Each report's count comes first, so the page (which reports show how many hits)
        is known before any hit is made. The page's fields are then found again, one scan
        of its stretch of each region per term, and each report's ranked by the keys
        ``ranking`` gives them in the report itself (a field's number there and here
        differ by the same amount for all of one report's fields)."""
        if query.sections:
            return None
        if query.is_empty:
            return []
        found = self._find(query)
        page: list[tuple[int, int | None]] = []  # (position, hits wanted)
        left = None if limit is None else max(0, limit)  # as ``SearchIndex.search`` clamps
        per = None if limit_per_report is None else max(0, limit_per_report)
        for position, total in enumerate(found.counts):
            if not total or left == 0:
                continue
            caps = [cap for cap in (left, per) if cap is not None]
            wanted = min(caps) if caps else None
            page.append((position, wanted))
            if left is not None:  # a report gives every hit asked for, up to its total
                left -= min(total, wanted) if wanted is not None else total
        hits = self._page_hits(found, page)
        return [
            (position, total, hits.get(position, ()))
            for position, total in enumerate(found.counts)
            if total
        ]

    def _find(self, query: Query) -> _Found:
        """Each report's count, and what ranking its hits needs."""
        counts = [0] * self.size
        if query.metric_only:
            matches = metric_matches(self.matcher, query)
            report_of = self.metric_report
            for metric in matches:
                counts[report_of[metric]] += 1
            return _Found(counts, [], set(), matches)
        regions = self.corpus.haystack.regions
        terms = [self.matcher.term(term) for term in query.terms]
        if len(terms) == 1 and terms[0].plain:  # counted report by report by ``re``
            self._count_plain(terms[0], counts)
            return _Found(counts, terms, set())
        if len(terms) == 1:  # every field that holds it counts
            whole = [terms[0].field_firsts(region) for region in regions]
            for firsts, report_of in zip(whole, self.field_report, strict=True):
                for field in firsts:
                    counts[report_of[field]] += 1
            return _Found(counts, terms, set(), whole=whole)
        found = [[self._fields(term, region) for region in regions] for term in terms]
        allowed: set[int] | None = None
        for per_region in found:
            held: set[int] = set()
            for region, fields in zip(regions, per_region, strict=True):
                held.update(map(region.field_section.__getitem__, fields))
            allowed = held if allowed is None else allowed & held
            if not allowed:
                return _Found(counts, terms, set())
        assert allowed is not None
        for r, region in enumerate(regions):
            field_section, report_of = region.field_section, self.field_report[r]
            for field in set().union(*(per_region[r] for per_region in found)):
                if field_section[field] in allowed:
                    counts[report_of[field]] += 1
        return _Found(counts, terms, allowed)

    def _count_plain(self, term: CompiledTerm, counts: list[int]) -> None:
        """Add each report's fields that hold the plain ``term`` (``ranking._count``)."""
        if not term.possible_literally:
            return
        findall = re.compile(term.literal.pattern + "[^\x00]*()").findall  # '' a field
        text = self.corpus.haystack.text
        for region, bounds in zip(self.corpus.haystack.regions, self.field_bounds, strict=True):
            starts, ends = region.field_starts, region.field_ends
            for position in range(self.size):
                lo, hi = bounds[position], bounds[position + 1]
                if lo < hi:
                    counts[position] += len(findall(text, starts[lo], ends[hi - 1]))

    def _fields(self, term: CompiledTerm, region: Region) -> set[int]:
        """The fields of ``region`` that hold ``term``."""
        if not term.plain:
            return set(term.field_firsts(region))
        if not term.possible_literally:
            return set()
        text, ending = self.corpus.haystack.text, region.field_ending
        ends = [m.end() for m in term.per_field.finditer(text, region.start, region.end)]
        return set(map(ending.__getitem__, ends))

    def _page_hits(
        self, found: _Found, page: list[tuple[int, int | None]]
    ) -> dict[int, tuple[SearchHit, ...]]:
        """Position → the best ``wanted`` hits of that report (all, sorted, for ``None``)."""
        if not page:
            return {}
        regions = self.corpus.haystack.regions
        first, last = page[0][0], page[-1][0] + 1
        if found.metrics is not None:  # in report order, as ``metric_search``
            region = regions[METRIC]
            hits = {}
            for position, wanted in page:
                chosen = _between(found.metrics, *self.metric_bounds[position : position + 2])
                hits[position] = tuple(
                    make_hit(self.matcher, region, m, [], whole_quote=True)
                    for m in (chosen if wanted is None else chosen[:wanted])
                )
            return hits
        firsts: PageFields = []
        for term in found.terms:
            per_region = []
            for region, bounds in zip(regions, self.field_bounds, strict=True):
                lo, hi = bounds[first], bounds[last]
                got = {}
                if found.whole is not None:  # found already (pinyin, numbers: a scan costs)
                    got = found.whole[region.kind]
                elif lo < hi:
                    stretch = region.field_starts[lo], region.field_ends[hi - 1]
                    got = term.field_firsts(region, *stretch)
                per_region.append((got, sorted(got)))
            firsts.append(per_region)
        return {
            position: self._ranked(found, firsts, position, wanted) for position, wanted in page
        }

    def _ranked(
        self, found: _Found, firsts: PageFields, position: int, wanted: int | None
    ) -> tuple[SearchHit, ...]:
        regions = self.corpus.haystack.regions
        keys: list[tuple[int, ...]] = []
        count = len(found.terms)
        for r, region in enumerate(regions):
            lo, hi = self.field_bounds[r][position : position + 2]
            starts = region.field_starts
            if count == 1:  # as ``ranking._one_word``
                got, fields = firsts[0][r]
                for field in _between(fields, lo, hi):
                    s, e, q = got[field]
                    keys.append((q >= RARE, r, q, e - s, s - starts[field], field))
                continue
            records: dict[int, list[int]] = {}  # as ``SeveralWords.records``
            for bit in range(count):
                got, fields = firsts[bit][r]
                page = ((field, got[field]) for field in _between(fields, lo, hi))
                add_firsts(records, 1 << bit, page, region.field_section, found.allowed)
            keys.extend(
                (q >= RARE, r, count - mask.bit_count(), q, last - s, s - starts[field], field)
                for field, (mask, q, s, last) in records.items()
            )
        ranked = sorted(keys) if wanted is None else heapq.nsmallest(wanted, keys)
        return tuple(make_hit(self.matcher, regions[k[1]], k[-1], found.terms) for k in ranked)


@dataclass(frozen=True)
class _Found:
    """What one query finds across the library."""

    counts: list[int]
    """Each report's hit count."""
    terms: list[CompiledTerm]
    allowed: set[int]
    """Sections (offset orders) that hold every term, for several terms."""
    metrics: list[int] | None = None
    """For a metric query: the metrics it selects, in order."""
    whole: list[dict[int, Occurrence]] | None = None
    """For one word found field by field: region → field → its first match."""


def _bounds(owners: list[int], size: int) -> list[int]:
    """Where each of ``size`` owners starts in ``owners`` (nondecreasing), and the end."""
    return [bisect_left(owners, n) for n in range(size + 1)]


def _between(ordered: list[int], lo: int, hi: int) -> list[int]:
    """The items of ``ordered`` in ``[lo, hi)``."""
    return ordered[bisect_left(ordered, lo) : bisect_left(ordered, hi)]


def _part_codes(corpus: Corpus, part: Region) -> bytes:
    """The code string of ``part`` in the shared table: a slice of the report's own
    when it has that table (a small report), else translated (codes never change)."""
    assert corpus.pinyin is not None
    shared = code_tables.shared_table()
    if corpus.pinyin.table is shared:
        return corpus.pinyin.codes[part.start : part.end]
    text = corpus.haystack.text
    shared.add(corpus.haystack.chars, Counter(text[::31]))
    table = shared.translation(corpus.haystack.chars)
    return text[part.start : part.end].translate(table).encode("latin-1")


def _append(region: Region, part: Region, shift: int, section_base: int, ref_base: int) -> None:
    """``part``'s fields and groups at the end of ``region``, moved by ``shift``."""
    fields, groups = len(region.field_starts), len(region.group_starts)
    region.field_starts.extend(s + shift for s in part.field_starts)
    region.field_ends.extend(e + shift for e in part.field_ends)
    region.field_section.extend(s + section_base for s in part.field_section)
    region.field_ref.extend(ref + ref_base for ref in part.field_ref)
    region.originals.extend(part.originals)
    region.maps.update((field + fields, offsets) for field, offsets in part.maps.items())
    region.group_starts.extend(s + shift for s in part.group_starts)
    region.group_ends.extend(e + shift for e in part.group_ends[:-1])
    region.group_section.extend(s + section_base for s in part.group_section)
    region.group_index.update(
        (order + section_base, group + groups) for order, group in part.group_index.items()
    )
