"""A static block of styled text wrapped by the Chinese line-breaking rules.

Textual's own wrapping (``Static``) cuts ``1635人`` in two and starts lines with
"，"; every piece of report text on screen goes through ``text_wrap`` instead.
"""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from partybuild_tui.ui.text_wrap import wrap_content


class WrappedText(Widget):
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

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(max(1, width)))
