"""The reading pane: one section at a time, text first, then its figures.

The breadcrumb sits in the border title (so it survives a hidden sidebar), the
figure count in the border subtitle. For the report itself the pane shows the
report card. The screen calls ``show_section`` / ``show_report``; search calls
``show_matches`` to mark every occurrence and scroll to the one chosen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from partybuild_tui.model import Report, Section
from partybuild_tui.model.display import breadcrumb_text
from partybuild_tui.ui.i18n import count, t
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.section_overview import SectionOverview
from partybuild_tui.ui.widgets.sized_by_layout import SizedByLayout

if TYPE_CHECKING:
    from partybuild_tui.ui.widgets.figure_steps import FigureInfo
    from partybuild_tui.ui.widgets.figures_table import FiguresTable
    from partybuild_tui.ui.widgets.section_text import SectionText, Spans


class PaneLine(SizedByLayout, Static):
    """The pane's title and its figures heading: sized by the layout alone."""


class DetailPane(SizedByLayout, VerticalScroll, can_focus=True):
    """Shows the report card or one section, scrolls with the keyboard."""

    COMPONENT_CLASSES = {"detail-pane--match"}

    BINDINGS = [
        Binding("space", "page_down", "Page down", show=False),
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("g", "scroll_home", "First", show=False),
        Binding("G", "scroll_end", "Last", show=False),
        Binding(
            "full_stop",
            "step_figure(1)",
            "Next figure",
            key_display=".",
            show=False,
            tooltip="Next figure of the text: marked, its metric shown below",
        ),
        Binding(
            "comma",
            "step_figure(-1)",
            "Previous figure",
            key_display=",",
            show=False,
            tooltip="Previous figure of the text",
        ),
    ]

    def __init__(self, report: Report, *, id: str | None = None) -> None:
        super().__init__(id=id)
        localize_bindings(self)
        self.report = report
        self.section: Section | None = None
        self._section_parts: tuple[SectionText, Static, FiguresTable] | None = None
        self._figures_note = ""
        self.figure: int | None = None
        """Which of the text's figures (``figures_in_order``) is marked (``.``/``,``)."""
        self._figure_info: FigureInfo | None = None
        self._on_card = False
        """The report card is built and shown (start-up asks for it three times)."""
        # Held, not queried: a pane ended before its turn (the app quit) has none mounted.
        self._title = PaneLine(id="detail-title")
        self._overview = SectionOverview(id="detail-overview")

    def compose(self):
        yield self._title
        yield self._overview

    def on_mount(self) -> None:
        self.show_report()
        self.watch(self, "scroll_y", self._show_position, init=False)
        self.watch(self, "virtual_size", self._show_position, init=False)

    def _text_and_figures(self) -> tuple[SectionText, Static, FiguresTable]:
        """The text, the figures heading and the figures, above the overview.

        Mounted with the first section shown: the report card, shown at start, has none.
        """
        if self._section_parts is None:  # lazy: not on the first frame (the report card)
            from partybuild_tui.ui.widgets.figures_table import FiguresTable
            from partybuild_tui.ui.widgets.section_text import SectionText

            parts = (
                SectionText(id="detail-text"),
                PaneLine(id="figures-heading"),
                FiguresTable(id="detail-figures"),
            )
            self._section_parts = parts
            self.mount(*parts, before=self._overview)
        return self._section_parts

    # -- what is shown ------------------------------------------------------------

    def _set_frame(self, crumbs: tuple[str, ...], figures: int) -> None:
        self.figure = None  # another text: no figure marked, no panel
        if self._figure_info is not None:
            self._figure_info.show(None)
        self.border_title = Content(breadcrumb_text(crumbs))
        self._figures_note = count(figures, "metrics") if figures else ""
        self._show_position()

    def position_percent(self) -> int | None:
        """How far down the text the bottom of the view is, as less shows it (``None``:
        it all fits)."""
        total, shown = self.virtual_size.height, self.scrollable_content_region.height
        if total <= shown or shown <= 0:
            return None
        return min(100, round(100 * (self.scroll_y + shown) / total))

    def _show_position(self) -> None:
        percent = self.position_percent()
        parts = [p for p in (self._figures_note, f"{percent}%" if percent else "") if p]
        self.border_subtitle = Content(" · ".join(parts))

    def show_report(self) -> None:
        """The report card: metadata and every top-level section with its totals."""
        if self._on_card:
            self.scroll_home(animate=False)
            return
        self._on_card = True
        self.section = None
        meta = self.report.meta
        self._set_frame((meta.subtitle or meta.title,), self.report.total_metrics)
        self._title.update(Content(meta.title))
        if self._section_parts is not None:
            text, heading, figures = self._section_parts
            text.show(None)
            heading.display = False
            figures.show(())
        self._overview.show_report(self.report)
        self.scroll_home(animate=False)

    def show_section(
        self,
        section: Section,
        matches: Mapping[int, Spans] | None = None,
        current: tuple[int, int, int] | None = None,
        title_matches: Spans = (),
    ) -> None:
        """One section: breadcrumb, title, highlighted text, figures, sub-topics.

        ``matches`` (paragraph index → spans) are marked as search matches,
        ``current`` (paragraph, start, end) is scrolled to and marked as the one chosen.
        """
        self.section = section
        self._on_card = False
        self._set_frame(section.breadcrumb, section.total_metrics)
        title = Content(section.title)
        for start, end in title_matches:
            title = title.stylize(".detail-pane--match", start, end)
        self._title.update(title)
        text, heading, figures = self._text_and_figures()
        text.show(section, matches, current)
        heading.update(Content(f"── {t('Metrics at a glance')} ──"))
        heading.display = bool(section.metrics)
        figures.show(section.metrics)
        self._overview.show_children(section)
        if current is None:
            self.scroll_home(animate=False)
        else:
            self.call_after_refresh(self.scroll_to_text, current[0], current[1])

    def scroll_to_text(self, paragraph_index: int, offset: int) -> None:
        """Scroll so that a character of the section text is in view, a third from the top."""
        text = self._text_and_figures()[0]
        line = text.line_of(paragraph_index, offset)
        y = text.virtual_region.y + line
        target = max(0, y - self.scrollable_content_region.height // 3)
        self.scroll_to(y=target, animate=False)

    def scroll_half_page(self, direction: int) -> None:
        """Ctrl+D / Ctrl+U: half a view down or up, as in less and vim."""
        half = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_y + direction * half, animate=False)

    # -- stepping through the figures (. and ,) ---------------------------------------

    def action_step_figure(self, delta: int) -> None:
        """Mark the next (previous) figure of the text, show its metric, bring it into view."""
        from partybuild_tui.ui.widgets.figure_steps import (  # lazy: only for . and ,
            FigureInfo,
            figure_marks,
            figures_in_order,
            step,
            wrap_notice,
        )

        figures = figures_in_order(self.section)
        if not figures:
            self.notify(t("No figures in this text."), timeout=2)
            return
        self.figure, wrapped = step(self.figure, delta, len(figures))
        metric = figures[self.figure]
        paragraph, spans = figure_marks(metric)
        text, _, table = self._text_and_figures()
        text.mark_figure((paragraph, spans))
        table.mark(metric.id)  # its row in the figures at a glance too
        if self._figure_info is None:
            self._figure_info = FigureInfo(id="figure-info")
            self.mount(self._figure_info)
        self._figure_info.show(metric, self.figure, len(figures), wrap_notice(delta, wrapped))
        self.call_after_refresh(self._reveal, paragraph, spans[0][0] if spans else 0)

    def _reveal(self, paragraph_index: int, offset: int) -> None:
        """Scroll only when that character of the text is out of view (a third from the top)."""
        text = self._text_and_figures()[0]
        y = text.virtual_region.y + text.line_of(paragraph_index, offset)
        height = self.scrollable_content_region.height
        info = self._figure_info
        if info is not None and info.display:  # docked over the bottom rows of the view
            height = max(1, height - info.outer_size.height)
        if not self.scroll_y <= y < self.scroll_y + height:
            self.scroll_to(y=max(0, y - height // 3), animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down()

    def action_page_up(self) -> None:
        self.scroll_page_up()
