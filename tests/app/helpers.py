"""Reading what the user sees from a running app, through Textual's public API only.

The text comes from ``App.export_screenshot()`` (the SVG a snapshot test stores),
read back cell by cell; the styles of cells from ``Screen.get_style_at``. Waiting
is done by ``wait_for``, which fails loudly with what the screen showed.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable

from rich.cells import cell_len
from rich.style import Style
from textual.app import App
from textual.widget import Widget

_CHAR_WIDTH = 20 * 0.61  # Rich's export_svg: char_height 20 × font_aspect_ratio 0.61
_TEXT = re.compile(
    r'<text [^>]*?x="([\d.]+)"[^>]*?clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>'
)


def screen_lines(app: App) -> list[str]:
    """The screen as drawn, one string per row; a wide character takes its two cells."""
    _columns, height = app.size
    rows: list[list[tuple[int, str]]] = [[] for _ in range(height)]
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        row = int(line)
        if row < height:
            rows[row].append((round(float(x) / _CHAR_WIDTH), html.unescape(text)))
    lines = []
    for pieces in rows:
        out, at = [], 0
        for column, text in sorted(pieces):
            if column > at:
                out.append(" " * (column - at))
                at = column
            out.append(text.replace("\xa0", " "))
            at += cell_len(text)
        lines.append("".join(out).rstrip())
    return lines


def crop_cells(line: str, start: int, end: int) -> str:
    """The part of ``line`` between cell columns ``start`` and ``end``."""
    out, at = [], 0
    for char in line:
        width = cell_len(char)
        if at >= start and at + width <= end:
            out.append(char)
        at += width
        if at >= end:
            break
    return "".join(out)


def widget_lines(app: App, widget: Widget) -> list[str]:
    """The rows of the screen that ``widget`` covers, cut to its columns."""
    region = widget.region
    rows = screen_lines(app)[region.y : region.bottom]
    return [crop_cells(row, region.x, region.right).rstrip() for row in rows]


def screen_text(app: App) -> str:
    """Everything on the screen as plain text, one line per row."""
    return "\n".join(screen_lines(app))


def styles_of(app: App, needle: str, within: Widget | None = None) -> list[Style]:
    """The style of each cell that draws ``needle`` on screen (its first occurrence).

    With ``within``, only the rows and columns of that widget are searched.
    """
    lines = screen_lines(app)
    top, left, right = 0, 0, app.size.width
    if within is not None:
        region = within.region
        top, left, right = region.y, region.x, region.right
        lines = [crop_cells(row, left, right) for row in lines[region.y : region.bottom]]
    for y, line in enumerate(lines):
        begin = line.find(needle)
        if begin < 0:
            continue
        x = left + cell_len(line[:begin])
        return [app.screen.get_style_at(x + offset, top + y) for offset in range(cell_len(needle))]
    return []


def on_top(app: App, screen_type: type) -> bool:
    """A ``screen_type`` screen is on top and composed: a screen is on top as soon as it is
    pushed, its widgets are mounted a turn or more later (query them only after this)."""
    return isinstance(app.screen, screen_type) and app.screen.is_mounted


async def wait_for(
    pilot,
    condition: Callable[[], object],
    what: str,
    timeout: float = 10.0,
    step: float = 0.02,
) -> None:
    """Let the app run until ``condition()`` is true; fail with the screen if it never is."""
    end = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except Exception:  # not composed yet: a query raised; try again
            pass
        if time.monotonic() > end:
            raise AssertionError(
                f"gave up after {timeout} s waiting for {what}; the screen showed:\n"
                + screen_text(pilot.app)
            )
        await pilot.pause(step)
