"""The metrics table: every metric of a report, sortable, filterable and groupable.

A Line-API widget (``ScrollView``): only the rows on screen are drawn, and the
table holds positions into ``report.metrics`` rather than rows of cells, so
filtering, sorting and grouping 100,000 metrics cost a list operation each.
(Textual's ``DataTable`` needs seconds to add and measure that many rows, and
would parse plain ``str`` cells as markup.) Cells are drawn as plain segments:
report text never goes near markup.

Columns are aligned by display width (a CJK character takes two cells): fixed
columns (value, unit, qualifier, baseline, change) get the width of their widest
cell in the whole report, the section path and the label share the rest and are
cut with … when short of room (the path keeps its top title's first words and the
section's own title). The header row stays on top; it marks the column under the
cursor and the sort column (▼ ▲).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
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
from partybuild_tui.model.numbers import format_value
from partybuild_tui.ui.i18n import count, t
from partybuild_tui.ui.metric_rows import (
    COLUMNS,
    PATH_SEPARATOR,
    Column,
    Group,
    cell_text,
    group_positions,
    natural_descending,
    one_line,
    qualifier_text,
    sort_positions,
)
from partybuild_tui.ui.text_wrap import pad_cells, short_title
from partybuild_tui.ui.widgets.bindings import localize_bindings

MIN_FLEX = 8
"""Narrowest a flexible column (section path, label) is drawn."""
SECTION_MIN_ROOM = 40
"""Below this much room for the two flexible columns the section path is left out
(the line under the table still shows it for the current row)."""


def fit_path(path: str, width: int) -> str:
    """A section path in ``width`` cells: whole if it fits, else ``凝心铸魂 › 第一议题…``

    (the top title up to its comma, then the section's own title, cut with …).
    """
    if cell_len(path) <= width:
        return pad_cells(path, width)
    crumbs = path.split(PATH_SEPARATOR)
    if len(crumbs) == 1:
        return pad_cells(path, width)
    return pad_cells(short_title(crumbs[0]) + PATH_SEPARATOR + crumbs[-1], width)


@dataclass(frozen=True)
class Layout:
    """Where each shown column sits for one table width."""

    columns: tuple[Column, ...]
    widths: tuple[int, ...]
    gap: int

    def column_at(self, x: int) -> int | None:
        """The index (in ``columns``) of the column under cell ``x``."""
        position = 1
        for index, width in enumerate(self.widths):
            if position <= x < position + width + self.gap:
                return index
            position += width + self.gap
        return None


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
        self._rebuild(keep=None)
        value_column = next(i for i, c in enumerate(self.all_columns) if c.key == "value")
        self.set_reactive(MetricTable.cursor_column, value_column)

    # -- the rows ---------------------------------------------------------------------

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
        """Sort by column ``key`` (``None``: report order); numbers largest first by default.

        The cursor goes to the top: a sort is made to see what comes first.
        """
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
        positions = self.positions
        if self.sort_key is not None:
            positions = sort_positions(self.report, positions, self.sort_key, self.descending)
        rows: list[int | Group] = []
        if self.group_by is None:
            self.groups = []
            rows.extend(positions)
        else:
            self.groups = group_positions(self.report, positions, self.group_by)
            for group in self.groups:
                rows.append(group)
                if group.key not in self.collapsed:
                    rows.extend(group.positions)
        self.rows = rows
        cursor = 0
        if isinstance(keep, Group):
            cursor = next(
                (i for i, r in enumerate(rows) if isinstance(r, Group) and r.key == keep.key), 0
            )
        elif keep is not None:
            try:
                cursor = rows.index(keep)
            except ValueError:
                cursor = 0
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        self.set_reactive(MetricTable.cursor_row, min(cursor, max(0, len(rows) - 1)))
        self._scroll_to_cursor(center=True)
        self.refresh()
        self.post_message(self.ViewChanged(self))
        self._announce()

    def _announce(self) -> None:
        self.post_message(self.CursorMoved(self, self.current_metric, self.current_group))

    # -- moving -------------------------------------------------------------------------

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

    # -- mouse --------------------------------------------------------------------------

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

    # -- layout -------------------------------------------------------------------------

    def _natural_widths(self) -> dict[str, int]:
        """The widest cell of each column over the whole report (computed once).

        Each distinct cell is measured once, and text only where it could be the
        widest (a character takes one or two cells): 0.1 s for 100,000 metrics.
        """
        if self._natural is not None:
            return self._natural
        metrics = self.report.metrics
        # Fixed columns keep a cell beside the title for the sort mark (▼ ▲).
        widths = {c.key: cell_len(t(c.title)) + (0 if c.flex else 1) for c in self.all_columns}

        def widest(key: str, texts: set[str]) -> None:
            best = widths[key]
            for text in sorted(texts, key=len, reverse=True):
                if 2 * len(text) <= best:
                    break  # nothing shorter can be wider
                best = max(best, cell_len(text))
            widths[key] = best

        def distinct(key: str, chosen: Iterable[Metric]) -> set[str]:
            seen: dict[tuple[object, ...], Metric] = {}
            for m in chosen:
                seen.setdefault((m.value, m.unit, m.qualifier, m.baseline), m)
            return {cell_text(m, key) for m in seen.values()}

        with_baseline = [m for m in metrics if m.baseline is not None]
        widest("value", {format_value(v) for v in {m.value for m in metrics}})
        widest("unit", {m.unit for m in metrics})
        widest("qualifier", {qualifier_text(q) for q in {m.qualifier for m in metrics}})
        if "baseline" in widths:
            widest("baseline", distinct("baseline", with_baseline))
            widest("change", distinct("change", with_baseline))
        widest("label", {one_line(m.label) for m in metrics})
        widest(
            "section",
            {PATH_SEPARATOR.join(s.breadcrumb) for s in self.report.ordered if s.metrics},
        )
        self._natural = widths
        return widths

    def _compute_layout(self, width: int) -> Layout:
        natural = self._natural_widths()
        gap = 2 if width >= 100 else 1
        fixed = [c for c in self.all_columns if not c.flex]
        fixed_width = sum(natural[c.key] for c in fixed)
        room = width - 1 - fixed_width - gap * len(self.all_columns)
        label_natural, section_natural = natural["label"], natural["section"]
        columns = list(self.all_columns)
        widths: dict[str, int] = {c.key: natural[c.key] for c in fixed}
        if room >= label_natural + section_natural:
            widths["label"], widths["section"] = label_natural, section_natural
        elif room < SECTION_MIN_ROOM:
            columns = [c for c in columns if c.key != "section"]
            widths["label"] = max(MIN_FLEX, room + gap)
        else:
            label = min(label_natural, max(room * 3 // 5, room - section_natural))
            widths["label"] = max(MIN_FLEX, label)
            widths["section"] = max(MIN_FLEX, room - widths["label"])
        return Layout(tuple(columns), tuple(widths[c.key] for c in columns), gap)

    def _shown_indices(self) -> list[int]:
        layout = self._layout or self._compute_layout(self.scrollable_content_region.width or 80)
        return [self.all_columns.index(c) for c in layout.columns]

    def on_resize(self, event: events.Resize) -> None:
        self._layout = None
        self.virtual_size = Size(event.size.width, len(self.rows) + 1)
        self._scroll_to_cursor()

    # -- drawing ------------------------------------------------------------------------

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
        segments = [Segment(" ", header)]
        for column, cell_width in zip(layout.columns, layout.widths, strict=True):
            title = t(column.title)
            if column.key == self.sort_key:
                mark = "▼" if self.descending else "▲"
                spaced = cell_len(title) + 2 <= cell_width
                if column.right:
                    title = mark + (" " if spaced else "") + title
                else:
                    title = pad_cells(title, cell_width - (2 if spaced else 1)).rstrip()
                    title += (" " if spaced else "") + mark
            text = pad_cells(title, cell_width)
            if column.right:
                text = text.rstrip()
                text = " " * (cell_width - cell_len(text)) + text
            is_current = column is self.current_column
            segments.append(Segment(text, current if is_current else header))
            segments.append(Segment(" " * layout.gap, header))
        return Strip(segments).adjust_cell_length(width, header)

    def _metric_line(
        self, metric: Metric, layout: Layout, base: Style, width: int, cursor: bool
    ) -> Strip:
        row_style = base + self._style("metric-table--cursor") if cursor else base
        cell_cursor = row_style + self._style("metric-table--cursor-cell")
        extra = {
            "value": self._style("metric-table--value"),
            "qualifier": self._style("metric-table--muted"),
            "baseline": self._style("metric-table--muted"),
            "change": self._style("metric-table--change"),
        }
        segments = [Segment(" ", row_style)]
        for column, cell_width in zip(layout.columns, layout.widths, strict=True):
            text = cell_text(metric, column.key)
            if column.key == "section":
                text = fit_path(text, cell_width)
            elif column.right and cell_len(text) <= cell_width:
                text = " " * (cell_width - cell_len(text)) + text
            else:
                text = pad_cells(text, cell_width)
            if cursor and column is self.current_column:
                style = cell_cursor
            else:
                style = row_style + extra[column.key] if column.key in extra else row_style
            segments.append(Segment(text, style))
            segments.append(Segment(" " * layout.gap, row_style))
        return Strip(segments).adjust_cell_length(width, row_style)

    def _group_line(self, group: Group, base: Style, width: int, cursor: bool) -> Strip:
        style = base + self._style("metric-table--group")
        if cursor:
            style += self._style("metric-table--cursor")
        arrow = "▶ " if group.key in self.collapsed else "▼ "
        text = pad_cells(f" {arrow}{group.title}  ·  {group.summary}", width)
        return Strip([Segment(text, style)], width)

    # -- what the view says about itself ------------------------------------------------

    def describe_view(self) -> str:
        """``12 / 108 metrics · sorted by value, largest first · grouped by unit``."""
        shown, total = len(self.positions), len(self.report.metrics)
        parts = [f"{shown} / {count(total, 'metrics')}"]
        if self.sort_key is not None:
            title = next(t(c.title) for c in self.all_columns if c.key == self.sort_key)
            direction = t("descending") if self.descending else t("ascending")
            parts.append(f"{t('sorted by')} {title} {direction}")
        if self.group_by is not None:
            parts.append(t("grouped by unit" if self.group_by == "unit" else "grouped by section"))
        return " · ".join(parts)
