"""Stepping through the figures of the text shown (``.`` next, ``,`` previous).

The figures are the section's own metrics in the order their quotes stand in the
text (not the YAML's order). The reading pane marks the current one in the text
(``SectionText``: a style of its own, distinct from a search hit's — see
``emphasis.current_figure_style``), scrolls it into view, and shows its metric here, in
a panel docked at the bottom of the pane: which figure of how many, its label, value
with unit, qualifier and change, and its quote, wrapped by the Chinese rules like
every piece of report text.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from partybuild_tui.model import Metric, Section
from partybuild_tui.model.figures import figure_spans
from partybuild_tui.model.numbers import format_change, format_difference
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.metric_rows import one_line, qualifier_cell
from partybuild_tui.ui.widgets.wrapped import WrappedText


def figures_in_order(section: Section | None) -> list[Metric]:
    """The section's metrics in reading order: by paragraph, then where the quote starts."""
    if section is None:
        return []
    return sorted(section.metrics, key=lambda m: (m.paragraph_index, m.quote_start))


def step(position: int | None, delta: int, count: int) -> tuple[int, bool]:
    """The next position (wrapping around) and whether it wrapped."""
    if position is None:
        return (0 if delta > 0 else count - 1), False
    following = position + delta
    return following % count, not 0 <= following < count


def _value(metric: Metric) -> str:
    """The value with its unit, the unit said even where a number is written bare (比例)."""
    value = format_change(metric)
    unit = one_line(metric.unit)
    return value if not unit or value.endswith(unit) else f"{value} ({unit})"


def figure_info(metric: Metric, position: int, count: int, notice: str | None = None) -> Content:
    """``数据 3/5 · label · 19次 · 余 · ▲2次`` then ``原文:“…”``, never markup; ``notice``
    (the step went round the end) after the count."""
    parts = [
        t("Figure {n} of {total}").format(n=position + 1, total=count),
        f"↻ {notice}" if notice else "",
        one_line(metric.label),
        _value(metric),
        qualifier_cell(metric),
        format_difference(metric, t(" percentage points")),
    ]
    head = Content(" · ".join(p for p in parts if p)).stylize(".figure-info--head", 0)
    quote = Content(t("Quote: “{quote}”").format(quote=one_line(metric.quote)))
    return Content("\n").join([head, quote])


def wrap_notice(delta: int, wrapped: bool) -> str | None:
    """What to say when the step went round the end (as vim says of a search: in the
    panel, where the eye already is, not in a passing notice)."""
    if not wrapped:
        return None
    if delta > 0:
        return t("Past the last figure: back to the first")
    return t("Before the first figure: on to the last")


class FigureInfo(WrappedText):
    """The current figure's metric, under the text (hidden until a figure is chosen)."""

    COMPONENT_CLASSES = {"figure-info--head"}

    DEFAULT_CSS = """
    FigureInfo {
        dock: bottom;
        height: auto;
        max-height: 4;
        padding: 0 1;
        background: $panel;
        border-top: solid $primary;
        display: none;
    }
    FigureInfo > .figure-info--head { text-style: bold; }
    """

    def show(
        self, metric: Metric | None, position: int = 0, count: int = 0, notice: str | None = None
    ) -> None:
        self.display = metric is not None
        self.update(figure_info(metric, position, count, notice) if metric else Content(""))


def figure_marks(metric: Metric) -> tuple[int, Sequence[tuple[int, int]]]:
    """(paragraph index, spans) of the figure in the text (two for a change: 46% → 87%)."""
    return metric.paragraph_index, figure_spans(metric)
