"""Per-report state on disk: bookmarks and the last position, in the user's state directory.

Where: ``platformdirs.user_state_dir("partybuild-tui")`` (``~/.local/state/
partybuild-tui`` on Linux), or ``$PARTYBUILD_TUI_STATE_DIR`` when set — never
next to the report. One small JSON file per report, named by the report id and
a hash of the report file's bytes (``reports/<id>-<sha256[:16]>.json``), so two
different reports that share an id never mix their bookmarks. When the report
file changes (new hash), the newest state saved for the same id is carried over,
keeping only bookmarks whose sections still exist — but only from the same file
path, so two different reports that happen to share an id stay apart.

Nothing here raises at startup: a missing, corrupt, oversized or unreadable
state file gives an empty state and a warning for the caller to show, and a
failed write returns a warning. Bounds, said in the README: a state file over
1 MiB is ignored, and at most ``MAX_BOOKMARKS`` (10,000) are kept, with a
warning when a file held more. Loading is linear in the file's size (sets and
dicts, never a list scan per id), so an attacker's file of 100,000 valid-looking
ids costs milliseconds. Writes are atomic (temporary file, fsync,
rename), so a crash leaves the old file or the new one. No Textual here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from partybuild_tui.model.errors import CorruptState, NoSuchFile, ReportError
from partybuild_tui.model.source import read_bytes
from partybuild_tui.state.atomic_write import atomic_write_bytes
from partybuild_tui.state.bookmarks import MAX_BOOKMARKS, Bookmarks
from partybuild_tui.state.digest import content_hash, file_hash
from partybuild_tui.state.locations import STATE_ENV, shared_directory, state_dir

ENV_VAR = STATE_ENV
FORMAT = "partybuild-tui-state"
VERSION = 1
MAX_STATE_FILE = 1 << 20
"""A state file larger than this (1 MiB) is ignored: it cannot be ours."""
HASH_CHARS = 16

_SAFE_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")
_SECTION_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HASH = re.compile(r"[0-9a-f]{64}")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ReportKey:
    """Which report a state belongs to: its id and the hash of its file's bytes."""

    report_id: str
    content_hash: str
    source_path: str | None = field(default=None, compare=False)
    """The report file's resolved path: lets an edited file keep its bookmarks."""

    def __post_init__(self) -> None:
        if not _HASH.fullmatch(self.content_hash):
            raise ValueError(f"not a SHA-256 hex digest: {self.content_hash!r}")

    @classmethod
    def for_file(cls, report_id: str, path: str | os.PathLike[str]) -> ReportKey:
        """The key of the report at ``path``; ``OSError`` if the file cannot be read."""
        return cls(report_id, file_hash(path), os.path.realpath(path))

    @classmethod
    def for_bytes(cls, report_id: str, data: bytes) -> ReportKey:
        return cls(report_id, content_hash(data))

    @property
    def file_stem(self) -> str:
        """``<id>-<hash16>``; an id that is not a plain slug is replaced by its own hash."""
        name = self.report_id
        if not _SAFE_ID.fullmatch(name):
            name = "id-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        return f"{name}-{self.content_hash[:HASH_CHARS]}"


@dataclass(slots=True)
class ReportState:
    """What is remembered about one report."""

    bookmarks: Bookmarks = field(default_factory=Bookmarks)
    last_section: str | None = None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _encode(key: ReportKey, state: ReportState) -> bytes:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "report_id": key.report_id,
        "content_hash": key.content_hash,
        "report_path": key.source_path,
        "updated": _now(),
        "bookmarks": list(state.bookmarks.ids),
        "last_section": state.last_section,
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _id_set(section_ids: Collection[str]) -> frozenset[str] | set[str]:
    """``section_ids`` as a set, for O(1) lookups (a report's ids come as a list)."""
    return section_ids if isinstance(section_ids, (set, frozenset)) else frozenset(section_ids)


def _decode(raw: bytes) -> tuple[dict[str, Any], ReportState, list[str]]:
    """The file's header fields, its state, and what was dropped from it."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise CorruptState(f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorruptState("not a partybuild-tui state file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version != VERSION:
        raise CorruptState(f"state format version {version!r}; this version reads {VERSION}")
    notes: list[str] = []
    raw_bookmarks = data.get("bookmarks", [])
    if not isinstance(raw_bookmarks, list):
        raise CorruptState("'bookmarks' is not a list")
    good = [b for b in raw_bookmarks if isinstance(b, str) and _SECTION_ID.fullmatch(b)]
    if len(good) != len(raw_bookmarks):
        notes.append(f"dropped {len(raw_bookmarks) - len(good)} malformed bookmark(s)")
    if len(set(good)) > MAX_BOOKMARKS:
        notes.append(
            f"kept the first {MAX_BOOKMARKS:,} of {len(set(good)):,} bookmarks (the most kept)"
        )
    last = data.get("last_section")
    if last is not None and not (isinstance(last, str) and _SECTION_ID.fullmatch(last)):
        notes.append("dropped a malformed last position")
        last = None
    return data, ReportState(Bookmarks(good), last), notes


@dataclass(slots=True)
class LoadResult:
    state: ReportState
    warnings: list[str]
    found: bool = False
    """True when the state was read from a file (this version's, or an earlier one's)."""


class StateStore:
    """Reads and writes report states under ``directory`` (default: ``state_dir()``)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        self.directory = Path(directory) if directory is not None else state_dir()

    @property
    def reports_directory(self) -> Path:
        return self.directory / "reports"

    def path_for(self, key: ReportKey) -> Path:
        return self.reports_directory / f"{key.file_stem}.json"

    # --- reading ------------------------------------------------------------------

    def _read(self, path: Path) -> tuple[dict[str, Any], ReportState, list[str]] | None:
        """The decoded file; ``None`` if it does not exist; ``CorruptState`` if it is unusable."""
        if not os.path.lexists(path):  # also when a parent is missing or not a directory
            return None
        try:
            raw = read_bytes(str(path), MAX_STATE_FILE)
        except NoSuchFile:
            return None
        except ReportError as error:
            raise CorruptState(error.message) from None
        return _decode(raw)

    def load(self, key: ReportKey, section_ids: Collection[str] | None = None) -> LoadResult:
        """The state saved for ``key``, or an empty one; never raises.

        With ``section_ids`` (the report's), bookmarks and the last position of
        sections that no longer exist are dropped, and when nothing was saved for
        this exact file, the newest state of the same report id is carried over.
        """
        path = self.path_for(key)
        warnings: list[str] = []
        unsafe = shared_directory(self.directory, "bookmarks are off")
        if unsafe:
            return LoadResult(ReportState(), [unsafe])
        valid = None if section_ids is None else _id_set(section_ids)
        try:
            found = self._read(path)
        except CorruptState as problem:
            warnings.append(
                f"ignored the unreadable state file {path} ({problem}); "
                "it will be replaced when bookmarks change"
            )
            return LoadResult(ReportState(), warnings)
        if found is None:
            found = self._previous_version(key) if section_ids is not None else None
        if found is None:
            return LoadResult(ReportState(), warnings)
        header, state, notes = found
        if header.get("report_id") != key.report_id:
            warnings.append(f"ignored the state file {path}: it belongs to another report")
            return LoadResult(ReportState(), warnings)
        warnings.extend(f"{path}: {note}" for note in notes)
        if valid is not None:
            state.bookmarks.prune(valid)
            if state.last_section is not None and state.last_section not in valid:
                state.last_section = None
        return LoadResult(state, warnings, found=True)

    def _previous_version(
        self, key: ReportKey
    ) -> tuple[dict[str, Any], ReportState, list[str]] | None:
        """The newest readable state of the same report id and file path under another hash."""
        if key.source_path is None:
            return None
        prefix = key.file_stem[: -HASH_CHARS - 1]
        pattern = re.compile(re.escape(prefix) + rf"-[0-9a-f]{{{HASH_CHARS}}}\.json")
        try:
            candidates = [
                entry
                for entry in os.scandir(self.reports_directory)
                if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
            ]
        except OSError:
            return None
        candidates.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime, reverse=True)
        for entry in candidates[:8]:
            try:
                found = self._read(Path(entry.path))
            except CorruptState:
                continue
            if (
                found is not None
                and found[0].get("report_id") == key.report_id
                and found[0].get("report_path") == key.source_path
            ):
                return found
        return None

    # --- writing ------------------------------------------------------------------

    def save(self, key: ReportKey, state: ReportState) -> list[str]:
        """Write ``state`` for ``key`` atomically; warnings (empty on success), never raises."""
        path = self.path_for(key)
        unsafe = shared_directory(self.directory, "bookmarks are off", create=True)
        if unsafe:
            return [unsafe]
        try:
            self.reports_directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            atomic_write_bytes(path, _encode(key, state), mode=0o600)
        except OSError as error:
            return [f"could not save bookmarks to {path}: {error.strerror or error}"]
        return []

    def update(
        self,
        key: ReportKey,
        change: Callable[[ReportState], T],
        section_ids: Collection[str] | None = None,
        fallback: ReportState | None = None,
    ) -> tuple[ReportState, T, list[str]]:
        """Re-read the saved state, apply ``change`` to it, save it; never raises.

        Re-reading first means two windows on the same report do not undo each
        other's bookmarks. When nothing usable is saved (no file, a corrupt one,
        an earlier save failed), ``change`` applies to ``fallback`` — the state
        the caller holds — instead of an empty state. Returns the new state, what
        ``change`` returned, and the warnings of saving (those of reading were
        given when the state was first loaded; a corrupt file is now replaced).
        """
        loaded = self.load(key, section_ids)
        state = loaded.state if loaded.found or fallback is None else fallback
        result = change(state)
        return state, result, self.save(key, state)


class ReportSession:
    """The app's handle on one open report's bookmarks and position; never raises.

    ``open`` hashes the report file, loads what was saved and collects warnings
    for the app to show (``warnings``). Bookmark changes are saved at once
    (merged with the file, in case another window changed it); the position is
    kept in memory until ``save()`` (call it on exit).
    """

    def __init__(
        self,
        store: StateStore,
        key: ReportKey | None,
        state: ReportState,
        warnings: list[str],
        section_ids: Collection[str] | None,
    ) -> None:
        self.store = store
        self.key = key
        self.state = state
        self.warnings = warnings
        self._section_ids = None if section_ids is None else _id_set(section_ids)
        self._dirty = False

    @classmethod
    def open(
        cls,
        report_id: str,
        report_path: str | os.PathLike[str],
        section_ids: Collection[str] | None = None,
        store: StateStore | None = None,
    ) -> ReportSession:
        """The session for the report at ``report_path`` (``section_ids``: the report's)."""
        store = store if store is not None else StateStore()
        try:
            key = ReportKey.for_file(report_id, report_path)
        except OSError as error:
            warning = (
                f"bookmarks are off for this session: cannot read {report_path} to identify it "
                f"({error.strerror or error})"
            )
            return cls(store, None, ReportState(), [warning], section_ids)
        loaded = store.load(key, section_ids)
        return cls(store, key, loaded.state, loaded.warnings, section_ids)

    @property
    def persistent(self) -> bool:
        return self.key is not None

    @property
    def bookmarks(self) -> tuple[str, ...]:
        return self.state.bookmarks.ids

    def is_bookmarked(self, section_id: str) -> bool:
        return section_id in self.state.bookmarks

    def _change(self, change: Callable[[Bookmarks], T]) -> tuple[T, list[str]]:
        if self.key is None:
            return change(self.state.bookmarks), []
        last = self.state.last_section

        def apply(state: ReportState) -> T:
            state.last_section = last
            return change(state.bookmarks)

        state, result, warnings = self.store.update(
            self.key, apply, self._section_ids, self._copy()
        )
        self.state = state
        self._dirty = False
        return result, warnings

    def _copy(self) -> ReportState:
        return ReportState(Bookmarks(self.state.bookmarks.ids), self.state.last_section)

    def toggle_bookmark(self, section_id: str) -> tuple[bool, list[str]]:
        """(bookmarked now?, warnings): adds or removes, and saves.

        When the bookmarks are full (``MAX_BOOKMARKS``) nothing is added, and a
        warning says so.
        """
        was_marked = section_id in self.state.bookmarks
        marked, warnings = self._change(lambda b: b.toggle(section_id))
        if not marked and not was_marked and self.state.bookmarks.full:
            warnings.append(
                f"not bookmarked: {MAX_BOOKMARKS:,} bookmarks is the most kept; remove one first"
            )
        return marked, warnings

    def remove_bookmark(self, section_id: str) -> tuple[bool, list[str]]:
        return self._change(lambda b: b.remove(section_id))

    @property
    def last_section(self) -> str | None:
        return self.state.last_section

    def set_last_section(self, section_id: str | None) -> None:
        """Remember the position (in memory; ``save`` writes it)."""
        if section_id != self.state.last_section:
            self.state.last_section = section_id
            self._dirty = True

    def save(self) -> list[str]:
        """Write the position if it changed; warnings, never raises."""
        if self.key is None or not self._dirty:
            return []
        position = self.state.last_section

        def apply(state: ReportState) -> None:
            state.last_section = position

        self.state, _, warnings = self.store.update(
            self.key, apply, self._section_ids, self._copy()
        )
        self._dirty = False
        return warnings
