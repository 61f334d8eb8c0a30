"""A static block of styled text wrapped by the Chinese line-breaking rules.

Textual's own wrapping (``Static``) cuts ``1635人`` in two and starts lines with
"，"; every piece of report text on screen goes through ``text_wrap`` instead.
Lines are drawn one at a time (``render_line``), only those on screen: Textual's
default renders the whole text on every refresh, which freezes on a long one.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from partybuild_tui.ui.text_wrap import wrap_content
from partybuild_tui.ui.widgets.sized_by_layout import SizedByLayout


class WrappedText(SizedByLayout, Widget):
    """Like ``Static`` with ``Content``, wrapped by ``text_wrap.wrap_content``."""

    DEFAULT_CSS = """
    WrappedText { height: auto; }
    """

    def __init__(self, content: Content | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = content or Content("")
        self._layout: tuple[int, list[Content]] | None = None

    def update(self, content: Content) -> None:
        self.content = content
        self._layout = None
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        """The wrapped lines at ``width`` cells."""
        if self._layout is None or self._layout[0] != width:
            self._layout = (width, wrap_content(self.content, width))
        return self._layout[1]

    def render(self) -> Content:
        return Content("\n").join(self.lines(max(1, self.content_region.width)))

    def render_line(self, y: int) -> Strip:
        return draw_line(self, self.lines(max(1, self.size.width)), y)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(max(1, width)))


def draw_line(widget: Widget, lines: list[Content], y: int) -> Strip:
    """Line ``y`` of already wrapped ``lines``, styled as ``widget`` draws its content."""
    width = widget.size.width
    if not 0 <= y < len(lines) or width <= 0:
        return Strip.blank(width, widget.visual_style.rich_style)
    return Visual.to_strips(widget, lines[y], width, 1, widget.visual_style)[0]
