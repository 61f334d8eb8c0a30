"""The list of a library's reports: one row per file, sortable, failed files greyed.

A ``DataTable`` of ``Text`` cells (report text is never markup). ``←``/``→``
(``h``/``l``) choose the column the header marks, ``s`` sorts by it as in the
metrics table — numbers largest first, text by pinyin; again: reverse; a third
time: library order — and Enter posts ``ReportList.Chosen`` with the entry's
position. The cursor stays on the same report through sorting and filtering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import JustifyMethod
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from partybuild_tui.library.rows import COLUMNS, NUMERIC, LibraryRow
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.metric_rows import text_key
from partybuild_tui.ui.widgets.bindings import localize_bindings

NARROW = 100
"""Below this width the kind and source columns are left out."""
_FIXED = {"region": 10, "period": 8, "kind": 10, "source": 10, "date": 10}
_NUMBER_WIDTH = {"sections": 4, "metrics": 5}


class ReportList(DataTable[Text]):
    """The reports of a library, one per row."""

    BINDINGS = [
        Binding("right,l", "column(1)", "Next column", show=False),
        Binding("left,h", "column(-1)", "Previous column", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First", show=False),
        Binding("G", "scroll_bottom", "Last", show=False),
        Binding("s", "sort", "Sort", tooltip="Sort by this column (again: reverse, off)"),
        Binding(
            "space",
            "mark",
            "Mark",
            tooltip="Mark the report (c compares the marked ones)",
            show=False,
        ),
    ]

    @dataclass
    class Chosen(Message):
        """Enter on a row: open the report at ``position`` in ``library.entries``."""

        position: int

    def __init__(self, rows: Sequence[LibraryRow], **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)  # type: ignore[arg-type]
        localize_bindings(self)
        self.all_rows = list(rows)
        self.shown: list[LibraryRow] = list(rows)
        self.column_index = 0
        self.sort_key: str | None = None
        self.descending = False
        self._keys: list[str] = []
        self._width = 0
        self.marked: list[int] = []
        """Entry positions marked with Space, in the order marked (``c`` compares them)."""

    # -- layout ------------------------------------------------------------------------

    def _columns_for(self, width: int) -> list[str]:
        # A column no report fills (kind, before reports carry it) takes no room.
        keys = [
            key
            for key, _ in COLUMNS
            if key == "title" or any(row.cells[key] for row in self.all_rows)
        ]
        if width < NARROW:
            keys = [k for k in keys if k not in ("kind", "source")]
        return keys

    def _widths(self, keys: list[str], width: int) -> dict[str, int]:
        labels = dict(COLUMNS)
        widths = {
            k: max(_FIXED.get(k, _NUMBER_WIDTH.get(k, 0)), cell_len(t(labels[k], "column")) + 2)
            for k in keys
        }
        used = sum(widths.values()) + 2 * len(keys) + 2  # cell padding, scrollbar
        widths["title"] = max(12, width - used)
        return widths

    def on_resize(self) -> None:
        width = self.size.width
        if width and width != self._width:
            self._width = width
            self._rebuild(columns=True)

    def _header(self, key: str, label: str) -> Text:
        text = Text(t(label, "column"))
        if key == self.current_key:
            text.stylize("underline")
        if key == self.sort_key:
            text.append(" ▼" if self.descending else " ▲")
        return text

    @property
    def current_key(self) -> str:
        keys = self._keys or [k for k, _ in COLUMNS]
        return keys[min(self.column_index, len(keys) - 1)]

    def _rebuild(self, columns: bool = False) -> None:
        """Fill the table with ``shown``, keeping the cursor on the same report."""
        keep = self.highlighted_position
        self.clear(columns=columns)
        if columns or not self.columns:
            self._keys = self._columns_for(self._width or 80)
            widths = self._widths(self._keys, self._width or 80)
            labels = dict(COLUMNS)
            for key in self._keys:
                self.add_column(self._header(key, labels[key]), width=widths[key], key=key)
        for row in self.shown:
            self.add_row(*self._cells(row), key=str(row.position))
        if keep is not None:
            self.move_to_position(keep)

    def _cells(self, row: LibraryRow) -> list[Text]:
        style = "dim italic" if row.failed else ""
        cells = []
        for key in self._keys:
            text = row.cells[key]
            if row.failed and key == "title":
                text = "⚠ " + text
            if key == "title" and row.position in self.marked:
                text = "● " + text
            justify: JustifyMethod = "right" if key in NUMERIC else "left"
            cells.append(
                Text(text, style=style, no_wrap=True, overflow="ellipsis", justify=justify)
            )
        return cells

    def _refresh_headers(self) -> None:
        labels = dict(COLUMNS)
        for key in self._keys:
            column = self.columns.get(key)  # type: ignore[call-overload]
            if column is not None:
                column.label = self._header(key, labels[key])
        self.refresh()

    # -- what is shown -----------------------------------------------------------------

    def show(self, rows: Sequence[LibraryRow]) -> None:
        """Show these rows (a filter's result), in the current sort order."""
        self.shown = self._sorted(list(rows))
        self._rebuild()

    @property
    def highlighted_position(self) -> int | None:
        """The entry position of the row under the cursor."""
        if not self.shown or not self.row_count:
            return None
        index = min(self.cursor_row, len(self.shown) - 1)
        return self.shown[index].position if index >= 0 else None

    @property
    def highlighted(self) -> LibraryRow | None:
        position = self.highlighted_position
        return next((r for r in self.shown if r.position == position), None)

    def move_to_position(self, position: int) -> None:
        for index, row in enumerate(self.shown):
            if row.position == position:
                self.move_cursor(row=index, animate=False)
                return

    # -- sorting -----------------------------------------------------------------------

    def _sorted(self, rows: list[LibraryRow]) -> list[LibraryRow]:
        rows.sort(key=lambda r: r.position)
        key = self.sort_key
        if key is None:
            return rows
        have = [r for r in rows if (r.number(key) if key in NUMERIC else r.cells[key])]
        blank = [r for r in rows if r not in have]
        if key in NUMERIC:
            have.sort(key=lambda r: r.number(key) or 0, reverse=self.descending)
        else:
            have.sort(key=lambda r: text_key(r.cells[key]), reverse=self.descending)
        return have + blank

    def action_sort(self) -> None:
        key = self.current_key
        natural_descending = key in NUMERIC
        if self.sort_key != key:
            self.sort_key, self.descending = key, natural_descending
        elif self.descending == natural_descending:
            self.descending = not natural_descending
        else:
            self.sort_key = None
        self.shown = self._sorted(self.shown)
        self._rebuild()
        self._refresh_headers()

    def action_column(self, step: int) -> None:
        self.column_index = (self.column_index + step) % max(1, len(self._keys))
        self._refresh_headers()

    def action_mark(self) -> None:
        """Space: mark or unmark the report under the cursor, then go to the next row."""
        row = self.highlighted
        if row is None or row.failed:
            return
        if row.position in self.marked:
            self.marked.remove(row.position)
        else:
            self.marked.append(row.position)
        index = self.cursor_row
        self._rebuild()
        self.move_cursor(row=min(index + 1, self.row_count - 1), animate=False)

    def action_select_cursor(self) -> None:
        position = self.highlighted_position
        if position is not None:
            self.post_message(self.Chosen(position))
