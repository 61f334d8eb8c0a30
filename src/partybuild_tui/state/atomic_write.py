"""Write a file so that readers see the old content or the new, never half of either.

The bytes go to a temporary file in the destination's directory (so the final
rename never crosses a filesystem), are flushed and ``fsync``-ed, and the temporary
file is then renamed over the destination with ``os.replace``. With
``overwrite=False`` the rename is a hard link instead, which fails atomically if
the destination appeared in the meantime (falling back to a check-then-replace
where the filesystem has no hard links). No Textual here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from partybuild_tui.model.errors import DestinationExists

__all__ = ["DestinationExists", "atomic_write_bytes"]


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (best effort: not every OS can open a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    overwrite: bool = True,
    mode: int | None = None,
) -> None:
    """Replace ``path`` with ``data`` atomically.

    ``mode`` defaults to the mode of the file being replaced, else 0o666 minus the
    umask. Raises ``DestinationExists`` when ``overwrite`` is false and ``path``
    exists, ``IsADirectoryError`` for a directory, ``OSError`` (EINVAL) for any
    other destination that is not a regular file (a FIFO, a device such as
    ``/dev/null``, a socket: never replaced, even with ``overwrite``, so no caller
    asks "overwrite?" about one), and ``OSError`` for the rest; the temporary file
    never outlives a failure.
    """
    target = Path(path)
    directory = target.parent
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None:
        if stat.S_ISDIR(existing.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
        if not stat.S_ISREG(existing.st_mode):
            raise OSError(
                errno.EINVAL, "is not a regular file; refusing to replace it", str(target)
            )
        if not overwrite:
            raise DestinationExists(errno.EEXIST, "file exists", str(target))
        if mode is None:
            mode = stat.S_IMODE(existing.st_mode)
    if mode is None:
        mode = _default_mode()
    fd, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # e.g. filesystems without permissions
            os.chmod(temp, mode)
        if overwrite:
            os.replace(temp, target)
        else:
            _link_no_clobber(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_directory(directory)


def _link_no_clobber(temp: Path, target: Path) -> None:
    """Move ``temp`` to ``target`` unless ``target`` exists, atomically where possible."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise DestinationExists(errno.EEXIST, "file exists", str(target)) from None
    except OSError:  # no hard links here (FAT, some network filesystems): check, then rename
        if os.path.lexists(target):
            raise DestinationExists(errno.EEXIST, "file exists", str(target)) from None
        os.replace(temp, target)
        return
    temp.unlink()
