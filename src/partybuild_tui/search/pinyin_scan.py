"""The haystack's pinyin code string (see ``pinyin``) and scanning it for one pattern."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

from partybuild_tui.search.haystack import Haystack, Region
from partybuild_tui.search.pinyin import CodeScan, PinyinPattern, PinyinTable

LITERAL, PINYIN = 0, 1
"""Match qualities, in rank order: the letters as typed, then their hanzi."""


class PinyinCodes:
    """One byte per haystack character, and the last few translations made for queries."""

    def __init__(self, table: PinyinTable, codes: bytes) -> None:
        self.table = table
        self.codes = codes
        self.sample: Counter[int] = Counter(codes[::31])
        """Code counts in a sample of the code string, for choosing a pattern's anchor."""
        self._translated: dict[bytes, bytes] = {}
        self._lock = threading.Lock()
        """Guards the cache: the app may search from a worker thread."""

    @classmethod
    def build(cls, haystack: Haystack) -> PinyinCodes:
        table = PinyinTable.build(haystack.chars, Counter(haystack.text[::31]))
        translation = table.translation(haystack.chars)
        return cls(table, haystack.text.translate(translation).encode("latin-1"))

    def scan(self, pattern: PinyinPattern) -> tuple[bytes, CodeScan]:
        """The code string translated for ``pattern`` (the last few are kept), and how to
        scan it."""
        scan = pattern.compile(self.sample)
        with self._lock:
            cached = self._translated.pop(scan.translation, None)
        if cached is None:
            cached = self.codes.translate(scan.translation)
        with self._lock:
            while len(self._translated) >= 4:
                self._translated.pop(next(iter(self._translated)))
            self._translated[scan.translation] = cached  # most recently used last
        return cached, scan

    def clear(self) -> None:
        with self._lock:
            self._translated.clear()

    def occurrences(
        self, pattern: PinyinPattern, hay: str, start: int, end: int
    ) -> list[tuple[int, int, int]]:
        """(start, end, ``PINYIN``) of every match in ``hay[start:end]``, sorted, disjoint."""
        translated, scan = self.scan(pattern)
        anchor = scan.anchor
        starts = [m.start() - anchor for m in scan.regex.finditer(translated, start + anchor, end)]
        last = -1
        found: list[tuple[int, int, int]] = []
        verify = pattern.verify
        for s in starts:
            if s < last:
                continue
            stop = verify(hay, s)
            if 0 < stop <= end:
                found.append((s, stop, PINYIN))
                last = stop
        return found

    def field_firsts(
        self, pattern: PinyinPattern, hay: str, region: Region, start: int, end: int
    ) -> dict[int, tuple[int, int, int]]:
        """Field index → (start, end, ``PINYIN``) of its first match, for every field of
        ``hay[start:end]`` (a run of whole fields) with one."""
        ending = region.field_ending
        return {
            ending[field_end]: (s, stop, PINYIN)
            for s, stop, field_end in self._firsts(pattern, hay, start, end)
        }

    def count_fields(self, pattern: PinyinPattern, hay: str, region: Region) -> int:
        """How many fields of ``region`` hold a match."""
        return sum(1 for _ in self._firsts(pattern, hay, region.start, region.end))

    def _firsts(
        self, pattern: PinyinPattern, hay: str, start: int, end: int
    ) -> Iterator[tuple[int, int, int]]:
        """(start, end, field end) of the first match in each field of ``hay[start:end]``."""
        translated, scan = self.scan(pattern)
        anchor = scan.anchor
        verify = pattern.verify
        for match in scan.per_field.finditer(translated, start + anchor, end):
            s = match.start() - anchor
            field_end = match.end()
            stop = verify(hay, s)
            if stop < 0:  # not a match after all: the field's later candidates
                for again in scan.regex.finditer(translated, s + 1 + anchor, field_end):
                    s = again.start() - anchor
                    stop = verify(hay, s)
                    if stop > 0:
                        break
            if stop > 0:
                yield s, stop, field_end
