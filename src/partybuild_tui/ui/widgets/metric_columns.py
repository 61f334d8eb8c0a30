"""The metrics table's column habits, as in visidata: hide a column, show them all
again, and see the cell under the cursor in full.

``-`` hides the current column (visidata's ``-``) and ``+`` shows every hidden one
(visidata's ``gv``; ``g`` is "first row" here). A hidden column gives its room to the
others, as ``metric_layout`` shares it. What is hidden is the session's
(``Session.hidden_columns``): it stays hidden when the table is opened again, for
any report, until ``+``.
``v`` shows the current cell in full — a label or section path cut with …, or a
column left out for want of room — with the row's label (visidata's ``z Enter``
opens a cell; Enter here keeps opening the metric's section).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message

from partybuild_tui.model import Report
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.metric_rows import cell_text
from partybuild_tui.ui.widgets.metric_layout import Layout, compute_layout, natural_widths
from partybuild_tui.ui.widgets.metric_table import MetricTable


class ColumnedMetricTable(MetricTable):
    """``MetricTable`` with ``-`` / ``+`` (hide a column, show all) and ``v`` (a cell in full)."""

    BINDINGS = [
        Binding(
            "minus",
            "hide_column",
            "Hide column",
            tooltip="Hide this column (+ shows it)",
            show=False,
        ),
        Binding(
            "plus", "show_columns", "Show columns", tooltip="Show every hidden column", show=False
        ),
        Binding("v", "view_cell", "Cell", tooltip="Show the current cell in full", show=False),
    ]

    @dataclass
    class CellWanted(Message):
        """``v``: show this cell in full (``title``: the column's and the row's names)."""

        table: ColumnedMetricTable
        title: str
        text: str

        @property
        def control(self) -> ColumnedMetricTable:
            return self.table

    def __init__(self, report: Report, hidden: set[str], *, id: str | None = None) -> None:
        self.hidden = hidden
        """The hidden columns' keys (the session's set: shared, kept between opens)."""
        super().__init__(report, id=id)

    def _compute_layout(self, width: int) -> Layout:
        if self._natural is None:  # the widest cells over the whole report, once
            self._natural = natural_widths(self.report, self.all_columns)
        shown = [c for c in self.all_columns if c.key not in self.hidden]
        return compute_layout(shown, self._natural, self._filled, width)

    def _relayout(self) -> None:
        self._layout = None
        self.refresh()
        self.post_message(self.ViewChanged(self))

    def action_hide_column(self) -> None:
        """Hide the current column; the cursor goes to the next one (the last: the one before)."""
        shown = self._shown_indices()
        if len(shown) <= 1:
            self.app.bell()  # the last column stays
            return
        current = self.cursor_column
        position = shown.index(current) if current in shown else 0
        following = shown[position + 1] if position + 1 < len(shown) else shown[position - 1]
        self.hidden.add(self.all_columns[current].key)
        self.cursor_column = following
        self._relayout()

    def action_show_columns(self) -> None:
        if self.hidden:
            self.hidden.clear()
            self._relayout()

    def action_view_cell(self) -> None:
        metric = self.current_metric
        column = self.current_column
        if metric is not None:
            title = f"{t(column.title)} · {metric.label}"
            self.post_message(self.CellWanted(self, title, cell_text(metric, column.key) or "—"))
            return
        group = self.current_group
        if group is not None:
            self.post_message(self.CellWanted(self, group.title, group.summary))

    def describe_view(self) -> str:
        """The base description and, when columns are hidden, how many and how to show them."""
        text = super().describe_view()
        hidden = [c for c in self.all_columns if c.key in self.hidden]
        if hidden:
            names = "、".join(t(c.title) for c in hidden)
            text += f" · {t('hidden')}: {names} ({t('+ shows them')})"
        return text
