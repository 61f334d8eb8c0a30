"""Several words: the fields of the sections that hold every word.

The rarest word (by a sample) is found everywhere in one pass, with its first
match in each field: that gives the sections that may hold them all. Each other
word is then looked for only in those sections while they are few, stopping at
its first match in each; else it is found everywhere. Regions are ranked in
order until the limit is reached: a ranked region needs every word's first match
in each field of the allowed sections. The regions past the limit are only
counted, the words not yet found field by field counted by ``re``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from partybuild_tui.search.haystack import Region
from partybuild_tui.search.terms import CompiledTerm, Occurrence

if TYPE_CHECKING:
    from partybuild_tui.search.index import SearchIndex

Record = list[int]
"""A hit field: [word mask, quality, first start, last end] — where the earliest word's
first match starts, and where the last word's first match ends."""


class SeveralWords:
    """The sections that hold every word of a query, and its hit fields region by region."""

    def __init__(self, index: SearchIndex, terms: list[CompiledTerm]) -> None:
        self.index = index
        self.terms = terms
        regions = index.regions
        # word → region → field → the word's first match there (None: not looked for yet)
        self.firsts: list[list[dict[int, Occurrence] | None]] = [
            [None] * len(regions) for _ in terms
        ]
        by_rarity = sorted(range(len(terms)), key=lambda i: terms[i].estimate())
        self.rarest = by_rarity[0]
        allowed: set[int] | None = None
        for i in by_rarity:
            term = terms[i]
            if allowed is not None and _narrow(index, allowed) and term.plain:
                allowed = _holding(index, term, allowed)
            else:
                self.firsts[i] = [term.field_firsts(region) for region in regions]
                held: set[int] = set()
                for region, found in zip(regions, self.firsts[i], strict=True):
                    assert found is not None
                    held.update(map(region.field_section.__getitem__, found))
                allowed = held if allowed is None else allowed & held
            if not allowed:
                break
        assert allowed is not None
        self.allowed = allowed
        """Sections (by reading order) that hold every word."""

    def records(self, r: int) -> dict[int, Record]:
        """Field → its record, for every field of region ``r`` that holds a word, in an
        allowed section."""
        region = self.index.regions[r]
        per_field: dict[int, Record] = {}
        if not self.allowed:
            return per_field
        field_section, allowed = region.field_section, self.allowed
        for bit, term in enumerate(self.terms):
            flag = 1 << bit
            for field, (s, e, q) in self._firsts(bit, r, term).items():
                if field_section[field] not in allowed:
                    continue
                current = per_field.get(field)
                if current is None:
                    per_field[field] = [flag, q, s, e]
                    continue
                current[0] |= flag
                current[1] += q
                if s < current[2]:
                    current[2] = s
                if e > current[3]:
                    current[3] = e
        return per_field

    def count(self, r: int) -> int:
        """``len(self.records(r))``: the words already found field by field are counted
        from those; the others (plain words) by ``re``, in the allowed sections (all of
        them at once when several are left)."""
        if not self.allowed:
            return 0
        region = self.index.regions[r]
        if _small(region, self.allowed):
            return len(self.records(r))
        allowed, hay = self.allowed, self.index.hay
        others = [t.literal.pattern for i, t in enumerate(self.terms) if self.firsts[i][r] is None]
        starts, ends = region.group_starts, region.group_ends
        if len(others) > 1 and all(t.plain for t in self.terms):
            # re scans an alternation a character at a time anyway: count every word at once
            either = "|".join(t.literal.pattern for t in self.terms)
            findall = re.compile("(?:" + either + ")[^\x00]*()").findall  # one match a field
            return sum(len(findall(hay, starts[g], ends[g])) for g in _groups(region, allowed))
        field_section = region.field_section
        fields = {
            field
            for found in self.firsts
            for field in found[r] or ()
            if field_section[field] in allowed
        }
        if not others:
            return len(fields)
        other = re.compile("|".join(others))
        counter = re.compile("(?:" + other.pattern + ")[^\x00]*()")  # one empty match a field
        counted = sum(
            len(counter.findall(hay, starts[g], ends[g])) for g in _groups(region, allowed)
        )
        field_starts, field_ends = region.field_starts, region.field_ends
        # fields found both ways, counted twice
        twice = sum(1 for f in fields if other.search(hay, field_starts[f], field_ends[f]))
        return len(fields) + counted - twice

    def _firsts(self, i: int, r: int, term: CompiledTerm) -> dict[int, Occurrence]:
        """Word ``i``'s first match per field of region ``r``, at least in the allowed
        sections."""
        found = self.firsts[i][r]
        if found is None:
            region = self.index.regions[r]
            if _small(region, self.allowed):
                found = term.field_firsts(region)
            else:
                found = term.firsts_in_groups(region, _groups(region, self.allowed))
            self.firsts[i][r] = found
        return found


def _narrow(index: SearchIndex, allowed: set[int]) -> bool:
    """Whether to look only in the allowed sections rather than everywhere."""
    return len(allowed) * 2 < len(index.report.ordered)


def _holding(index: SearchIndex, term: CompiledTerm, sections: set[int]) -> set[int]:
    """The sections that hold the plain ``term``, each searched until its first match."""
    hay, search = index.hay, term.literal.search
    held: set[int] = set()
    for region in reversed(index.regions):  # paragraphs first: most text
        group_index, starts, ends = region.group_index, region.group_starts, region.group_ends
        found = {
            order
            for order in sections
            if (g := group_index.get(order)) is not None and search(hay, starts[g], ends[g])
        }
        held |= found
        sections = sections - found
    return held


def _small(region: Region, allowed: set[int]) -> bool:
    """Whether scanning the whole region costs less than visiting the allowed sections
    (a visit costs about as much as scanning 500 characters)."""
    return region.end - region.start <= 500 * len(allowed)


def _groups(region: Region, allowed: set[int]) -> list[int]:
    group_index = region.group_index
    return [group_index[order] for order in allowed if order in group_index]
