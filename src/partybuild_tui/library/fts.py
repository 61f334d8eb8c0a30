"""A library too large for memory: a SQLite FTS5 index on character pairs, on disk.

Above ``THRESHOLD_BYTES`` of report files (200 MB — a few thousand reports; the
in-memory library index of ~1.5 GB of text would not fit in the 400 MB budget)
search goes through this index in the cache directory instead of ``search.py``'s
in-memory one. Why bigrams: a trigram index cannot find two-character words
(``党员``), and SQLite's LIKE on a trigram table silently returns nothing for
them. Each section is one row of a *contentless* FTS5 table (``content=''``: the
text itself is not stored twice) whose tokens are the section's folded text cut
into overlapping pairs, each written as an ASCII token (``515ag5458`` for 党员),
plus a pair with an end mark so a one-character word is a prefix query. A word
is the phrase of its pairs; words are ANDed per section, as the engine does.
Metrics go to a plain table (report, section, value, unit, indicator) indexed by
value and unit, for comparisons, ranges, ``unit:`` and the metrics of all reports.

What the index returns are *candidates*: sections that hold every pair, in order.
The caller checks them against the text with the real engine (``LibraryIndex``
on the candidate reports only), so a hit is never wrong. Pinyin terms cannot be
narrowed by pairs of hanzi; they (and queries with nothing to narrow by) get every
section as a candidate. SQLite 3.40 has no ``contentless_delete``: a changed file's
old rows are dropped from ``sections`` (the map from FTS rows to places) and so
never returned, and the table is rebuilt when dead rows pass a quarter of it.
No Textual here.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from partybuild_tui.model import Report
from partybuild_tui.search import Query, TextTerm, ValueFilter, fold

THRESHOLD_BYTES = 200 * 1024 * 1024
END = "\x03"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, report_id TEXT);
CREATE TABLE IF NOT EXISTS sections (
    row INTEGER PRIMARY KEY, path TEXT NOT NULL, section_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sections_path ON sections(path);
CREATE TABLE IF NOT EXISTS metrics (
    path TEXT NOT NULL, report_id TEXT, section_id TEXT NOT NULL, metric_id TEXT NOT NULL,
    label TEXT, value REAL NOT NULL, unit TEXT, indicator TEXT);
CREATE INDEX IF NOT EXISTS metrics_value ON metrics(value);
CREATE INDEX IF NOT EXISTS metrics_unit ON metrics(unit, value);
CREATE INDEX IF NOT EXISTS metrics_path ON metrics(path);
CREATE VIRTUAL TABLE IF NOT EXISTS grams USING fts5(
    body, content='', columnsize=0, tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER);
"""


def pair_token(a: str, b: str) -> str:
    return f"{ord(a):x}g{ord(b):x}"


def pairs(text: str) -> list[str]:
    """The folded text's overlapping character pairs as tokens, whitespace dropped."""
    chars = [c for c in fold(text) if not c.isspace()]
    if not chars:
        return []
    chars.append(END)
    return [pair_token(a, b) for a, b in itertools.pairwise(chars)]


def section_body(section_fields: Iterable[str]) -> str:
    return " ".join(" ".join(pairs(text)) for text in section_fields)


def _term_match(term: TextTerm) -> str | None:
    """The FTS5 expression for one word, or ``None`` when pairs cannot narrow it."""
    if term.pinyin is not None:
        return None  # letters may also be hanzi by pinyin: no pair to look for
    chars = [c for c in term.text if not c.isspace()]
    if not chars:
        return None
    if len(chars) == 1:
        return f"{ord(chars[0]):x}g*"  # every pair that starts with it (incl. the end mark)
    tokens = [pair_token(a, b) for a, b in itertools.pairwise(chars)]
    return '"' + " ".join(tokens) + '"'


class FtsIndex:
    """The on-disk index of one library (``path``: its SQLite file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    # -- keeping it up to date ------------------------------------------------------------

    def stamps(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT path, stamp FROM files"))

    def forget(self, path: str) -> None:
        db = self.db
        dead = db.execute("DELETE FROM sections WHERE path = ?", (path,)).rowcount
        db.execute("DELETE FROM metrics WHERE path = ?", (path,))
        db.execute("DELETE FROM files WHERE path = ?", (path,))
        db.execute(
            "INSERT INTO meta VALUES ('dead', ?) ON CONFLICT(key) DO UPDATE SET value = value + ?",
            (dead, dead),
        )

    def add(self, path: str, stamp: str, report: Report | None) -> None:
        """Index one file (``report=None``: a file that failed; remembered, not indexed)."""
        db = self.db
        self.forget(path)
        db.execute(
            "INSERT INTO files VALUES (?, ?, ?)", (path, stamp, report.meta.id if report else None)
        )
        if report is None:
            return
        for section in report.walk():
            texts = [section.title, *section.paragraphs]
            texts += [f"{m.label}\n{m.quote}\n{m.unit}" for m in section.metrics]
            row = db.execute(
                "INSERT INTO sections(path, section_id) VALUES (?, ?)", (path, section.id)
            ).lastrowid
            db.execute("INSERT INTO grams(rowid, body) VALUES (?, ?)", (row, section_body(texts)))
        db.executemany(
            "INSERT INTO metrics VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (path, report.meta.id, m.section_id, m.id, m.label, float(m.value), fold(m.unit),
                 getattr(m, "indicator", None))
                for m in report.metrics
            ],
        )  # fmt: skip

    def commit(self) -> None:
        """Save; rebuild the FTS table when too much of it is dead rows."""
        db = self.db
        dead = (db.execute("SELECT value FROM meta WHERE key = 'dead'").fetchone() or (0,))[0]
        live = db.execute("SELECT count(*) FROM sections").fetchone()[0]
        db.commit()
        if dead and dead > max(1000, live // 4):
            self._rebuild_needed()

    def _rebuild_needed(self) -> None:
        """Drop everything: the caller indexes every file again (its stamps are gone)."""
        db = self.db
        for table in ("grams", "sections", "metrics", "files", "meta"):
            db.execute(f"DROP TABLE IF EXISTS {table}")
        db.executescript(_SCHEMA)
        db.commit()
        with contextlib.suppress(sqlite3.Error):
            db.execute("VACUUM")

    # -- querying -------------------------------------------------------------------------------

    def candidates(self, query: Query) -> dict[str, set[str]] | None:
        """File → section ids that may match; ``None`` when the query narrows nothing."""
        found: dict[str, set[str]] | None = None
        for term in query.terms:
            expression = _term_match(term)
            if expression is None:
                continue
            places = self._places(
                "SELECT s.path, s.section_id FROM grams JOIN sections s ON s.row = grams.rowid "
                "WHERE grams MATCH ?",
                (expression,),
            )
            if term.number is not None:  # a bare number is also a metric value
                value = float(term.number.value)
                extra = self._places(
                    "SELECT path, section_id FROM metrics WHERE value = ?", (value,)
                )
                for path, ids in extra.items():
                    places.setdefault(path, set()).update(ids)
            found = places if found is None else _same_sections(found, places)
        for value_filter in query.filters:
            found = _narrow(found, self._metric_places(value_filter, query.units))
        if not query.filters and query.units:
            found = _narrow(found, self._metric_places(None, query.units))
        return found

    def _places(self, sql: str, parameters: tuple[object, ...]) -> dict[str, set[str]]:
        places: dict[str, set[str]] = {}
        for path, section_id in self.db.execute(sql, parameters):
            places.setdefault(path, set()).add(section_id)
        return places

    def _metric_places(
        self, value_filter: ValueFilter | None, units: tuple[str, ...]
    ) -> dict[str, set[str]]:
        clauses, parameters = _value_clauses(value_filter)
        if value_filter is not None and (value_filter.percent or value_filter.unit):
            units = (*units, "%" if value_filter.percent else value_filter.unit or "")
        if units:
            clauses.append("unit IN (" + ",".join("?" * len(units)) + ")")
            parameters += list(units)
        where = " AND ".join(clauses) or "1"
        return self._places(
            f"SELECT path, section_id FROM metrics WHERE {where}", tuple(parameters)
        )

    def metric_rows(self) -> Iterator[tuple[object, ...]]:
        """Every metric of every report: (path, report id, section id, metric id, label,
        value, unit, indicator), in file order."""
        yield from self.db.execute("SELECT * FROM metrics ORDER BY path, rowid")

    def size(self) -> int:
        return self.path.stat().st_size


def _value_clauses(value_filter: ValueFilter | None) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    parameters: list[object] = []
    if value_filter is None:
        return clauses, parameters
    if value_filter.low is not None:
        clauses.append("value >= ?" if value_filter.low_inclusive else "value > ?")
        parameters.append(value_filter.low)
    if value_filter.high is not None:
        clauses.append("value <= ?" if value_filter.high_inclusive else "value < ?")
        parameters.append(value_filter.high)
    return clauses, parameters


def _same_sections(a: dict[str, set[str]], b: dict[str, set[str]]) -> dict[str, set[str]]:
    out = {}
    for path, ids in a.items():
        both = ids & b.get(path, set())
        if both:
            out[path] = both
    return out


def _narrow(found: dict[str, set[str]] | None, places: dict[str, set[str]]) -> dict[str, set[str]]:
    return places if found is None else _same_sections(found, places)
