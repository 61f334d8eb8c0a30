"""The metrics view: every figure of the report in one table, for comparing and citing.

A filter line on top takes the search query language (``unit:%``, ``>10000``,
``100..1000``, words, pinyin) and filters as you type; the table sorts by any
column (``s``, or a click on its header) and groups by unit or section (``u``)
with counts and the sums that make sense. The line under the table shows the
current metric's full section path and quote. Enter opens the metric's section
in the explorer with the quote highlighted; ``m`` or Esc returns to the text, and
``m`` comes back to the same view (filter, sort and row kept).
"""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from partybuild_tui.export import (
    EXTENSIONS,
    export_metrics,
    metric_clip_text,
    metrics_clip_text,
)
from partybuild_tui.model.display import breadcrumb_text
from partybuild_tui.search import Query, SearchIndex, parse_query
from partybuild_tui.ui.clipboard import copy_text
from partybuild_tui.ui.i18n import pick, t
from partybuild_tui.ui.messages import Highlight, IndexReady
from partybuild_tui.ui.screens.cell_view import CellScreen
from partybuild_tui.ui.session import OpenReport, SessionApp
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.key_footer import KeyFooter
from partybuild_tui.ui.widgets.metric_columns import ColumnedMetricTable
from partybuild_tui.ui.widgets.metric_table import MetricTable
from partybuild_tui.ui.widgets.wrapped import WrappedText

DEBOUNCE_FROM = 20_000
"""From this many metrics on, filtering takes long enough to wait for a pause in typing."""
DEBOUNCE_SECONDS = 0.15
"""On large reports the filter waits for a pause in typing."""


class MetricsScreen(Screen[None]):
    """The metrics table with its filter line and the current metric's quote."""

    app = getters.app(SessionApp)

    CSS_PATH = "../styles/metrics.tcss"

    AUTO_FOCUS = "#metrics-table"
    """The table has the focus before any key is read: a ``/`` typed as the view opens
    is the filter key, not text in the filter (a focus() in on_mount came too late)."""

    BINDINGS = [
        # priority: acted on as it arrives, so the keys behind it reach the filter line
        Binding("slash", "focus_filter", "Filter", key_display="/", priority=True),
        Binding("e", "export", "Export", tooltip="Export the rows shown to a file"),
        Binding("y", "copy", "Copy", tooltip="Copy the current metric with its quote (OSC 52)"),
        Binding("c", "compare", "Compare", tooltip="This figure across the library", show=False),
        Binding(
            "E",
            "edit_report",
            "Edit the report",
            tooltip="Open the report in $EDITOR at this metric; read again on exit",
            show=False,
        ),
        Binding(
            "escape,m", "close", "Close", key_display="Esc", tooltip="Back to the text (also H)"
        ),
        # Back, as in the explorer; listed with Esc above (no description: not in the help twice).
        Binding("H,backspace", "close", "", show=False),
        Binding("tab", "app.focus_next", "Focus next", show=False),
        Binding("shift+tab", "app.focus_previous", "Focus previous", show=False),
    ]

    def __init__(self, opened: OpenReport) -> None:
        super().__init__()
        localize_bindings(self)
        self.opened = opened
        self.report = opened.report
        self._timer: Timer | None = None
        self.query_text = ""
        self.parsed_query: Query = parse_query("")
        """``query_text`` parsed, once per change (the filter and the status line share it)."""
        # The screen's widgets, held rather than queried: Textual ends a screen closed while
        # it composes (the app quit just after ``m``) with some of them never mounted, and
        # still hands it the messages already sent (a table's ViewChanged).
        self.table = ColumnedMetricTable(
            self.report, self.app.session.hidden_columns, id="metrics-table"
        )
        self._filter = Input(
            placeholder=t("filter: words, pinyin, >10000, 100..1000, unit:% — Enter: table"),
            id="metrics-filter",
            select_on_focus=False,  # a Focus event can arrive after the first keys typed
        )
        self._status_line = Static(self._status(), id="metrics-status")
        self._detail = WrappedText(id="metrics-detail")

    def compose(self) -> ComposeResult:
        meta = self.report.meta
        title = Content.assemble((t("Metrics table"), "bold"), "  ", meta.subtitle or meta.title)
        with Vertical(id="metrics-top"):
            yield Static(title, id="metrics-title")
            yield self._filter
            yield self._status_line
        yield self.table
        yield self._detail
        yield KeyFooter()

    # -- filtering ------------------------------------------------------------------

    @on(Input.Changed, "#metrics-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.parsed_query = parse_query(event.value)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if len(self.report.metrics) >= DEBOUNCE_FROM:
            self._timer = self.set_timer(DEBOUNCE_SECONDS, self._apply_filter)
        else:
            self._apply_filter()

    @on(Input.Submitted, "#metrics-filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.table)

    def _apply_filter(self) -> None:
        self._timer = None
        text = self.query_text
        if not text.strip():
            self.table.set_positions(list(range(len(self.report.metrics))))
            self._update_status()
            return
        index = self.index
        if index is None:  # being built, after the first frame: IndexReady brings it
            self.app.session.request_index(self.opened.id)
            self._update_status()
            return
        self.table.set_positions(index.matching_metrics(self.parsed_query))
        self._update_status()

    @property
    def index(self) -> SearchIndex | None:
        return self.opened.index

    @on(IndexReady)
    def _index_ready(self, event: IndexReady) -> None:
        if event.report_id == self.opened.id and self.query_text.strip():
            self._apply_filter()

    # -- the lines around the table ----------------------------------------------------------

    @on(MetricTable.ViewChanged)
    def _view_changed(self) -> None:
        self._update_status()

    def _update_status(self) -> None:
        self._status_line.update(self._status())

    def _status(self) -> Content:
        parts = [self.table.describe_view()]
        text = self.query_text.strip()
        if text:
            if self.index is None:
                parts.append(t("indexing the report for the filter…"))
            else:
                query = self.parsed_query
                parts.append(pick(query.understood, query.understood_zh))
        return Content(" · ".join(parts))

    @on(MetricTable.CursorMoved)
    def _cursor_moved(self, event: MetricTable.CursorMoved) -> None:
        detail = self._detail
        metric, group = event.metric, event.group
        if metric is not None:
            path = breadcrumb_text(metric.breadcrumb)
            detail.update(
                Content.assemble(
                    (metric.label, "bold"),
                    "\n",
                    (path, "dim"),
                    "\n",
                    (f"“{metric.quote}”", "italic"),
                    *((("  ", ""), (metric.note, "dim")) if metric.note else ()),
                )
            )
        elif group is not None:
            detail.update(Content.assemble((group.title, "bold"), "\n", group.summary))
        else:
            detail.update(Content(""))

    # -- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_filter" and isinstance(self.focused, Input):
            return False  # "/" typed into the filter is text
        return super().check_action(action, parameters)

    def action_focus_filter(self) -> None:
        # set_focus at once (not focus(), which waits a turn): keys typed right after
        # the / (a fast typist, a paste, tmux send-keys) must land in the filter.
        self.set_focus(self._filter)

    def action_close(self) -> None:
        """Esc: from the filter line to the table; from the table back to the text."""
        if isinstance(self.focused, Input):
            self.set_focus(self.table)
            return
        self.app.pop_screen()

    @on(ColumnedMetricTable.CellWanted)
    def _cell_wanted(self, event: ColumnedMetricTable.CellWanted) -> None:
        self.app.push_screen(CellScreen(event.title, event.text))

    @on(MetricTable.Chosen)
    def _chosen(self, event: MetricTable.Chosen) -> None:
        """Back to the text, at the metric's quote (a jump: recorded in the history)."""
        metric = event.metric
        self.app.pop_screen()
        if self.report.get_section(metric.section_id) is not None:
            self.app.session.go_to(
                metric.section_id, highlight=Highlight.of_metric(metric), report_id=self.opened.id
            )

    async def action_edit_report(self) -> None:
        """E: the editor at the metric's ``id:`` line, then the text at its section."""
        metric = self.table.current_metric
        if metric is None or self.opened.path is None or self.app.is_web:
            return
        app = self.app
        await app.pop_screen()  # the explorer reads the report again and shows the section
        await app.run_action(f"edit_report({metric.id!r})", app.screen)

    def action_compare(self) -> None:
        from partybuild_tui.ui.screens.compare_open import compare_metric  # lazy: compare/

        metric = self.table.current_metric
        if metric is not None:
            compare_metric(self, self.opened, metric)

    def action_copy(self) -> None:
        table = self.table
        metric = table.current_metric
        if metric is not None:
            copy_text(self, metric_clip_text(metric, self.report), metric.label)
            return
        group = table.current_group
        if group is not None:
            metrics = [self.report.metrics[p] for p in group.positions]
            copy_text(
                self,
                metrics_clip_text(metrics, self.report),
                f"{group.title} ({len(metrics)} {t('metrics')})",
            )

    def action_export(self) -> None:
        from partybuild_tui.ui.screens.export_dialog import ExportDialog, ExportJob  # lazy

        metrics = self.table.metrics
        if not metrics:
            self.notify(t("No metrics to export."), timeout=3)
            return
        report = self.report
        title = f"{report.meta.title} — {t('metrics')}"
        if self.query_text.strip():
            title += f" ({self.query_text.strip()})"

        def render(fmt: str, bom: bool) -> str:
            return export_metrics(metrics, fmt, title=title, bom=bom)

        def name(fmt: str) -> str:
            # Not the name of a whole-report export: <id>-metrics.csv, not <id>.csv.
            return f"{report.meta.id}-metrics{EXTENSIONS[fmt]}"

        job = ExportJob(
            what=t("the metrics shown"),
            render=render,
            default_name=name,
            count_note=f"{len(metrics)} {t('metrics')}",
            initial_format="csv",
            kind="metrics",
            protect=self.opened.path,
        )
        self.app.push_screen(ExportDialog(job), self._exported)

    def _exported(self, result: str | None) -> None:
        if result:
            self.notify(f"{t('Exported to')} {result}", title=t("Export"), markup=False)
