"""The library screen's rows: what each report shows, and the filter over them (no Textual).

One row per file: title, region, period, kind, source, date, sections, metrics;
a file that failed shows its name and its error instead. The filter matches the
title, region, period and kind as written (full-width and half-width, case folded),
and the pinyin of the title and region, by full syllables or initials
(``jc``, ``jincheng`` and ``jinc`` find 晋城市; every reading of a polyphone counts).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from partybuild_tui.library import Library, LibraryEntry
from partybuild_tui.search import fold
from partybuild_tui.search.pinyin import readings_of

COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("region", "Region"),
    ("period", "Period"),
    ("kind", "Kind"),
    ("source", "Source"),
    ("date", "Date"),
    ("sections", "Sections"),
    ("metrics", "Metrics"),
)
NUMERIC = frozenset({"sections", "metrics"})


@dataclass(frozen=True)
class LibraryRow:
    """One file of the library as the screen lists it."""

    position: int
    """Its entry's position in ``library.entries``."""
    entry: LibraryEntry
    cells: dict[str, str]
    sections: int | None = None
    metrics: int | None = None
    _keys: list[str] = field(default_factory=list, repr=False, compare=False)
    _readings: list[tuple[str, ...]] = field(default_factory=list, repr=False, compare=False)

    @property
    def failed(self) -> bool:
        return not self.entry.ok

    def number(self, key: str) -> int | None:
        return self.sections if key == "sections" else self.metrics if key == "metrics" else None

    def match_keys(self) -> list[str]:
        """What the filter looks in as text: the folded cells (computed once, when asked)."""
        if not self._keys:
            text = " ".join(self.cells[k] for k in ("title", "region", "period", "kind"))
            self._keys.append(fold(text))
        return self._keys

    def readings(self) -> list[tuple[str, ...]]:
        """Every reading of each character of the title and region (``()`` for non-hanzi)."""
        if not self._readings:
            text = self.cells["title"] + " " + self.cells["region"]
            self._readings.extend(readings_of(char) for char in text)
        return self._readings


def pinyin_matches(readings: list[tuple[str, ...]], letters: str) -> bool:
    """True when ``letters`` spell consecutive hanzi, each by a full reading or its first
    letter (any reading of a polyphone: ``changzhi`` and ``czs`` find 长治市); the last
    syllable may be unfinished, as while typing."""
    seen: set[tuple[int, int]] = set()

    def spell(position: int, rest: int) -> bool:
        if rest == len(letters):
            return True
        if position >= len(readings) or (position, rest) in seen:
            return False
        seen.add((position, rest))
        tail = letters[rest:]
        for reading in readings[position]:
            if reading.startswith(tail):
                return True
            if tail.startswith(reading) and spell(position + 1, rest + len(reading)):
                return True
            if tail[0] == reading[0] and spell(position + 1, rest + 1):
                return True
        return False

    return any(readings[start] and spell(start, 0) for start in range(len(readings)))


def row_of(position: int, entry: LibraryEntry) -> LibraryRow:
    summary = entry.summary  # metadata and counts: the report itself stays encoded
    if summary is None:
        cells = dict.fromkeys((key for key, _ in COLUMNS), "")
        cells["title"] = entry.path.name
        return LibraryRow(position, entry, cells)
    meta = summary.meta
    cells = {
        "title": meta.title,
        "region": meta.region or "",
        "period": meta.period or "",
        "kind": meta.kind or "",
        "source": meta.source or "",
        "date": meta.published_date or "",
        "sections": str(summary.sections),
        "metrics": str(summary.metrics),
    }
    return LibraryRow(position, entry, cells, summary.sections, summary.metrics)


def rows_of(library: Library) -> list[LibraryRow]:
    return [row_of(position, entry) for position, entry in enumerate(library.entries)]


def filter_rows(rows: list[LibraryRow], text: str) -> list[LibraryRow]:
    """The rows every word of ``text`` matches (failed files match by their name)."""
    words = fold(text).split()
    if not words:
        return list(rows)
    return [row for row in rows if all(_matches(row, word) for word in words)]


def _matches(row: LibraryRow, word: str) -> bool:
    if word in row.match_keys()[0]:
        return True
    return word.isascii() and word.isalpha() and pinyin_matches(row.readings(), word)
