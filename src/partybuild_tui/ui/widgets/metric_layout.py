"""Where the metrics table's columns go for a given width, and its lines drawn there.

Labels come first (issue 13.4): value and unit always show; qualifier, baseline and
change only when some row shown has one (empty columns take no room); the label then
gets room for most labels (nine in ten), then the change and the section path get
theirs if it is left, then the longest labels, then the baseline column.
A column that does not fit is left out; the lines under the table show the current
row in full (label, section, quote).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from partybuild_tui.model import Metric, Report
from partybuild_tui.model.display import BREADCRUMB_SEPARATOR
from partybuild_tui.model.numbers import format_value
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.metric_rows import (
    Column,
    cell_text,
    one_line,
    qualifier_cell,
    qualifier_text,
)
from partybuild_tui.ui.text_wrap import pad_cells, short_title

CELL_STYLES = {
    "value": "metric-table--value",
    "qualifier": "metric-table--muted",
    "baseline": "metric-table--muted",
    "change": "metric-table--change",
}
"""The component class of each column's cells (themed in metrics.tcss)."""


MIN_FLEX = 8
"""Narrowest a label is drawn."""
MIN_SECTION = 14
"""Narrowest a section path is worth drawing (the top title's first words and a bit)."""
OPTIONAL = ("qualifier", "baseline", "change")
"""Columns left out when every row shown has them empty."""
LATER = ("change", "section", "label", "baseline")
"""What gets room after most labels have theirs, in this order ("label": the rest of it)."""


def fit_path(path: str, width: int) -> str:
    """A section path in ``width`` cells: whole if it fits, else ``凝心铸魂 › 第一议题…``

    (the top title up to its comma, then the section's own title, cut with …).
    """
    if cell_len(path) <= width:
        return pad_cells(path, width)
    crumbs = path.split(BREADCRUMB_SEPARATOR)
    if len(crumbs) == 1:
        return pad_cells(path, width)
    return pad_cells(short_title(crumbs[0]) + BREADCRUMB_SEPARATOR + crumbs[-1], width)


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


def filled_columns(metrics: Sequence[Metric], positions: Iterable[int]) -> frozenset[str]:
    """The optional columns that some row shown has a value in."""
    filled: set[str] = set()
    for position in positions:
        metric = metrics[position]
        if metric.qualifier != "exact" or metric.role == "target":
            filled.add("qualifier")
        if metric.baseline is not None:
            filled.update(("baseline", "change"))
        if len(filled) == len(OPTIONAL):
            break
    return frozenset(filled)


def natural_widths(report: Report, columns: Sequence[Column]) -> dict[str, int]:
    """The widest cell of each column over the whole report (``label_usual``: most labels).

    Each distinct cell is measured once, and text only where it could be the widest
    (a character takes one or two cells): 0.1 s for 100,000 metrics.
    """
    metrics = report.metrics
    # Fixed columns keep a cell beside the title for the sort mark (▼ ▲).
    widths = {c.key: cell_len(t(c.title)) + (0 if c.flex else 1) for c in columns}

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
    qualifiers = {qualifier_text(q) for q in {m.qualifier for m in metrics}}
    widest("qualifier", qualifiers | {qualifier_cell(m) for m in metrics if m.role == "target"})
    if "baseline" in widths:
        widest("baseline", distinct("baseline", with_baseline))
        widest("change", distinct("change", with_baseline))
    labels = {one_line(m.label) for m in metrics}
    widest("label", labels)
    sizes = sorted(cell_len(label) for label in labels) or [widths["label"]]
    widths["label_usual"] = max(widths["label"] // 2, sizes[(len(sizes) * 9) // 10 - 1])
    widest(
        "section",
        {BREADCRUMB_SEPARATOR.join(s.breadcrumb) for s in report.ordered if s.metrics},
    )
    return widths


def compute_layout(
    all_columns: Sequence[Column], natural: dict[str, int], filled: frozenset[str], width: int
) -> Layout:
    """The columns shown at ``width`` and their widths (see the module's docstring)."""
    gap = 2 if width >= 100 else 1
    present = [c.key for c in all_columns if c.key not in OPTIONAL or c.key in filled]
    widths = {k: natural[k] for k in present if k in ("value", "unit", "qualifier")}
    shown = {*widths, "label"}
    rest = width - 1 - gap * len(shown) - sum(widths.values())
    widths["label"] = max(MIN_FLEX, min(natural["label_usual"], rest))
    rest -= widths["label"]
    for key in LATER:
        if key == "label":  # what is left widens the label, up to its longest
            extra = max(0, min(rest, natural["label"] - widths["label"]))
            widths["label"] += extra
            rest -= extra
            continue
        if key not in present:
            continue
        least = MIN_SECTION if key == "section" else natural[key]
        if rest >= least + gap:
            widths[key] = min(natural[key], rest - gap)
            rest -= widths[key] + gap
            shown.add(key)
    if rest > 0 and "section" in shown:
        widths["section"] += min(rest, natural["section"] - widths["section"])
    columns = tuple(c for c in all_columns if c.key in shown)
    return Layout(columns, tuple(widths[c.key] for c in columns), gap)


def header_strip(
    layout: Layout,
    header: Style,
    current: Style,
    current_column: Column,
    sort: tuple[str | None, bool],
    width: int,
) -> Strip:
    """The header row: titles, the column under the cursor marked, ▼ ▲ on the sort column."""
    sort_key, descending = sort
    segments = [Segment(" ", header)]
    for column, cell_width in zip(layout.columns, layout.widths, strict=True):
        title = t(column.title)
        if column.key == sort_key:
            mark = "▼" if descending else "▲"
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
        segments.append(Segment(text, current if column is current_column else header))
        segments.append(Segment(" " * layout.gap, header))
    return Strip(segments).adjust_cell_length(width, header)


def metric_strip(
    metric: Metric,
    layout: Layout,
    row_style: Style,
    styles: dict[str, Style],
    cursor: tuple[Column, Style] | None,
    width: int,
) -> Strip:
    """One metric's row; ``cursor``: (the current column, its style) on the cursor row."""
    segments = [Segment(" ", row_style)]
    for column, cell_width in zip(layout.columns, layout.widths, strict=True):
        text = cell_text(metric, column.key)
        if column.key == "section":
            text = fit_path(text, cell_width)
        elif column.right and cell_len(text) <= cell_width:
            text = " " * (cell_width - cell_len(text)) + text
        else:
            text = pad_cells(text, cell_width)
        if cursor is not None and column is cursor[0]:
            style = cursor[1]
        else:
            style = row_style + styles[column.key] if column.key in styles else row_style
        segments.append(Segment(text, style))
        segments.append(Segment(" " * layout.gap, row_style))
    return Strip(segments).adjust_cell_length(width, row_style)
