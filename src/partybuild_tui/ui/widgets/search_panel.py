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
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from partybuild_tui.model.display import breadcrumb_text
from partybuild_tui.ui.i18n import get_language, t
from partybuild_tui.ui.text_wrap import fit_cells, short_title
from partybuild_tui.ui.widgets.bindings import localize_bindings

if TYPE_CHECKING:
    from partybuild_tui.model import Metric
    from partybuild_tui.search import Query, SearchHit, SearchIndex, SearchResult
    from partybuild_tui.ui.widgets.search_results import SearchResults

PAGE = 100
"""Hits drawn in the list; the count still says how many there are."""

KIND_NAMES = {"title": "Title", "metric": "Figure", "paragraph": "Text"}


class SearchInput(Input):
    """The query field; ↑/↓ and Enter act on the results below it."""

    BINDINGS = [
        Binding("escape", "close", "Clear search", key_display="Esc"),
        Binding("enter", "submit", "Open hit", key_display="Enter"),
        Binding("down", "results_down", "Next result", show=False),
        Binding("up", "results_up", "Previous result", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=t("search: type text, pinyin or a number"), id=id)
        localize_bindings(self)

    def action_results_down(self) -> None:
        self.parent_panel.move(1)

    def action_results_up(self) -> None:
        self.parent_panel.move(-1)

    def action_close(self) -> None:
        self.parent_panel.close()

    @property
    def parent_panel(self) -> SearchPanel:
        return self.query_ancestor(SearchPanel)


def short_path(breadcrumb: tuple[str, ...], width: int) -> str:
    """``凝心铸魂 › 落实“第一议题”制度`` cut to ``width`` cells (top level shortened)."""
    if not breadcrumb:
        return ""
    top = short_title(breadcrumb[0])
    full = breadcrumb_text([top, *breadcrumb[1:]])
    if cell_len(full) <= width or len(breadcrumb) == 1:
        return fit_cells(full, width)
    return (
        fit_cells(breadcrumb_text([top, breadcrumb[-1]]), width)
        if width >= 16
        else fit_cells(top, width)
    )


def hit_prompt(hit: SearchHit, width: int, metric: Metric | None = None) -> Content:
    """One results row: kind, section path, snippet with the match marked.

    A figure found by its quote or unit is named by its label too (a bare "99.3%"
    says nothing on its own).
    """
    path_width = 18 if width >= 90 else 12
    kind = t(KIND_NAMES.get(hit.kind, hit.kind))
    kind_cells = max(cell_len(t(name)) for name in KIND_NAMES.values())
    room = max(8, width - path_width - kind_cells - 4)
    label = ""
    if metric is not None and hit.field != "label":
        label = fit_cells(metric.label, max(6, room // 3)) + "  "
    snippet, spans = hit.make_snippet(max(8, (room - cell_len(label)) // 2))
    snippet_content = Content(snippet)
    for start, end in spans:
        snippet_content = snippet_content.stylize(".search-results--match", start, end)
    path = short_path(hit.breadcrumb, path_width)
    return Content.assemble(
        (kind + " " * (kind_cells - cell_len(kind)) + " ", ".search-results--kind"),
        (path + " " * (path_width - cell_len(path)) + " ", ".search-results--path"),
        (label, ".search-results--label"),
        snippet_content,
    )


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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index: SearchIndex | None = None
        self.result: SearchResult | None = None
        self.query_text = ""
        self.position: int | None = None
        """Index (in ``result.hits``) of the hit the user is on."""
        self._search_pending: str | None = None
        self._search_lock = threading.Lock()
        self._search_busy = False
        self._parts: tuple[Static, SearchResults] | None = None

    def compose(self) -> ComposeResult:
        yield SearchInput(id="search-input")

    def on_mount(self) -> None:
        if self.app.is_headless:
            self.input.cursor_blink = False

    def _status_and_results(self) -> tuple[Static, SearchResults]:
        """The status line and the results list, mounted with the first result (not at start)."""
        if self._parts is None:
            from partybuild_tui.ui.widgets.search_results import SearchResults

            status = Static(id="search-status")
            results = SearchResults(id="search-results")
            self._parts = (status, results)
            self.mount(status, results)
        return self._parts

    @property
    def input(self) -> SearchInput:
        return self.query_one(SearchInput)

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
        understood = result.understood_zh if get_language() == "zh" else result.understood
        if not result.total:
            return f"{t('No results')} · {understood}"
        return f"{self.count_text()} · {understood}"

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
        active = result is not None and self.input.has_focus
        status.display = result is not None
        status.update(Content(self._status_text()))
        results.display = bool(active and result and result.hits)
        if not results.display:
            return
        width = max(20, results.content_region.width or self.content_region.width or 80)
        results.set_options(
            Option(hit_prompt(hit, width, self._metric_of(hit)), id=str(number))
            for number, hit in enumerate(result.hits)  # type: ignore[union-attr]
        )
        if self.position is not None:
            results.highlighted = self.position

    def _metric_of(self, hit: SearchHit) -> Metric | None:
        if hit.metric_id is None or self.index is None:
            return None
        return self.index.report.get_metric(hit.metric_id)

    def on_resize(self, event: Resize) -> None:
        if self.result is not None:
            self._draw()

    def on_descendant_focus(self) -> None:
        if self.result is not None:
            self._draw()

    def on_descendant_blur(self) -> None:
        if self._parts is not None:
            self._parts[1].display = False

    # -- moving ---------------------------------------------------------------------

    def move(self, delta: int) -> None:
        """↑/↓ in the input: move the highlight in the list."""
        if not self.result or not self.result.hits:
            return
        count = len(self.result.hits)
        self.position = (0 if self.position is None else self.position + delta) % count
        status, results = self._status_and_results()
        results.highlighted = self.position
        status.update(Content(self._status_text()))

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
        """Clear the query and the results, and say so."""
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
