"""The bookmarks list: Enter jumps to a bookmarked section, d deletes it, Esc closes.

Bookmarks live in the report's ``ReportSession`` (saved at once, per report, in
the user's state directory). Each entry shows the section's path; report text
reaches the screen as ``Content``, never markup.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from partybuild_tui.model import Report
from partybuild_tui.state.store import ReportSession
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.section_tree import section_label
from partybuild_tui.ui.widgets.vim_list import VimOptionList


class BookmarksScreen(ModalScreen[str | None]):
    """Bookmarked sections in the order they were added; returns the id chosen."""

    CSS_PATH = "../styles/dialogs.tcss"

    AUTO_FOCUS = "#bookmarks-list"

    BINDINGS = [
        Binding("d,delete", "delete", "Delete", tooltip="Delete the bookmark under the cursor"),
        Binding("escape,q,B", "close", "Close", key_display="Esc"),
    ]

    def __init__(
        self,
        report: Report,
        session: ReportSession,
        warn: Callable[[list[str]], None] | None = None,
    ) -> None:
        super().__init__()
        localize_bindings(self)
        self.report = report
        self.session = session
        self.warn = warn or (lambda warnings: None)

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-dialog") as dialog:
            dialog.border_title = Content(t("Bookmarks"))
            dialog.border_subtitle = Content(
                f"Enter {t('jumps')} · d {t('deletes')} · Esc {t('closes')}"
            )
            # Filled here, not in on_mount: a dialog closed before its turn (the app quit,
            # Esc at once) is mounted without its children.
            listed = self._options()
            options = VimOptionList(*listed, id="bookmarks-list")
            options.display = bool(listed)
            yield options
            empty = Static(
                Content(t("No bookmarks yet: press b on a section to add one.")),
                id="bookmarks-empty",
            )
            empty.display = not listed
            yield empty

    def _options(self) -> list[Option]:
        """One option per bookmarked section the report has, in the order they were added."""
        listed = []
        for section_id in self.session.bookmarks:
            section = self.report.get_section(section_id)
            if section is not None:
                listed.append(Option(Content(section_label(section)), id=section_id))
        return listed

    def _fill(self, highlight: int = 0) -> None:
        """The list again, after a delete, with the cursor at ``highlight`` (or the last)."""
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options())
        empty = options.option_count == 0
        options.display = not empty
        self.query_one("#bookmarks-empty").display = empty
        if not empty:
            options.highlighted = min(highlight, options.option_count - 1)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or options.option_count == 0:
            return
        section_id = options.get_option_at_index(index).id
        if section_id is None:
            return
        _, warnings = self.session.remove_bookmark(section_id)
        self.warn(warnings)
        section = self.report.get_section(section_id)
        if section is not None:
            self.notify(f"{t('Bookmark removed')}: {section_label(section)}", markup=False)
        self._fill(index)

    def action_close(self) -> None:
        self.dismiss(None)
