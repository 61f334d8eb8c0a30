"""A grid of cells drawn line by line: the compare view's table at any library size.

A ``ScrollView`` on the Line API: only the rows on screen are drawn, so a column
of 3,000 reports opens as fast as one of five (Textual's ``DataTable`` adds and
measures every row first: seconds at that size). A header row stays on top and
the first column stays on the left; the other columns scroll sideways a column
at a time, keeping the cursor's in view. Cells are plain text with one style
each, measured with ``cell_len`` (a Chinese character takes two cells), so
report text never goes near markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from partybuild_tui.ui.text_wrap import pad_cells

GridCell = tuple[str, str]
"""A cell's text and its style (``""``, ``"bold"``, ``"dim"``…): never markup."""
MAX_CELL = 40
"""A column is at most this wide; longer text is cut with … (the line under shows it all)."""
SAMPLE_ROWS = 20
"""Column widths are measured on this many rows from the top and from the bottom (a
figure's text takes a handful of shapes); rows are made only when drawn or sampled."""


class CompareGrid(ScrollView, can_focus=True):
    """Rows × columns of text; ↑↓←→ (hjkl) move the cell cursor, Enter chooses a cell."""

    COMPONENT_CLASSES = {"compare-grid--header", "compare-grid--cursor", "compare-grid--row-cursor"}

    BINDINGS = [
        Binding("down,j", "move(1, 0)", "Down", show=False),
        Binding("up,k", "move(-1, 0)", "Up", show=False),
        Binding("right,l", "move(0, 1)", "Right", show=False),
        Binding("left,h", "move(0, -1)", "Left", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(-1)", "First", show=False),
        Binding("end,G", "edge(1)", "Last", show=False),
        Binding("enter", "choose", "Open", tooltip="Open this figure's quote", show=False),
    ]

    DEFAULT_CSS = """
    CompareGrid { overflow-x: hidden; overflow-y: auto; }
    CompareGrid > .compare-grid--header { text-style: bold; background: $panel; }
    CompareGrid > .compare-grid--row-cursor { background: $boost; }
    CompareGrid > .compare-grid--cursor { background: $accent 40%; text-style: bold reverse; }
    CompareGrid:focus > .compare-grid--cursor { background: $accent; text-style: bold; }
    """

    cursor_row: var[int] = var(0, init=False)
    cursor_column: var[int] = var(0, init=False)

    @dataclass
    class Moved(Message):
        grid: CompareGrid
        row: int
        column: int

    @dataclass
    class Chosen(Message):
        grid: CompareGrid
        row: int
        column: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.header: list[GridCell] = []
        self._row_count = 0
        self._row_at: Callable[[int], list[GridCell]] = lambda _index: []
        self._made: dict[int, list[GridCell]] = {}
        self.widths: list[int] = []
        self.first_column = 1
        """The leftmost scrolled column shown after the fixed one."""

    # -- content ----------------------------------------------------------------------

    def set_cells(
        self,
        header: Sequence[GridCell],
        row_count: int,
        row_at: Callable[[int], list[GridCell]],
        cursor: tuple[int, int],
    ) -> None:
        """Show ``row_count`` rows; ``row_at(i)`` makes row ``i`` when it is first needed."""
        self.header = list(header)
        self._row_count, self._row_at, self._made = row_count, row_at, {}
        sample = sorted(
            {
                *range(min(SAMPLE_ROWS, row_count)),
                *range(max(0, row_count - SAMPLE_ROWS), row_count),
            }
        )
        self.widths = [0] * len(self.header)
        rows = [self.row(i) for i in sample]
        self.widths = [
            min(MAX_CELL, max([cell_len(head[0])] + [cell_len(r[c][0]) for r in rows]))
            for c, head in enumerate(self.header)
        ]
        self.first_column = 1
        self.virtual_size = Size(self.size.width, row_count + 1)
        self.set_reactive(CompareGrid.cursor_row, min(cursor[0], max(0, row_count - 1)))
        self.set_reactive(CompareGrid.cursor_column, min(cursor[1], max(0, len(self.header) - 1)))
        self.scroll_to(y=0, animate=False, immediate=True)
        self._keep_in_view()
        self.refresh()
        self.post_message(self.Moved(self, self.cursor_row, self.cursor_column))

    def row(self, index: int) -> list[GridCell]:
        """The cells of row ``index`` (made once)."""
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = self._row_at(index)
            widths = self.widths
            for column, (text, _style) in enumerate(made[: len(widths)]):
                if widths[column] < MAX_CELL and cell_len(text) > widths[column]:
                    widths[column] = min(MAX_CELL, cell_len(text))  # wider than the sample
                    self.refresh()
        return made

    @property
    def row_count(self) -> int:
        return self._row_count

    @property
    def column_count(self) -> int:
        return len(self.header)

    def visible_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._row_count + 1

    # -- moving -------------------------------------------------------------------------

    def move_cursor(self, row: int | None = None, column: int | None = None) -> None:
        if row is not None and self._row_count:
            self.cursor_row = max(0, min(self._row_count - 1, row))
        if column is not None and self.header:
            self.cursor_column = max(0, min(len(self.header) - 1, column))

    def watch_cursor_row(self) -> None:
        self._moved()

    def watch_cursor_column(self) -> None:
        self._moved()

    def _moved(self) -> None:
        self._keep_in_view()
        self.refresh()
        self.post_message(self.Moved(self, self.cursor_row, self.cursor_column))

    def _keep_in_view(self) -> None:
        height = self.visible_height()
        top, row = round(self.scroll_y), self.cursor_row
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True)
        column = self.cursor_column
        if column >= 1:
            if column < self.first_column:
                self.first_column = column
            while column > self.first_column and not self._fits(self.first_column, column):
                self.first_column += 1

    def _fits(self, first: int, last: int) -> bool:
        width = self.scrollable_content_region.width or 80
        used = 1 + (self.widths[0] + 2 if self.widths else 0)
        used += sum(self.widths[c] + 2 for c in range(first, last + 1))
        return used <= width

    def action_move(self, rows: int, columns: int) -> None:
        self.move_cursor(self.cursor_row + rows, self.cursor_column + columns)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * self.visible_height())

    def action_edge(self, direction: int) -> None:
        self.move_cursor(0 if direction < 0 else self._row_count - 1)

    def action_choose(self) -> None:
        if self._row_count:
            self.post_message(self.Chosen(self, self.cursor_row, self.cursor_column))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        self.focus()
        self.move_cursor(row=round(self.scroll_y) + offset.y - 1)
        x, column = 1, None
        for index in [0, *range(self.first_column, len(self.header))]:
            if x <= offset.x < x + self.widths[index] + 2:
                column = index
                break
            x += self.widths[index] + 2
        if column is not None:
            self.move_cursor(column=column)
        if event.chain >= 2:
            self.action_choose()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self._row_count + 1)
        self._keep_in_view()

    # -- drawing ------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._line(self.header, base + self._style("compare-grid--header"), width, None)
        index = round(self.scroll_y) + y - 1
        if index >= self._row_count:
            return Strip.blank(width, base)
        cursor = self.cursor_column if index == self.cursor_row else None
        style = base + self._style("compare-grid--row-cursor") if cursor is not None else base
        return self._line(self.row(index), style, width, cursor)

    def _line(self, cells: list[GridCell], style: Style, width: int, cursor: int | None) -> Strip:
        segments = [Segment(" ", style)]
        for column in [0, *range(self.first_column, len(cells))]:
            text, cell_style = cells[column]
            cell_width = self.widths[column] if column < len(self.widths) else cell_len(text)
            shown = style + Style.parse(cell_style) if cell_style else style
            if column == cursor:
                shown = style + self._style("compare-grid--cursor")
            segments.append(Segment(pad_cells(text, cell_width), shown))
            segments.append(Segment("  ", style))
        return Strip(segments).adjust_cell_length(width, style)
