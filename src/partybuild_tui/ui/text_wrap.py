"""Line breaking for Chinese text in a terminal, with the usual typesetting rules.

Textual wraps at any CJK character, so a line can start with "，" or "。" and a
number such as 99.3% can be cut in two. Readers of Chinese expect neither
(kinsoku rules): closing punctuation never starts a line, opening punctuation
never ends one, and a run of Latin letters or digits stays whole. ``line_starts``
gives the offsets where wrapped lines begin; it works on plain strings so the
widgets can cut styled text at the same places.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from textual.content import Content

NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}%％‰°")
"""Characters that may not begin a line (they close or follow what precedes them)."""
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
"""Characters that may not end a line (they open what follows)."""
_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.%+-/_@#&'")


@lru_cache(maxsize=4096)
def _width(char: str) -> int:
    return cell_len(char)


def _can_break(text: str, index: int) -> bool:
    """May a line start at ``index`` (between ``text[index-1]`` and ``text[index]``)?"""
    before, after = text[index - 1], text[index]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if after == " ":
        return False  # break after the space, so it ends the line instead of starting one
    return not (before in _WORD and after in _WORD)


def line_starts(text: str, width: int) -> list[int]:
    """Offsets in ``text`` (one paragraph, no newlines) where each wrapped line starts."""
    starts = [0]
    if width < 2 or not text:
        return starts
    used = 0
    last_break = -1  # latest offset on the current line where a break is allowed
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        size = _width(char)
        if index > starts[-1] and _can_break(text, index):
            last_break = index
        if used + size > width and index > starts[-1]:
            if char == " ":  # a space at the edge simply ends the line
                index += 1
                starts.append(index)
                used, last_break = 0, -1
                continue
            start = last_break if last_break > starts[-1] else index
            starts.append(start)
            used = sum(_width(c) for c in text[start:index])
            last_break = next((i for i in range(index - 1, start, -1) if _can_break(text, i)), -1)
            continue
        used += size
        index += 1
    if starts[-1] >= length and len(starts) > 1:
        starts.pop()
    return starts


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` cells (trailing spaces dropped)."""
    starts = line_starts(text, width)
    ends = starts[1:] + [len(text)]
    return [text[a:b].rstrip(" ") for a, b in zip(starts, ends, strict=True)]


def wrap_content(content: Content, width: int) -> list[Content]:
    """Styled text cut into lines by the same rules as ``line_starts``, line by line.

    Every piece of report text on screen goes through here (or ``line_starts``), so an
    overview never breaks ``1635人`` or starts a line with "，".
    """
    lines: list[Content] = []
    for line in content.split("\n"):
        cuts = line_starts(line.plain, width)[1:]
        lines.extend(part.rstrip() for part in line.divide(cuts)) if cuts else lines.append(line)
    return lines


def fit_cells(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells (CJK counts two), ending in … when cut."""
    if width <= 3 or cell_len(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        size = cell_len(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"


def pad_cells(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells (… when cut), then padded to exactly ``width``."""
    if width <= 0:
        return ""
    fitted = fit_cells(text, width) if width > 3 else text[:width]
    while cell_len(fitted) > width:  # a 2-cell character at the edge of a tiny width
        fitted = fitted[:-1]
    return fitted + " " * (width - cell_len(fitted))


def short_title(title: str) -> str:
    """A top-level title up to its first comma: 凝心铸魂,把稳政治引领“方向盘” → 凝心铸魂."""
    return title.replace("，", ",").split(",", 1)[0]
