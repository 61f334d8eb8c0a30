"""Pinyin matching: a Latin term such as ``djyl``, ``dangjianyinling`` or ``dangjyl``
finds 党建引领.

A term matches a run of consecutive hanzi when it can be cut into pieces, one
per hanzi, each piece a non-empty prefix of one of that hanzi's readings
(``dang`` or ``d`` for 党); every reading counts (``diao`` and ``tiao`` for 调), so
polyphones are handled. Readings come from pypinyin, once per distinct
character of the report (a few thousand), never per position.

Finding matches in a long report fast: the index keeps an *initials* string of
the same length as the folded text, one byte per character (``class_bytes``):
the first letter of the hanzi's reading when all its readings start with the
same letter, a code byte for each set of first letters of a polyphone (``调`` →
the code for {d, t}), and a filler byte for anything that is not a hanzi. For a
query, ``PinyinPattern`` derives a regular expression over those bytes that
every match must satisfy (a literal first byte, so ``re`` scans fast), and
``verify`` checks each candidate against the real readings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pypinyin import Style, pinyin
from pypinyin.constants import PINYIN_DICT

NOT_HANZI = 3
"""Byte for a character that is not a hanzi (separators keep their own bytes)."""
FIRST = 4
"""Byte that stands for "the query's first letter" in a per-query translation."""
WILDCARD = 0xFF
"""Code for polyphone letter sets beyond the codes available: matches any letter."""
_FIRST_CODE = 0x80


def readings_of(char: str) -> tuple[str, ...]:
    """Toneless readings of a hanzi (``lv`` also as ``lu``), or ``()`` if not a hanzi."""
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
    """Readings of the report's hanzi and the byte codes of the initials string."""

    readings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    """Hanzi → its byte in the initials string."""
    letters_of_code: dict[int, frozenset[str]] = field(default_factory=dict)
    prefixes: frozenset[str] = frozenset()
    """Every non-empty prefix of every reading: the pieces a query can be cut into."""

    @classmethod
    def build(cls, chars: Iterable[str]) -> PinyinTable:
        table = cls()
        set_codes: dict[frozenset[str], int] = {}
        prefixes: set[str] = set()
        for char in sorted(set(chars)):
            readings = readings_of(char)
            if not readings:
                continue
            table.readings[char] = readings
            for reading in readings:
                prefixes.update(reading[:i] for i in range(1, len(reading) + 1))
            letters = frozenset(r[0] for r in readings)
            if len(letters) == 1:
                (letter,) = letters
                table.codes[char] = ord(letter)
                continue
            code = set_codes.get(letters)
            if code is None:
                code = _FIRST_CODE + len(set_codes)
                if code >= WILDCARD:
                    code = WILDCARD
                else:
                    set_codes[letters] = code
                    table.letters_of_code[code] = letters
            table.codes[char] = code
        table.letters_of_code[WILDCARD] = frozenset("abcdefghijklmnopqrstuvwxyz")
        table.prefixes = frozenset(prefixes)
        return table

    def translation(self, chars: Iterable[str]) -> dict[int, int]:
        """A ``str.translate`` table from the folded text to the initials string."""
        table: dict[int, int] = {}
        for char in chars:
            if char in ("\x00", "\x01", "\x02"):
                continue
            table[ord(char)] = self.codes.get(char, NOT_HANZI)
        return table

    def codes_with(self, letters: Iterable[str]) -> set[int]:
        """Bytes (letters and codes) that a hanzi starting with any of ``letters`` can have."""
        wanted = set(letters)
        found = {ord(letter) for letter in wanted}
        found.update(code for code, ls in self.letters_of_code.items() if ls & wanted)
        return found


class PinyinPattern:
    """The compiled form of one Latin query term against one ``PinyinTable``."""

    def __init__(self, letters: str, table: PinyinTable) -> None:
        self.letters = letters
        self.table = table
        self._memo: dict[tuple[int, str], tuple[int, ...]] = {}
        n = len(letters)
        # Which query offsets can start the m-th hanzi (a breadth-first walk).
        states = {0}
        steps: list[set[int]] = []
        self.min_hanzi = 0
        while states and n not in states and len(steps) <= n:
            steps.append(states)
            following: set[int] = set()
            for i in states:
                for j in range(i + 1, min(n, i + 7) + 1):
                    if letters[i:j] in table.prefixes:
                        following.add(j)
            states = following - {n} if n in following else following
            if n in following:
                self.min_hanzi = len(steps)
                break
        self.possible = self.min_hanzi > 0
        self.first_letter = letters[0]
        self.first_bytes = table.codes_with(self.first_letter)
        self.regex: re.Pattern[bytes] | None = None
        if not self.possible:
            return
        classes = []
        for step in steps[1 : self.min_hanzi][:6]:
            allowed = table.codes_with(letters[i] for i in step) | {FIRST}
            classes.append(b"[" + b"".join(re.escape(bytes([b])) for b in sorted(allowed)) + b"]")
        lookahead = b"(?=" + b"".join(classes) + b")" if classes else b""
        self.regex = re.compile(bytes([FIRST]) + lookahead)

    def translate_table(self) -> bytes:
        """Bytes translation mapping every byte compatible with the first letter to ``FIRST``."""
        table = bytearray(range(256))
        for byte in self.first_bytes:
            table[byte] = FIRST
        return bytes(table)

    def _next(self, i: int, char: str) -> tuple[int, ...]:
        key = (i, char)
        found = self._memo.get(key)
        if found is None:
            letters = self.letters
            ends: set[int] = set()
            for reading in self.table.readings.get(char, ()):
                length = 0
                limit = min(len(reading), len(letters) - i)
                while length < limit and reading[length] == letters[i + length]:
                    length += 1
                ends.update(range(i + 1, i + length + 1))
            found = tuple(sorted(ends))
            self._memo[key] = found
        return found

    def verify(self, text: str, start: int) -> int:
        """The end of the shortest match of the term at ``text[start:]``, or -1."""
        n = len(self.letters)
        states = {0}
        position = start
        length = len(text)
        while states and position < length:
            char = text[position]
            if char not in self.table.readings:
                return -1
            following: set[int] = set()
            for i in states:
                following.update(self._next(i, char))
            position += 1
            if n in following:
                return position
            states = following
        return -1

    def find_in(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Every (non-overlapping) match in ``text[start:end]``, checking each position."""
        end = len(text) if end is None else end
        spans: list[tuple[int, int]] = []
        position = start
        readings = self.table.readings
        while position < end:
            char = text[position]
            if char in readings:
                stop = self.verify(text[:end], position)
                if stop > 0:
                    spans.append((position, stop))
                    position = stop
                    continue
            position += 1
        return spans
