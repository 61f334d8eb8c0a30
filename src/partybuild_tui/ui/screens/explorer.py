"""The explorer: section tree, reading pane and search bar, wired together.

Widgets report what the user did with messages; this screen decides what the
others show and calls their methods. It never lets report text near markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer, Input, Static

from partybuild_tui.model import Report, Section
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.screens.explorer_keys import ExplorerKeys
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.blank_container import BlankContainer
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.report_header import ReportHeader
from partybuild_tui.ui.widgets.search_panel import SearchPanel
from partybuild_tui.ui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from partybuild_tui.search import Query, SearchHit, SearchIndex, SearchResult

NARROW_WIDTH = 70
"""Below this many columns the sidebar starts hidden (the pane needs the room)."""
MIN_WIDTH = 40
MIN_HEIGHT = 10
"""Below this size the explorer asks for a larger window instead of drawing."""


class ExplorerScreen(ExplorerKeys):
    """The one screen a user lives in (history, bookmarks, export, copy: ``ExplorerKeys``)."""

    BLANK = True
    """The header, the columns and the footer (or the "too small" message) cover the
    screen: its own background is drawn as one shared blank line (see ``BlankContainer``)."""

    BINDINGS = [
        # priority: handled as the key arrives, so the keys after it (typed fast, pasted,
        # sent over SSH in one packet) already go to the search bar.
        Binding("slash", "focus_search", "Search", key_display="/", priority=True),
        Binding(
            "left_square_bracket",
            "previous_section",
            "Prev",
            key_display="[",
            tooltip="Previous section in reading order",
        ),
        Binding(
            "right_square_bracket",
            "next_section",
            "Next",
            key_display="]",
            tooltip="Next section in reading order",
        ),
        Binding(
            "s,ctrl+b",
            "toggle_sidebar",
            "Sidebar",
            key_display="s",
            tooltip="Show or hide the sidebar",
        ),
        Binding("n", "next_hit", "Next hit"),
        Binding("N", "previous_hit", "Previous hit"),
        Binding("f", "toggle_filter", "Filter tree", tooltip="Show only sections with hits"),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("tab", "cycle_focus(1)", "Focus next", show=False),
        Binding("shift+tab", "cycle_focus(-1)", "Focus previous", show=False),
        Binding("pagedown", "detail_page_down", "Page down", show=False),
        Binding("pageup", "detail_page_up", "Page up", show=False),
    ]

    def __init__(self, report: Report, start_section: str | None = None) -> None:
        super().__init__()
        localize_bindings(self)
        self.report = report
        self.start_section = start_section
        self._sidebar_choice: bool | None = None
        """The user's own show/hide choice for the sidebar; ``None`` until they make one."""
        self.index: SearchIndex | None = None
        self._filtering = False
        self._search_active = False
        self._before_search: tuple[str | None, Widget | None] | None = None
        """Section and focus to return to when a search is abandoned with Esc."""

    def compose(self) -> ComposeResult:
        yield ReportHeader(self.report.meta, id="header")
        with BlankContainer(id="main"):  # sidebar and reading column side by side (app.tcss)
            # The tree is focused first (the first focusable widget): see watch_focused.
            with Vertical(id="sidebar", classes="-tree-focused"):
                yield SectionTree(self.report, id="tree")
            with BlankContainer(id="reading"):
                yield DetailPane(self.report, id="detail")
                yield SearchPanel(id="search")
        yield Footer()  # the "window too small" message is mounted when first needed

    def on_mount(self) -> None:
        sidebar = self.query_one("#sidebar")
        sidebar.border_title = Content(t("Contents"))
        tree = self.query_one(SectionTree)
        if self.start_section:
            self.go_to_section(self.start_section)
        else:
            tree.reveal(None)
        tree.focus()
        self._apply_size(self.size.width, self.size.height)
        # After the first frame: a thread started now would take the GIL from it.
        self.call_after_refresh(lambda: self.set_timer(0.05, self._after_first_frame))

    def watch_focused(self, focused: Widget | None) -> None:
        """The sidebar's frame is lit while the tree has the focus (``-tree-focused``).

        A class, not ``#sidebar:focus-within``: with that rule Textual restyles the
        sidebar and the tree when the tree is first focused, on the way to the first
        frame (~1.5 ms); the class is set in ``compose`` for that first focus already.
        """
        for sidebar in self.query("#sidebar"):
            sidebar.set_class(isinstance(focused, SectionTree), "-tree-focused")

    def _after_first_frame(self) -> None:
        self._build_index()
        first_frame_shown = getattr(self.app, "first_frame_shown", None)
        if first_frame_shown is not None:
            first_frame_shown()

    @work(thread=True, group="index")
    def _build_index(self) -> None:
        """Build the search index off the UI thread; the first frame does not wait for it."""
        from partybuild_tui.search import (
            SearchIndex,  # imported here: not on the first frame's path
        )

        index = SearchIndex.build(self.report)
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: SearchIndex) -> None:
        self.index = index
        self.query_one(SearchPanel).set_index(index)

    # -- layout -------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        if self.is_mounted and self.query("#sidebar"):  # a resize can come before compose
            self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        if too_small and not self.query("#too-small"):
            message = Content(
                f"{t('The window is too small')}\n\n{t('Please enlarge the window to at least')} "
                f"{MIN_WIDTH}×{MIN_HEIGHT} ({t('columns')}×{t('rows')}).\n\n"
                f"{t('Press ? for help, q to quit')}"
            )
            self.mount(Static(message, id="too-small"), after="#main")
        self.set_class(too_small, "-too-small")
        narrow = width < NARROW_WIDTH
        show = self._sidebar_choice if self._sidebar_choice is not None else not narrow
        self._show_sidebar(show)

    def _show_sidebar(self, show: bool) -> None:
        sidebar = self.query_one("#sidebar")
        sidebar.display = show
        if not show and self.query_one(SectionTree).has_focus:
            self.query_one(DetailPane).focus()

    def action_toggle_sidebar(self) -> None:
        self._sidebar_choice = not self.query_one("#sidebar").display
        self._show_sidebar(self._sidebar_choice)

    # -- navigation ----------------------------------------------------------------

    @property
    def current_section(self) -> Section | None:
        return self.query_one(DetailPane).section

    def show(self, section: Section | None) -> None:
        """Show ``section`` (``None``: the report card) in the reading pane."""
        detail = self.query_one(DetailPane)
        if section is None:
            detail.show_report()
        else:
            detail.show_section(section)

    def go_to_section(self, section_id: str | None) -> None:
        """Move the tree cursor to a section; the pane follows. A jump: recorded in the history."""
        self.record_jump(section_id)
        section = self.report.get_section(section_id) if section_id else None
        self.query_one(SectionTree).reveal(section_id)
        self.show(section)

    @on(SectionTree.SectionHighlighted)
    def _section_highlighted(self, event: SectionTree.SectionHighlighted) -> None:
        if event.section is not self.query_one(SectionTree).current_section:
            return  # stale: the cursor has moved on since this was sent
        if event.section is not self.current_section or event.section is None:
            self.show(event.section)

    @on(SectionTree.OpenRequested)
    def _open_requested(self, event: SectionTree.OpenRequested) -> None:
        self.query_one(DetailPane).focus()

    def action_next_section(self) -> None:
        following = self.report.next_section(self.current_section)
        if following is not None:
            self.go_to_section(following.id)

    def action_previous_section(self) -> None:
        current = self.current_section
        if current is None:
            return
        previous = self.report.previous_section(current)
        self.go_to_section(previous.id if previous else None)

    def action_cycle_focus(self, step: int) -> None:
        """Tab order follows the reading flow: sidebar → text → search (not screen position)."""
        regions = [
            widget
            for widget in (
                self.query_one(SectionTree),
                self.query_one(DetailPane),
                self.query_one(SearchPanel).input,
            )
            if widget.focusable
            and all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))
        ]
        if not regions:
            return
        focused = self.focused
        current = next(
            (
                i
                for i, w in enumerate(regions)
                if focused is w or (focused and w in focused.ancestors)
            ),
            -1,
        )
        regions[(current + step) % len(regions)].focus()

    def action_focus_search(self) -> None:
        self._remember_position()
        self.query_one(SearchPanel).focus_input()

    # -- search ------------------------------------------------------------------------

    def _remember_position(self) -> None:
        if self._before_search is None:
            section = self.current_section
            focused = self.focused
            self._before_search = (section.id if section else None, focused)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_search" and isinstance(self.focused, Input):
            return False  # "/" typed into the search bar is text
        if action in ("next_hit", "previous_hit", "toggle_filter", "clear_search"):
            return self.query_one(SearchPanel).active or (
                action == "toggle_filter" and self._filtering
            )
        return True

    @on(SearchPanel.ResultsChanged)
    def _results_changed(self, event: SearchPanel.ResultsChanged) -> None:
        if event.result is not None:
            self._remember_position()
        if self._filtering:
            self._apply_filter()
        active = bool(event.result and event.result.hits)
        if active != self._search_active:  # the footer's n/N/f hints; rebuilding it costs
            self._search_active = active
            self.refresh_bindings()

    @on(SearchPanel.Jump)
    def _jump(self, event: SearchPanel.Jump) -> None:
        self.show_hit(event.hit, event.query)
        self.query_one(DetailPane).focus()

    def show_hit(self, hit: SearchHit, query: Query) -> None:
        """Open the hit's section, mark every match there and scroll to this one."""
        from partybuild_tui.ui.widgets.search_placement import hit_target, paragraph_marks

        section = self.report.get_section(hit.section_id)
        if section is None or self.index is None:
            return
        self.record_jump(section.id)
        found = self.index.highlights(query, section.id)
        self.query_one(SectionTree).reveal(section.id)
        self.query_one(DetailPane).show_section(
            section, paragraph_marks(found), hit_target(self.report, hit), found.title
        )

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, delta: int) -> None:
        panel = self.query_one(SearchPanel)
        hit = panel.step(delta)
        if hit is not None and panel.result is not None:
            self.show_hit(hit, panel.result.query)
            self.notify(Content(panel.count_text()), timeout=1.5)

    @on(SearchPanel.Closed)
    def _search_closed(self, event: SearchPanel.Closed) -> None:
        """Esc in the search bar: back to the section and focus from before the search."""
        section_id, focused = self._before_search or (None, None)
        self._end_search()
        if not event.restore:
            return
        if section_id is not None or focused is not None:
            self.go_to_section(section_id)
        target = focused if focused is not None and focused.is_mounted else None
        (target or self.query_one(SectionTree)).focus()

    def action_clear_search(self) -> None:
        """Esc outside the search bar: drop the highlights, stay where you are."""
        self.query_one(SearchPanel).close(restore=False)

    def _end_search(self) -> None:
        self._before_search = None
        if self._filtering:
            self._filtering = False
            self.query_one(SectionTree).rebuild(None)
        section = self.current_section
        if section is not None:
            self.query_one(DetailPane).show_section(section)
        self.refresh_bindings()

    def action_toggle_filter(self) -> None:
        self._filtering = not self._filtering
        if self._filtering:
            self._apply_filter()
        else:
            self.query_one(SectionTree).rebuild(None)
        self.refresh_bindings()

    def _apply_filter(self) -> None:
        self._count_sections(self.query_one(SearchPanel).result)

    @work(thread=True, exclusive=True, group="filter")
    def _count_sections(self, result: SearchResult | None) -> None:
        """Hits per section for ``f``, off the UI thread: on a long report a common word's
        count takes seconds."""
        from partybuild_tui.ui.widgets.search_placement import with_ancestors

        counts = result.section_counts() if result is not None else {}
        totals = with_ancestors(self.report, counts)
        self.app.call_from_thread(self._filter_counted, result, totals)

    def _filter_counted(self, result: SearchResult | None, totals: dict[str, int]) -> None:
        if self._filtering and result is self.query_one(SearchPanel).result:
            self.query_one(SectionTree).rebuild(totals)

    def action_detail_page_down(self) -> None:
        self.query_one(DetailPane).scroll_page_down()

    def action_detail_page_up(self) -> None:
        self.query_one(DetailPane).scroll_page_up()
