"""Text queries: words, phrases, pinyin and numbers as text, ranked by field.

One word: its first match per field is all that ranks, and regions past the
limit are only counted. Several words (``several_words``): the fields of the
sections that hold every word; a field ranks higher the more words it holds and
the tighter they sit.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from typing import TYPE_CHECKING

from partybuild_tui.search.haystack import Region
from partybuild_tui.search.hits import make_hit
from partybuild_tui.search.query import Query
from partybuild_tui.search.results import SearchResult
from partybuild_tui.search.several_words import SeveralWords
from partybuild_tui.search.terms import CompiledTerm

if TYPE_CHECKING:
    from partybuild_tui.search.index import SearchIndex


def text_search(index: SearchIndex, query: Query, limit: int | None) -> SearchResult:
    terms = [index.term(t) for t in query.terms]
    if len(terms) == 1:
        return _one_word(index, query, terms[0], limit)
    return _words(index, query, terms, limit)


def _one_word(
    index: SearchIndex, query: Query, term: CompiledTerm, limit: int | None
) -> SearchResult:
    ranked: list[tuple[Region, int]] = []
    total = 0
    for region in index.regions:
        wanted = None if limit is None else limit - len(ranked)
        if wanted is not None and wanted <= 0:
            total += _count(index, term, region)
            continue
        firsts = term.field_firsts(region)
        total += len(firsts)
        field_starts = region.field_starts
        keys = [(q, e - s, s - field_starts[field], field) for field, (s, e, q) in firsts.items()]
        best = heapq.nsmallest(wanted, keys) if wanted is not None else sorted(keys)
        ranked.extend((region, key[-1]) for key in best)
    hits = tuple(make_hit(index, region, field, [term]) for region, field in ranked)

    def counts() -> dict[str, int]:
        per_section: Counter[int] = Counter()
        for region in index.regions:
            field_section = region.field_section
            per_section.update(field_section[f] for f in term.field_firsts(region))
        return _by_id(index, per_section)

    return SearchResult(query, hits, total, counts)


def _count(index: SearchIndex, term: CompiledTerm, region: Region) -> int:
    """How many fields of ``region`` hold ``term``, without ranking them."""
    if term.plain:
        if not term.possible_literally:
            return 0
        counter = re.compile(term.literal.pattern + "[^\x00]*()")  # one empty match a field
        return len(counter.findall(index.hay, region.start, region.end))
    return term.count_fields(region)


def _words(
    index: SearchIndex, query: Query, terms: list[CompiledTerm], limit: int | None
) -> SearchResult:
    words = SeveralWords(index, terms)
    ranked: list[tuple[Region, int]] = []
    total = 0
    count = len(terms)
    for r, region in enumerate(index.regions):
        wanted = None if limit is None else limit - len(ranked)
        if wanted is not None and wanted <= 0:
            total += words.count(r)
            continue
        per_field = words.records(r)
        total += len(per_field)
        field_starts = region.field_starts
        # tighter: the span from the first match to the end of the last word's first
        keys = [
            (count - mask.bit_count(), quality, last - s, s - field_starts[field], field)
            for field, (mask, quality, s, last) in per_field.items()
        ]
        best = heapq.nsmallest(wanted, keys) if wanted is not None else sorted(keys)
        ranked.extend((region, key[-1]) for key in best)
    hits = tuple(make_hit(index, region, field, terms) for region, field in ranked)

    def counts() -> dict[str, int]:  # found again rather than kept with the result
        words = SeveralWords(index, terms)
        per_section: Counter[int] = Counter()
        for r, region in enumerate(index.regions):
            field_section = region.field_section
            per_section.update(field_section[f] for f in words.records(r))
        return _by_id(index, per_section)

    return SearchResult(query, hits, total, counts)


def _by_id(index: SearchIndex, per_section: Counter[int]) -> dict[str, int]:
    return {index.report.ordered[s].id: per_section[s] for s in sorted(per_section)}
