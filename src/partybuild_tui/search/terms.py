"""One text term of a query compiled against the index: where it matches."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from partybuild_tui.search.haystack import METRIC, Region
from partybuild_tui.search.pinyin import PinyinPattern
from partybuild_tui.search.pinyin_scan import LITERAL
from partybuild_tui.search.query import TextTerm

if TYPE_CHECKING:
    from partybuild_tui.search.index import SearchIndex

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
        self.pinyin: PinyinPattern | None = None
        if term.pinyin and index.pinyin is not None:
            pattern = PinyinPattern(term.pinyin, index.pinyin.table)
            if pattern.possible:
                self.pinyin = pattern
                self.plain = False
        self.possible_literally = set(text) <= index.haystack.chars
        """False when a character of the term is nowhere in the report (``djyl``, often)."""
        self.literally = bool(text) and self.possible_literally
        self._estimate: int | None = None
        self._whole: dict[int, dict[int, Occurrence]] = {}
        self._counted: dict[int, int] = {}
        self.metrics: list[int] = []
        """Metric indices whose value equals the term's number."""
        if term.number is not None:
            self.plain = False
            self.metrics = index.metrics.equal(
                term.number.value, "%" if term.number.percent else None
            )

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
        if self.literally:
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
        start = region.start if start is None else start
        end = region.end if end is None else end
        if self.plain:
            if not self.possible_literally:
                return firsts
            firsts = self._literal_firsts(region, start, end)
        elif self.pinyin is not None:  # letters, so no number and no digit boundaries
            assert self.index.pinyin is not None
            firsts = self.index.pinyin.field_firsts(self.pinyin, self.index.hay, region, start, end)
            if self.literally:  # the letters as typed, too
                for field, occurrence in self._literal_firsts(region, start, end).items():
                    old = firsts.get(field)
                    if old is None or occurrence < old:
                        firsts[field] = occurrence
        else:
            current = -1
            for occurrence in self.occurrences(start, end):
                field = region.field_at(occurrence[0])
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

    def _literal_firsts(self, region: Region, start: int, end: int) -> dict[int, Occurrence]:
        firsts: dict[int, Occurrence] = {}
        length, ending = len(self.text), region.field_ending
        for match in self.per_field.finditer(self.index.hay, start, end):
            s, e = match.span()
            firsts[ending[e]] = (s, s + length, LITERAL)
        return firsts

    def firsts_in_groups(self, region: Region, groups: list[int]) -> dict[int, Occurrence]:
        """``field_firsts`` in these groups (sections) of ``region`` only, for a plain term."""
        firsts: dict[int, Occurrence] = {}
        if not self.possible_literally:
            return firsts
        hay, finditer, length = self.index.hay, self.per_field.finditer, len(self.text)
        starts, ends, ending = region.group_starts, region.group_ends, region.field_ending
        for group in groups:
            for match in finditer(hay, starts[group], ends[group]):
                s, e = match.span()
                firsts[ending[e]] = (s, s + length, LITERAL)
        return firsts

    def count_fields(self, region: Region) -> int:
        """``len(self.field_firsts(region))``, without noting where for pinyin alone."""
        if region.kind in self._whole or self.pinyin is None or self.literally:
            return len(self.field_firsts(region))
        count = self._counted.get(region.kind)
        if count is None:
            assert self.index.pinyin is not None
            count = self.index.pinyin.count_fields(self.pinyin, self.index.hay, region)
            self._counted[region.kind] = count  # the next keystroke asks again
        return count

    def estimate(self) -> int:
        """Roughly how common the term is (exact occurrences for a plain word)."""
        if self._estimate is None:
            haystack = self.index.haystack
            if self.plain:  # counted in a sample: a full count costs as much as a search
                self._estimate = haystack.sample.count(self.text) * haystack.sample_scale
            else:  # pinyin and numbers: scanned anyway, count them last
                self._estimate = len(haystack.text)
        return self._estimate


def _merge_occurrences(first: list[Occurrence], second: list[Occurrence]) -> list[Occurrence]:
    merged: list[Occurrence] = []
    for occurrence in sorted(first + second):
        if merged and occurrence[0] < merged[-1][1]:
            continue
        merged.append(occurrence)
    return merged
