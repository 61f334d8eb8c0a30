"""Read a report file's text safely: regular files only, size-capped, strict UTF-8.

Opening a FIFO would block and ``/dev/zero`` never ends, so the file type is
checked on the open descriptor (``O_NONBLOCK``, then ``fstat``) before a byte is
read, and reading stops one byte past the size cap.
"""

from __future__ import annotations

import os
import re
import stat

from .errors import ReportError

DEFAULT_MAX_SIZE = 64 * 1024 * 1024

# Control characters YAML forbids anyway; caught here so the message is ours and
# carries a position. Tab, LF and CR are allowed (YAML reports tab misuse itself).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def position_of(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of character ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    line_start = text.rfind("\n", 0, index) + 1
    return line, index - line_start + 1


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a report file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _describe_size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


def read_bytes(path: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The file's bytes, or ``ReportError`` for anything that is not a sane report file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ReportError(path, "no such file") from None
    except IsADirectoryError:
        raise ReportError(path, _kind(stat.S_IFDIR)) from None
    except PermissionError:
        raise ReportError(path, "permission denied: cannot read this file") from None
    except OSError as error:
        raise ReportError(path, f"cannot open: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReportError(path, _kind(info.st_mode))
        if info.st_size > max_size:
            raise ReportError(
                path,
                f"file is {_describe_size(info.st_size)}, over the "
                f"{_describe_size(max_size)} limit (raise it with --max-size)",
            )
        chunks: list[bytes] = []
        remaining = max_size + 1
        while remaining > 0:
            try:
                chunk = os.read(fd, min(remaining, 1 << 20))
            except BlockingIOError:  # pragma: no cover - only for odd filesystems
                break
            except OSError as error:
                raise ReportError(path, f"cannot read: {error.strerror or error}") from None
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_size:
            raise ReportError(
                path, f"file grew past the {_describe_size(max_size)} limit while reading"
            )
        return data
    finally:
        os.close(fd)


def decode(path: str, data: bytes) -> str:
    """Strict UTF-8 (a leading BOM is allowed); control characters are refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8", errors="replace")
        line, column = position_of(good, len(good))
        raise ReportError(
            path,
            f"not valid UTF-8: byte 0x{data[error.start]:02x} cannot be decoded "
            "(save the file as UTF-8)",
            line,
            column,
        ) from None
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        line, column = position_of(text, bad.start())
        raise ReportError(
            path,
            f"control character U+{ord(bad.group()):04X} is not allowed in a report file",
            line,
            column,
        )
    return text


def read_text(path: str, max_size: int = DEFAULT_MAX_SIZE) -> str:
    return decode(path, read_bytes(path, max_size))
