"""A report file's content hash (SHA-256), computed once per start.

The load cache hashes the bytes it has just read; the bookmark store needs the
same hash to name the report's state file. ``remember`` keeps what was computed
for a path (with its size and modification time), so ``file_hash`` does not read
and hash a 37 MB file a second time. No Textual here.
"""

from __future__ import annotations

import hashlib
import os

_KNOWN: dict[str, tuple[int, int, str]] = {}


def content_hash(data: bytes | memoryview) -> str:
    """The SHA-256 of a report file's bytes, in hex."""
    # SHA-256, not BLAKE2b: processors' SHA instructions make it twice as fast here.
    return hashlib.sha256(data).hexdigest()


def remember(path: str | os.PathLike[str], info: os.stat_result, digest: str) -> None:
    """Note that the file at ``path``, as ``info`` describes it, hashes to ``digest``."""
    _KNOWN[os.path.realpath(path)] = (info.st_size, info.st_mtime_ns, digest)


def file_hash(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of the file at ``path`` (remembered if unchanged); ``OSError`` if unreadable."""
    real = os.path.realpath(path)
    known = _KNOWN.get(real)
    if known is not None:
        info = os.stat(real)
        if (info.st_size, info.st_mtime_ns) == known[:2]:
            return known[2]
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
