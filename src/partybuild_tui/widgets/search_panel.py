"""The search bar (results list arrives with the search engine)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from ..i18n import t


class SearchPanel(Vertical):
    """A query input; `/` focuses it."""

    DEFAULT_CSS = """
    SearchPanel { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Input(placeholder=t("search: type text, pinyin or a number"), id="search-input")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def focus_input(self) -> None:
        self.input.focus()
