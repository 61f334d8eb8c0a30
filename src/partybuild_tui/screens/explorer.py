"""The explorer: section tree, reading pane and search bar, wired together.

Widgets report what the user did with messages; this screen decides what the
others show and calls their methods. It never lets report text near markup.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from ..i18n import t
from ..model import Report, Section
from ..widgets.bindings import localize_bindings
from ..widgets.detail_pane import DetailPane
from ..widgets.report_header import ReportHeader
from ..widgets.search_panel import SearchPanel
from ..widgets.section_tree import SectionTree

NARROW_WIDTH = 70
"""Below this many columns the sidebar starts hidden (the pane needs the room)."""
MIN_WIDTH = 40
MIN_HEIGHT = 10
"""Below this size the explorer asks for a larger window instead of drawing."""


class ExplorerScreen(Screen[None]):
    """The one screen a user lives in."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", key_display="/"),
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

    def compose(self) -> ComposeResult:
        yield ReportHeader(self.report.meta, id="header")
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield SectionTree(self.report, id="tree")
            with Vertical(id="reading"):
                yield DetailPane(self.report, id="detail")
                yield SearchPanel(id="search")
        yield Static(id="too-small")
        yield Footer()

    def on_mount(self) -> None:
        sidebar = self.query_one("#sidebar")
        sidebar.border_title = Content(t("Contents"))
        self.query_one("#too-small", Static).update(
            Content(
                f"{t('The window is too small')}\n\n{t('Please enlarge the window to at least')} "
                f"{MIN_WIDTH}×{MIN_HEIGHT} ({t('columns')}×{t('rows')}).\n\n"
                f"{t('Press ? for help, q to quit')}"
            )
        )
        tree = self.query_one(SectionTree)
        if self.start_section:
            self.go_to_section(self.start_section)
        else:
            tree.reveal(None)
        tree.focus()
        self._apply_size(self.size.width, self.size.height)

    # -- layout -------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
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
        """Move the tree cursor to a section; the pane follows."""
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
        self.query_one(SearchPanel).focus_input()

    def action_detail_page_down(self) -> None:
        self.query_one(DetailPane).scroll_page_down()

    def action_detail_page_up(self) -> None:
        self.query_one(DetailPane).scroll_page_up()
