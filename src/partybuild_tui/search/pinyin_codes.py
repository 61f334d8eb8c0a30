"""A report's pinyin code string (``PinyinCodes``): built once per report, then
scanned for one term at a time (see ``codes`` for how a scan is compiled, and
``pinyin`` for what a term matches).
"""

from __future__ import annotations

import threading
from collections import Counter

import partybuild_tui.search.codes as code_tables
from partybuild_tui.search.codes import CodeScan, PinyinPattern, PinyinTable, SharedTable
from partybuild_tui.search.pinyin import RARE

LITERAL, PINYIN = 0, 1
"""Match qualities, in rank order: the letters as typed, then their hanzi (``PINYIN``
plus one for each hanzi that only a rare reading fits)."""


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
    def build(cls, text: str, chars: set[str]) -> PinyinCodes:
        """The codes of ``text`` (a haystack) whose distinct characters are ``chars``."""
        frequency = Counter(text[::31])
        if len(text) >= code_tables.SHARED_BELOW:  # looked up in the module: tests change it
            table = PinyinTable.build(chars, frequency)
            return cls(table, text.translate(table.translation(chars)).encode("latin-1"))
        shared = code_tables.shared_table()
        shared.add(chars, frequency)
        encoded = text.translate(shared.translation(chars)).encode("latin-1")
        with shared.lock:
            shared.sample.update(encoded[::31])
        return cls(shared, encoded)

    def scan(self, pattern: PinyinPattern) -> tuple[bytes, CodeScan]:
        """The code string translated for ``pattern`` (the last few are kept), and how to
        scan it."""
        if isinstance(self.table, SharedTable):
            scan = self.table.scan_for(pattern)
        else:
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
        if isinstance(self.table, SharedTable):
            self.table.forget_scans()

    def occurrences(
        self, pattern: PinyinPattern, hay: str, start: int, end: int
    ) -> list[tuple[int, int, int]]:
        """(start, end, quality) of every match in ``hay[start:end]``, sorted, disjoint."""
        translated, scan = self.scan(pattern)
        anchor = scan.anchor
        starts = [m.start() - anchor for m in scan.regex.finditer(translated, start + anchor, end)]
        last = -1
        found: list[tuple[int, int, int]] = []
        match = pattern.match
        for s in starts:
            if s < last:
                continue
            stop, rare = match(hay, s)
            if 0 < stop <= end:
                found.append((s, stop, PINYIN + rare))
                last = stop
        return found

    def field_firsts(
        self, pattern: PinyinPattern, hay: str, ending: dict[int, int], start: int, end: int
    ) -> dict[int, tuple[int, int, int]]:
        """Field → (start, end, quality) of its first match (the first needing no rare
        reading, if any), for every field of ``hay[start:end]`` (whole fields) with one."""
        return self._firsts(pattern, hay, ending, start, end)[0]

    def count_fields(self, pattern: PinyinPattern, hay: str, start: int, end: int) -> int:
        """How many fields of ``hay[start:end]`` (a run of whole fields) hold a match."""
        return self._firsts(pattern, hay, None, start, end)[1]

    def _firsts(
        self, pattern: PinyinPattern, hay: str, ending: dict[int, int] | None, start: int, end: int
    ) -> tuple[dict[int, tuple[int, int, int]], int]:
        """``field_firsts`` and the count of fields; without ``ending`` only the count (any
        match will do: no field looked up, no tuple). Each field's first candidate costs
        a slice and a lookup in ``costs``; only a field whose first fails, or needs a rare
        reading when the best is asked for, is scanned on, as ``find_in`` would."""
        translated, scan = self.scan(pattern)
        anchor, hanzi, shape = scan.anchor, pattern.hanzi, pattern.shape
        costs, judge = shape.costs, shape.cost
        rare_from = RARE if ending is not None else 1 << 62  # counting: any match will do
        firsts: dict[int, tuple[int, int, int]] = {}
        counted = 0
        for found in scan.per_field.finditer(translated, start + anchor, end):
            s = found.start() - anchor
            key = hay[s : s + hanzi]
            cost = costs.get(key)
            if cost is None:
                cost = judge(key)
            if 0 <= cost < rare_from:
                if ending is None:
                    counted += 1
                else:
                    firsts[ending[found.end()]] = (s, s + hanzi, PINYIN + cost)
                continue
            field_end = found.end()
            chosen = (s, s + hanzi, cost) if cost >= 0 else None
            last = s + 1 if chosen is None else s + hanzi
            for again in scan.regex.finditer(translated, last + anchor, field_end):
                s = again.start() - anchor
                if s < last:
                    continue
                key = hay[s : s + hanzi]
                cost = costs.get(key)
                if cost is None:
                    cost = judge(key)
                if cost < 0:
                    continue
                last = s + hanzi
                if chosen is None or cost < RARE:
                    chosen = (s, last, cost)
                if cost < rare_from:
                    break
            if chosen is None:
                continue
            if ending is None:
                counted += 1
            else:
                firsts[ending[field_end]] = (chosen[0], chosen[1], PINYIN + chosen[2])
        return firsts, counted if ending is None else len(firsts)
