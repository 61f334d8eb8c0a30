"""The explorer: section tree, reading pane and search bar, wired together.

Widgets report what the user did with messages; this screen decides what the
others show and calls their methods. Where the user is belongs to the session
(``OpenReport.navigation``): the screen moves it and draws it, and follows the
session's ``PlaceChanged`` and ``IndexReady``. The report keys (``ReportActions``)
and the search's effects (``ExplorerSearch``) are parts of the screen, composed in.
It never lets report text near markup.
"""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Key, Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from partybuild_tui.model import Section
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.messages import Highlight, IndexReady, PlaceChanged
from partybuild_tui.ui.navigation import REST_SECONDS, ROOT
from partybuild_tui.ui.screens.explorer_keys import REPORT_BINDINGS, ReportActions
from partybuild_tui.ui.screens.explorer_search import SEARCH_HERE, ExplorerSearch
from partybuild_tui.ui.session import OpenReport, Session, SessionApp
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.blank_container import BlankContainer
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.key_footer import KeyFooter
from partybuild_tui.ui.widgets.report_header import ReportHeader
from partybuild_tui.ui.widgets.search_panel import SearchPanel
from partybuild_tui.ui.widgets.section_tree import SectionTree, section_label

TYPED_IN_A_FIELD = frozenset(
    {"focus_search", "previous_section", "next_section", "toggle_sidebar", "next_hit"}
    | {"previous_hit", "toggle_filter", "metrics", "export", "copy", "bookmark", "bookmarks"}
    | {"back", "forward", "edit_report"}
)
"""Actions on printable keys: in the search bar those keys are text (the footer then
lists the search bar's own keys instead)."""
NARROW_WIDTH = 70
"""Below this many columns the sidebar starts hidden (the pane needs the room)."""
MIN_WIDTH = 40
MIN_HEIGHT = 10
"""Below this size the explorer asks for a larger window instead of drawing."""


class ExplorerScreen(Screen[None]):
    """The one screen a user lives in, for one open report of the session."""

    app = getters.app(SessionApp)

    BLANK = True
    """The header, the columns and the footer (or the "too small" message) cover the
    screen: its own background is drawn as one shared blank line (see ``BlankContainer``)."""

    AUTO_FOCUS = "#tree"
    """Focused as the screen starts, before any key is read (no focus() later to race)."""

    BINDINGS = [
        # The App's ? and q, first here: the footer lists this screen's keys in this order
        # and cuts from the right when the window is narrow; these two must survive.
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("q", "app.quit_key", "Quit"),
        *REPORT_BINDINGS,
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
        Binding("ctrl+t", "search_here", "This section", show=False, tooltip=SEARCH_HERE),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("tab", "cycle_focus(1)", "Focus next", show=False),
        Binding("shift+tab", "cycle_focus(-1)", "Focus previous", show=False),
        Binding("pagedown,ctrl+f", "detail_page(1)", "Page down", show=False),
        Binding("pageup", "detail_page(-1)", "Page up", show=False),
        Binding("ctrl+d", "detail_half_page(1)", "Half a page down", show=False),
        Binding("ctrl+u", "detail_half_page(-1)", "Half a page up", show=False),
    ]

    def __init__(self, opened: OpenReport) -> None:
        super().__init__()
        localize_bindings(self)
        self.opened = opened
        self.report = opened.report
        session = self.app.session
        self.actions = ReportActions(self, session, opened, self._report_replaced)
        self.search = ExplorerSearch(self, session, opened)
        self._sidebar_choice: bool | None = None
        """The user's own show/hide choice for the sidebar; ``None`` until they make one."""
        self._rest_timer: Timer | None = None
        self.last_highlight: Highlight | None = None
        """What the last jump marked (a metric's quote): ``c`` compares that figure."""

    @property
    def session(self) -> Session:
        return self.app.session

    def compose(self) -> ComposeResult:
        # Held, not queried: a screen ended as it composes may have some never mounted.
        self.sidebar = Vertical(id="sidebar")
        self.section_tree = SectionTree(self.report, id="tree")
        self.detail = DetailPane(self.report, id="detail")
        self.panel = SearchPanel(id="search", history=lambda: self.session.search_history)
        yield ReportHeader(self.report.meta, id="header")
        with BlankContainer(id="main"):  # sidebar and reading column side by side (app.tcss)
            with self.sidebar:
                yield self.section_tree
            with BlankContainer(id="reading"):
                yield self.detail
                yield self.panel
        yield KeyFooter()  # the "window too small" message is mounted when first needed

    def on_mount(self) -> None:
        self.sidebar.border_title = Content(t("Contents"))
        self.watch(self.section_tree, "highlighted", self._section_highlighted, init=False)
        self._show_place(self.opened.here)
        if self.opened.index is not None:
            self.panel.set_index(self.opened.index)
        self._apply_size(self.size.width, self.size.height)
        # After the first frame: a thread started now would take the GIL from it.
        self.call_after_refresh(self._after_first_refresh)

    def _after_first_refresh(self) -> None:
        if self.opened.saved is None:  # bookmarks and last position, read off the UI thread
            at_section = self.session.options.start_section is not None
            self.session.load_saved(self.opened.id, at_section, self._saved_loaded)
        self.set_timer(0.05, self._after_first_frame)

    def _after_first_frame(self) -> None:
        self.session.first_frame_shown()
        self.session.request_index(self.opened.id)

    def _saved_loaded(self, warnings: list[str], previous: Section | None) -> None:
        for warning in warnings:
            self.notify(warning, title=t("Bookmarks"), severity="warning", markup=False, timeout=10)
        if previous is not None:
            message = t("Last time you were reading {place}. Press H to go back there.")
            self.notify(message.format(place=section_label(previous)), markup=False, timeout=8)

    def on_unmount(self) -> None:
        self.opened.save()

    @on(IndexReady)
    def _index_ready(self, event: IndexReady) -> None:
        if event.report_id == self.opened.id:
            self.panel.set_index(event.index)

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
        self.set_class(narrow, "-narrow")  # a sidebar opened with s shares the width
        show = self._sidebar_choice if self._sidebar_choice is not None else not narrow
        self._show_sidebar(show)

    def _show_sidebar(self, show: bool) -> None:
        self.sidebar.display = show
        if not show and self.section_tree.has_focus:
            self.detail.focus()

    def action_toggle_sidebar(self) -> None:
        self._sidebar_choice = not self.sidebar.display
        self._show_sidebar(self._sidebar_choice)

    # -- where the user is: the session's navigation, shown here ------------------------

    @property
    def current_section(self) -> Section | None:
        return self.opened.section

    def _show_place(self, place: str, highlight: Highlight | None = None) -> None:
        """Bring the tree and the pane to ``place`` (``ROOT``: the report card)."""
        section = self.report.get_section(place) if place else None
        if section is None:
            self.detail.show_report()
        elif highlight is None:
            self.detail.show_section(section)
        else:
            self.detail.show_section(
                section, highlight.matches, highlight.current, highlight.title_matches
            )
        # After the pane: _section_highlighted, told of the move, finds the section shown.
        self.section_tree.reveal(section.id if section else None)

    @on(PlaceChanged)
    def _place_changed(self, event: PlaceChanged) -> None:
        if event.report_id != self.opened.id:
            return
        self._cancel_rest()
        self.last_highlight = event.highlight
        self._show_place(event.place, event.highlight)
        if event.highlight is not None:  # a search hit or a metric: read it
            self.detail.focus()

    def go_to_section(self, section_id: str | None) -> None:
        """A jump in this report (recorded in its history); the views follow."""
        self.session.go_to(section_id, report_id=self.opened.id)

    def _section_highlighted(self, section: Section | None) -> None:
        """The tree cursor moved (``SectionTree.highlighted``). A tree step is not a jump;
        resting on a section for a moment is (see navigation)."""
        place = section.id if section is not None else ROOT
        self.opened.navigation.move(place)
        detail = self.detail
        if section is not detail.section or section is None:
            if section is None:
                detail.show_report()
            else:
                detail.show_section(section)
        self._cancel_rest()
        self._rest_timer = self.set_timer(REST_SECONDS, self._rested)

    def _rested(self) -> None:
        self._rest_timer = None
        self.opened.navigation.arrive()

    def _cancel_rest(self) -> None:
        if self._rest_timer is not None:
            self._rest_timer.stop()
            self._rest_timer = None

    @on(SectionTree.OpenRequested)
    def _open_requested(self, event: SectionTree.OpenRequested) -> None:
        self._cancel_rest()
        self.opened.navigation.arrive()
        self.detail.focus()

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
                self.section_tree,
                self.detail,
                self.panel.input,
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

    # -- the report keys (ReportActions) --------------------------------------------------

    def action_metrics(self) -> None:
        self.actions.metrics()

    def action_export(self) -> None:
        self.actions.export()

    def action_copy(self) -> None:
        self.actions.copy()

    def action_bookmark(self) -> None:
        self.actions.bookmark()

    def action_bookmarks(self) -> None:
        self.actions.bookmarks()

    def action_compare(self) -> None:
        self.actions.compare(self.last_highlight)

    def action_back(self) -> None:
        self._cancel_rest()
        self.actions.back()

    def action_forward(self) -> None:
        self._cancel_rest()
        self.actions.forward()

    async def action_edit_report(self, item_id: str = "") -> None:
        await self.actions.edit(item_id or None)

    async def _report_replaced(self) -> None:
        """The report was read again (E): every widget drawn anew from it, same place."""
        self._cancel_rest()
        self.report = self.opened.report
        await self.recompose()
        self.on_mount()

    # -- search ------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.search.remember_position()
        self.panel.focus_input()

    def on_key(self, event: Key) -> None:
        """n, N, f with no search in effect: their bindings are off (and out of the
        footer), so the key arrives here; say why nothing happens."""
        if event.character not in ("n", "N", "f") or isinstance(self.focused, Input):
            return
        if not self.panel.active and not self.search.filtering:
            event.stop()
            self.notify(t("No search: press / to search first."), timeout=2.5)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in TYPED_IN_A_FIELD and isinstance(self.focused, Input):
            return False  # typed as text in the search bar: neither acted on nor offered
        if action == "edit_report":  # served in a browser, the terminal is not the user's
            return not self.app.is_web and self.opened.path is not None
        if action in ("next_hit", "previous_hit", "toggle_filter", "clear_search"):
            return self.panel.active or (action == "toggle_filter" and self.search.filtering)
        return True

    @on(SearchPanel.ResultsChanged)
    def _results_changed(self, event: SearchPanel.ResultsChanged) -> None:
        self.search.results_changed(event.result)

    @on(SearchPanel.Jump)
    def _jump(self, event: SearchPanel.Jump) -> None:
        self.search.show_hit(event.hit, event.query)

    @on(SearchPanel.Closed)
    def _search_closed(self, event: SearchPanel.Closed) -> None:
        self.search.closed(event.restore)

    def action_next_hit(self) -> None:
        self.search.step(1)

    def action_previous_hit(self) -> None:
        self.search.step(-1)

    def action_clear_search(self) -> None:
        """Esc outside the search bar: drop the highlights, stay where you are."""
        self.panel.close(restore=False)

    def action_search_here(self) -> None:
        self.search.search_here()

    def action_toggle_filter(self) -> None:
        self.search.toggle_filter()

    def action_detail_page(self, direction: int) -> None:
        (self.detail.scroll_page_down if direction > 0 else self.detail.scroll_page_up)()

    def action_detail_half_page(self, direction: int) -> None:
        self.detail.scroll_half_page(direction)
