"""The queries the user searched for, newest last: one list for every report, as in less
and lnav (a query is about words, not about one file). No Textual here.

Bounds, said in the README: at most ``MAX_QUERIES`` (200) queries of at most
``MAX_QUERY_CHARS`` (1,000) characters each — the search reads no more — are kept; a
query searched again moves to the newest place instead of being kept twice. Control
characters are made visible (``model.sanitize``: ``␛``) before a query is kept, so
a pasted escape sequence is stored inert. The file (``search-history.json`` in the
state directory) is written atomically when the app saves its state (quit, SIGTERM,
SIGHUP), merged with what another window saved meanwhile; a missing, corrupt or
oversized file (over 1 MiB) gives an empty history and a warning, never an error.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from partybuild_tui.model.errors import NoSuchFile, ReportError
from partybuild_tui.model.sanitize import sanitize_text
from partybuild_tui.model.source import read_bytes
from partybuild_tui.state.atomic_write import atomic_write_bytes
from partybuild_tui.state.locations import shared_directory, state_dir

FILE_NAME = "search-history.json"
FORMAT = "partybuild-tui-search-history"
VERSION = 1
MAX_QUERIES = 200
MAX_QUERY_CHARS = 1000
MAX_FILE = 1 << 20


def clean_query(text: str) -> str:
    """``text`` as it is kept: control characters visible, one line, trimmed and bounded."""
    one_line = " ".join(text.replace("\r", "\n").split("\n"))
    return sanitize_text(one_line).strip()[:MAX_QUERY_CHARS]


class SearchHistory:
    """Earlier queries, oldest first, each once, at most ``MAX_QUERIES``."""

    def __init__(self, queries: Iterable[str] = (), path: Path | None = None) -> None:
        self.path = path
        """Where it is saved (``None``: kept in memory only)."""
        self._queries: dict[str, None] = {}
        self._added: dict[str, None] = {}
        """Queries searched in this run: what a save adds to the file's list."""
        self.warnings: list[str] = []
        for query in queries:
            self._keep(query, self._queries)

    @property
    def queries(self) -> tuple[str, ...]:
        """Oldest first."""
        return tuple(self._queries)

    def __len__(self) -> int:
        return len(self._queries)

    @staticmethod
    def _keep(query: str, into: dict[str, None]) -> str:
        cleaned = clean_query(query) if isinstance(query, str) else ""
        if cleaned:
            into.pop(cleaned, None)  # again: it moves to the newest place
            into[cleaned] = None
            while len(into) > MAX_QUERIES:
                del into[next(iter(into))]
        return cleaned

    def add(self, query: str) -> None:
        """Remember ``query`` as the newest (an empty one is not kept)."""
        cleaned = self._keep(query, self._queries)
        if cleaned:
            self._keep(cleaned, self._added)

    # -- on disk ----------------------------------------------------------------------

    @classmethod
    def load(cls, directory: Path | None = None) -> SearchHistory:
        """The history saved in ``directory`` (default: the state directory); never raises."""
        path = (directory if directory is not None else state_dir()) / FILE_NAME
        history = cls(path=path)
        unsafe = shared_directory(path.parent, "the search history is off")
        if unsafe:
            history.path = None
            history.warnings.append(unsafe)
            return history
        queries, warning = _read(path)
        if warning:
            history.warnings.append(warning)
        for query in queries:
            history._keep(query, history._queries)
        return history

    def save(self) -> list[str]:
        """Add this run's queries to the file (re-read first: another window may have
        saved since) and write it atomically; warnings, never raises."""
        if self.path is None or not self._added:
            return []
        unsafe = shared_directory(self.path.parent, "the search history is not saved", create=True)
        if unsafe:
            return [unsafe]
        on_disk, _ = _read(self.path)
        merged: dict[str, None] = {}
        for query in [*on_disk, *self._added]:
            self._keep(query, merged)
        data = {"format": FORMAT, "version": VERSION, "queries": list(merged)}
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            atomic_write_bytes(self.path, text.encode("utf-8"), mode=0o600)
        except OSError as error:
            return [f"could not save the search history to {self.path}: {error.strerror or error}"]
        self._queries = merged
        self._added.clear()
        return []


def _read(path: Path) -> tuple[list[str], str | None]:
    """The queries in the file and a warning when it could not be used."""
    if not os.path.lexists(path):
        return [], None
    try:
        data = json.loads(read_bytes(str(path), MAX_FILE).decode("utf-8"))
    except NoSuchFile:
        return [], None
    except (ReportError, UnicodeDecodeError, ValueError, RecursionError) as error:
        return [], f"ignored the unreadable search history {path} ({error})"
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return [], f"ignored {path}: not a partybuild-tui search history"
    queries = data.get("queries")
    if not isinstance(queries, list):
        return [], f"ignored {path}: 'queries' is not a list"
    return [q for q in queries if isinstance(q, str)], None
