"""The search bar and its results: type, see the hits, Enter to jump.

Typing never waits for a search: each change is handed to one background
thread that always runs the latest query (older ones are skipped, not queued),
and only a bounded first page of hits is drawn. The panel owns the results and
the position in them; the screen decides what to show when the user jumps.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from partybuild_tui.ui.i18n import pick, t
from partybuild_tui.ui.text_wrap import fit_cells, wrap_lines
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.query_recall import HistorySource, QueryRecall
from partybuild_tui.ui.widgets.search_rows import (
    hit_prompt,
    label_width,
    metric_value,
)

if TYPE_CHECKING:
    from partybuild_tui.model import Metric
    from partybuild_tui.search import Query, SearchHit, SearchIndex, SearchResult
    from partybuild_tui.ui.widgets.search_results import SearchResults

PAGE = 100
"""Hits drawn in the list; the count still says how many there are."""


class SearchInput(Input):
    """The query field; ↑/↓ and Enter act on the results below it, ↑ in an empty field
    (and ↓ after it) on the earlier queries (``QueryRecall``)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """Input sets it to the value's width at every keystroke; declared with layout=True,
    that laid the whole screen out per key. The field's size is fixed (one row, full
    width) and its scrolling reads the virtual size itself: a repaint is enough."""

    BINDINGS = [
        Binding("escape", "close", "Clear search", key_display="Esc"),
        Binding("enter", "submit", "Open hit", key_display="Enter"),
        Binding("ctrl+t", "screen.search_here", "This section"),
        Binding(
            "down",
            "results_down",
            "Next result",
            show=False,
            tooltip="Next result (after ↑: a later search)",
        ),
        Binding(
            "up",
            "results_up",
            "Previous result",
            show=False,
            tooltip="Previous result; in an empty search bar: earlier searches",
        ),
    ]

    def __init__(self, *, id: str | None = None, history: HistorySource | None = None) -> None:
        super().__init__(placeholder=t("search: type text, pinyin or a number"), id=id)
        localize_bindings(self)
        self.recall = QueryRecall(self, history)

    def action_results_down(self) -> None:
        if not self.recall.newer():
            self.parent_panel.move(1)

    def action_results_up(self) -> None:
        if not self.recall.older():
            self.parent_panel.move(-1)

    def action_close(self) -> None:
        self.parent_panel.close()

    @property
    def parent_panel(self) -> SearchPanel:
        return self.query_ancestor(SearchPanel)


STATUS_LINES = 2


def status_lines(text: str, width: int) -> str:
    """The whole summary on up to two lines; a cut (only when it cannot fit) ends in …."""
    lines = wrap_lines(text, max(4, width))
    if len(lines) > STATUS_LINES:
        last = fit_cells(" ".join(lines[STATUS_LINES - 1 :]), width)
        if not last.endswith("…"):
            last = fit_cells(last, width - 1).rstrip("…") + "…"
        lines = [*lines[: STATUS_LINES - 1], last]
    return "\n".join(lines)


class SearchPanel(Vertical):
    """Query input, what the query was understood as, and the ranked hits."""

    BLANK = True
    """Its rows cover it (``height: auto``): it draws no line of its own."""

    @dataclass
    class Jump(Message):
        """The user chose a hit (Enter in the list, or n/N)."""

        panel: SearchPanel
        hit: SearchHit
        query: Query
        """The parsed query the hit was found with (parsed once, in the search worker)."""

        @property
        def control(self) -> SearchPanel:
            return self.panel

    @dataclass
    class Closed(Message):
        """The search was cleared; ``restore``: go back to where the user was before it."""

        panel: SearchPanel
        restore: bool = True

        @property
        def control(self) -> SearchPanel:
            return self.panel

    @dataclass
    class ResultsChanged(Message):
        """New results (or none) for the current query."""

        panel: SearchPanel
        result: SearchResult | None

        @property
        def control(self) -> SearchPanel:
            return self.panel

    def __init__(self, *, id: str | None = None, history: HistorySource | None = None) -> None:
        super().__init__(id=id)
        self._history = history
        """The session's earlier queries (↑ in the empty bar); each one searched is added."""
        self.index: SearchIndex | None = None
        self.result: SearchResult | None = None
        self.query_text = ""
        self.position: int | None = None
        """Index (in ``result.hits``) of the hit the user is on."""
        self._search_pending: str | None = None
        self._search_lock = threading.Lock()
        self._search_busy = False
        self._parts: tuple[Static, SearchResults] | None = None
        self._drawn = 0  # counts the list's redraws: a late half of an old list is dropped
        self._drawn_widths: tuple[int, int] | None = None
        """The status line's and the list's widths when last drawn (their lines fit them)."""
        # Held, not queried: a panel ended before its turn (the app quit) has none mounted.
        self.input = SearchInput(id="search-input", history=history)

    def compose(self) -> ComposeResult:
        yield self.input

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.input.cursor_blink = False

    def _status_and_results(self) -> tuple[Static, SearchResults]:
        """The status line and the results list, mounted with the first result (not at start)."""
        if self._parts is None:  # lazy: not on the first frame's path
            from partybuild_tui.ui.widgets.search_results import SearchResults

            status = Static(id="search-status")
            results = SearchResults(id="search-results")
            self._parts = (status, results)
            self.mount(status, results)
        return self._parts

    def focus_input(self) -> None:
        # Widget.focus() defers to call_later; keys right behind "/" must land here.
        self.screen.set_focus(self.input)

    def set_index(self, index: SearchIndex) -> None:
        self.index = index
        if self.input.value.strip():
            self._request(self.input.value)

    # -- searching ------------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._request(event.value)

    def _request(self, query: str) -> None:
        with self._search_lock:
            self._search_pending = query
            if self._search_busy:
                return  # the running search will pick this query up next
            self._search_busy = True
        self._search_latest()

    @work(thread=True, group="search")
    def _search_latest(self) -> None:
        from partybuild_tui.search import parse_query  # not on the first frame's path

        while True:
            with self._search_lock:
                query = self._search_pending
                self._search_pending = None
                if query is None or self.index is None:
                    self._search_busy = False
                    return
            result = self.index.search(parse_query(query), limit=PAGE) if query.strip() else None
            self.app.call_from_thread(self._show_result, query, result)

    def _show_result(self, query: str, result: SearchResult | None) -> None:
        if query != self.input.value:
            return  # typed on since: a newer result is coming
        self.query_text = query
        self.result = result
        self.position = 0 if result and result.hits else None
        self._draw()
        self.post_message(self.ResultsChanged(self, result))

    # -- drawing --------------------------------------------------------------------

    def _status_text(self) -> str:
        result = self.result
        if result is None:
            return ""
        understood = pick(result.understood, result.understood_zh)
        if not result.total:
            return f"{t('No results')} · {understood}"
        if not self._listed():  # issue 13.12: the count says where its hits are
            return f"{self.count_text()} · {t('/ lists them')} · {understood}"
        return f"{self.count_text()} · {understood}"

    def _listed(self) -> bool:
        """The list of hits is on screen (it is while the search bar has the focus)."""
        return self._parts is not None and bool(self._parts[1].display)

    def _update_status(self, status: Static) -> None:
        width = status.content_region.width or max(10, self.content_region.width - 2)
        status.update(Content(status_lines(self._status_text(), width)))

    def count_text(self) -> str:
        """``第 3/12 项`` / ``3/12 results`` (``12 results`` before moving)."""
        result = self.result
        if result is None or not result.total:
            return t("No results")
        if self.position is None:
            return t("{total} results").format(total=result.total)
        return t("Result {n} of {total}").format(n=self.position + 1, total=result.total)

    def _draw(self) -> None:
        result = self.result
        if result is None and self._parts is None:
            return  # nothing was ever shown: nothing to hide
        status, results = self._status_and_results()
        self._drawn_widths = self._widths()
        active = result is not None and self.input.has_focus
        status.display = result is not None
        results.display = bool(active and result and result.hits)
        self._update_status(status)
        if not results.display:
            return
        room = results.content_region.width or self.content_region.width or 80
        # less the scrollbar a long list gets, or its rows wrap once it shows
        width = max(20, room - results.styles.scrollbar_size_vertical)
        hits = result.hits  # type: ignore[union-attr]
        metrics = [self._metric_of(hit) for hit in hits]
        values = max((cell_len(metric_value(m)) for m in metrics if m), default=0)
        quoted = any(m and h.field != "label" for m, h in zip(metrics, hits, strict=True))
        labels = label_width([m.label for m in metrics if m], width, values, 12 if quoted else 0)
        rows = list(enumerate(zip(hits, metrics, strict=True)))

        def options(part: list[tuple[int, tuple[SearchHit, Metric | None]]]) -> list[Option]:
            return [
                Option(hit_prompt(hit, width, metric, labels, values), id=str(number))
                for number, (hit, metric) in part
            ]

        # A keystroke shows the rows that fit at once and the rest after that frame:
        # making a row costs ~0.1 ms, a page of 100 was a fifth of a keystroke's time.
        shown = max(results.size.height, 20, (self.position or 0) + 1)
        self._drawn += 1
        drawn = self._drawn
        results.set_options(options(rows[:shown]))
        if self.position is not None:
            results.highlighted = self.position
        if len(rows) > shown:

            def the_rest() -> None:
                if drawn == self._drawn:  # not redrawn since
                    results.add_options(options(rows[shown:]))

            self.call_after_refresh(the_rest)

    def _metric_of(self, hit: SearchHit) -> Metric | None:
        if hit.metric_id is None or self.index is None:
            return None
        return self.index.report.get_metric(hit.metric_id)

    def _widths(self) -> tuple[int, int] | None:
        if self._parts is None:
            return None
        status, results = self._parts
        return status.content_region.width, results.content_region.width

    def on_resize(self, event: Resize) -> None:
        # Drawn again only for new widths: the panel also grows and shrinks with its list
        # at each keystroke, and a second draw then laid the screen out a second time.
        if self.result is not None and self._widths() != self._drawn_widths:
            self._draw()

    def on_descendant_focus(self) -> None:
        if self.result is not None:
            self._draw()

    def on_descendant_blur(self) -> None:
        self.input.recall.remember(self.input.value)  # read, left to read the hits: searched
        if self._parts is not None:
            self._parts[1].display = False
            if self.result is not None:
                self._update_status(self._parts[0])

    # -- moving ---------------------------------------------------------------------

    def move(self, delta: int) -> None:
        """↑/↓ in the input: move the highlight in the list."""
        if not self.result or not self.result.hits:
            return
        count = len(self.result.hits)
        self.position = (0 if self.position is None else self.position + delta) % count
        status, results = self._status_and_results()
        results.highlighted = self.position
        self._update_status(status)

    def current_hit(self) -> SearchHit | None:
        if not self.result or self.position is None or not self.result.hits:
            return None
        return self.result.hits[self.position]

    def step(self, delta: int) -> SearchHit | None:
        """n/N: the next/previous hit (wrapping), as the new position."""
        if not self.result or not self.result.hits:
            return None
        count = len(self.result.hits)
        self.position = (0 if self.position is None else self.position + delta) % count
        self._draw()
        return self.result.hits[self.position]

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.input.recall.remember(event.value)
        hit = self.current_hit()
        if hit is not None and self.result is not None:
            self.post_message(self.Jump(self, hit, self.result.query))

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.position = event.option_index
        hit = self.current_hit()
        if hit is not None and self.result is not None:
            self.post_message(self.Jump(self, hit, self.result.query))

    def close(self, restore: bool = True) -> None:
        """Clear the query and the results, and say so (the query stays recallable: ↑)."""
        self.input.recall.remember(self.input.value)
        self.input.value = ""
        with self._search_lock:
            self._search_pending = None
        self.result = None
        self.query_text = ""
        self.position = None
        self._draw()
        self.post_message(self.Closed(self, restore))

    @property
    def active(self) -> bool:
        """A search with hits is in effect (n/N have somewhere to go)."""
        return bool(self.result and self.result.hits)
