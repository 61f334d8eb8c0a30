"""↑ and ↓ through earlier queries in a search field, as in a shell, lnav or less.

↑ in an empty field shows the newest earlier query, ↑ again an older one; ↓ comes
back towards the newest and, past it, to the empty field. While a recalled query is
shown unchanged, ↑/↓ keep browsing; as soon as it is edited they are the field's
own again (the search bar's: move in the results). The history itself is the
session's (``state/search_history.py``); this only walks it for one field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Optional

from textual.widgets import Input

if TYPE_CHECKING:
    from partybuild_tui.state.search_history import SearchHistory

HistorySource = Callable[[], Optional["SearchHistory"]]
"""Gives the history when first wanted (reading it is not on the first frame's path)."""


class QueryRecall:
    """Walks the search history for one ``Input``."""

    def __init__(self, field: Input, source: HistorySource | None) -> None:
        self.field = field
        self.source = source
        self._queries: tuple[str, ...] = ()
        """The history as it was when browsing began (newer searches do not shift it)."""
        self._position: int | None = None
        self._shown = ""

    @property
    def history(self) -> SearchHistory | None:
        return self.source() if self.source is not None else None

    @property
    def browsing(self) -> bool:
        """A recalled query is shown, unedited."""
        return self._position is not None and self.field.value == self._shown

    def remember(self, query: str) -> None:
        """Keep ``query`` as the newest earlier search (an empty one is not kept)."""
        history = self.history
        if history is not None and query.strip():
            history.add(query)

    def older(self) -> bool:
        """↑: the previous query; ``False`` when ↑ is not for the history here."""
        if not self.browsing:
            history = self.history
            if self.field.value.strip() or history is None or not len(history):
                return False
            self._queries = history.queries
            self._position = len(self._queries)
        assert self._position is not None
        if self._position > 0:
            self._position -= 1
            self._show(self._queries[self._position])
        else:
            self.field.app.bell()  # the oldest already, as a shell rings
        return True

    def newer(self) -> bool:
        """↓: the next query, or the empty field past the newest; ``False`` when not browsing."""
        if not self.browsing:
            return False
        assert self._position is not None
        self._position += 1
        if self._position >= len(self._queries):
            self._position = None
            self._shown = ""
            self.field.value = ""
        else:
            self._show(self._queries[self._position])
        return True

    def _show(self, query: str) -> None:
        self._shown = query
        self.field.value = query
        self.field.cursor_position = len(query)
