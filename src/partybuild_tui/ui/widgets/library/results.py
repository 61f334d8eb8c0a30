"""Hits across a library, grouped by report: a header row per report, then its hits.

The header names the report (title, region, period) and how many hits it has;
Enter on it opens the report at its first hit, Enter on a hit opens the report
there (``LibraryResults.Chosen`` with the index in ``result.flat()``). Rows are
``Content`` (report text is never markup); hits are drawn as in the single-report
search results.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from partybuild_tui.library.search import LibraryResult, ReportHits
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.text_wrap import fit_cells
from partybuild_tui.ui.widgets.search_results import SearchResults
from partybuild_tui.ui.widgets.search_rows import hit_prompt


def hit_count(total: int) -> str:
    """``12 hits`` / ``12 处``."""
    if t("hit") != "hit":
        return f"{total} {t('hit')}"
    return f"{total} hit" + ("" if total == 1 else "s")


def group_prompt(group: ReportHits, width: int) -> Content:
    meta = group.report.meta
    count = hit_count(group.total)
    details = " · ".join(x for x in (meta.region, meta.period) if x)
    title = fit_cells(meta.title, max(8, width - len(count) * 2 - len(details) * 2 - 6))
    return Content.assemble(
        (title, ".library-results--title"),
        ("  " + details + "  " if details else "  ", ".library-results--details"),
        (count, ".library-results--count"),
    )


class LibraryResults(SearchResults):
    """The hits of a library search, report by report."""

    COMPONENT_CLASSES = SearchResults.COMPONENT_CLASSES | {
        "library-results--title",
        "library-results--details",
        "library-results--count",
    }
    DEFAULT_CSS = """
    LibraryResults > .library-results--title { text-style: bold; }
    LibraryResults > .library-results--details { color: $text-muted; }
    LibraryResults > .library-results--count { color: $accent; }
    """

    @dataclass
    class Chosen(Message):
        """Open the report of ``group`` at ``index`` in ``result.flat()`` (its first hit for a
        header row; ``None`` when the report's hits are beyond the shown ones)."""

        group: ReportHits
        index: int | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.can_focus = True
        self.result: LibraryResult | None = None
        self._rows: list[tuple[ReportHits, int | None]] = []

    def show(self, result: LibraryResult) -> None:
        self.result = result
        width = max(40, self.size.width or 80)
        options: list[Option] = []
        self._rows = []
        flat_index = 0
        for group in result.groups:
            first = flat_index if group.hits else None
            options.append(Option(group_prompt(group, width - 4), id=f"g{len(self._rows)}"))
            self._rows.append((group, first))
            for hit in group.hits:
                metric = group.report.get_metric(hit.metric_id) if hit.metric_id else None
                prompt = Content("  ") + hit_prompt(hit, width - 6, metric)
                options.append(Option(prompt, id=f"h{len(self._rows)}"))
                self._rows.append((group, flat_index))
                flat_index += 1
        self.clear_options()
        self.add_options(options)
        if options:
            self.highlighted = 0

    def select_flat(self, index: int) -> None:
        """Put the cursor on the hit ``index`` of ``result.flat()``."""
        for row, (_, flat) in enumerate(self._rows):
            if flat == index and self.get_option_at_index(row).id.startswith("h"):  # type: ignore[union-attr]
                self.highlighted = row
                return

    def on_option_list_option_selected(self, event: SearchResults.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._rows):
            group, index = self._rows[event.option_index]
            self.post_message(self.Chosen(group, index))
