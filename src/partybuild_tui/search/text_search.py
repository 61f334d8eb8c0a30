"""Text queries: words, phrases, pinyin and numbers as text, ranked by field.

One word: its first match per field is all that ranks. Several words: the
sections holding the rarest word are found first, and the other words are
looked for only inside those; a field ranks higher the more words it holds and
the tighter they sit.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from .haystack import Region
from .hits import make_hit
from .pinyin_scan import LITERAL
from .query import Query
from .results import SearchResult
from .terms import CompiledTerm

if TYPE_CHECKING:
    from .index import SearchIndex


def text_search(index: SearchIndex, query: Query, limit: int | None) -> SearchResult:
    terms = [index.term(t) for t in query.terms]
    allowed = _allowed(index, terms)
    if allowed is not None and not allowed:
        return SearchResult(query, (), 0)
    ranked: list[tuple[Region, int]] = []
    total = 0
    for region in index.regions:
        wanted = None if limit is None else limit - len(ranked)
        if wanted is not None and wanted <= 0:
            total += _count(index, terms, allowed, region)
            continue
        field_starts = region.field_starts
        if len(terms) == 1:  # one word: its first match per field is all that ranks
            firsts = terms[0].field_firsts(region)
            total += len(firsts)
            keys = [
                (0, q, e - s, s - field_starts[field], field) for field, (s, e, q) in firsts.items()
            ]
        else:
            per_field = _collect(index, terms, allowed, region)
            total += len(per_field)
            count = len(terms)
            # tighter: the span from the first match to the end of the last word's first
            keys = [
                (count - mask.bit_count(), quality, last - s, s - field_starts[field], field)
                for field, (mask, s, _e, quality, last) in per_field.items()
            ]
        best = heapq.nsmallest(wanted, keys) if wanted is not None else sorted(keys)
        ranked.extend((region, key[-1]) for key in best)
    hits = tuple(make_hit(index, region, field, terms) for region, field in ranked)
    return SearchResult(query, hits, total, lambda: _text_counts(index, terms, allowed))


def _text_counts(
    index: SearchIndex, terms: list[CompiledTerm], allowed: set[int] | None
) -> dict[str, int]:
    counts: Counter[int] = Counter()
    for region in index.regions:
        field_section = region.field_section
        counts.update(field_section[f] for f in _collect(index, terms, allowed, region))
    return {index.report.ordered[s].id: counts[s] for s in sorted(counts)}


def _narrow(index: SearchIndex, allowed: set[int] | None) -> bool:
    """Whether to scan only the allowed sections' fields rather than whole regions."""
    return allowed is not None and len(allowed) * 2 < len(index.report.ordered)


def _allowed(index: SearchIndex, terms: list[CompiledTerm]) -> set[int] | None:
    """Sections that hold every term (``None`` for a single term): the rarest term's
    sections, then each other term checked only in those."""
    if len(terms) < 2:
        return None
    ordered = sorted(terms, key=lambda t: t.estimate())
    allowed = ordered[0].sections()
    for term in ordered[1:]:
        if not allowed:
            break
        if _narrow(index, allowed):
            allowed = {order for order in allowed if term.in_section(order)}
        else:
            allowed &= term.sections()
    return allowed


def _collect(
    index: SearchIndex, terms: list[CompiledTerm], allowed: set[int] | None, region: Region
) -> dict[int, list[int]]:
    """Field index → [term mask, first start, first end, quality, last end] for fields with
    a match: the first match's place, and where the last word's first match ends."""
    per_field: dict[int, list[int]] = {}
    field_section = region.field_section
    field_starts = region.field_starts
    hay = index.hay
    # Visiting each allowed section is cheaper than scanning a big region whole.
    narrow = _narrow(index, allowed) and region.end - region.start > 1000 * len(allowed or ())
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
                    add(bit, bisect_right(field_starts, s) - 1, s, s + length, LITERAL)
            continue
        for field, (s, e, q) in term.field_firsts(region).items():
            if allowed is None or field_section[field] in allowed:
                add(bit, field, s, e, q)
    return per_field


def _count(
    index: SearchIndex, terms: list[CompiledTerm], allowed: set[int] | None, region: Region
) -> int:
    """How many fields of ``region`` are hits, without ranking them."""
    if all(term.plain for term in terms) and (allowed is None or _narrow(index, allowed)):
        counter = re.compile("(?:" + "|".join(t.literal.pattern for t in terms) + ")[^\x00]*()")
        hay = index.hay
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
    return len(_collect(index, terms, allowed, region))
