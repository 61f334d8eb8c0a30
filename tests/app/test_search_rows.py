"""Search result rows line up, use the width, and name the sub-topic (issue 13.11)."""

from __future__ import annotations

from rich.cells import cell_len

from partybuild_tui.model import Report
from partybuild_tui.ui.widgets.search_results import SearchResults

from .helpers import widget_lines
from .test_search_ui import _type_query


async def test_rows_align_their_values_and_name_the_sub_topic(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        panel = await _type_query(pilot, "党员")
        results = app.screen.query_one(SearchResults)
        lines = [line for line in widget_lines(app, results) if line.strip("│╭╮╰╯─ ")]
        hits = panel.result.hits[: len(lines)]
        metrics = {
            line: report.get_metric(hit.metric_id)
            for line, hit in zip(lines, hits, strict=True)
            if hit.metric_id
        }
        assert len(metrics) >= 5
        # Every figure's value ends at the same column.
        ends = {cell_len(line.rstrip(" │▁▂▃▄▅▆▇█")) for line in metrics}
        assert len(ends) == 1, ends
        # Whole labels, not 7 hanzi and empty room.
        for line, metric in metrics.items():
            if cell_len(metric.label) <= 30:  # before: cut at 7 hanzi (14 cells)
                assert metric.label in line, line
        # The sub-topic is named, not only the top-level section.
        for line, hit in zip(lines, hits, strict=True):
            if len(hit.breadcrumb) > 1:
                shown_where = line.split()[1].rstrip("…")
                assert shown_where[:4] in hit.breadcrumb[-1], (shown_where, hit.breadcrumb)
