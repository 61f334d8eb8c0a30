"""Report text in one-line places: line breaks marked, breadcrumbs joined one way.

A title may hold a line break (YAML allows it). A one-line place — the tree, the
header, a breadcrumb, the palette, a search result — drew only its first line,
which could hide the rest of a hostile title. ``one_line`` keeps the text whole
and marks each break with ``⏎`` (one character for one, so offsets into the
text still hold). The breadcrumb separator is defined here, once, for the app,
the commands and the exports.
"""

from __future__ import annotations

from collections.abc import Iterable

BREADCRUMB_SEPARATOR = " › "
LINE_BREAK_MARK = "⏎"

_BREAKS = str.maketrans(dict.fromkeys("\n\u2028\u2029", LINE_BREAK_MARK))


def one_line(text: str) -> str:
    """``text`` with every line break shown as ``⏎`` (same length, nothing hidden)."""
    return text.translate(_BREAKS)


def breadcrumb_text(titles: Iterable[str]) -> str:
    """``凝心铸魂 › 落实“第一议题”制度``: titles on one line, joined by the separator."""
    return BREADCRUMB_SEPARATOR.join(one_line(title) for title in titles)
