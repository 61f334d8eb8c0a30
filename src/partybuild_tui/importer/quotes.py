"""The shortest quote that points at one figure, found in time linear in the section's size.

The loader places a metric at the *first* occurrence of its quote in its section,
so a quote must be lengthened until no earlier text holds it (召开1次 after an
earlier 1次). Searching the section from its start for every candidate made
importing quadratic (cubic with quotes that grow); here every occurrence of a
quote is found through an index of where each numeral stands: an occurrence of
the quote holds the figure's number at the same offset, so only the places of
that number are tried. Both the candidates tried and the quote's length are
bounded, so the cost per figure is a constant; a figure whose words repeat
beyond the bounds (an article of 3,000 ``1个`` in a row) cannot be pointed at
and is left out, and the summary says so.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence

CLAUSE_MARKS = frozenset(",，、;；。:：!！?？(（)）“”《》")
NUMERAL = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿]")
KEY = 8  # characters at a numeral that key the index (longer keys: fewer places to try)
MAX_QUOTE = 24  # characters; the genre's quotes are under 16
MAX_ANCHORS = 4  # numerals of a quote looked up for the rarest
MAX_TRIES = 200  # earlier places of the same number tried per quote


class Section:
    """A section's paragraphs joined by newlines (no quote spans one), indexed by numeral."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self.starts: list[int] = []
        offset = 0
        for paragraph in paragraphs:
            self.starts.append(offset)
            offset += len(paragraph) + 1
        self.text = "\n".join(paragraphs)
        self.numerals = [match.start() for match in NUMERAL.finditer(self.text)]
        self.index: dict[str, list[int]] | None = None  # KEY characters at each numeral
        self.keys: list[str] = []  # the index's keys, sorted (a shorter key is a prefix)
        self.shorter: dict[str, list[int]] = {}  # places of shorter keys, once asked
        self.first: dict[str, int] = {}  # quotes found unique, and where

    def places(self, key: str) -> list[int]:
        """Where ``key`` (a numeral and what follows it, at most ``KEY`` characters) stands,
        in order. One index of ``KEY`` characters per numeral; a shorter key gathers the
        places of the index's keys it begins (found by bisection in their sorted list) when
        first asked: one index instead of one per key length, which was most of the cost
        of a section of many short numbered lines."""
        if self.index is None:
            grouped: defaultdict[str, list[int]] = defaultdict(list)
            text = self.text
            for at in self.numerals:
                grouped[text[at : at + KEY]].append(at)
            self.index = dict(grouped)
            self.keys = sorted(self.index)
        if len(key) == KEY:
            return self.index.get(key, [])
        found = self.shorter.get(key)
        if found is None:
            keys, index, gathered = self.keys, self.index, []
            at = bisect_left(keys, key)
            while at < len(keys) and keys[at].startswith(key):
                gathered.extend(index[keys[at]])
                at += 1
            found = self.shorter[key] = sorted(gathered)
        return found

    def first_is(self, start: int, end: int) -> bool | None:
        """Whether ``text[start:end]`` (which holds a numeral) occurs nowhere before
        ``start``; None when unsure (too many earlier places to try)."""
        text = self.text
        quote = text[start:end]
        known = self.first.get(quote)
        if known is not None:  # met before: its first place is known (metrics come in order)
            return known == start
        best: list[int] | None = None
        anchor = start
        for count, match in enumerate(NUMERAL.finditer(text, start, end)):
            if count == MAX_ANCHORS:
                break
            places = self.places(text[match.start() : min(match.start() + KEY, end)])
            if best is None or len(places) < len(best):  # the rarest numeral: fewest tries
                best, anchor = places, match.start()
        if best is None:
            return text.find(quote, 0, end) == start
        places, offset = best, anchor - start
        first = bisect_left(places, offset)  # places before it cannot hold the quote
        last = bisect_left(places, anchor)  # the quote's own place
        if last - first > MAX_TRIES:
            return None
        if any(text.startswith(quote, place - offset) for place in places[first:last]):
            return False
        self.first[quote] = start  # at most one per figure: the quote it ends with
        return True


def shortest_quote(section: Section, index: int, start: int, end: int) -> str | None:
    """``paragraphs[index][start:end]``, lengthened only as far as needed for its first
    occurrence in the section to be this one (that is where the app highlights it); None
    when no quote of at most ``MAX_QUOTE`` characters does.

    It grows by two characters, about a word, towards the words of its own clause:
    leftwards (召开1次), or rightwards when punctuation is on its left (2个工作指引).
    """
    paragraph = section.paragraphs[index]
    base = section.starts[index]

    def inside(at: int) -> bool:
        return 0 <= at < len(paragraph) and paragraph[at] not in CLAUSE_MARKS

    windows = [(start, end)]  # every quote the growth gives, shortest first
    while True:
        if inside(start - 1):
            start -= 2 if inside(start - 2) else 1
        elif inside(end):
            end += 2 if inside(end + 1) else 1
        elif start > 0:
            start -= 1
        elif end < len(paragraph):
            end += 1
        else:
            break
        if end - start > MAX_QUOTE:
            break
        windows.append((start, end))

    def first(window: tuple[int, int]) -> bool:  # None (unsure) counts as not first
        return bool(section.first_is(base + window[0], base + window[1]))

    # A quote holding a first occurrence is one too: the shortest is found by bisection.
    if not first(windows[-1]):
        return None
    low, high = 0, len(windows) - 1
    while low < high:
        middle = (low + high) // 2
        if first(windows[middle]):
            high = middle
        else:
            low = middle + 1
    start, end = windows[low]
    return paragraph[start:end]
