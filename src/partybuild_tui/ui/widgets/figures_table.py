"""The figures at a glance: a compact table of one section's metrics.

Drawn as plain ``Content`` lines whose columns are aligned by display width
(a CJK character takes two cells), so it wraps nothing and needs no focus.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.style import Style
from textual.widget import Widget

from partybuild_tui.model import Metric
from partybuild_tui.model.numbers import format_change, format_difference
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.metric_rows import qualifier_cell
from partybuild_tui.ui.text_wrap import pad_cells
from partybuild_tui.ui.widgets.emphasis import current_figure_style
from partybuild_tui.ui.widgets.sized_by_layout import SizedByLayout


def figure_rows(metrics: Sequence[Metric]) -> list[tuple[str, str, str, str]]:
    """(label, value, qualifier, change) cells for each metric."""
    return [
        (
            m.label,
            format_change(m),
            qualifier_cell(m),  # a target says so: 目标 2027
            format_difference(m, t(" percentage points")),
        )
        for m in metrics
    ]


def render_figures(
    metrics: Sequence[Metric], width: int, current: tuple[int, Style] | None = None
) -> Content:
    """The table as Content lines for a pane ``width`` cells wide; ``current``: a row to draw
    in a style of its own (the figure stepped to with ``.``/``,``)."""
    rows = figure_rows(metrics)
    if not rows:
        return Content.styled(t("No metrics in this section."), ".figures-table--empty")
    value_width = max(cell_len(r[1]) for r in rows)
    qualifier_width = max(cell_len(r[2]) for r in rows)
    change_width = max(cell_len(r[3]) for r in rows)
    fixed = value_width + 2 + (qualifier_width + 2 if qualifier_width else 0)
    fixed += change_width + 2 if change_width else 0
    label_width = max(6, min(max(cell_len(r[0]) for r in rows), width - fixed - 1))
    lines: list[Content] = []
    for number, (label, value, qualifier, change) in enumerate(rows):
        line = Content(pad_cells(label, label_width) + "  ")
        pad = " " * (value_width - cell_len(value))
        line = line + Content(pad) + Content.styled(value, ".figures-table--value")
        if qualifier_width:
            line = line + Content("  " + pad_cells(qualifier, qualifier_width)).stylize(
                ".figures-table--qualifier"
            )
        if change_width:
            line = line + Content("  ") + Content.styled(change, ".figures-table--change")
        line = line.rstrip()
        if current is not None and number == current[0]:
            line = line.stylize(current[1])
        lines.append(line)
    return Content("\n").join(lines)


class FiguresTable(SizedByLayout, Widget):
    """A section's metrics: label, value with unit, qualifier, change."""

    COMPONENT_CLASSES = {
        "figures-table--value",
        "figures-table--qualifier",
        "figures-table--change",
        "figures-table--empty",
    }

    # Here, not in app.tcss: parsed when the first section is shown (see SectionText).
    DEFAULT_CSS = """
    FiguresTable {
        height: auto;
        margin: 0 0 1 0;
    }
    FiguresTable > .figures-table--value {
        color: $accent;
        text-style: bold;
    }
    FiguresTable > .figures-table--qualifier {
        color: $text-muted;
    }
    FiguresTable > .figures-table--change {
        color: $success;
    }
    FiguresTable > .figures-table--empty {
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.metrics: tuple[Metric, ...] = ()
        self.current: str | None = None
        """The id of the metric stepped to in the text (its row is marked too)."""

    def show(self, metrics: Sequence[Metric]) -> None:
        self.metrics = tuple(metrics)
        self.current = None
        self.display = bool(self.metrics)
        self.refresh(layout=True)

    def mark(self, metric_id: str | None) -> None:
        self.current = metric_id
        self.refresh()

    def render(self) -> Content:
        ids = [m.id for m in self.metrics]
        current = None
        if self.current in ids:
            current = (ids.index(self.current), current_figure_style(self))
        return render_figures(self.metrics, self.content_region.width or 80, current)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.metrics))
