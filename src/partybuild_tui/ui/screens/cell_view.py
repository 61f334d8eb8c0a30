"""One cell of the metrics table in full (``v``): a small dialog, closed by Esc, v or Enter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen

from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.wrapped import WrappedText


class CellScreen(ModalScreen[None]):
    """A cell's text, wrapped by the Chinese line-breaking rules (report text: never markup)."""

    DEFAULT_CSS = """
    CellScreen { align: center middle; }
    CellScreen > #cell-body {
        width: 80%;
        max-width: 90;
        height: auto;
        max-height: 80%;
        padding: 0 1;
        border: round $accent;
        background: $surface;
    }
    """

    AUTO_FOCUS = "#cell-body"

    BINDINGS = [Binding("escape,v,enter", "close", "Close", key_display="Esc")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        localize_bindings(self)
        self.cell_title = title
        self.text = text

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="cell-body") as body:
            body.border_title = Content(self.cell_title)
            yield WrappedText(Content(self.text), id="cell-text")

    def action_close(self) -> None:
        self.dismiss(None)
