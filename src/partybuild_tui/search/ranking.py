"""Ranking: the hits of a query in rank order, a page of them, and the count of all.

One word: its first match per field is all that ranks, and regions past the
limit are only counted. Several words (``SeveralWords``): the fields of the
sections that hold every word; a field ranks higher the more words it holds and
the tighter they sit. The rarest word (by a sample) is found everywhere in one
pass, with its first match in each field: that gives the sections that may hold
them all. Each other word is then looked for only in those sections while they
are few: in their paragraphs, counting the fields that hold it; in their metrics,
keeping its first match in each field (for ranking them); in the titles of the
sections still without it, to a first match. Else it is found everywhere.
Regions are ranked in order until the limit is reached: a ranked region needs
every word's first match in each field of the allowed sections. The regions past
the limit are only counted: from the fields already found and the paragraphs
counted, or by one ``re`` pass for every word over the allowed sections. Metric
queries (value, range, ``unit:``) rank metrics in report order.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from partybuild_tui.search.hits import SearchResult, make_hit
from partybuild_tui.search.index import METRIC, PARAGRAPH, TITLE, Corpus, Region
from partybuild_tui.search.matching import CompiledTerm, Matcher, Occurrence, metric_matches
from partybuild_tui.search.pinyin import RARE
from partybuild_tui.search.query import Query

Record = list[int]
"""A hit field: [word mask, quality, first start, last end] — where the earliest word's
first match starts, and where the last word's first match ends."""


class SeveralWords:
    """The sections that hold every word of a query, and its hit fields region by region."""

    def __init__(self, corpus: Corpus, terms: list[CompiledTerm]) -> None:
        self.corpus = corpus
        self.terms = terms
        regions = corpus.haystack.regions
        # word → region → field → the word's first match there (None: not looked for yet)
        self.firsts: list[list[dict[int, Occurrence] | None]] = [
            [None] * len(regions) for _ in terms
        ]
        by_rarity = sorted(range(len(terms)), key=lambda i: terms[i].estimate())
        self.rarest = by_rarity[0]
        self.paragraph_fields: int | None = None
        """With two words, the second found section by section: how many paragraphs of
        the allowed sections hold it (counted as its sections are searched)."""
        allowed: set[int] | None = None
        for i in by_rarity:
            term = terms[i]
            if allowed is not None and _narrow(corpus, allowed) and term.plain:
                allowed, fields, self.firsts[i][METRIC] = _holding(corpus, term, allowed)
                if len(terms) == 2:
                    self.paragraph_fields = fields
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
        region = self.corpus.haystack.regions[r]
        per_field: dict[int, Record] = {}
        if not self.allowed:
            return per_field
        for bit, term in enumerate(self.terms):
            found = self._firsts(bit, r, term).items()
            add_firsts(per_field, 1 << bit, found, region.field_section, self.allowed)
        return per_field

    def count(self, r: int) -> int:
        """``len(self.records(r))``: the words already found field by field are counted
        from those; the others by ``re``, in the allowed sections (with only plain words,
        every word at once)."""
        if not self.allowed:
            return 0
        region = self.corpus.haystack.regions[r]
        if _small(region, self.allowed):
            return len(self.records(r))
        allowed, hay = self.allowed, self.corpus.haystack.text
        others = [t.literal.pattern for i, t in enumerate(self.terms) if self.firsts[i][r] is None]
        starts, ends = region.group_starts, region.group_ends
        if r == PARAGRAPH and self.paragraph_fields is not None and len(others) == 1:
            return self._count_paragraphs(region, self.paragraph_fields)
        if others and all(t.plain for t in self.terms):
            # one alternation pass over the allowed sections: cheaper than a pass for the
            # words not yet found plus a search per field found both ways
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

    def _count_paragraphs(self, region: Region, other_fields: int) -> int:
        """``count`` for two words, the rarest found field by field and the other's
        paragraphs counted: the rarest's paragraphs plus the other's, less those holding
        both (the rarest's paragraphs searched for the other)."""
        allowed, hay, field_section = self.allowed, self.corpus.haystack.text, region.field_section
        found = self.firsts[self.rarest][region.kind]
        assert found is not None
        search = self.terms[1 - self.rarest].literal.search
        starts, ends = region.field_starts, region.field_ends
        mine = [f for f in found if field_section[f] in allowed]
        both = sum(1 for f in mine if search(hay, starts[f], ends[f]))
        return len(mine) + other_fields - both

    def _firsts(self, i: int, r: int, term: CompiledTerm) -> dict[int, Occurrence]:
        """Word ``i``'s first match per field of region ``r``, at least in the allowed
        sections."""
        found = self.firsts[i][r]
        if found is None:
            region = self.corpus.haystack.regions[r]
            if _small(region, self.allowed):
                found = term.field_firsts(region)
            else:
                found = term.firsts_in_groups(region, _groups(region, self.allowed))
            self.firsts[i][r] = found
        return found


def add_firsts(
    records: dict[int, Record],
    flag: int,
    firsts: Iterable[tuple[int, Occurrence]],
    field_section: Sequence[int],
    allowed: set[int],
) -> None:
    """Fold one word's first match per field (``flag``: its bit) into ``records``, for the
    fields of the allowed sections: which words, their rarity, first start, last end."""
    for field, (s, e, q) in firsts:
        if field_section[field] not in allowed:
            continue
        current = records.get(field)
        if current is None:
            records[field] = [flag, q, s, e]
            continue
        current[0] |= flag
        current[1] += q
        if s < current[2]:
            current[2] = s
        if e > current[3]:
            current[3] = e


def _narrow(corpus: Corpus, allowed: set[int]) -> bool:
    """Whether to look only in the allowed sections rather than everywhere."""
    return len(allowed) * 2 < len(corpus.report.ordered)


def _holding(
    corpus: Corpus, term: CompiledTerm, sections: set[int]
) -> tuple[set[int], int, dict[int, Occurrence]]:
    """The sections that hold the plain ``term``; how many paragraphs of those hold it;
    and its first match in each metric field of ``sections`` (the ranking of the
    metrics would look for them again). The paragraphs (most text) are each searched
    to their end, counting (``_count_paragraphs`` needs no second pass); the titles
    of the sections left, to their first match."""
    hay, search = corpus.haystack.text, term.literal.search
    regions = corpus.haystack.regions
    counter = re.compile(term.literal.pattern + "[^\x00]*()").findall  # a match a field
    held: set[int] = set()
    paragraphs = 0
    region = regions[PARAGRAPH]
    group_index, starts, ends = region.group_index, region.group_starts, region.group_ends
    for order in sections:
        g = group_index.get(order)
        if g is not None and (fields := len(counter(hay, starts[g], ends[g]))):
            held.add(order)
            paragraphs += fields
    region = regions[METRIC]
    group_index = region.group_index
    groups = [g for order in sections if (g := group_index.get(order)) is not None]
    metric_firsts = term.firsts_in_groups(region, groups)
    held.update(map(region.field_section.__getitem__, metric_firsts))
    region = regions[TITLE]
    group_index, starts, ends = region.group_index, region.group_starts, region.group_ends
    held.update(
        order
        for order in sections - held
        if (g := group_index.get(order)) is not None and search(hay, starts[g], ends[g])
    )
    return held, paragraphs, metric_firsts


def _small(region: Region, allowed: set[int]) -> bool:
    """Whether scanning the whole region costs less than visiting the allowed sections
    (a visit costs about as much as scanning 500 characters)."""
    return region.end - region.start <= 500 * len(allowed)


def _groups(region: Region, allowed: set[int]) -> list[int]:
    group_index = region.group_index
    return [group_index[order] for order in allowed if order in group_index]


def text_search(matcher: Matcher, query: Query, limit: int | None) -> SearchResult:
    terms = [matcher.term(t) for t in query.terms]
    if len(terms) == 1:
        return _one_word(matcher, query, terms[0], limit)
    return _words(matcher, query, terms, limit)


Key = tuple[int, ...]
"""(rare, region, …, field): how a hit field ranks; smaller first."""


def _rank(
    corpus: Corpus,
    terms: list[CompiledTerm],
    limit: int | None,
    keys_of: Callable[[int], list[Key]],
    count_of: Callable[[int], int],
) -> tuple[list[tuple[Region, int]], int]:
    """The top ``limit`` fields and the count of all. Regions rank in order, so once
    ``limit`` fields are found the later regions are only counted. A match that needs
    a rare reading ranks after every other (广 for ``an`` after any 安), so with
    pinyin only the fields that need none fill the page."""
    regions = corpus.haystack.regions
    if limit == 0:  # only the count (a report's total in a search across many)
        return [], sum(count_of(r) for r in range(len(regions)))
    rare_last = any(t.pinyin is not None for t in terms)
    found: list[Key] = []
    common = 0  # how many of ``found`` need no rare reading
    total = 0
    for r in range(len(regions)):
        if limit is not None and common >= limit:
            total += count_of(r)
            continue
        keys = keys_of(r)
        total += len(keys)
        if rare_last:
            found.extend(keys)
            common += sum(1 for key in keys if not key[0])
        elif limit is None:
            found.extend(keys)
        else:
            found.extend(heapq.nsmallest(limit - len(found), keys))
            common = len(found)
    found = heapq.nsmallest(limit, found) if limit is not None else sorted(found)
    return [(regions[key[1]], key[-1]) for key in found], total


def _one_word(
    matcher: Matcher, query: Query, term: CompiledTerm, limit: int | None
) -> SearchResult:
    corpus = matcher.corpus
    regions = corpus.haystack.regions

    def keys_of(r: int) -> list[Key]:
        region = regions[r]
        starts = region.field_starts
        return [
            (q >= RARE, r, q, e - s, s - starts[field], field)
            for field, (s, e, q) in term.field_firsts(region).items()
        ]

    ranked, total = _rank(corpus, [term], limit, keys_of, lambda r: _count(corpus, term, r))
    hits = tuple(make_hit(matcher, region, field, [term]) for region, field in ranked)

    def counts() -> dict[str, int]:
        per_section: Counter[int] = Counter()
        for region in regions:
            field_section = region.field_section
            per_section.update(field_section[f] for f in term.field_firsts(region))
        return _by_id(corpus, per_section)

    return SearchResult(query, hits, total, counts)


def _count(corpus: Corpus, term: CompiledTerm, r: int) -> int:
    """How many fields of region ``r`` hold ``term``, without ranking them."""
    region = corpus.haystack.regions[r]
    if term.plain:
        if not term.possible_literally:
            return 0
        counter = re.compile(term.literal.pattern + "[^\x00]*()")  # one empty match a field
        return len(counter.findall(corpus.haystack.text, region.start, region.end))
    return term.count_fields(region)


def _words(
    matcher: Matcher, query: Query, terms: list[CompiledTerm], limit: int | None
) -> SearchResult:
    corpus = matcher.corpus
    regions = corpus.haystack.regions
    words = SeveralWords(corpus, terms)
    count = len(terms)

    def keys_of(r: int) -> list[Key]:
        starts = regions[r].field_starts
        # tighter: the span from the first match to the end of the last word's first
        return [
            (q >= RARE, r, count - mask.bit_count(), q, last - s, s - starts[field], field)
            for field, (mask, q, s, last) in words.records(r).items()
        ]

    ranked, total = _rank(corpus, terms, limit, keys_of, words.count)
    hits = tuple(make_hit(matcher, region, field, terms) for region, field in ranked)

    def counts() -> dict[str, int]:  # found again rather than kept with the result
        words = SeveralWords(corpus, terms)
        per_section: Counter[int] = Counter()
        for r, region in enumerate(regions):
            field_section = region.field_section
            per_section.update(field_section[f] for f in words.records(r))
        return _by_id(corpus, per_section)

    return SearchResult(query, hits, total, counts)


def _by_id(corpus: Corpus, per_section: Counter[int]) -> dict[str, int]:
    return {corpus.report.ordered[s].id: per_section[s] for s in sorted(per_section)}


def metric_search(matcher: Matcher, query: Query, limit: int | None) -> SearchResult:
    matches = metric_matches(matcher, query)
    chosen = matches if limit is None else matches[:limit]
    corpus = matcher.corpus
    region = corpus.haystack.regions[METRIC]
    hits = tuple(make_hit(matcher, region, i, [], whole_quote=True) for i in chosen)

    def counts() -> dict[str, int]:
        per_section = Counter(corpus.metrics.section[i] for i in matches)
        return {corpus.report.ordered[s].id: per_section[s] for s in sorted(per_section)}

    return SearchResult(query, hits, len(matches), counts)
