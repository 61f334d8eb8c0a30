"""A report's pinyin *code string* and scanning it for one term (see ``pinyin`` for
what a term matches).

Finding matches fast in a long report: the index keeps a *code string*, one
byte per character of the folded text. Hanzi with the same readings are the
same to any query, so they share a byte: the ~190 most frequent reading sets
each have a byte of their own; rarer hanzi share the byte of their set of
initials ({d} for 党, {d, t} for 调); separators and non-hanzi have fixed bytes.
For a query, ``PinyinPattern.compile`` maps each code to the steps of the match
it can fill (step m is the m-th hanzi): a code fits a step when a reading of
one of its hanzi starts with a piece the step can take. ``bytes.translate``
turns the code string into one where a literal byte means "fits step m only".
A regular expression anchored on a literal (``re`` scans for a literal fast): the
bytes of the rarest pair of neighbouring steps, or of the rarest step, with
look-behind/look-ahead for the other steps, gives the candidates, and
``Spelling.match`` checks each against the real readings.

The codes of a long report follow its own character frequencies (the anchor's
byte is then rare and the scan fast); small reports share one table that grows
as reports are added (``SharedTable``), so a query across a library compiles
once instead of once per report.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import partybuild_tui.search.pinyin as pinyin
from partybuild_tui.search.pinyin import initial_of, primary_count, spelling

SEPARATORS = (0, 1, 2)
NOT_HANZI = 3
FIELD_END = 0
"""In a translated string: the end of a field or of a section (one byte: a fast tail)."""
NO_STEP = 2
"""In a translated string: fits no step (also non-hanzi and the separator inside a metric)."""
MULTI = 0x0F
"""In a translated string: fits several steps, none of the lead's (see ``compile``)."""
_STEP_BASE = 0x10
_FIRST_CODE = 4
_LAST_CODE = 0xFF
_MAX_GROUPS = 64
"""Codes kept for sets of initials; rarer sets share one code."""
ANY_INITIAL = frozenset({""})
"""The initials of the code shared by the rarest sets ("" starts every reading)."""


@dataclass
class PinyinTable:
    """Readings of the report's hanzi and the byte codes of the code string."""

    readings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Hanzi → its readings, the common one first."""
    primary: dict[str, int] = field(default_factory=dict)
    """Hanzi → how many of its first readings are the common one (``lv`` and ``lu``: 2)."""
    syllables: frozenset[str] = frozenset()
    """Every whole reading: what a part between apostrophes must spell."""
    codes: dict[str, int] = field(default_factory=dict)
    """Hanzi → its byte in the code string."""
    own: dict[int, str] = field(default_factory=dict)
    """Byte → a hanzi of the one frequent set of readings it stands for."""
    groups: dict[int, frozenset[str]] = field(default_factory=dict)
    """Byte → the initials (``zh``, ``d``, …) of the less frequent hanzi that share it."""
    prefixes: frozenset[str] = frozenset()
    """Every non-empty prefix of every reading: the pieces a query can be cut into."""
    code_prefixes: dict[int, frozenset[str]] = field(default_factory=dict)
    """Byte → every prefix of every reading of its hanzi: a piece fits the byte if it is one."""
    prefix_codes: dict[str, frozenset[int]] = field(default_factory=dict)
    """The other way round: a piece → the bytes it fits (a query's few pieces look up
    their bytes, rather than every byte testing its prefixes)."""

    @classmethod
    def build(cls, chars: Iterable[str], frequency: Counter[str] | None = None) -> PinyinTable:
        """The table for the distinct ``chars`` of a report (``frequency``: a sample of counts)."""
        table = cls()
        prefixes: set[str] = set()
        for char in sorted(set(chars)):
            readings = pinyin.readings_of(char)  # looked up in the module: tests replace it
            if readings:
                table.readings[char] = readings
                table.primary[char] = primary_count(readings)
                for reading in readings:
                    prefixes.update(reading[:i] for i in range(1, len(reading) + 1))
        table.prefixes = frozenset(prefixes)
        table.syllables = frozenset(r for rs in table.readings.values() for r in rs)
        letter_sets = {c: frozenset(map(initial_of, rs)) for c, rs in table.readings.items()}
        counts = frequency or Counter()
        alike: dict[frozenset[str], list[str]] = {}
        for char, readings in table.readings.items():
            alike.setdefault(frozenset(readings), []).append(char)
        set_count = {key: sum(counts.get(c, 0) for c in chars) for key, chars in alike.items()}
        by_frequency = [
            key
            for key in sorted(alike, key=lambda k: (-set_count[k], alike[k][0]))
            if set_count[key]
        ]
        codes = _LAST_CODE + 1 - _FIRST_CODE
        chosen = set(by_frequency[: codes - _MAX_GROUPS - 1])
        set_counts: Counter[frozenset[str]] = Counter()
        for char, letters in letter_sets.items():  # the others, by how often they occur
            if frozenset(table.readings[char]) not in chosen:
                set_counts[letters] += 1 + 1000 * counts.get(char, 0)
        kept = [s for s, _ in set_counts.most_common(_MAX_GROUPS)]
        group_of = {s: _FIRST_CODE + i for i, s in enumerate(kept)}
        for letters, code in group_of.items():
            table.groups[code] = letters
        next_code = _FIRST_CODE + len(kept)
        wildcard = next_code
        if len(kept) < len(set_counts):
            table.groups[wildcard] = ANY_INITIAL
            next_code += 1
        for key in by_frequency[: _LAST_CODE + 1 - next_code]:
            for char in alike[key]:
                table.codes[char] = next_code
            table.own[next_code] = alike[key][0]
            next_code += 1
        for char, letters in letter_sets.items():
            if char not in table.codes:
                table.codes[char] = group_of.get(letters, wildcard)
        code_prefixes: dict[int, set[str]] = {}
        for char, code in table.codes.items():
            code_prefixes.setdefault(code, set()).update(
                reading[:i] for reading in table.readings[char] for i in range(1, len(reading) + 1)
            )
        table.code_prefixes = {code: frozenset(p) for code, p in code_prefixes.items()}
        prefix_codes: dict[str, set[int]] = {}
        for code, found in code_prefixes.items():
            for prefix in found:
                prefix_codes.setdefault(prefix, set()).add(code)
        table.prefix_codes = {prefix: frozenset(c) for prefix, c in prefix_codes.items()}
        return table

    def translation(self, chars: Iterable[str]) -> dict[int, int]:
        """A ``str.translate`` table from the folded text to the code string."""
        table: dict[int, int] = {}
        for char in chars:
            if ord(char) not in SEPARATORS:
                table[ord(char)] = self.codes.get(char, NOT_HANZI)
        return table


@dataclass(frozen=True)
class CodeScan:
    """How to find one pattern in the code string, translated with ``translation``."""

    translation: bytes
    anchor: int
    regex: re.Pattern[bytes]
    """A match at ``p`` is a candidate at ``p - anchor``."""
    per_field: re.Pattern[bytes]
    """``regex``, then the rest of the field: the first candidate of each field."""


class PinyinPattern:
    """One Latin term's ``Spelling`` compiled against one ``PinyinTable``: how to scan
    that report's code string for it (``compile``); matches are checked by the
    shared ``Spelling``."""

    MAX_STEPS = 8

    def __init__(self, spelled: str, table: PinyinTable) -> None:
        self.spelled = spelled
        self.shape = spelling(spelled)
        self.table = table
        self.letters = self.shape.letters
        self.hanzi = self.shape.hanzi
        self.possible = self.shape.possible
        self.step_states = self.shape.step_states
        self._following = self.shape._following
        self.match = self.shape.match
        self.verify = self.shape.verify
        self.find_in = self.shape.find_in
        self._compiled: CodeScan | None = None

    def _fit_sets(self) -> dict[int, frozenset[int]]:
        """Code byte → the steps a hanzi with that code can fill (for a shared code: one of
        its hanzi can)."""
        steps = min(self.hanzi, self.MAX_STEPS)
        n = len(self.letters)
        pieces = [
            {
                self.letters[i:j]
                for i in self.step_states[m]
                for j in self._following[i]
                if j in (self.step_states[m + 1] if m + 1 < self.hanzi else {n})
            }
            for m in range(steps)
        ]
        found: dict[int, set[int]] = {}
        prefix_codes = self.table.prefix_codes
        for m, step_pieces in enumerate(pieces):
            for piece in step_pieces:
                for code in prefix_codes.get(piece, ()):
                    found.setdefault(code, set()).add(m)
        return {code: frozenset(fitting) for code, fitting in found.items()}

    def compile(self, sample: Counter[int]) -> CodeScan:
        """How to find this term in the code string (``sample`` counts code bytes in a
        sample of it).

        The scan looks for a literal, the *lead*: the bytes of two neighbouring steps
        that no code fits both of (``re`` finds a two-byte literal far faster than it
        tries a look-around at every hit of one frequent byte), the rarest such pair;
        else one step, the rarest. A code that fits one lead step becomes that step's
        byte (the other steps it fits then accept that byte too); else a code that fits
        one step becomes that step's byte, and one that fits several becomes
        ``MULTI``, which every step it fits accepts: so a single scan, for the lead,
        finds every candidate.
        """
        if self._compiled is None:
            self._compiled = self.compile_afresh(sample)
        return self._compiled

    def compile_afresh(self, sample: Counter[int]) -> CodeScan:
        """``compile``, not kept (for a table that grows: see ``SharedTable``)."""
        steps = min(self.hanzi, self.MAX_STEPS)
        fits = self._fit_sets()
        frequency: Counter[int] = Counter()
        for code, count in sample.items():
            for step in fits.get(code, ()):
                frequency[step] += count
        pairs = [
            m
            for m in range(steps - 1)
            if not any(m in found and m + 1 in found for found in fits.values())
        ]
        if pairs:
            anchor = min(pairs, key=lambda m: (frequency[m] * frequency[m + 1], m))
            lead = range(anchor, anchor + 2)
        else:
            anchor = min(range(steps), key=lambda m: (frequency[m], m))
            lead = range(anchor, anchor + 1)
        translation = bytearray([NO_STEP]) * 256
        for separator in SEPARATORS[:2]:
            translation[separator] = FIELD_END
        accepts = [{_STEP_BASE + m} for m in range(steps)]
        for code, found in fits.items():
            led = [m for m in lead if m in found]  # at most one
            if led:
                translation[code] = _STEP_BASE + led[0]
                for step in found:
                    accepts[step].add(_STEP_BASE + led[0])
            elif len(found) == 1:
                (step,) = found
                translation[code] = _STEP_BASE + step
            else:
                translation[code] = MULTI
                for step in found:
                    accepts[step].add(MULTI)

        def klass(step: int) -> bytes:
            return b"[" + b"".join(re.escape(bytes([b])) for b in sorted(accepts[step])) + b"]"

        literal = b"".join(re.escape(bytes([_STEP_BASE + m])) for m in lead)
        pattern = literal
        before = b"".join(klass(m) for m in range(anchor))
        after = b"".join(klass(m) for m in range(lead.stop, steps))
        if before:
            pattern += b"(?<=" + before + literal + b")"
        if after:
            pattern += b"(?=" + after + b")"
        return CodeScan(
            bytes(translation),
            anchor,
            re.compile(pattern),
            re.compile(pattern + b"[^" + re.escape(bytes([FIELD_END])) + b"]*"),
        )


SHARED_BELOW = 1 << 20
"""Reports of fewer haystack characters share one table (``SharedTable``); a longer
one gets a table coded by its own character frequencies, for the fastest scan."""


class SharedTable(PinyinTable):
    """One table for every small report of the process: a query across a library of
    hundreds of reports compiles its scan once, not once per report.

    Codes are handed out as hanzi are first seen (a report's most frequent first) and
    never change, so a code string made earlier stays valid; a scan is kept per term
    until the table grows (``version``). Small reports scan fast with any coding."""

    def __init__(self) -> None:
        super().__init__()
        self.version = 0
        self.sample: Counter[int] = Counter()
        """Code counts over samples of every report added, for choosing anchors."""
        self.lock = threading.Lock()
        self._seen: set[str] = set()
        self._own: dict[frozenset[str], int] = {}
        self._group: dict[frozenset[str], int] = {}
        self._wildcard = _FIRST_CODE + _MAX_GROUPS
        self._next_group, self._next_own = _FIRST_CODE, self._wildcard + 1
        self._scans: dict[str, tuple[int, CodeScan]] = {}

    def add(self, chars: set[str], frequency: Counter[str]) -> None:
        """Give every hanzi of ``chars`` a code (those seen before keep theirs)."""
        with self.lock:
            fresh = sorted(chars - self._seen, key=lambda c: (-frequency[c], c))
            if not fresh:
                return
            self._seen.update(fresh)
            codes, readings, primary = dict(self.codes), dict(self.readings), dict(self.primary)
            code_prefixes = {code: set(p) for code, p in self.code_prefixes.items()}
            for char in fresh:
                found = pinyin.readings_of(char)
                if not found:
                    continue
                readings[char], primary[char] = found, primary_count(found)
                codes[char] = code = self._code(found, char)
                code_prefixes.setdefault(code, set()).update(
                    reading[:i] for reading in found for i in range(1, len(reading) + 1)
                )
            prefix_codes: dict[str, set[int]] = {}
            for code, prefixes in code_prefixes.items():
                for prefix in prefixes:
                    prefix_codes.setdefault(prefix, set()).add(code)
            # new dicts, swapped in whole: a search in another thread reads one or the other
            self.readings, self.primary, self.codes = readings, primary, codes
            self.code_prefixes = {code: frozenset(p) for code, p in code_prefixes.items()}
            self.prefix_codes = {p: frozenset(c) for p, c in prefix_codes.items()}
            self.version += 1

    def _code(self, readings: tuple[str, ...], char: str) -> int:
        key = frozenset(readings)
        code = self._own.get(key)
        if code is None and self._next_own <= _LAST_CODE:
            code = self._own[key] = self._next_own
            self.own[code] = char
            self._next_own += 1
        if code is None:
            letters = frozenset(map(initial_of, readings))
            code = self._group.get(letters)
            if code is None and self._next_group < self._wildcard:
                code = self._group[letters] = self._next_group
                self.groups[code] = letters
                self._next_group += 1
        if code is None:
            code = self._wildcard
            self.groups[code] = ANY_INITIAL
        return code

    def scan_for(self, pattern: PinyinPattern) -> CodeScan:
        """How to scan any small report's code string for ``pattern``."""
        with self.lock:
            version, kept = self.version, self._scans.get(pattern.spelled)
            if kept is not None and kept[0] == version:
                return kept[1]
            sample = Counter(self.sample)
        scan = pattern.compile_afresh(sample)
        with self.lock:
            while len(self._scans) >= 64:
                self._scans.pop(next(iter(self._scans)))
            self._scans[pattern.spelled] = (version, scan)
        return scan

    def forget_scans(self) -> None:
        with self.lock:
            self._scans.clear()


_SHARED: list[SharedTable] = []
_SHARED_LOCK = threading.Lock()


def shared_table() -> SharedTable:
    with _SHARED_LOCK:
        if not _SHARED:
            _SHARED.append(SharedTable())
        return _SHARED[0]
