"""Search a library too large for one in-memory index, through the FTS5 index (no Textual).

``library_index(library)`` picks: below ``fts.THRESHOLD_BYTES`` of report files
the in-memory ``LibraryIndex``; above it ``LargeLibraryIndex``, which keeps the
on-disk bigram index (``fts.py``) up to date — only files whose stamp changed
are indexed again — and answers a query by asking it for candidate sections,
then running the real engine on the candidate reports only — ``BATCH`` at a time in
library order, until a page of hits is found (``unchecked`` says how many candidate
reports were left) — so every hit shown is checked against the text. Both give the
same ``LibraryResult``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from partybuild_tui.library import Library
from partybuild_tui.library.fts import THRESHOLD_BYTES, FtsIndex
from partybuild_tui.library.search import PAGE, LibraryIndex, LibraryResult, ReportHits
from partybuild_tui.library.store import cache_dir, stamp_of
from partybuild_tui.search import Query, parse_query

VERIFY_REPORTS = 200
"""Candidate reports checked per query at most; the rest are counted as candidates only."""
BATCH = 16
"""Candidate reports checked at a time, until a page of hits is found."""


def text_bytes(library: Library) -> int:
    total = 0
    for entry in library.entries:
        with contextlib.suppress(OSError):
            total += entry.path.stat().st_size
    return total


def library_index(
    library: Library, *, threshold: int = THRESHOLD_BYTES, combined: bool = True
) -> LibraryIndex | LargeLibraryIndex:
    """The library's search index (``combined=False``: without the combined counts, which
    cost more to build than they save a single query, as ``search`` asks)."""
    if text_bytes(library) > threshold:
        return LargeLibraryIndex.build(library)
    return LibraryIndex.build(library.reports, combined=combined)


def fts_path(library: Library) -> Path:
    directory = cache_dir() or Path(tempfile.gettempdir())
    key = "\n".join(sorted(os.path.abspath(e.path) for e in library.entries))
    name = hashlib.blake2b(os.fsencode(key), digest_size=16).hexdigest()
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    return directory / f"library-{name}.fts.sqlite3"


class LargeLibraryIndex:
    """The FTS5-backed index of a large library."""

    def __init__(self, library: Library, fts: FtsIndex) -> None:
        self.library = library
        self.fts = fts
        # Entries, not reports: a report is decoded only when a query checks it.
        self.entries = library.loaded
        self._position = {os.path.abspath(e.path): i for i, e in enumerate(self.entries)}

    @classmethod
    def build(cls, library: Library, path: Path | None = None) -> LargeLibraryIndex:
        """Open the index and bring it up to date (only changed files are indexed)."""
        fts = FtsIndex(path or fts_path(library))
        known = fts.stamps()
        seen = set()
        for entry in library.entries:
            absolute = os.path.abspath(entry.path)
            seen.add(absolute)
            try:
                stamp = repr(stamp_of(entry.path.stat()))
            except OSError:
                continue
            if known.get(absolute) != stamp:
                fts.add(absolute, stamp, entry.report)
        for gone in set(known) - seen:
            fts.forget(gone)
        fts.commit()
        if not fts.stamps() and library.entries:  # rebuilt after too many dead rows
            return cls.build(library, fts.path)
        return cls(library, fts)

    def search(self, query: str | Query, limit: int | None = PAGE) -> LibraryResult:
        parsed = query if isinstance(query, Query) else parse_query(query)
        if parsed.is_empty:
            return LibraryResult(parsed, (), 0)
        places = self.fts.candidates(parsed)
        if places is None:
            candidates = list(range(len(self.entries)))
        else:
            candidates = sorted(self._position[p] for p in places if p in self._position)
        # Checked a batch at a time, in library order, until a page of hits is found:
        # the first page costs a few reports' indexing, not every candidate's.
        pinyin = any(term.pinyin is not None for term in parsed.terms)
        groups: list[ReportHits] = []
        total = shown = checked = 0
        while checked < min(len(candidates), VERIFY_REPORTS):
            positions = candidates[checked : min(checked + BATCH, VERIFY_REPORTS)]
            checked += len(positions)
            reports = [(p, r) for p in positions if (r := self.entries[p].report) is not None]
            room = None if limit is None else max(0, limit - shown)
            index = LibraryIndex.build([r for _, r in reports], pinyin=pinyin, combined=False)
            result = index.search(parsed, limit=room)
            for group in result.groups:
                position = reports[group.position][0]
                groups.append(ReportHits(position, group.report, group.total, group.hits))
                shown += len(group.hits)
            total += result.total
            if limit is not None and shown >= limit:
                break
        return LibraryResult(parsed, tuple(groups), total, len(candidates) - checked)
