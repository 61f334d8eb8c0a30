"""The rows of the search results list: kind, where, label and value columns, snippet.

Column widths are worked out once per list (``label_width``, the widest value) so the
values and snippets of every row start at one column (issue 13.11).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content

from partybuild_tui.model.display import breadcrumb_text, one_line
from partybuild_tui.model.numbers import with_unit
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.text_wrap import fit_cells, pad_cells, short_title

if TYPE_CHECKING:
    from partybuild_tui.model import Metric
    from partybuild_tui.search import SearchHit

KIND_NAMES = {"title": "Title", "metric": "Figure", "paragraph": "Text"}


def short_path(breadcrumb: tuple[str, ...], width: int) -> str:
    """Where a hit is, in ``width`` cells: ``凝心铸魂 › 落实“第一议题”制度`` when it fits,
    else the sub-topic's own title (it says more than the top level), cut with …."""
    if not breadcrumb:
        return ""
    top = short_title(one_line(breadcrumb[0]))
    if len(breadcrumb) == 1:
        return fit_cells(top, width)
    both = breadcrumb_text([top, breadcrumb[-1]])
    return fit_cells(both if cell_len(both) <= width else one_line(breadcrumb[-1]), width)


def path_width(width: int) -> int:
    return 28 if width >= 110 else 22 if width >= 90 else 16 if width >= 60 else 10


def label_width(labels: list[str], width: int, values: int = 0, reserve: int = 12) -> int:
    """One label column for the whole list, so values and snippets line up; it takes
    all the room but a short snippet's (labels were cut at 7 hanzi with room to spare)."""
    if not labels:
        return 0
    room = width - path_width(width) - 6 - values - 4
    return max(6, min(max(cell_len(label) for label in labels), room - reserve))


def _snippet(hit: SearchHit, cells: int) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The widest snippet that fits ``cells`` (Chinese takes two cells a character)."""
    chars = max(8, cells // 2)
    snippet, spans = hit.make_snippet(chars)
    while chars < cells:
        wider, wider_spans = hit.make_snippet(chars + 4)
        if cell_len(wider) > cells or wider == snippet:
            break
        chars, snippet, spans = chars + 4, wider, wider_spans
    return snippet, spans


def metric_value(metric: Metric) -> str:
    return with_unit(metric.value, metric.unit)


def hit_prompt(
    hit: SearchHit,
    width: int,
    metric: Metric | None = None,
    labels: int | None = None,
    values: int = 0,
) -> Content:
    """One results row: kind, where (sub-topic), then for a figure its label and value
    in columns of one width for the whole list (``labels``, ``values`` cells), then the
    snippet with the match marked (for a figure found by its label: nothing more).
    """
    where = path_width(width)
    kind = t(KIND_NAMES.get(hit.kind, hit.kind))
    kind_cells = max(cell_len(t(name)) for name in KIND_NAMES.values())
    head = Content.assemble(
        (kind + " " * (kind_cells - cell_len(kind)) + " ", ".search-results--kind"),
        (pad_cells(short_path(hit.breadcrumb, where), where) + " ", ".search-results--path"),
    )
    room = max(8, width - where - kind_cells - 3)
    if metric is not None:
        if labels is None:
            labels = label_width([metric.label], width, cell_len(metric_value(metric)))
        value = metric_value(metric)
        values = max(values, cell_len(value))
        if hit.field == "label":
            snippet, spans = _snippet(hit, labels)
            label = _marked(pad_cells(snippet, labels), spans)
        else:
            label = Content(pad_cells(metric.label, labels))
        value_cell = " " * (values - cell_len(value)) + value
        head = head + label.stylize(".search-results--label") + Content("  ")
        head = head + Content.styled(value_cell, ".search-results--value") + Content("  ")
        room -= labels + values + 4
        if hit.field == "label" or room < 6 or hit.text.strip() == value:
            return head.rstrip()  # nothing the columns do not already say
    snippet, spans = _snippet(hit, room)
    return head + _marked(snippet, spans)


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> Content:
    content = Content(text)
    for start, end in spans:
        content = content.stylize(".search-results--match", start, end)
    return content
