"""A horizontal bar chart on Rich: one indicator across periods or regions, Chinese-safe.

Labels are measured with ``rich.cells.cell_len`` and padded to one width, so 晋城市
(6 cells) and 2025 (4 cells) line up; values sit at the bar ends. Without colour
(NO_COLOR, TERM=linux, a pipe) the bars are still told apart by their blocks: the
first series is ``█``, the second ``▒``, the third ``░``, with eighth-blocks for
the ends of the solid one. Several series (a target and a result) are grouped: one
line each under the same label. Used by the CLI (``compare`` on a terminal) and by
the app's widget (``ui/widgets/compare/``). No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style

from partybuild_tui.compare.cells import percent_text, status_text, target_text
from partybuild_tui.compare.figures import Column
from partybuild_tui.compare.table import IndicatorRow
from partybuild_tui.compare.targets import TargetRow
from partybuild_tui.export.values import value_with_unit

FILLS = ("█", "▒", "░", "▓")
_EIGHTHS = " ▏▎▍▌▋▊▉"
MIN_BAR = 8
MAX_LABEL = 24


@dataclass(frozen=True)
class Series:
    """One row of bars: a name (for the legend), values by label (``None``: no bar)."""

    name: str
    values: Sequence[float | None]
    texts: Sequence[str]
    """What is written at each bar's end (``38次``, ``over 17000名``)."""
    style: Style = field(default_factory=Style)
    fill: str = ""
    """The block the bars are drawn with (default: by position, ``FILLS``)."""


def _bar(fraction: float, width: int, fill: str) -> str:
    """A bar of ``fraction`` × ``width`` cells; a solid bar ends in an eighth-block."""
    fraction = min(max(fraction, 0.0), 1.0)
    if fill != "█":
        return fill * round(fraction * width)
    eighths = round(fraction * width * 8)
    whole, part = divmod(eighths, 8)
    return "█" * whole + (_EIGHTHS[part] if part else "")


@dataclass
class BarChart:
    """``labels`` down the left, one bar per series and label; a legend when grouped."""

    title: str
    labels: Sequence[str]
    series: Sequence[Series]
    note: str = ""
    label_style: Style = field(default_factory=Style)

    def lines(self, width: int) -> list[list[tuple[str, Style]]]:
        """The chart as lines of (text, style) runs, ``width`` cells wide at most."""
        label_width = min(max((cell_len(label) for label in self.labels), default=0), MAX_LABEL)
        text_width = max(
            (cell_len(text) for s in self.series for text in s.texts if text), default=0
        )
        bar_width = max(MIN_BAR, width - label_width - text_width - 4)
        top = max(
            (v for s in self.series for v in s.values if v is not None and v > 0), default=0.0
        )
        out: list[list[tuple[str, Style]]] = []
        if self.title:
            out.append(
                [(set_cell_size(self.title, min(width, cell_len(self.title))), Style(bold=True))]
            )
        grouped = len(self.series) > 1
        for n, label in enumerate(self.labels):
            for k, series in enumerate(self.series):
                value = series.values[n] if n < len(series.values) else None
                shown = set_cell_size(label, label_width) if k == 0 else " " * label_width
                fill = series.fill or FILLS[k % len(FILLS)]
                bar = "" if value is None or top <= 0 else _bar(value / top, bar_width, fill)
                text = series.texts[n] if n < len(series.texts) else ""
                if value is None and not text:
                    text = "—"
                out.append([
                    (shown + " ", self.label_style),
                    ("│", Style(dim=True)),
                    (bar, series.style),
                    (" " + text, Style()),
                ])  # fmt: skip
            if grouped and n + 1 < len(self.labels):
                out.append([(" " * label_width + " ", Style()), ("│", Style(dim=True))])
        if grouped:
            legend: list[tuple[str, Style]] = []
            for k, series in enumerate(self.series):
                legend.append(((series.fill or FILLS[k % len(FILLS)]) * 2, series.style))
                legend.append((f" {series.name}   ", Style()))
            out.append(legend)
        if self.note:
            out.append([(self.note, Style(dim=True))])
        return out

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.lines(options.max_width):
            used = 0
            for text, style in line:
                room = options.max_width - used
                if room <= 0:
                    break
                if cell_len(text) > room:
                    text = set_cell_size(text, room)
                used += cell_len(text)
                yield Segment(text, style)
            yield Segment.line()


MAX_BARS = 30
"""Beyond this many reports a chart of all of them is a wall: it shows one region's periods
(or one period's regions) instead — the one of ``focus``, the report under the cursor."""


def chart_columns(
    row: IndicatorRow, columns: Sequence[Column], focus: Column | None = None
) -> tuple[list[Column], str]:
    """The columns to draw and, when cut down, what they are (``晋城市`` or ``2025``)."""
    cells = row.cells
    if len(cells) <= MAX_BARS:
        return [column for column in columns if column.report_id in cells], ""
    present = [column for column in columns if column.report_id in cells]
    focus = focus if focus is not None and row.cell(focus) is not None else present[-1]
    same_region = [c for c in present if c.region_key == focus.region_key]
    if len(same_region) > 1:
        return same_region[-MAX_BARS:], focus.region or focus.region_key
    same_period = [c for c in present if c.period_key == focus.period_key]
    return same_period[:MAX_BARS], focus.period or ""


def indicator_chart(
    row: IndicatorRow,
    columns: Sequence[Column],
    *,
    language: str = "en",
    focus: Column | None = None,
) -> BarChart:
    """A bar per report (at most ``MAX_BARS``); a figure in another unit gets no bar."""
    labels, values, texts = [], [], []
    shown, subset = chart_columns(row, columns, focus)
    for column in shown:
        cell = row.cell(column)
        if cell is None:
            continue
        labels.append(column.heading)
        metric = cell.figure.metric
        values.append(None if cell.unit_clash else float(metric.value))
        texts.append(value_with_unit(metric) + (" ⚠" if cell.unit_clash else ""))
    notes = []
    if any(v is None for v in values):
        notes.append("⚠ 单位不同,未画出" if language == "zh" else "⚠ a different unit: not drawn")
    if subset:
        total = len(row.cells)
        notes.append(
            f"仅 {subset}({len(labels)}/{total} 份报告)"
            if language == "zh"
            else f"only {subset} ({len(labels)} of {total} reports)"
        )
    title = f"{row.label} · {row.unit}"
    return BarChart(
        title, labels, [Series(row.unit, values, texts, Style(bold=True))], "  ".join(notes)
    )


def targets_chart(
    rows: Sequence[TargetRow], *, language: str = "en", title: str | None = None
) -> BarChart:
    """Grouped bars: each target beside its result (a result in another unit is not drawn)."""
    labels, targets, results, target_texts, result_texts = [], [], [], [], []
    for row in rows:
        target = row.target.metric
        labels.append(f"{target.target_period or '?'} {row.target.column.region or ''}".strip())
        targets.append(float(target.value))
        target_texts.append(target_text(row, language))
        result = row.result
        drawn = result is not None and row.status != "unit_clash"
        results.append(float(result.metric.value) if drawn and result else None)
        text = value_with_unit(result.metric) if result else status_text(row, language)
        if row.completion is not None:
            text += f" ({percent_text(row.completion)}, {status_text(row, language)})"
        result_texts.append(text)
    names = ("目标", "结果") if language == "zh" else ("target", "result")
    if title is None:
        title = rows[0].target.metric.label if rows else ""
    return BarChart(
        title,
        labels,
        [
            Series(names[0], targets, target_texts, Style(dim=True), fill="▒"),
            Series(names[1], results, result_texts, Style(bold=True), fill="█"),
        ],
    )
