"""The metrics table: every metric of a report, sortable, filterable and groupable.

A Line-API widget (``ScrollView``) holding positions into ``report.metrics``: only
the rows on screen are drawn, and filtering, sorting and grouping 100,000 metrics
cost a list operation each (``DataTable`` needs seconds for that many rows and parses
``str`` cells as markup). Columns are placed by ``metric_layout`` (labels first;
empty columns take no room); the header marks the cursor's and the sort column.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from partybuild_tui.model import Metric, Report
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.metric_rows import (
    COLUMNS,
    Column,
    Group,
    build_rows,
    describe_view,
    natural_descending,
    row_of,
)
from partybuild_tui.ui.text_wrap import pad_cells
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.metric_layout import (
    Layout,
    compute_layout,
    filled_columns,
    header_strip,
    metric_strip,
    natural_widths,
)

CELL_STYLES = {
    "value": "metric-table--value",
    "qualifier": "metric-table--muted",
    "baseline": "metric-table--muted",
    "change": "metric-table--change",
}


class MetricTable(ScrollView, can_focus=True):
    """Metrics as rows; ↑↓ move, ←→ choose a column, s sorts by it, u groups, Enter opens."""

    COMPONENT_CLASSES = {
        "metric-table--header",
        "metric-table--header-current",
        "metric-table--cursor",
        "metric-table--cursor-cell",
        "metric-table--value",
        "metric-table--muted",
        "metric-table--change",
        "metric-table--group",
        "metric-table--empty",
    }

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("right,l", "column(1)", "Next column", show=False),
        Binding("left,h", "column(-1)", "Previous column", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("s", "sort", "Sort", tooltip="Sort by this column (again: reverse, off)"),
        Binding("u", "group", "Group", tooltip="Group: by unit → by section → none"),
        Binding(
            "enter",
            "choose",
            "Open",
            tooltip="Open the metric's section, quote highlighted",
            show=False,
        ),
    ]

    DEFAULT_CSS = """
    MetricTable {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    cursor_row: var[int] = var(0, init=False)
    cursor_column: var[int] = var(0, init=False)

    @dataclass
    class CursorMoved(Message):
        """The cursor is on another row: a metric, or a group's summary (``metric`` None)."""

        table: MetricTable
        metric: Metric | None
        group: Group | None

        @property
        def control(self) -> MetricTable:
            return self.table

    @dataclass
    class Chosen(Message):
        """Enter (or a double click) on a metric: open it."""

        table: MetricTable
        metric: Metric

        @property
        def control(self) -> MetricTable:
            return self.table

    @dataclass
    class ViewChanged(Message):
        """Sort, grouping or the rows changed (for the status line)."""

        table: MetricTable

        @property
        def control(self) -> MetricTable:
            return self.table

    def __init__(self, report: Report, *, id: str | None = None) -> None:
        super().__init__(id=id)
        localize_bindings(self)
        self.report = report
        self.all_columns: tuple[Column, ...] = tuple(
            c
            for c in COLUMNS
            if c.key not in ("baseline", "change")
            or any(m.baseline is not None for m in report.metrics)
        )
        self.positions: list[int] = list(range(len(report.metrics)))
        """The rows that pass the filter, in report order."""
        self.sort_key: str | None = None
        self.descending = False
        self.group_by: str | None = None
        self.collapsed: set[str] = set()
        self.groups: list[Group] = []
        self.rows: list[int | Group] = []
        """What each line below the header shows: a metric position or a group."""
        self._natural: dict[str, int] | None = None
        self._layout: Layout | None = None
        self._filled: frozenset[str] = frozenset()
        self._rebuild(keep=None)
        value_column = next(i for i, c in enumerate(self.all_columns) if c.key == "value")
        self.set_reactive(MetricTable.cursor_column, value_column)

    @property
    def metric_positions(self) -> list[int]:
        """The metrics shown, in the order shown (collapsed groups included)."""
        if self.group_by is None:
            return [row for row in self.rows if isinstance(row, int)]
        return [p for group in self.groups for p in group.positions]

    @property
    def metrics(self) -> list[Metric]:
        metrics = self.report.metrics
        return [metrics[p] for p in self.metric_positions]

    @property
    def current_row(self) -> int | Group | None:
        if 0 <= self.cursor_row < len(self.rows):
            return self.rows[self.cursor_row]
        return None

    @property
    def current_metric(self) -> Metric | None:
        row = self.current_row
        return self.report.metrics[row] if isinstance(row, int) else None

    @property
    def current_group(self) -> Group | None:
        row = self.current_row
        return row if isinstance(row, Group) else None

    @property
    def current_column(self) -> Column:
        return self.all_columns[self.cursor_column]

    def set_positions(self, positions: list[int]) -> None:
        """Show these metrics (the filter's result, in report order); the cursor goes to the top."""
        self.positions = positions
        self._rebuild(None)

    def sort_by(self, key: str | None, descending: bool | None = None) -> None:
        """Sort by ``key`` (``None``: report order), numbers largest first; cursor to the top."""
        self.sort_key = key
        self.descending = (
            natural_descending(key) if descending is None and key else bool(descending)
        )
        self._rebuild(None)

    def group(self, by: str | None) -> None:
        """Group by ``"unit"`` or ``"section"``, or not at all."""
        self.group_by = by
        self.collapsed.clear()
        self._rebuild(None)

    def toggle_group(self, group: Group) -> None:
        if group.key in self.collapsed:
            self.collapsed.discard(group.key)
        else:
            self.collapsed.add(group.key)
        self._rebuild(group)

    def _rebuild(self, keep: int | Group | None) -> None:
        sort = (self.sort_key, self.descending)
        self.groups, rows = build_rows(
            self.report, self.positions, sort, self.group_by, self.collapsed
        )
        self.rows = rows
        filled = filled_columns(self.report.metrics, self.positions)
        if filled != self._filled:
            self._filled = filled
            self._layout = None
        cursor = row_of(rows, keep)
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        self.set_reactive(MetricTable.cursor_row, min(cursor, max(0, len(rows) - 1)))
        self._scroll_to_cursor(center=True)
        self.refresh()
        self.post_message(self.ViewChanged(self))
        self._announce()

    def _announce(self) -> None:
        self.post_message(self.CursorMoved(self, self.current_metric, self.current_group))

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def move_to_row(self, row: int) -> None:
        if not self.rows:
            return
        self.cursor_row = max(0, min(len(self.rows) - 1, row))

    def watch_cursor_row(self) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self._announce()

    def watch_cursor_column(self) -> None:
        self.refresh()

    def _scroll_to_cursor(self, center: bool = False) -> None:
        height = self.scrollable_content_region.height - 1  # the header takes a line
        if height <= 0:
            return
        top = round(self.scroll_y)
        row = self.cursor_row
        if center and not (top <= row < top + height):
            self.scroll_to(y=max(0, row - height // 2), animate=False, immediate=True)
        elif row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.move_to_row(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_to_row(self.cursor_row - 1)

    def action_page(self, direction: int) -> None:
        self.move_to_row(self.cursor_row + direction * self._page)

    def action_first(self) -> None:
        self.move_to_row(0)

    def action_last(self) -> None:
        self.move_to_row(len(self.rows) - 1)

    def action_column(self, step: int) -> None:
        shown = self._shown_indices()
        if not shown:
            return
        current = self.cursor_column
        position = shown.index(current) if current in shown else 0
        self.cursor_column = shown[(position + step) % len(shown)]

    def action_sort(self) -> None:
        """First press: sort by the current column; second: reverse; third: report order."""
        key = self.current_column.key
        if self.sort_key != key:
            self.sort_by(key)
        elif self.descending == natural_descending(key):
            self.sort_by(key, not self.descending)
        else:
            self.sort_by(None)

    def action_group(self) -> None:
        order = (None, "unit", "section")
        self.group(order[(order.index(self.group_by) + 1) % len(order)])

    def action_choose(self) -> None:
        row = self.current_row
        if isinstance(row, Group):
            self.toggle_group(row)
        elif row is not None:
            self.post_message(self.Chosen(self, self.report.metrics[row]))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        layout = self._layout
        if offset is None or layout is None:
            return
        if offset.y == 0:
            index = layout.column_at(offset.x)
            if index is None:
                return
            column = layout.columns[index]
            self.cursor_column = self.all_columns.index(column)
            self.action_sort()
            return
        row = round(self.scroll_y) + offset.y - 1
        if 0 <= row < len(self.rows):
            self.focus()
            self.cursor_row = row
            index = layout.column_at(offset.x)
            if index is not None:
                self.cursor_column = self.all_columns.index(layout.columns[index])
            if event.chain >= 2 or isinstance(self.rows[row], Group):
                self.action_choose()

    def _compute_layout(self, width: int) -> Layout:
        if self._natural is None:  # the widest cells over the whole report, once
            self._natural = natural_widths(self.report, self.all_columns)
        return compute_layout(self.all_columns, self._natural, self._filled, width)

    def _shown_indices(self) -> list[int]:
        layout = self._layout or self._compute_layout(self.scrollable_content_region.width or 80)
        return [self.all_columns.index(c) for c in layout.columns]

    def on_resize(self, event: events.Resize) -> None:
        self._layout = None
        self.virtual_size = Size(event.size.width, len(self.rows) + 1)
        self._scroll_to_cursor()

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._layout is None:
            self._layout = self._compute_layout(width)
            if self.current_column not in self._layout.columns:
                self.set_reactive(MetricTable.cursor_column, self._shown_indices()[0])
        base = self.rich_style
        if y == 0:
            return self._header(self._layout, base, width)
        row_index = round(self.scroll_y) + y - 1
        if not self.rows:
            if y == 1:
                empty = "No metrics match the filter." if self.report.metrics else "No metrics."
                text = pad_cells(" " + t(empty), width)
                return Strip([Segment(text, base + self._style("metric-table--empty"))], width)
            return Strip.blank(width, base)
        if row_index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[row_index]
        cursor = row_index == self.cursor_row
        if isinstance(row, Group):
            return self._group_line(row, base, width, cursor)
        return self._metric_line(self.report.metrics[row], self._layout, base, width, cursor)

    def _header(self, layout: Layout, base: Style, width: int) -> Strip:
        header = base + self._style("metric-table--header")
        current = header + self._style("metric-table--header-current")
        sort = (self.sort_key, self.descending)
        return header_strip(layout, header, current, self.current_column, sort, width)

    def _metric_line(
        self, metric: Metric, layout: Layout, base: Style, width: int, cursor: bool
    ) -> Strip:
        row_style = base + self._style("metric-table--cursor") if cursor else base
        styles = {key: self._style(name) for key, name in CELL_STYLES.items()}
        mark = (self.current_column, row_style + self._style("metric-table--cursor-cell"))
        return metric_strip(metric, layout, row_style, styles, mark if cursor else None, width)

    def _group_line(self, group: Group, base: Style, width: int, cursor: bool) -> Strip:
        style = base + self._style("metric-table--group")
        if cursor:
            style += self._style("metric-table--cursor")
        arrow = "▶ " if group.key in self.collapsed else "▼ "
        text = pad_cells(f" {arrow}{group.title}  ·  {group.summary}", width)
        return Strip([Segment(text, style)], width)

    def describe_view(self) -> str:
        """``12 / 108 metrics · sorted by value, largest first · grouped by unit``."""
        sort = (self.sort_key, self.descending)
        return describe_view(self.report, self.positions, sort, self.group_by)
