"""Pinyin matching: a Latin term such as ``djyl``, ``dangjianyinling`` or ``dangjyl``
finds 党建引领, and the highlight lands on the hanzi.

A term matches a run of consecutive hanzi when it can be cut into pieces, one
per hanzi, each piece a non-empty prefix of one of that hanzi's readings (a
full syllable ``dang``, an initial ``d``, or anything between), using **the
fewest hanzi** the letters can spell: ``zhengzhi`` is two hanzi (政治, 整治),
``djyl`` and ``dangjyl`` four (党建引领), ``xian`` one (先, 县). An apostrophe
marks a syllable boundary, as in a pinyin input method: a part between
apostrophes spelled as one piece is a whole syllable, so ``xi'an`` is 西安 (not
信仰, where ``xi`` and ``an`` only begin the readings ``xin`` and ``ang``).
Every reading of a polyphone counts (pypinyin's heteronyms: 调 is both ``diao``
and ``tiao``), but a match that needs a rare reading ranks after one that does
not: pypinyin lists a hanzi's common reading first (干: ``gan`` before ``an``).
A match's *cost* says how far it is from what was typed: ``RARE`` for each hanzi
that only a later reading fits, plus one for each piece that is neither a whole
syllable nor an initial (``xian`` in 项 ``xiang``). Readings are
looked up once per distinct character of the report (a few thousand), never per
position.

Finding matches fast in a long report: the index keeps a *code string*, one
byte per character of the folded text. Hanzi with the same readings are the
same to any query, so they share a byte: the ~190 most frequent reading sets
each have a byte of their own; rarer hanzi share the byte of their set of
initials ({d} for 党, {d, t} for 调); separators and non-hanzi have fixed bytes.
For a query, ``PinyinPattern.compile`` maps each code to the steps of the match
it can fill (step m is the m-th hanzi): a code fits a step when a reading of
one of its hanzi starts with a piece the step can take. ``bytes.translate``
turns the code string into one where a literal byte means "fits step m only".
A regular expression anchored on the rarest step's literal (``re`` scans for a
literal fast) with look-behind/look-ahead for the other steps gives the
candidates, and ``verify`` checks each against the real readings.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

SEPARATORS = (0, 1, 2)
NOT_HANZI = 3
FIELD_END = 0
"""In a translated string: the end of a field or of a section (one byte: a fast tail)."""
NO_STEP = 2
"""In a translated string: fits no step (also non-hanzi and the separator inside a metric)."""
MULTI = 0x0F
"""In a translated string: fits several steps, not the anchor (see ``compile``)."""
_STEP_BASE = 0x10
_FIRST_CODE = 4
_LAST_CODE = 0xFF
_MAX_GROUPS = 64
"""Codes kept for sets of initials; rarer sets share one code."""
RARE = 1000
"""The cost of a hanzi read by a rare reading: more than any number of partial pieces."""

ANY_INITIAL = frozenset({""})
"""The initials of the code shared by the rarest sets ("" starts every reading)."""


def initial_of(reading: str) -> str:
    """The initial a reading starts with: ``zh``, ``ch``, ``sh`` or its first letter."""
    return reading[:2] if reading[:2] in ("zh", "ch", "sh") else reading[:1]


@functools.lru_cache(maxsize=32768)
def readings_of(char: str) -> tuple[str, ...]:
    """Toneless readings of a hanzi (``lv`` also as ``lu``), or ``()`` if not a hanzi.

    Cached: a library builds one index per report, over mostly the same hanzi.
    """
    # pypinyin takes ~160 ms to import (its phrase dictionary): only when an index is
    # built, in the background, never on the way to the first frame.
    from pypinyin import Style, pinyin
    from pypinyin.constants import PINYIN_DICT

    if ord(char) not in PINYIN_DICT:
        return ()
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    readings: list[str] = []
    for item in found[0] if found else ():
        reading = item.lower()
        if not reading.isascii() or not reading.isalpha():
            continue
        for variant in (reading, reading.replace("v", "u")):
            if variant not in readings:
                readings.append(variant)
    return tuple(readings)


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
    prefix_codes: dict[str, frozenset[int]] = field(default_factory=dict)
    """The other way round: a piece → the bytes it fits (a query's few pieces look up
    their bytes, rather than every byte testing its prefixes: a query across hundreds
    of reports compiles once per report)."""
    """Byte → every prefix of every reading of its hanzi: a piece fits the byte if it is one."""

    @classmethod
    def build(cls, chars: Iterable[str], frequency: Counter[str] | None = None) -> PinyinTable:
        """The table for the distinct ``chars`` of a report (``frequency``: a sample of counts)."""
        table = cls()
        prefixes: set[str] = set()
        for char in sorted(set(chars)):
            readings = readings_of(char)
            if readings:
                table.readings[char] = readings
                table.primary[char] = 1 + (readings[1:2] == (readings[0].replace("v", "u"),))
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
    """One Latin query term compiled against one ``PinyinTable``.

    The letters form a small automaton: state ``i`` means "the next hanzi
    starts at letter ``i``", and a hanzi moves it to any ``j`` such that
    ``letters[i:j]`` is a prefix of one of its readings. ``step_states[m]``
    are the states the m-th hanzi of a fewest-hanzi match starts in.
    """

    MAX_STEPS = 8

    def __init__(self, spelled: str, table: PinyinTable) -> None:
        letters = spelled.replace("'", "")
        self.spelled = spelled
        self.letters = letters
        self.table = table
        self._memo: dict[tuple[int, str], dict[int, int]] = {}
        self._verified: dict[str, tuple[int, int]] = {}
        self._compiled: CodeScan | None = None
        n = len(letters)
        stops: set[int] = set()
        offset = 0
        for char in spelled:
            if char == "'":
                stops.add(offset)
            else:
                offset += 1
        self._limit = [min([b for b in stops if b > i] + [n]) for i in range(n)]
        self._whole = [-1] * n
        """Where the piece from ``i`` must end to be a whole syllable: the end of its part
        when ``i`` starts a part between apostrophes (``-1``: no such rule)."""
        if stops:
            for i in {0} | stops - {n}:
                self._whole[i] = self._limit[i]
        self._following = [
            tuple(
                j
                for j in range(i + 1, min(self._limit[i], i + 6) + 1)
                if letters[i:j] in (table.syllables if j == self._whole[i] else table.prefixes)
            )
            for i in range(n)
        ]
        self.hanzi = 0
        self.step_states: list[frozenset[int]] = []
        levels = [{0}] if n else [set()]
        while levels[-1] and n not in levels[-1] and len(levels) <= n:
            levels.append({j for i in levels[-1] for j in self._following[i]})
        self.possible = bool(levels[-1]) and n in levels[-1]
        if not self.possible:
            return
        self.hanzi = len(levels) - 1
        back = [{n}]
        for _ in range(self.hanzi):
            back.append({i for i in range(n) if any(j in back[-1] for j in self._following[i])})
        self.step_states = [frozenset(levels[m] & back[self.hanzi - m]) for m in range(self.hanzi)]

    # -- scanning ----------------------------------------------------------------------

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

        A code that fits one step becomes that step's byte. One that fits several
        becomes the anchor's byte if the anchor is among them (the other steps it
        fits then accept the anchor's byte too), else ``MULTI``, which every
        non-anchor step accepts: so a single scan, for the anchor's literal, finds
        every candidate.
        """
        if self._compiled is not None:
            return self._compiled
        steps = min(self.hanzi, self.MAX_STEPS)
        fits = self._fit_sets()
        frequency: Counter[int] = Counter()
        for code, count in sample.items():
            for step in fits.get(code, ()):
                frequency[step] += count
        anchor = min(range(steps), key=lambda m: (frequency[m], m))
        translation = bytearray([NO_STEP]) * 256
        for separator in SEPARATORS[:2]:
            translation[separator] = FIELD_END
        accepts = [{_STEP_BASE + m} for m in range(steps)]
        for code, found in fits.items():
            if len(found) == 1:
                (step,) = found
                translation[code] = _STEP_BASE + step
            elif anchor in found:
                translation[code] = _STEP_BASE + anchor
                for step in found:
                    accepts[step].add(_STEP_BASE + anchor)
            else:
                translation[code] = MULTI
                for step in found:
                    accepts[step].add(MULTI)

        def klass(step: int) -> bytes:
            return b"[" + b"".join(re.escape(bytes([b])) for b in sorted(accepts[step])) + b"]"

        literal = re.escape(bytes([_STEP_BASE + anchor]))
        pattern = literal
        before = b"".join(klass(m) for m in range(anchor))
        after = b"".join(klass(m) for m in range(anchor + 1, steps))
        if before:
            pattern += b"(?<=" + before + literal + b")"
        if after:
            pattern += b"(?=" + after + b")"
        self._compiled = CodeScan(
            bytes(translation),
            anchor,
            re.compile(pattern),
            re.compile(pattern + b"[^" + re.escape(bytes([FIELD_END])) + b"]*"),
        )
        return self._compiled

    # -- checking ----------------------------------------------------------------------

    def _next(self, i: int, char: str) -> dict[int, int]:
        """State → the least cost (``RARE`` for a rare reading, one for a partial piece)
        of moving there from state ``i`` by ``char``."""
        key = (i, char)
        found = self._memo.get(key)
        if found is None:
            letters = self.letters
            found = {}
            whole = self._whole[i]
            primary = self.table.primary.get(char, 1)
            for rank, reading in enumerate(self.table.readings.get(char, ())):
                rare = RARE if rank >= primary else 0
                length = 0
                limit = min(len(reading), self._limit[i] - i)
                while length < limit and reading[length] == letters[i + length]:
                    length += 1
                for end in range(i + 1, i + length + 1):
                    piece = end - i
                    if end == whole and len(reading) != piece:
                        continue  # a whole part between apostrophes spells a whole reading
                    partial = 1 < piece < len(reading) and letters[i:end] != initial_of(reading)
                    cost = rare + partial
                    if found.get(end, cost + 1) > cost:
                        found[end] = cost
            self._memo[key] = found
        return found

    def verify(self, text: str, start: int) -> int:
        """The end of a match of the term at ``text[start:]``, or -1."""
        return self.match(text, start)[0]

    def match(self, text: str, start: int) -> tuple[int, int]:
        """(end, cost) of a match of the term at ``text[start:]`` (the cost: ``RARE`` for
        each hanzi only a rare reading fits, one for each partial piece), or (-1, 0)."""
        key = text[start : start + self.hanzi]
        found = self._verified.get(key)
        if found is None:
            found = self._verify(key)
            if len(self._verified) < 100_000:
                self._verified[key] = found
        return (-1, 0) if found[0] < 0 else (start + found[0], found[1])

    def _verify(self, text: str) -> tuple[int, int]:
        """(``self.hanzi``, least cost) if ``text`` (that many characters) spells the
        term, else (-1, 0)."""
        if not self.possible or len(text) < self.hanzi:
            return -1, 0
        n = len(self.letters)
        states = {0: 0}
        for char in text:
            if char not in self.table.readings:
                return -1, 0
            following: dict[int, int] = {}
            for i, rare in states.items():
                if i < n:
                    for j, more in self._next(i, char).items():
                        if j not in following or following[j] > rare + more:
                            following[j] = rare + more
            states = following
            if not states:
                return -1, 0
        return (self.hanzi, states[n]) if n in states else (-1, 0)

    def find_in(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Every (non-overlapping) match in ``text[start:end]``, checking each position."""
        end = len(text) if end is None else end
        spans: list[tuple[int, int]] = []
        position = start
        while self.possible and position + self.hanzi <= end:
            stop = self.verify(text, position)
            if stop > 0:
                spans.append((position, stop))
                position = stop
            else:
                position += 1
        return spans
