"""The explorer on a report opened from the library: back to the list, hits across reports.

Everything the explorer does, plus: ``H``/Backspace with nothing earlier in the
report's history (and ``Ctrl+L`` at any time) return to the library, whose
cursor, filter and results are as they were; a report opened from a library search
starts with that query in its search bar at the chosen hit, and ``n``/``N`` past its
last (first) hit go on to the next (previous) report with hits, in library order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding

from partybuild_tui.model import Report
from partybuild_tui.search import SearchHit
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.widgets.library.strings import localize
from partybuild_tui.ui.widgets.search_panel import SearchPanel

if TYPE_CHECKING:
    from partybuild_tui.search import SearchIndex
    from partybuild_tui.ui.screens.library import LibraryScreen


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
        library: LibraryScreen,
        report: Report,
        *,
        query: str | None = None,
        hit: SearchHit | None = None,
        from_end: bool = False,
    ) -> None:
        super().__init__(report)
        localize(self)
        self.library = library
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
        place = self.navigation.back(self.here)
        if place is None:
            self.action_to_library()
            return
        self._go(place)

    def action_metrics(self) -> None:
        """The metrics table of this report (the one installed may be another report's)."""
        from partybuild_tui.ui.screens.explorer_keys import METRICS_SCREEN

        app = self.app
        if app.is_screen_installed(METRICS_SCREEN):
            installed = app.get_screen(METRICS_SCREEN)
            if getattr(installed, "report", None) is not self.report:
                app.uninstall_screen(METRICS_SCREEN)
        super().action_metrics()

    # -- the library query ---------------------------------------------------------------

    def _index_ready(self, index: SearchIndex) -> None:
        super()._index_ready(index)
        if self.library_query:
            panel = self.query_one(SearchPanel)
            panel.input.value = self.library_query  # searches; ResultsChanged follows

    @on(SearchPanel.ResultsChanged)
    def _place_library_hit(self, event: SearchPanel.ResultsChanged) -> None:
        if self._placed or event.result is None:
            return
        self._placed = True
        panel = self.query_one(SearchPanel)
        hits = event.result.hits
        if not hits:
            return
        position = len(hits) - 1 if self.from_end else 0
        if self.start_hit is not None:
            position = next(
                (i for i, h in enumerate(hits) if same_place(h, self.start_hit)), position
            )
        panel.position = position
        self.show_hit(hits[position], event.result.query)
        self.query_one("#detail").focus()

    def _step_hit(self, delta: int) -> None:
        panel = self.query_one(SearchPanel)
        result = panel.result
        if (
            self.library_query is not None
            and result is not None
            and result.hits
            and panel.position is not None
            and not 0 <= panel.position + delta < len(result.hits)
            and self.library.open_neighbour(self.report, delta, self.library_query)
        ):
            return
        super()._step_hit(delta)
