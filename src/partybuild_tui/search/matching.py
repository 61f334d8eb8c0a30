"""Where the parts of a query match one report: text terms compiled against its
``Corpus`` (``CompiledTerm``), kept for the next keystroke (``Matcher``), and the
metrics a query selects (``metric_matches``).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache

from partybuild_tui.search.codes import PinyinPattern
from partybuild_tui.search.index import LITERAL, METRIC, TITLE, Corpus, Region
from partybuild_tui.search.pinyin import RARE, forget_spellings
from partybuild_tui.search.query import Query, TextTerm

Occurrence = tuple[int, int, int]
"""(start, end, quality) of one match in the haystack."""


@lru_cache(maxsize=256)
def _patterns(text: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The term as a pattern, and then the rest of its field (one match per field);
    the same for every report."""
    escaped = re.escape(text)
    return re.compile(escaped), re.compile(escaped + "[^\x00]*")


class CompiledTerm:
    """One text term compiled against the index."""

    def __init__(self, corpus: Corpus, term: TextTerm) -> None:
        self.corpus = corpus
        self.term = term
        text = term.text
        self.text = text
        self.literal, self.per_field = _patterns(text)
        self.bounded_start = text[:1].isdigit()
        self.bounded_end = text[-1:].isdigit() or (term.number is not None)
        self.plain = not (self.bounded_start or self.bounded_end)
        self.pinyin: PinyinPattern | None = None
        if term.pinyin and corpus.pinyin is not None:
            pattern = PinyinPattern(term.pinyin, corpus.pinyin.table)
            if pattern.possible:
                self.pinyin = pattern
                self.plain = False
        self.possible_literally = set(text) <= corpus.haystack.chars
        """False when a character of the term is nowhere in the report (``djyl``, often)."""
        self.literally = bool(text) and self.possible_literally
        self._estimate: int | None = None
        self._whole: dict[int, dict[int, Occurrence]] = {}
        self._counted: dict[int, int] = {}
        self.metrics: list[int] = []
        """Metric indices whose value equals the term's number."""
        if term.number is not None:
            self.plain = False
            self.metrics = corpus.metrics.equal(
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
        hay = self.corpus.haystack.text
        found: list[Occurrence] = []
        if self.literally:
            length = len(self.text)
            for match in self.literal.finditer(hay, start, end):
                s = match.start()
                if self.plain or self._boundary_ok(hay, s, s + length):
                    found.append((s, s + length, LITERAL))
        if self.pinyin is not None:
            assert self.corpus.pinyin is not None
            pinyin_found = self.corpus.pinyin.occurrences(self.pinyin, hay, start, end)
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
            assert self.corpus.pinyin is not None
            firsts = self.corpus.pinyin.field_firsts(
                self.pinyin, self.corpus.haystack.text, region.field_ending, start, end
            )
            if self.literally:  # the letters as typed, too
                for field, occurrence in self._literal_firsts(region, start, end).items():
                    old = firsts.get(field)
                    if old is None or old[2] >= RARE or occurrence < old:
                        firsts[field] = occurrence  # earlier, or better than a rare reading
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
                quote = self.corpus.haystack.quote_span(metric)
                old = firsts.get(metric)
                if old is None or quote[0] <= old[0]:
                    firsts[metric] = (quote[0], quote[1], LITERAL)
        if whole and not self.plain and len(firsts) <= 50_000:
            self._whole[region.kind] = firsts  # scanning pinyin or numbers again costs most
        return firsts

    def _literal_firsts(self, region: Region, start: int, end: int) -> dict[int, Occurrence]:
        firsts: dict[int, Occurrence] = {}
        length, ending = len(self.text), region.field_ending
        for match in self.per_field.finditer(self.corpus.haystack.text, start, end):
            s, e = match.span()
            firsts[ending[e]] = (s, s + length, LITERAL)
        return firsts

    def firsts_in_groups(self, region: Region, groups: list[int]) -> dict[int, Occurrence]:
        """``field_firsts`` in these groups (sections) of ``region`` only, for a plain term."""
        firsts: dict[int, Occurrence] = {}
        if not self.possible_literally:
            return firsts
        hay, finditer, length = self.corpus.haystack.text, self.per_field.finditer, len(self.text)
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
            assert self.corpus.pinyin is not None
            hay = self.corpus.haystack.text
            count = self.corpus.pinyin.count_fields(self.pinyin, hay, region.start, region.end)
            self._counted[region.kind] = count  # the next keystroke asks again
        return count

    def estimate(self) -> int:
        """Roughly how common the term is (exact occurrences for a plain word)."""
        if self._estimate is None:
            haystack = self.corpus.haystack
            if self.plain and len(haystack.text) < 1 << 16:
                self._estimate = 0  # a small report: any order is quick, counting is not
            elif self.plain:  # counted in a sample: a full count costs as much as a search
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


class Matcher:
    """One report's ``Corpus`` and the terms of the last few queries compiled against it."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._terms: dict[TextTerm, CompiledTerm] = {}
        self._lock = threading.Lock()
        """Guards the cache: the app may search from a worker thread."""

    def term(self, term: TextTerm) -> CompiledTerm:
        """The compiled term (the last 16 are kept: typing refines the same few terms)."""
        with self._lock:
            compiled = self._terms.pop(term, None)
        if compiled is None:
            compiled = CompiledTerm(self.corpus, term)
        with self._lock:
            while len(self._terms) >= 16:
                self._terms.pop(next(iter(self._terms)))
            self._terms[term] = compiled
        return compiled

    def clear(self) -> None:
        """Forget compiled terms and pinyin translations (for benchmarks of a first query)."""
        with self._lock:
            self._terms.clear()
        if self.corpus.pinyin is not None:
            self.corpus.pinyin.clear()
        forget_spellings()


def metric_matches(matcher: Matcher, query: Query) -> list[int]:
    """Positions in ``report.metrics`` of the metrics ``query`` selects, in report order."""
    candidates, words = _metric_filter(matcher, query)
    found = set(range(len(matcher.corpus.report.metrics))) if candidates is None else candidates
    metric_section = matcher.corpus.metrics.section
    for term in words:
        metrics, sections = _word_metrics(matcher.corpus, term)
        found = {i for i in found if i in metrics or metric_section[i] in sections}
    return sorted(found)


def _metric_filter(matcher: Matcher, query: Query) -> tuple[set[int] | None, list[CompiledTerm]]:
    """Metrics that satisfy every value and unit filter (``None``: all), and the word terms."""
    values = matcher.corpus.metrics
    candidates: set[int] | None = None

    def restrict(found: Iterable[int]) -> None:
        nonlocal candidates
        found = set(found)
        candidates = found if candidates is None else candidates & found

    for value_filter in query.filters:
        units = [u for u in ("%" if value_filter.percent else None, value_filter.unit) if u]
        found = values.in_range(
            value_filter.low,
            value_filter.high,
            value_filter.low_inclusive,
            value_filter.high_inclusive,
            units[0] if units else None,
        )
        if len(units) > 1:
            found = [i for i in found if values.units[i] == units[1]]
        restrict(found)
    words: list[CompiledTerm] = []
    for term in query.terms:
        if term.number is not None:
            restrict(values.equal(term.number.value, "%" if term.number.percent else None))
        else:
            words.append(matcher.term(term))
    if query.units:
        restrict(i for unit in query.units for i in values.with_unit(unit)[1])
    return candidates, words


def _word_metrics(corpus: Corpus, term: CompiledTerm) -> tuple[set[int], set[int]]:
    """Metrics whose label/quote/unit match ``term``, and sections under a matching title."""
    metrics = set(term.field_firsts(corpus.haystack.regions[METRIC]))
    sections: set[int] = set()
    titles = corpus.haystack.regions[TITLE]
    subtree_end = corpus.metrics.subtree_end
    for field in term.field_firsts(titles):
        order = titles.field_section[field]
        sections.update(range(order, subtree_end[order]))
    return metrics, sections
