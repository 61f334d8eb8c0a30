"""The list of search hits under the search bar (its rows are built by ``search_panel``)."""

from __future__ import annotations

from textual.widgets import OptionList


class SearchResults(OptionList):
    """Ranked hits, one row each: kind, section path, label, snippet with the match marked.

    Never focused (↑/↓ and Enter in the search bar move and choose). It is mounted with
    the first result, so its styles are not worked out on the way to the first frame.
    """

    COMPONENT_CLASSES = {
        "search-results--match",
        "search-results--kind",
        "search-results--path",
        "search-results--label",
        "search-results--value",
    }

    # Here, not in app.tcss: parsed with the first result, not before the first frame.
    DEFAULT_CSS = """
    SearchResults > .search-results--match {
        color: $warning;
        text-style: bold reverse;
    }
    SearchResults > .search-results--kind {
        color: $accent;
    }
    SearchResults > .search-results--path {
        color: $text-muted;
    }
    SearchResults > .search-results--label {
        text-style: bold;
    }
    SearchResults > .search-results--value {
        color: $accent;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.can_focus = False
