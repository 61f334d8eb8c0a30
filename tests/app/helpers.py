"""Reading what the user sees from a running app: text and styles of screen cells."""

from __future__ import annotations

from rich.style import Style
from textual.app import App
from textual.strip import Strip
from textual.widget import Widget


def screen_strips(app: App) -> list[Strip]:
    """The screen as drawn: one strip per row."""
    return app.screen._compositor.render_strips()


def screen_text(app: App) -> str:
    """Everything on the screen as plain text, one line per row."""
    return "\n".join(strip.text.rstrip() for strip in screen_strips(app))


def styles_of(app: App, needle: str, within: Widget | None = None) -> list[Style]:
    """The styles of the segments that draw ``needle`` on screen (its first occurrence).

    With ``within``, only the rows and columns of that widget are searched.
    """
    strips = screen_strips(app)
    if within is not None:
        region = within.region
        strips = [s.crop(region.x, region.right) for s in strips[region.y : region.bottom]]
    for strip in strips:
        begin = strip.text.find(needle)
        if begin < 0:
            continue
        end = begin + len(needle)
        found: list[Style] = []
        position = 0
        for segment in strip:
            seg_end = position + len(segment.text)
            if seg_end > begin and position < end:
                found.append(segment.style or Style())
            position = seg_end
        return found
    return []
