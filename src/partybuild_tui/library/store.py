"""One cache for a whole library: a single signed file, only changed reports re-read.

The per-report cache (``state``) keeps a few large reports; a library of hundreds
of small ones wants the opposite: one file holding every report of the folder,
read in one go. Layout: ``MAGIC``, the signature (HMAC with the per-user secret,
``codec.sign``) of the body, then the body, a msgpack map ``{"format", "app",
"entries": {absolute path: [stamp, kind, payload]}}`` where ``kind`` is
``report`` (payload: ``codec.encode_report`` bytes) or ``error`` (payload: the
``ReportError``'s fields, so a broken file is not parsed again either).

A file's stamp is ``(size, mtime_ns, ctime_ns, inode, device)`` from ``stat``:
an edit changes ``ctime`` even when a tool puts ``mtime`` back, so only files
whose stamp moved are parsed again, without reading the bytes of the others (a
national collection is gigabytes). A bad signature, another app version or any
surprise means an empty cache, silently: the cache can make a library open
faster, never make it fail or show something else. Written atomically; the 8 most
recently used library files are kept. No Textual here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msgpack

from partybuild_tui import __version__
from partybuild_tui.library import codec
from partybuild_tui.model import ReportError
from partybuild_tui.state import locations
from partybuild_tui.state.atomic_write import atomic_write_bytes

FORMAT = 2
MAGIC = b"partybuild-tui-library\n"
SIGNATURE_SIZE = 32
MAX_LIBRARIES = 8
Stamp = tuple[int, int, int, int, int]


def stamp_of(info: os.stat_result) -> Stamp:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


def cache_dir() -> Path | None:
    """The user's cache directory (``None``: turned off). Reading from it is safe whoever
    wrote there (an entry must carry this user's HMAC); writing needs it private."""
    return locations.cache_dir()


def library_file(directory: Path, paths: Sequence[Path]) -> Path:
    """One cache file per library: named by the absolute paths it was opened with."""
    key = "\n".join(sorted(os.path.abspath(p) for p in paths))
    name = hashlib.blake2b(os.fsencode(key), digest_size=16).hexdigest()
    return directory / f"library-{name}.msgpack"


def error_fields(error: ReportError) -> list[Any]:
    return [error.message, error.line, error.column, list(error.data_path)]


def error_from(path: str, fields: Any) -> ReportError:
    message, line, column, data_path = fields
    return ReportError(path, str(message), line, column, tuple(data_path))


class LibraryCache:
    """The cached entries of one library, and the ones to write back."""

    def __init__(self, file: Path | None, entries: dict[str, list[Any]] | None = None) -> None:
        self.file = file
        self._old = entries or {}
        self._new: dict[str, list[Any]] = {}
        self._changed = False

    @classmethod
    def open(cls, paths: Sequence[Path]) -> LibraryCache:
        directory = cache_dir()
        if directory is None:
            return cls(None)
        file = library_file(directory, paths)
        return cls(file, _read(file))

    def lookup(self, absolute: str, stamp: Stamp) -> tuple[str, Any, Any] | None:
        """``("report", bytes, summary)`` or ``("error", fields, None)`` when the file is
        unchanged."""
        row = self._old.get(absolute)
        if row is None or tuple(row[0]) != stamp:
            return None
        self._new[absolute] = row
        return row[1], row[2], row[3]

    def store(self, absolute: str, stamp: Stamp, kind: str, payload: Any, summary: Any) -> None:
        self._new[absolute] = [list(stamp), kind, payload, summary]
        self._changed = True

    def forget(self, absolute: str) -> None:
        """Drop an entry that turned out unusable (it is written back without it)."""
        self._new.pop(absolute, None)
        self._changed = True

    def save(self) -> None:
        """Write the cache back if anything was added, changed or is gone. Never raises."""
        if self.file is None or not (self._changed or set(self._old) != set(self._new)):
            return
        with contextlib.suppress(Exception):  # a full disk or read-only home: a slower next open
            body = msgpack.packb(
                {"format": FORMAT, "app": __version__, "entries": self._new}, use_bin_type=True
            )
            if locations.private_directory(self.file.parent):
                return  # not ours alone: nothing is written there
            atomic_write_bytes(self.file, MAGIC + codec.sign(body) + body, mode=0o600)
            _prune(self.file.parent)


def _read(file: Path) -> dict[str, list[Any]]:
    """The entries in ``file``; empty when it is missing, unsigned, stale or malformed."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return {}  # a FIFO planted in its place must not hang the start
            blob = stream.read()
        if not blob.startswith(MAGIC):
            return {}
        start = len(MAGIC) + SIGNATURE_SIZE
        body = memoryview(blob)[start:]
        if not codec.verify(bytes(body), blob[len(MAGIC) : start]):
            return {}
        data = msgpack.unpackb(body, raw=False)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        if data.get("app") != __version__ or not isinstance(data.get("entries"), dict):
            return {}
        with contextlib.suppress(OSError):
            os.utime(file)  # recently used: pruned last
        return {
            key: row
            for key, row in data["entries"].items()
            if isinstance(key, str) and isinstance(row, list) and len(row) == 4
        }
    except Exception:  # whatever is wrong with the file, it is just an empty cache
        return {}


def _prune(directory: Path) -> None:
    found: list[tuple[float, Path]] = []
    for path in directory.glob("library-*.msgpack"):
        with contextlib.suppress(OSError):
            found.append((path.stat().st_mtime, path))
    found.sort(reverse=True)
    for _, path in found[MAX_LIBRARIES:]:
        with contextlib.suppress(OSError):
            path.unlink()
