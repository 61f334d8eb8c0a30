"""The explorer's part that follows a search: hits shown, n/N, the filtered tree, Esc.

A part of ``ExplorerScreen`` (composition): the screen routes the search panel's
messages and the search keys here. Jumps go through the session, like every jump.
The search engine (behind ``search_placement``) is imported when first used: it is
the one large import the first frame need not wait for.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widget import Widget

from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.messages import Highlight
from partybuild_tui.ui.session import OpenReport, Session
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.search_panel import SearchPanel
from partybuild_tui.ui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from partybuild_tui.search import Query, SearchHit, SearchResult

SEARCH_HERE = "Search only this section and its sub-topics (in:ID; again: everywhere)"
_SCOPE = re.compile(r"(?:^|\s)(?:in|章节)[:：]\S*", re.IGNORECASE)
"""An ``in:`` word of the query language (``search/query.py``)."""


def scoped_query(query: str, section_id: str) -> str:
    """``query`` limited to ``section_id`` (``in:ID`` first), or, when it already was,
    to the whole report again; other ``in:`` words give way to this one."""
    rest = _SCOPE.sub(" ", query).strip()
    if f"in:{section_id}" in query.split():
        return rest
    return f"in:{section_id} {rest}" if rest else f"in:{section_id} "


class ExplorerSearch:
    """What a search does to the explorer's tree and reading pane."""

    def __init__(self, screen: Screen[None], session: Session, opened: OpenReport) -> None:
        self.screen = screen
        self.session = session
        self.opened = opened
        self.filtering = False
        self._active = False
        self._before: tuple[str, Widget | None] | None = None
        """Place and focus to return to when a search is abandoned with Esc."""

    def remember_position(self) -> None:
        if self._before is None:
            self._before = (self.opened.here, self.screen.focused)

    def results_changed(self, result: SearchResult | None) -> None:
        if result is not None:
            self.remember_position()
        if self.filtering:
            self._apply_filter()
        active = bool(result and result.hits)
        if active != self._active:  # the footer's n/N/f hints; rebuilding it costs
            self._active = active
            self.screen.refresh_bindings()

    def show_hit(self, hit: SearchHit, query: Query) -> None:
        """Open the hit's section, mark every match there and scroll to this one."""
        from partybuild_tui.ui.widgets.search_placement import (  # see the docstring
            hit_target,
            paragraph_marks,
        )

        report, index = self.opened.report, self.opened.index
        section = report.get_section(hit.section_id)
        if section is None or index is None:
            return
        found = index.highlights(query, section.id)
        highlight = Highlight(paragraph_marks(found), hit_target(report, hit), found.title)
        self.session.go_to(section.id, highlight=highlight, report_id=self.opened.id)

    def step(self, delta: int) -> None:
        panel = self.screen.query_one(SearchPanel)
        hit = panel.step(delta)
        if hit is not None and panel.result is not None:
            self.show_hit(hit, panel.result.query)
            self.screen.notify(panel.count_text(), timeout=1.5, markup=False)

    def closed(self, restore: bool) -> None:
        """Esc in the search bar: back to the place and focus from before the search."""
        place, focused = self._before or (None, None)
        self._end()
        if not restore:
            return
        if place is not None and place != self.opened.here:
            self.session.go_to(place, report_id=self.opened.id)
        target = focused if focused is not None and focused.is_mounted else None
        (target or self.screen.query_one(SectionTree)).focus()

    def _end(self) -> None:
        self._before = None
        if self.filtering:
            self.filtering = False
            self.screen.query_one(SectionTree).rebuild(None)
        section = self.opened.section
        if section is not None:
            self.screen.query_one(DetailPane).show_section(section)
        self.screen.refresh_bindings()

    def search_here(self) -> None:
        """Ctrl+T: the search limited to the section shown, in the search bar (again: lifted)."""
        section = self.opened.section
        if section is None:
            self.screen.notify(t("Open a section first: Ctrl+T limits the search to it."))
            return
        panel = self.screen.query_one(SearchPanel)
        self.remember_position()
        value = scoped_query(panel.input.value, section.id)
        panel.focus_input()
        # Behind the focus event, which selects the whole text (typing would replace it).
        panel.input.call_later(self._write, panel, value)

    @staticmethod
    def _write(panel: SearchPanel, value: str) -> None:
        panel.input.value = value
        panel.input.cursor_position = len(value)

    def toggle_filter(self) -> None:
        self.filtering = not self.filtering
        if self.filtering:
            self._apply_filter()
        else:
            self.screen.query_one(SectionTree).rebuild(None)
        self.screen.refresh_bindings()

    def _apply_filter(self) -> None:
        result = self.screen.query_one(SearchPanel).result
        # Off the UI thread: on a long report a common word's count takes seconds.
        self.screen.run_worker(
            partial(self._count_sections, result), thread=True, exclusive=True, group="filter"
        )

    def _count_sections(self, result: SearchResult | None) -> None:
        from partybuild_tui.ui.widgets.search_placement import with_ancestors  # see the docstring

        counts = result.section_counts() if result is not None else {}
        totals = with_ancestors(self.opened.report, counts)
        self.screen.app.call_from_thread(self._filter_counted, result, totals)

    def _filter_counted(self, result: SearchResult | None, totals: dict[str, int]) -> None:
        if self.filtering and result is self.screen.query_one(SearchPanel).result:
            self.screen.query_one(SectionTree).rebuild(totals)
