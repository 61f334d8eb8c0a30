"""One text term of a query compiled against the index: where it matches."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .haystack import METRIC, Region
from .pinyin import PinyinPattern
from .pinyin_scan import LITERAL
from .query import TextTerm

if TYPE_CHECKING:
    from .index import SearchIndex

Occurrence = tuple[int, int, int]
"""(start, end, quality) of one match in the haystack."""


class CompiledTerm:
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
        self.per_field = re.compile(escaped + "[^\x00]*")
        self.per_group = re.compile(escaped + "[^\x01]*")
        self.pinyin: PinyinPattern | None = None
        if term.pinyin and index.pinyin is not None:
            pattern = PinyinPattern(term.pinyin, index.pinyin.table)
            if pattern.possible:
                self.pinyin = pattern
                self.plain = False
        self.possible_literally = set(text) <= index.haystack.chars
        """False when a character of the term is nowhere in the report (``djyl``, often)."""
        self._estimate: int | None = None
        self._whole: dict[int, dict[int, Occurrence]] = {}
        self.metrics: list[int] = []
        """Metric indices whose value equals the term's number."""
        self.metric_sections: set[int] = set()
        if term.number is not None:
            self.plain = False
            self.metrics = index.metrics.equal(
                term.number.value, "%" if term.number.percent else None
            )
            self.metric_sections = {index.metrics.section[m] for m in self.metrics}

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

    def occurrences(self, start: int, end: int) -> list[Occurrence]:
        """Every match in ``hay[start:end]``, sorted, non-overlapping."""
        hay = self.index.hay
        found: list[Occurrence] = []
        if self.text and self.possible_literally:
            length = len(self.text)
            for match in self.literal.finditer(hay, start, end):
                s = match.start()
                if self.plain or self._boundary_ok(hay, s, s + length):
                    found.append((s, s + length, LITERAL))
        if self.pinyin is not None:
            assert self.index.pinyin is not None
            pinyin_found = self.index.pinyin.occurrences(self.pinyin, hay, start, end)
            if pinyin_found:
                found = _merge_occurrences(found, pinyin_found)
        return found

    def field_firsts(
        self, region: Region, start: int | None = None, end: int | None = None
    ) -> dict[int, Occurrence]:
        """Field index → its first match, for every field with one (in the whole region,
        or in ``hay[start:end]``, a run of whole fields)."""
        whole = start is None and end is None
        if whole and region.kind in self._whole:
            return self._whole[region.kind]
        firsts: dict[int, Occurrence] = {}
        field_starts = region.field_starts
        start = region.start if start is None else start
        end = region.end if end is None else end
        if self.plain:
            if not self.possible_literally:
                return firsts
            firsts = self._literal_firsts(field_starts, start, end)
        elif self.pinyin is not None:  # letters, so no number and no digit boundaries
            assert self.index.pinyin is not None
            firsts = self.index.pinyin.field_firsts(self.pinyin, self.index.hay, region, start, end)
            if self.text and self.possible_literally:  # the letters as typed, too
                for field, occurrence in self._literal_firsts(field_starts, start, end).items():
                    old = firsts.get(field)
                    if old is None or occurrence < old:
                        firsts[field] = occurrence
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
                quote = self.index.haystack.quote_span(metric)
                old = firsts.get(metric)
                if old is None or quote[0] <= old[0]:
                    firsts[metric] = (quote[0], quote[1], LITERAL)
        if whole and not self.plain and len(firsts) <= 50_000:
            self._whole[region.kind] = firsts  # scanning pinyin or numbers again costs most
        return firsts

    def _literal_firsts(self, starts: list[int], start: int, end: int) -> dict[int, Occurrence]:
        firsts: dict[int, Occurrence] = {}
        length = len(self.text)
        for match in self.per_field.finditer(self.index.hay, start, end):
            s = match.start()
            firsts[bisect_right(starts, s) - 1] = (s, s + length, LITERAL)
        return firsts

    def estimate(self) -> int:
        """Roughly how common the term is (exact occurrences for a plain word)."""
        if self._estimate is None:
            haystack = self.index.haystack
            if self.plain:  # counted in a sample: a full count costs as much as a search
                self._estimate = haystack.sample.count(self.text) * haystack.sample_scale
            else:  # pinyin and numbers: scanned anyway, count them last
                self._estimate = len(haystack.text)
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


def _merge_occurrences(first: list[Occurrence], second: list[Occurrence]) -> list[Occurrence]:
    merged: list[Occurrence] = []
    for occurrence in sorted(first + second):
        if merged and occurrence[0] < merged[-1][1]:
            continue
        merged.append(occurrence)
    return merged
