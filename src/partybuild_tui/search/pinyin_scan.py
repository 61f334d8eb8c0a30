"""The haystack's pinyin code string (see ``pinyin``) and scanning it for one pattern."""

from __future__ import annotations

import re
import threading
from collections import Counter

from .haystack import Haystack
from .pinyin import PinyinPattern, PinyinTable

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

    def scan(self, pattern: PinyinPattern) -> tuple[bytes, int, list[re.Pattern[bytes]]]:
        """The code string translated for ``pattern`` (the last few are kept), its anchor
        step and regexes."""
        translation, anchor, regexes = pattern.compile(self.sample)
        with self._lock:
            cached = self._translated.pop(translation, None)
        if cached is None:
            cached = self.codes.translate(translation)
        with self._lock:
            while len(self._translated) >= 4:
                self._translated.pop(next(iter(self._translated)))
            self._translated[translation] = cached  # most recently used last
        return cached, anchor, regexes

    def clear(self) -> None:
        with self._lock:
            self._translated.clear()

    def occurrences(
        self, pattern: PinyinPattern, hay: str, start: int, end: int
    ) -> list[tuple[int, int, int]]:
        """(start, end, ``PINYIN``) of every match in ``hay[start:end]``, sorted, disjoint."""
        initials, anchor, regexes = self.scan(pattern)
        starts = sorted(
            m.start() - anchor
            for regex in regexes
            for m in regex.finditer(initials, start + anchor, end)
        )
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
