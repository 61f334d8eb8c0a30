"""The explorer on a report opened from the library: back to the list, hits across reports.

Everything the explorer does, plus: ``H``/Backspace with nothing earlier in the
report's history (and ``Ctrl+L`` at any time) return to the library, whose
cursor, filter and results are as they were; a report opened from a library search
starts with that query in its search bar at the chosen hit, and ``n``/``N`` past its
last (first) hit go on to the next (previous) report with hits, in library order.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.binding import Binding

from partybuild_tui.model import Report
from partybuild_tui.search import SearchHit
from partybuild_tui.ui.messages import IndexReady
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.session import OpenReport
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.search_panel import SearchPanel

OpenNeighbour = Callable[[Report, int, str], bool]
"""The library's ``open_neighbour(report, delta, query)``: opens the next report with hits."""


def same_place(a: SearchHit, b: SearchHit) -> bool:
    return (a.section_id, a.field, a.paragraph_index, a.metric_id, a.spans) == (
        b.section_id,
        b.field,
        b.paragraph_index,
        b.metric_id,
        b.spans,
    )


class LibraryExplorerScreen(ExplorerScreen):
    """A report of the library, in the explorer."""

    BINDINGS = [
        Binding("ctrl+l", "to_library", "Library", tooltip="Back to the library", show=False),
    ]

    def __init__(
        self,
        open_neighbour: OpenNeighbour,
        opened: OpenReport,
        *,
        query: str | None = None,
        hit: SearchHit | None = None,
        from_end: bool = False,
    ) -> None:
        super().__init__(opened)
        localize_bindings(self)
        self.open_neighbour = open_neighbour
        self.library_query = query
        self.start_hit = hit
        self.from_end = from_end
        """Opened by ``N`` from the next report: start at the last hit."""
        self._placed = query is None

    # -- back to the library -------------------------------------------------------------

    def action_to_library(self) -> None:
        self.app.pop_screen()

    def action_back(self) -> None:
        """Back along the report's jumps; from the first one, back to the library."""
        self._cancel_rest()
        if self.actions.back_to_compare():
            return
        if not self.session.back(self.opened.id):
            self.action_to_library()

    # -- the library query ---------------------------------------------------------------

    def _library_query_start(self) -> None:
        if self.library_query and not self._placed:
            panel = self.panel
            panel.input.value = self.library_query  # searches; ResultsChanged follows

    def on_mount(self) -> None:  # Textual calls ExplorerScreen.on_mount too, after this
        if self.opened.index is not None:
            self._library_query_start()

    @on(IndexReady)
    def _library_index_ready(self, event: IndexReady) -> None:
        if event.report_id == self.opened.id:
            self._library_query_start()

    @on(SearchPanel.ResultsChanged)
    def _place_library_hit(self, event: SearchPanel.ResultsChanged) -> None:
        if self._placed or event.result is None:
            return
        self._placed = True
        panel = self.panel
        hits = event.result.hits
        if not hits:
            return
        position = len(hits) - 1 if self.from_end else 0
        if self.start_hit is not None:
            position = next(
                (i for i, h in enumerate(hits) if same_place(h, self.start_hit)), position
            )
        panel.position = position
        self.search.show_hit(hits[position], event.result.query)

    def _crosses_to_neighbour(self, delta: int) -> bool:
        panel = self.panel
        result = panel.result
        return (
            self.library_query is not None
            and result is not None
            and bool(result.hits)
            and panel.position is not None
            and not 0 <= panel.position + delta < len(result.hits)
            and self.open_neighbour(self.report, delta, self.library_query)
        )

    def action_next_hit(self) -> None:
        if not self._crosses_to_neighbour(1):
            super().action_next_hit()

    def action_previous_hit(self) -> None:
        if not self._crosses_to_neighbour(-1):
            super().action_previous_hit()
