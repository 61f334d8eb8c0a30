"""The library screen: every report of a folder, to sort, filter, search and open.

One row per file (``ReportList``); failed files are greyed and the line under the
list shows the highlighted file's path, or its one-line error. ``/`` filters the
list as you type (title, region, period, kind, pinyin); Enter in that bar searches
the text of every report (``library.search``) and shows the hits grouped by
report (``LibraryResults``); Enter opens a report, or a report at a hit, in the
explorer; ``H``/Backspace/Esc there (with nothing to go back to) come back here with
the cursor where it was. The library's search index is built off the UI thread
after the first frame.
"""

from __future__ import annotations

import contextlib

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Input, Static

from partybuild_tui.library import Library
from partybuild_tui.library.large import LargeLibraryIndex, library_index
from partybuild_tui.library.rows import LibraryRow, filter_rows, rows_of
from partybuild_tui.library.search import LibraryIndex, LibraryResult
from partybuild_tui.model import Report, ReportError
from partybuild_tui.model.collector import freeze_long_lived
from partybuild_tui.search import SearchHit
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.screens.library_explorer import LibraryExplorerScreen
from partybuild_tui.ui.session import session_of
from partybuild_tui.ui.widgets.bindings import localize_bindings
from partybuild_tui.ui.widgets.key_footer import KeyFooter
from partybuild_tui.ui.widgets.library.report_list import ReportList
from partybuild_tui.ui.widgets.library.results import LibraryResults, hit_count
from partybuild_tui.ui.widgets.query_recall import HistorySource, QueryRecall


class FilterInput(Input):
    """The filter bar: ↓ goes to the list below, keeping the filter; ↑ in the empty bar
    (and ↓ after it) walks the earlier searches, the explorer's too (``QueryRecall``)."""

    BINDINGS = [
        Binding("down", "to_list", "To the list", show=False),
        Binding("up", "recall", "Earlier searches", show=False),
    ]

    def __init__(self, *, placeholder: str, id: str, history: HistorySource) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.recall = QueryRecall(self, history)

    def action_to_list(self) -> None:
        if not self.recall.newer():
            self.screen.query_one(ReportList).focus()

    def action_recall(self) -> None:
        self.recall.older()


class LibraryScreen(Screen[None]):
    """The reports of a library, one per row."""

    DEFAULT_CSS = """
    LibraryScreen { layout: vertical; }
    LibraryScreen #library-header { height: 1; padding: 0 1; background: $panel; }
    LibraryScreen #library-filter { display: none; height: 1; border: none; padding: 0 1; }
    LibraryScreen.-filtering #library-filter { display: block; }
    LibraryScreen #library-body { height: 1fr; }
    LibraryScreen ReportList { height: 1fr; }
    LibraryScreen LibraryResults { display: none; height: 1fr; border: none; }
    LibraryScreen.-results LibraryResults { display: block; }
    LibraryScreen.-results ReportList { display: none; }
    LibraryScreen #library-detail { height: 1; padding: 0 1; color: $text-muted; }
    LibraryScreen #library-detail.-failed { color: $error; }
    """

    BINDINGS = [
        Binding(
            "slash",
            "filter",
            "Filter / search",
            key_display="/",
            priority=True,
            tooltip="Filter the list as you type; Enter searches every report",
        ),
        Binding("escape", "clear", "Back", show=False),
        Binding(
            "c",
            "compare",
            "Compare",
            tooltip="Compare the marked reports (Space marks)",
            show=False,
        ),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        localize_bindings(self)
        self.library = library
        self.rows: list[LibraryRow] = rows_of(library)
        self.index: LibraryIndex | LargeLibraryIndex | None = None
        self.result: LibraryResult | None = None
        self._pending_query: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._header_text(), id="library-header")
        yield FilterInput(
            placeholder=t("Filter: title, region, period, pinyin — Enter searches every report"),
            id="library-filter",
            history=lambda: session_of(self.app).search_history,
        )
        with Vertical(id="library-body"):
            yield ReportList(self.rows, id="library-list")
            yield LibraryResults(id="library-results")
        yield Static(id="library-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        # At once, not .focus() (deferred): a "/" typed right away must not lose its focus.
        self.set_focus(self.query_one(ReportList))
        self._show_detail()
        self.call_after_refresh(lambda: self.set_timer(0.05, self._after_first_frame))

    def _after_first_frame(self) -> None:
        session_of(self.app).first_frame_shown()
        self._build_index()

    # -- header and detail -------------------------------------------------------------

    def _header_text(self, shown: int | None = None) -> Content:
        library = self.library
        where = str(library.root) if library.root is not None else t("Library")
        loaded, failed = len(library.loaded), len(library.failed)
        text = f"{where} · {loaded} {t('reports')}"
        if failed:
            text += f" · {failed} {t('failed')}"
        if shown is not None and shown != len(self.rows):
            text += f" · {t('shown')} {shown}"
        return Content(text)

    def _show_detail(self) -> None:
        detail = self.query_one("#library-detail", Static)
        row = self.query_one(ReportList).highlighted
        if row is None:
            detail.update("")
            detail.set_class(False, "-failed")
            return
        detail.set_class(row.failed, "-failed")
        detail.update(Content(row.entry.error or str(row.entry.path)))

    @on(ReportList.RowHighlighted)
    def _row_highlighted(self) -> None:
        self._show_detail()

    # -- the index ---------------------------------------------------------------------

    @work(thread=True, group="library-index", exclusive=True)
    def _build_index(self) -> None:
        # Lazy: the compare package, on this thread rather than before the first frame.
        from partybuild_tui.compare.build import figure_index, prepare_comparisons
        from partybuild_tui.ui.screens.compare_open import prepare_compare_view

        for row in self.rows:  # the filter's keys and readings, off the UI thread too
            row.match_keys()
            row.readings()
        # The figure index first (a sixth of the search index's time), so that ``c``
        # (compare) answers from memory soon after the screen is up; then the compare
        # view is composed while idle. A broken link file is said when ``c`` is pressed.
        with contextlib.suppress(ReportError):
            figure_index(self.library)
            self.app.call_from_thread(prepare_compare_view, self.app)
            prepare_comparisons(self.library)
            freeze_long_lived()
        index = library_index(self.library)  # in memory, or FTS5 on disk when large
        freeze_long_lived()
        self.app.call_from_thread(self._index_ready, index)

    def _index_ready(self, index: LibraryIndex | LargeLibraryIndex) -> None:
        self.index = index
        if self._pending_query is not None:
            query, self._pending_query = self._pending_query, None
            self.search(query)

    # -- filter and search ---------------------------------------------------------------

    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.set_focus(self.query_one(FilterInput))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "/" typed into the bar is text
        return not (action == "filter" and isinstance(self.focused, Input))

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if self.has_class("-results"):
            self.remove_class("-results")
        shown = filter_rows(self.rows, event.value)
        self.query_one(ReportList).show(shown)
        self.query_one("#library-header", Static).update(self._header_text(len(shown)))
        self._show_detail()

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.query_one(FilterInput).recall.remember(event.value)
        if event.value.strip():
            self.search(event.value)
        else:
            self.query_one(ReportList).focus()

    def search(self, query: str) -> None:
        """Search the text of every report; the hits replace the list, grouped by report."""
        results = self.query_one(LibraryResults)
        self.add_class("-results")
        if self.index is None:
            self._pending_query = query
            results.clear_options()
            results.add_option(t("building the search index…"))
            return
        self.result = self.index.search(query)
        results.show(self.result)
        header = self.query_one("#library-header", Static)
        if self.result.total:
            count = f"{hit_count(self.result.total)} · {len(self.result.groups)} {t('reports')}"
            if self.result.unchecked:
                count = f"≥ {count} · {self.result.unchecked} {t('reports not checked')}"
        else:
            count = t("no hits")
        header.update(Content(f"{query} · {count} · {self.result.understood_zh}"))
        results.focus()

    def action_compare(self) -> None:
        """``c``: every indicator the marked reports share, in the compare view."""
        from partybuild_tui.ui.screens.compare_open import compare_reports_marked  # lazy: compare/

        marked = self.query_one(ReportList).marked
        entries = [self.library.entries[p] for p in marked]
        ids = [e.report.meta.id for e in entries if e.report is not None]
        if len(ids) < 2:
            self.notify(t("Mark two or more reports with Space, then press c."), timeout=4)
            return
        compare_reports_marked(self, self.library, ids)

    def action_clear(self) -> None:
        """Esc: results → the filtered list → the whole list."""
        bar = self.query_one(FilterInput)
        if self.has_class("-results"):
            self.remove_class("-results")
            self.query_one(ReportList).focus()
            self.query_one("#library-header", Static).update(
                self._header_text(len(self.query_one(ReportList).shown))
            )
            return
        if bar.value or self.has_class("-filtering"):
            bar.recall.remember(bar.value)
            bar.value = ""
            self.remove_class("-filtering")
            self.query_one(ReportList).show(self.rows)
            self.query_one("#library-header", Static).update(self._header_text())
            self.query_one(ReportList).focus()

    def on_key(self, event: Key) -> None:
        if event.key == "escape" and isinstance(self.focused, Input):
            event.stop()
            self.action_clear()

    # -- opening a report -------------------------------------------------------------------

    @on(ReportList.Chosen)
    def _report_chosen(self, event: ReportList.Chosen) -> None:
        self.open_entry(event.position)

    @on(LibraryResults.Chosen)
    def _hit_chosen(self, event: LibraryResults.Chosen) -> None:
        position = self._entry_position(event.group.report)
        if position is not None:
            self.open_entry(position, hit_index=event.index)

    def _entry_position(self, report: object) -> int | None:
        for position, entry in enumerate(self.library.entries):
            if entry.report is report:
                return position
        return None

    def open_entry(self, position: int, hit_index: int | None = None) -> None:
        """Open the report of entry ``position`` in the explorer (at a hit of ``result``)."""
        entry = self.library.entries[position]
        if entry.report is None:
            self.notify(entry.error or t("could not be read"), severity="error", markup=False)
            return
        query = hit = None
        if hit_index is not None and self.result is not None:
            query, hit = self.result.query.text, self.result.flat()[hit_index][1]
        elif self.result is not None and self.has_class("-results"):
            query = self.result.query.text  # a report's header row: at its first hit
        self._push_explorer(entry.report, query, hit)

    def _push_explorer(
        self, report: Report, query: str | None, hit: SearchHit | None, from_end: bool = False
    ) -> None:
        session = session_of(self.app)
        opened = session.find(report)
        if opened is None:  # opened for the first time: it joins the session
            path = self.library.path_of(report)
            opened = session.add(report, str(path) if path is not None else None)
        session.open(opened.id)
        self.app.push_screen(
            LibraryExplorerScreen(
                self.open_neighbour, opened, query=query, hit=hit, from_end=from_end
            )
        )

    def open_neighbour(self, report: Report, delta: int, query: str) -> bool:
        """``n`` past a report's last hit (``N`` before its first): the next (previous)
        report with hits, wrapping around the library. ``False`` when there is no other."""
        result = self.result
        if result is None or result.query.text != query:
            return False
        positions = [i for i, g in enumerate(result.groups) if g.report is report]
        if not positions or len(result.groups) < 2:
            return False
        group = result.groups[(positions[0] + delta) % len(result.groups)]
        self.app.pop_screen()
        self._push_explorer(group.report, query, None, from_end=delta < 0)
        self._select_group(group.report)
        return True

    def _select_group(self, report: Report) -> None:
        """Keep the library's cursor on the report shown, for when the user comes back."""
        position = self._entry_position(report)
        if position is not None:
            self.query_one(ReportList).move_to_position(position)
