"""The load cache: a validated report, kept so that a large report opens fast next time.

``load_report(path)`` is the one way the app and the commands open a report.
Parsing and validating a 37 MB report takes seconds; reading the same model back
from its cache entry a fraction of that. The layer sits on top of the model: a
miss is ``model.loader.load_bytes`` (full validation), then the built report is
stored; a hit is ``codec.decode_report``, which holds the entry to the same
rules (shapes, types, inert text, ids, quotes) and fails to a miss.

Trust: an entry is used only if it carries an HMAC-SHA256 made with this user's
secret key (32 random bytes in the state directory, mode 0600), so an entry
someone else wrote is a miss; its key must match the file exactly (absolute
path, size, ``mtime_ns``, the SHA-256 of the bytes just read, the app version
and the model's fingerprint); it is read only if it is a regular file no larger
than ``max_entry_size``. The cache and state directories must be owned by the
user and not writable by group or others: otherwise the cache is not used, and
``notices()`` says why once. Whatever is wrong with an entry, the load goes on
cold: the cache can make loading faster, never make it fail. No Textual here.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import stat
import struct
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import msgpack

from partybuild_tui import __version__
from partybuild_tui.model.errors import ReportError
from partybuild_tui.model.loader import load_bytes
from partybuild_tui.model.report import Report
from partybuild_tui.model.source import DEFAULT_MAX_SIZE, read_bytes
from partybuild_tui.state import locations
from partybuild_tui.state.codec import FINGERPRINT, decode_report, encode_report
from partybuild_tui.state.digest import content_hash, remember
from partybuild_tui.state.lazy import Part

__all__ = ["decode_report", "encode_report", "load_report", "notices", "sign", "verify"]

MAGIC = b"partybuild-tui-cache 4\n"
_MAC_SIZE = 32
_LENGTH = struct.Struct(">I")
_MAX_HEADER = 1 << 16
_SECRET_SIZE = 32
MAX_ENTRIES = 8
"""Entries kept (one per report path, most recently used first); older ones are removed."""
_STALE_TEMP_SECONDS = 3600
THREAD_BYTES = 1 << 20
"""Below this size a report (or an entry) is hashed on the calling thread (see ``_Soon``)."""

_notices: list[str] = []
_said: set[str] = set()


def notices() -> list[str]:
    """What the cache has to say (a refused directory or key), each once; then forgotten."""
    out = list(_notices)
    _notices.clear()
    return out


def _notice(text: str) -> None:
    if text not in _said:
        _said.add(text)
        _notices.append(text)


def max_entry_size(report_size: int) -> int:
    """The largest entry read for a report of ``report_size`` bytes (an entry is smaller)."""
    return 2 * report_size + (1 << 20)


# -- the per-user secret -------------------------------------------------------------


def _read_secret(path: Path) -> bytes | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        problem = locations.unsafe_reason(info)
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077:
            problem = problem or "is readable or writable by other users"
        if problem:
            _notice(f"load cache off: the key file {path} {problem} (mode must be 0600)")
            return None
        secret = os.read(fd, _SECRET_SIZE + 1)
    finally:
        os.close(fd)
    return secret if len(secret) == _SECRET_SIZE else None


def secret() -> bytes | None:
    """This user's signing key, made on first use; ``None`` (and a notice) if unsafe."""
    path = locations.secret_path()
    problem = locations.private_directory(path.parent)
    if problem:
        _notice(f"load cache off: the state directory {path.parent} {problem}")
        return None
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    except OSError as error:
        _notice(f"load cache off: cannot read the key file {path} ({error.strerror or error})")
        return None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:  # another start made it meanwhile
        with contextlib.suppress(OSError):
            return _read_secret(path)
        return None
    except OSError:
        return None
    with os.fdopen(fd, "wb") as out:
        key = os.urandom(_SECRET_SIZE)
        out.write(key)
    return key


def sign(data: bytes | memoryview, key: bytes | None = None) -> bytes:
    """The HMAC-SHA256 of ``data`` under this user's key; ``ValueError`` without one."""
    key = key if key is not None else secret()
    if key is None:
        raise ValueError("no private key for the load cache")
    return hmac.new(key, data, hashlib.sha256).digest()


def verify(data: bytes | memoryview, signature: bytes, key: bytes | None = None) -> bool:
    """True when ``signature`` is this user's HMAC of ``data`` (compared in constant time)."""
    try:
        return hmac.compare_digest(sign(data, key), signature)
    except ValueError:
        return False


# -- entries -------------------------------------------------------------------------


def entry_path(directory: Path, absolute: str) -> Path:
    """One entry per report path: a newer version of the file replaces the old entry."""
    name = hashlib.blake2b(os.fsencode(absolute), digest_size=16).hexdigest()
    return directory / f"report-{name}.msgpack"


class _Place:
    """Where a report's entry lives and the key it must carry."""

    def __init__(self, directory: Path, key: bytes, absolute: str, info: os.stat_result) -> None:
        self.directory, self.secret, self.absolute, self.info = directory, key, absolute, info
        self.digest = ""  # filled in once the file's hash is known

    @property
    def path(self) -> Path:
        return entry_path(self.directory, self.absolute)

    def key(self) -> dict[str, Any]:
        """What an entry's header must be (``content`` left empty until the hash is known)."""
        return {
            "app": __version__,
            "model": FINGERPRINT,
            "path": self.absolute,
            "size": self.info.st_size,
            "mtime_ns": self.info.st_mtime_ns,
            "content": self.digest,
        }


def _place(path: str, size: int) -> _Place | None:
    directory = locations.cache_dir()
    if directory is None:
        return None
    problem = locations.private_directory(directory)
    if problem:
        _notice(f"load cache off: the cache directory {directory} {problem}")
        return None
    key = secret()
    if key is None:
        return None
    info = os.stat(path)
    if info.st_size != size:
        return None  # changed while being read: no entry for it
    return _Place(directory, key, os.path.abspath(path), info)


def _read_entry(entry: Path, limit: int) -> bytes | None:
    """The entry's bytes if it is a regular file of at most ``limit`` bytes, else ``None``
    (opened non-blocking and without following links: a planted FIFO cannot hang a start)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(entry, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(os.dup(fd), "rb") as stream:
            data = stream.read(limit + 1)
        return data if len(data) <= limit else None
    finally:
        os.close(fd)


class _Soon:
    """``function(data, *args)``, on a thread when ``data`` is large: hashlib lets go of
    the GIL on large buffers, so hashing overlaps with decoding on the other core. Below
    ``THREAD_BYTES`` it runs at once on this thread: hashing the bundled report (46 KB)
    takes 0.1 ms, starting a thread and handing the GIL back and forth took more. No
    fork anywhere, so threads are safe."""

    def __init__(self, function: Callable[..., Any], data: bytes | memoryview, *args: Any) -> None:
        self._result: Any = None
        self._thread: threading.Thread | None = None
        call = partial(self._call, function, data, *args)
        if len(data) < THREAD_BYTES:
            call()
        else:
            self._thread = threading.Thread(target=call, daemon=True)
            self._thread.start()

    def _call(self, function: Callable[..., Any], *args: Any) -> None:
        with contextlib.suppress(Exception):
            self._result = function(*args)

    def result(self) -> Any:
        if self._thread is not None:
            self._thread.join()
        return self._result


def _from_file(place: _Place, max_size: int) -> Callable[[int], Part]:
    """Section ``order`` from the report file: where a section whose blob breaks a rule
    is read from (it never should: the entry is signed), so that is a miss too."""
    fresh: list[Report] = []

    def part(order: int) -> Part:
        if not fresh:
            data = read_bytes(place.absolute, max_size)
            if content_hash(data) != place.digest:
                raise ReportError(place.absolute, "the file changed while open; open it again")
            fresh.append(load_bytes(place.absolute, data))
            with contextlib.suppress(OSError):
                place.path.unlink()
        section = fresh[0].ordered[order]
        return tuple(section.paragraphs), list(section.metrics)

    return part


def _lookup(place: _Place, digest: _Soon, max_size: int) -> Report | None:
    """The report in ``place``'s entry if it is ours, current and well-formed; else ``None``.

    The entry is decoded (which checks everything) while its signature and the
    report's hash are computed; it is used only if both then match."""
    blob = _read_entry(place.path, max_entry_size(place.info.st_size))
    start = len(MAGIC) + _MAC_SIZE
    if blob is None or not blob.startswith(MAGIC) or len(blob) < start + _LENGTH.size:
        return None
    body = memoryview(blob)[start:]
    signed = _Soon(verify, body, blob[len(MAGIC) : start], place.secret)
    (length,) = _LENGTH.unpack_from(body)
    if length > _MAX_HEADER:
        return None
    header = msgpack.unpackb(body[_LENGTH.size : _LENGTH.size + length], raw=False)
    if not isinstance(header, dict) or {**header, "content": ""} != place.key():
        return None  # stale: another file, size, mtime, version or model
    report = decode_report(body[_LENGTH.size + length :], _from_file(place, max_size))
    if signed.result() is not True:
        return None  # not written by this user's app, or changed since
    if header["content"] != digest.result():
        return None  # same size and mtime, other bytes
    with contextlib.suppress(OSError):
        os.utime(place.path)  # recently used: pruned last
    return report


def _prune(directory: Path) -> None:
    """Keep the ``MAX_ENTRIES`` most recently used entries; drop old temporary files."""
    now = time.time()
    entries: list[tuple[float, Path]] = []
    for path in directory.iterdir():
        with contextlib.suppress(OSError):
            if path.name.startswith("report-") and path.suffix == ".msgpack":
                entries.append((path.stat().st_mtime, path))
            elif (
                path.name.startswith(".report-")
                and path.suffix == ".tmp"
                and now - path.stat().st_mtime > _STALE_TEMP_SECONDS
            ):
                path.unlink()
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            path.unlink()


def _save(place: _Place, report: Report) -> None:
    """Store ``report``, validated from the very bytes ``place`` was found for; never raises."""
    tmp_name = None
    try:
        header = msgpack.packb(place.key(), use_bin_type=True)
        body = _LENGTH.pack(len(header)) + header + encode_report(report)
        fd, tmp_name = tempfile.mkstemp(prefix=".report-", suffix=".tmp", dir=place.directory)
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + sign(body, place.secret))
            out.write(body)
        os.replace(tmp_name, place.path)
        tmp_name = None
        _prune(place.directory)
    except Exception:  # a full disk, a read-only home: failing to cache costs only time
        pass
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def load_report(
    path: str | Path,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    schedule_save: Callable[[Callable[[], None]], object] | None = None,
) -> Report:
    """Read the report at ``path``, from the cache when it holds these exact bytes.

    Raises ``ReportError`` and nothing else (``model.load_report`` reads the file
    itself, as ``check`` does). Storing a 37 MB report takes a few tenths of a
    second: the app passes ``schedule_save`` to do it after its first frame.
    """
    name = str(path)
    data = read_bytes(name, max_size)
    place = None
    try:
        place = _place(name, len(data))
        if place is not None:
            digest = _Soon(content_hash, data)
            try:
                report = _lookup(place, digest, max_size)
            except Exception:  # whatever is wrong with an entry, it is just a miss
                report = None
            place.digest = digest.result() or ""
            if place.digest:
                remember(name, place.info, place.digest)
            if report is not None:
                return report
    except Exception:  # whatever is wrong with an entry, it is just a miss
        pass
    report = load_bytes(name, data)
    del data
    if place is not None and place.digest:
        if schedule_save is None:
            _save(place, report)
        else:
            schedule_save(partial(_save, place, report))
    return report
