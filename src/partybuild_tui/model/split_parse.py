"""Parse a large report on two cores: the second half of its sections in a child process.

Parsing YAML is a single-threaded Python loop (1.65 s of a 37 MB report's 2.4 s
cold load), so a cold start of a large report forks once: the child parses the
sections list from a line near the middle of the file onward, the parent parses
everything else meanwhile, and the child sends its sections back as msgpack.

The split is made only where it cannot change the result. The ``sections`` list
must be the last thing in the file (nothing after it starts at column 0), and the
child's part starts at a line that opens one of its items (the list's own
indentation, then ``- ``). The parent parses the file up to that line, the child
``sections:`` followed by the rest. A node running over the split line (a quoted
scalar, a flow collection) leaves the parent's part unterminated, so it fails;
block and plain scalars end at that less indented line in the whole file too.
So the two parts give the very data of the whole file, or one of them fails.
Whenever anything is unusual — a parse error in either part (the whole file is
then parsed again, for the exact message and position), a directive, keys after
the list, no fork, a failed child — this returns ``None`` and the caller parses
the file whole.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Any

from partybuild_tui.model.errors import ReportError
from partybuild_tui.model.scalars import PlainNumber

MIN_SIZE = 4 << 20
"""Characters below which one process is faster than forking (fork + transfer ~30 ms)."""

_SECTIONS_KEY = re.compile(r"^sections:[ \t]*(?:#[^\n]*)?\r?\n", re.MULTILINE)
_FIRST_ITEM = re.compile(r"^( *)- ", re.MULTILINE)
_NEXT_TOP_LEVEL = re.compile(r"\n[^\s#]")
_NEXT_TOP_LEVEL_NOT_ITEM = re.compile(r"\n(?!- )[^\s#]")
SHARE = 0.46
"""Where the child's part starts: the parent also cuts the text and unpacks the child's part."""
_PLAIN_NUMBER = 1  # msgpack extension code: a PlainNumber keeps its type across the pipe


def _split_point(text: str) -> int | None:
    """Where the child's part starts: a top-level ``sections`` item about ``SHARE`` of
    the way in, when that list runs to the end of the file."""
    key = _SECTIONS_KEY.search(text)
    if key is None or text.startswith("%") or "\n%" in text[: key.start()]:
        return None  # a %TAG directive would read the two parts differently
    first = _FIRST_ITEM.match(text, key.end())
    if first is None:
        return None  # not a block list right under the key: leave it whole
    indent = first.group(1)
    if (_NEXT_TOP_LEVEL if indent else _NEXT_TOP_LEVEL_NOT_ITEM).search(text, first.end()):
        return None  # more after the list (another key, a quote going on at column 0, ---)
    item = re.compile("^" + indent + "- ", re.MULTILINE)
    split = item.search(text, max(first.end(), int(len(text) * SHARE)))
    return None if split is None else split.start()


def _pack(value: Any) -> Any:
    import msgpack

    if type(value) is PlainNumber:
        return msgpack.ExtType(_PLAIN_NUMBER, str.encode(value))
    raise TypeError(f"cannot send {type(value).__name__}")


def _unpack(code: int, data: bytes) -> Any:
    import msgpack

    if code == _PLAIN_NUMBER:
        return PlainNumber(data.decode())
    return msgpack.ExtType(code, data)


def _child(path: str, text: str, start: int, out: int) -> None:
    """In the child: parse ``text[start:]`` as a sections list, send it to ``out``, exit."""
    status = 1
    try:
        import msgpack

        from partybuild_tui.model.yaml_reader import parse

        data = parse(path, "sections:\n" + text[start:])
        if list(data) != ["sections"]:
            return
        sections = data["sections"]
        payload = msgpack.packb(sections, default=_pack, strict_types=True, use_bin_type=True)
        view = memoryview(payload)
        while view:
            view = view[os.write(out, view) :]
        status = 0
    except BaseException:  # any failure: the parent parses the whole file itself
        pass
    finally:
        os._exit(status)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def parse_split(path: str, text: str) -> Any | None:
    """The parsed data of ``text``, as ``yaml_reader.parse`` gives it, or ``None``."""
    if len(text) < MIN_SIZE or not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        return None
    start = _split_point(text)
    if start is None:
        return None
    import msgpack

    from partybuild_tui.model.yaml_reader import parse

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        os.close(read_end)
        _child(path, text, start, write_end)
    os.close(write_end)
    done = False
    try:
        try:
            data = parse(path, text[:start])
        except ReportError:
            return None
        payload = _read_all(read_end)
        _, status = os.waitpid(pid, 0)
        done = True
        if status != 0 or not isinstance(data, dict):
            return None
        sections = data.get("sections")
        sent = msgpack.unpackb(payload, ext_hook=_unpack, raw=False)
        if not isinstance(sections, list) or not isinstance(sent, list):
            return None
        sections.extend(sent)
        return data
    finally:
        os.close(read_end)
        if not done:
            with contextlib.suppress(OSError):
                os.kill(pid, 9)
                os.waitpid(pid, 0)
