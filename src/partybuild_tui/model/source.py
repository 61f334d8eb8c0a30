"""Read a report file's text safely: regular files only, size-capped, strict UTF-8.

Opening a FIFO would block and ``/dev/zero`` never ends, so the file type is
checked on the open descriptor (``O_NONBLOCK``, then ``fstat``) before a byte is
read, and reading stops one byte past the size cap.
"""

from __future__ import annotations

import os
import re
import stat

from partybuild_tui.model.errors import NoSuchFile, ReportError

DEFAULT_MAX_SIZE = 64 * 1024 * 1024

# Control characters YAML forbids anyway; caught here so the message is ours and
# carries a position. Tab, LF and CR are allowed (YAML reports tab misuse itself).
# NEL, LS and PS are refused too: YAML counts them as line breaks, so every line
# number after them would disagree with the user's editor.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
_LINE_BREAK = re.compile(r"\r\n?|\n")


def position_of(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of character ``index`` in ``text``, counting lines as YAML does."""
    if "\r" not in text:
        line = text.count("\n", 0, index) + 1
        return line, index - (text.rfind("\n", 0, index) + 1) + 1
    line, line_start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line, line_start = line + 1, match.end()
    return line, index - line_start + 1


def _kind(mode: int, noun: str = "report file") -> str:
    if stat.S_ISDIR(mode):
        return f"is a directory, not a {noun}"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def describe_size(size: int) -> str:
    """``64 MiB``, ``1.5 GiB``, ``1,030 bytes``: a size as a person reads it."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20)):
        if size >= factor:
            return f"{size / factor:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size:,} bytes"


def _too_big(size: int, max_size: int) -> str:
    shown, limit = describe_size(size), describe_size(max_size)
    if shown == limit:
        shown, limit = f"{size:,} bytes", f"{max_size:,} bytes"
    return f"file is {shown}, over the {limit} limit (raise it with --max-size)"


def read_bytes(path: str, max_size: int = DEFAULT_MAX_SIZE, noun: str = "report file") -> bytes:
    """The file's bytes, or ``ReportError`` for anything that is not a sane ``noun``."""
    if not path:  # os.open("") fails anyway; say what happened, not "no such file"
        raise ReportError("<empty path>", f"an empty path names no {noun}")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise NoSuchFile(path) from None
    except IsADirectoryError:
        raise ReportError(path, _kind(stat.S_IFDIR, noun)) from None
    except PermissionError:
        raise ReportError(path, "permission denied: cannot read this file") from None
    except OSError as error:
        raise ReportError(path, f"cannot open: {error.strerror or error}") from None
    except ValueError:  # a NUL in the path
        raise ReportError(path, "not a valid file name") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReportError(path, _kind(info.st_mode, noun))
        if info.st_size > max_size:
            raise ReportError(path, _too_big(info.st_size, max_size))
        chunks: list[bytes] = []
        remaining = max_size + 1
        # The whole file in one read, then one byte more to see it end (or grow).
        want = max(info.st_size, 1 << 16)
        while remaining > 0:
            try:
                chunk = os.read(fd, min(remaining, want))
            except BlockingIOError:  # pragma: no cover - only for odd filesystems
                break
            except OSError as error:
                raise ReportError(path, f"cannot read: {error.strerror or error}") from None
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
            want = 1 << 20
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        if len(data) > max_size:
            raise ReportError(
                path, f"file grew past the {describe_size(max_size)} limit while reading"
            )
        return data
    finally:
        os.close(fd)


def _describe_char(char: str) -> str:
    if char in "\u2028\u2029":
        name = "line separator" if char == "\u2028" else "paragraph separator"
        return (
            f"{name} U+{ord(char):04X} is not allowed in a report file "
            "(YAML reads it as a line break)"
        )
    return f"control character U+{ord(char):04X} is not allowed in a report file"


def check_characters(path: str, text: str) -> None:
    """``ReportError`` at the first character no report may contain (NUL, ESC, C1, …)."""
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        line, column = position_of(text, bad.start())
        raise ReportError(path, _describe_char(bad.group()), line, column)


def decode(path: str, data: bytes) -> str:
    """Strict UTF-8 (a leading BOM is allowed); control characters are refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReportError(path, "the file is UTF-16; save it as UTF-8", 1, 1)
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
    check_characters(path, text)
    return text


def read_text(path: str, max_size: int = DEFAULT_MAX_SIZE) -> str:
    return decode(path, read_bytes(path, max_size))
