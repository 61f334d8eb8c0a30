"""An ``OptionList`` that moves with j/k/g/G as the tree does (issue 13.10).

Every list the user moves in (bookmarks, …) uses it, so ``d`` on the bookmarks
never deletes a row the user did not mean to reach.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class VimOptionList(OptionList):
    """Option list with vim movement keys besides the arrows."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]
