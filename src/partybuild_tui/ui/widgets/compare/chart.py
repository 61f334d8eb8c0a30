"""The compare view's bar chart: ``compare.chart.BarChart`` (Rich) in a widget.

The chart itself is drawn by the service layer, so the CLI and the app draw the
same bars; this widget only gives it a width, a height that fits its lines, and
the theme's colours for the series (without colour the blocks tell them apart).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget

from partybuild_tui.compare.chart import BarChart


class CompareChart(Widget):
    """A bar chart of one indicator (or of targets and results), or nothing."""

    DEFAULT_CSS = """
    CompareChart { height: auto; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chart: BarChart | None = None

    def show(self, chart: BarChart | None) -> None:
        self.chart = chart
        self.display = chart is not None
        self.refresh(layout=True)

    def text_lines(self, width: int) -> list[str]:
        """The chart's lines as plain text (what a test or a copy reads)."""
        if self.chart is None:
            return []
        return ["".join(text for text, _ in line) for line in self.chart.lines(width)]

    def render(self) -> BarChart | str:
        return self.chart if self.chart is not None else ""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.chart is None:
            return 1
        return max(1, len(self.chart.lines(width)))
