"""The compare view: one indicator (or every indicator some reports share) across a library.

Opened with ``c`` on a figure (explorer, metrics table) or on marked reports in
the library. A table of indicators × reports (or, for one indicator, a row per
report), each cell the value with its qualifier and unit and the change since
the same region's previous period; under it, the current cell's quote and a bar
chart of the current indicator. ``t`` switches to targets against results (with
a grouped chart), ``r`` turns the table around, Enter opens the cell's report at
its quote, highlighted. A figure without an indicator gets suggested matches
instead, marked as suggestions; ``a`` accepts one (``compare.links``: the
registry and the link file are written, never a report).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from partybuild_tui.compare import Comparison, Figure, Suggestion
from partybuild_tui.compare.chart import MAX_BARS, indicator_chart, targets_chart
from partybuild_tui.ui.i18n import get_language
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.compare.chart import CompareChart
from partybuild_tui.ui.widgets.compare.table import CompareTable, Layout
from partybuild_tui.ui.widgets.key_footer import KeyFooter

OpenFigure = Callable[[Figure, Comparison], None]
AcceptSuggestion = Callable[[Suggestion], "Comparison | None"]


def words(english: str, chinese: str) -> str:
    return chinese if get_language() == "zh" else english


class CompareScreen(Screen[None]):
    """A comparison on screen: the table, the current cell's quote, the chart."""

    CSS_PATH = "../styles/compare.tcss"

    BINDINGS = [
        Binding("t", "toggle_targets", "Targets", tooltip="Targets against results, or back"),
        Binding("r", "rotate", "Rotate", tooltip="Indicators as rows or as columns"),
        Binding("a", "accept", "Accept", tooltip="Accept the suggested match", show=False),
        Binding("escape,H,backspace", "close", "Back", key_display="Esc"),
    ]

    def __init__(
        self,
        comparison: Comparison,
        *,
        title: str,
        open_figure: OpenFigure | None = None,
        suggestions: list[Suggestion] | None = None,
        accept: AcceptSuggestion | None = None,
    ) -> None:
        super().__init__()
        localize_bindings(self)
        self._chart_key: tuple[object, ...] | None = None
        # The screen's widgets, held rather than queried: Textual ends a screen closed while
        # it composes (the app quit just after ``c``) with some of them never mounted, and
        # still hands it the messages already sent (the table's Moved).
        self.table = CompareTable(id="compare-table", language=get_language())
        self.chart = CompareChart(id="compare-chart")
        self._title = Static(id="compare-title")
        self._detail = Static(id="compare-detail")
        self.show_comparison(
            comparison, title=title, open_figure=open_figure, suggestions=suggestions, accept=accept
        )

    def show_comparison(
        self,
        comparison: Comparison,
        *,
        title: str,
        open_figure: OpenFigure | None = None,
        suggestions: list[Suggestion] | None = None,
        accept: AcceptSuggestion | None = None,
    ) -> None:
        """Show ``comparison`` (the screen is kept and shown again for the next ``c``:
        composing and styling a new one costs more than the rest of opening the view)."""
        self.comparison = comparison
        self.title_text = title
        self.open_figure = open_figure
        self.suggestions = list(suggestions or [])
        self.accept = accept
        self.layout_name: Layout = "by_report" if len(comparison.table.rows) <= 1 else "matrix"
        if not comparison.table.rows and comparison.targets:
            self.layout_name = "targets"
        if self.is_mounted:
            self._show()
            self.table.focus()

    def compose(self) -> ComposeResult:
        yield self._title
        yield self.table
        yield self._detail
        with VerticalScroll(id="compare-chart-box"):
            yield self.chart
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show()
        self.table.focus()

    def _show(self) -> None:
        comparison = self.comparison
        title = Text.assemble((words("Compare", "比较") + "  ", "bold"), self.title_text)
        table = comparison.table
        if self.layout_name == "targets":
            counts = f"{len(comparison.targets)} " + words("targets", "项目标")
        else:
            counts = f"{len(table.rows)} " + words("indicators", "项指标")
            counts += f" × {len(table.columns)} " + words("reports", "份报告")
        title.append(f"  · {counts}", style="dim")
        self._title.update(title)
        self._chart_key = None
        self.table.show(comparison, self.layout_name)  # its Moved message fills the lines below

    # -- the lines under the table ---------------------------------------------------------

    @on(CompareTable.Moved)
    def _highlighted(self) -> None:
        self._update_detail()

    def _update_detail(self) -> None:
        detail = self._detail
        place = self.table.current_place
        if self.suggestions and not self.comparison.table.rows:
            detail.update(self._suggestion_text())
        elif place is None or place.figure is None:
            detail.update(Text(words("no figure here", "此处无数据"), style="dim"))
        else:
            figure = place.figure
            detail.update(
                Text.assemble(
                    (figure.column.title, "bold"),
                    f"  {' › '.join(figure.metric.breadcrumb)}\n",
                    (f"“{figure.metric.quote}”", "italic"),
                    ("  " + words("(linked)", "(已关联)") if figure.linked else "", "dim"),
                )
            )
        self._update_chart(place.indicator if place else None)

    def _update_chart(self, indicator: str | None) -> None:
        place = self.table.current_place
        focus = place.figure.column if place is not None and place.figure is not None else None
        key = (self.layout_name, indicator, focus.region_key if focus else None)
        if key == self._chart_key:
            return  # the same chart: moving along one region's row changes nothing
        self._chart_key = key
        comparison = self.comparison
        language = get_language()
        if self.layout_name == "targets":
            place = self.table.current_place
            rows = [r for r in comparison.targets if place and r.indicator == place.indicator]
            if len(rows) > MAX_BARS and place is not None and place.figure is not None:
                region = place.figure.column.region_key
                rows = [r for r in rows if r.target.column.region_key == region][-MAX_BARS:]
            labels = {row.indicator: row.label for row in comparison.table.rows}
            title = labels.get(rows[0].indicator) if rows else None
            self.chart.show(targets_chart(rows, language=language, title=title) if rows else None)
            return
        row = next((r for r in comparison.table.rows if r.indicator == indicator), None)
        if row is None and comparison.table.rows:
            row = comparison.table.rows[0]
        place = self.table.current_place
        focus = place.figure.column if place is not None and place.figure is not None else None
        chart = (
            indicator_chart(row, comparison.table.columns, language=language, focus=focus)
            if row
            else None
        )
        self.chart.show(chart)

    def _suggestion_text(self) -> Text:
        text = Text(
            words(
                "No indicator joins this figure. Suggested matches "
                "(not joined; a: accept the first):",
                "此项数据没有指标。建议匹配(尚未合并;a:接受第一项):",
            ),
            style="bold",
        )
        for suggestion in self.suggestions[:3]:
            item = suggestion.indicator
            new = words(" (new)", "(新建)") if suggestion.new else ""
            text.append(f"\n  ? {item.label} [{item.id}{new}] {suggestion.score:.2f}")
        return text

    # -- actions ---------------------------------------------------------------------------

    @on(CompareTable.Chosen)
    def _selected(self, event: CompareTable.Chosen) -> None:
        event.stop()
        place = self.table.place(event.row, event.column)
        if place is None or place.figure is None or self.open_figure is None:
            return
        self.open_figure(place.figure, self.comparison)

    def action_toggle_targets(self) -> None:
        if self.layout_name == "targets":
            self.layout_name = "by_report" if len(self.comparison.table.rows) <= 1 else "matrix"
        elif self.comparison.targets:
            self.layout_name = "targets"
        else:
            self.notify(words("No targets here.", "这里没有目标。"), timeout=3)
            return
        self._show()

    def action_rotate(self) -> None:
        if self.layout_name == "targets":
            return
        self.layout_name = "matrix" if self.layout_name == "by_report" else "by_report"
        self._show()

    def action_accept(self) -> None:
        if not self.suggestions or self.accept is None:
            self.notify(words("No suggestion to accept.", "没有可接受的建议。"), timeout=3)
            return
        suggestion = self.suggestions[0]
        try:
            updated = self.accept(suggestion)
        except OSError as error:
            self.notify(f"{error.filename or ''}: {error.strerror or error}", markup=False)
            return
        if updated is not None:
            self.suggestions = []
            self.comparison = updated
            self.layout_name = "by_report"
            self._show()
            self.notify(
                words("Linked to ", "已关联到 ") + suggestion.indicator.id,
                markup=False,
                timeout=4,
            )

    def action_close(self) -> None:
        self.app.pop_screen()


def comparison_title(comparison: Comparison, root: Path | None) -> str:
    """``市委常委会“第一议题”学习 · example-library``: what is compared, and where."""
    rows = comparison.table.rows
    what = rows[0].label if len(rows) == 1 else words("shared indicators", "共有指标")
    return f"{what} · {root.name}" if root is not None else what
