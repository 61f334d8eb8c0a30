"""The header line: the report's title and subtitle, and where it comes from."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.widget import Widget

from partybuild_tui.model import ReportMeta
from partybuild_tui.model.display import one_line
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.text_wrap import fit_cells


def header_parts(meta: ReportMeta) -> tuple[str, list[str]]:
    """(title — subtitle, [region · period, source, date, author]) as plain strings.

    Region and period come first on the right: in a library of reports they tell one
    from another; the rest is dropped from the end when the line is short.
    """
    left = one_line(meta.title) + (f" — {one_line(meta.subtitle)}" if meta.subtitle else "")
    where_when = " ".join(part for part in (meta.region, meta.period) if part)
    right_parts = [where_when, meta.source or "", meta.published_date or ""]
    if meta.author:
        right_parts.append(f"{t('Author')} {meta.author}")
    return left, [part for part in right_parts if part]


class ReportHeader(Widget):
    """One line: title on the left, source and date on the right (dropped when narrow)."""

    COMPONENT_CLASSES = {"report-header--title", "report-header--source"}

    DEFAULT_CSS = """
    ReportHeader { height: 1; }
    """

    def __init__(self, meta: ReportMeta, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.meta = meta

    def render(self) -> Content:
        left, parts = header_parts(self.meta)
        width = self.content_region.width or 80
        right = " · ".join(parts)
        title_wants = min(cell_len(left), max(20, width * 2 // 5))  # the title keeps 40%
        while len(parts) > 1 and width - cell_len(right) - 2 < title_wants:
            parts = parts[:-1]
            right = " · ".join(parts)
        room_for_title = width - cell_len(right) - 2
        if right and room_for_title >= min(cell_len(left), 20):
            left = fit_cells(left, room_for_title)  # the title gives way, down to 20 cells
            gap = width - cell_len(left) - cell_len(right)
            return Content.assemble(
                (left, ".report-header--title"), " " * gap, (right, ".report-header--source")
            )
        return Content.styled(fit_cells(left, width), ".report-header--title")
