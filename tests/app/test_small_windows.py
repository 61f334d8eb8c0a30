"""Small windows stay usable (issue 13.12)."""

from __future__ import annotations

from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.search_results import SearchResults
from partybuild_tui.ui.widgets.section_tree import SectionTree

from .helpers import wait_for, widget_lines
from .test_search_ui import _type_query


async def test_s_at_40x12_leaves_the_text_room(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(SectionTree), "the tree")
        await pilot.press("s")
        tree = app.screen.query_one(SectionTree)
        await wait_for(pilot, lambda: tree.region.width > 0, "the sidebar")
        text = app.screen.query_one(DetailPane)
        assert text.region.width >= 20, (tree.region, text.region)  # before: 14 of 40


async def test_results_stay_on_screen_at_40x10(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(40, 10)) as pilot:
        panel = await _type_query(pilot, "8727")
        assert panel.result is not None and len(panel.result.hits) >= 2
        results = app.screen.query_one(SearchResults)
        await wait_for(pilot, lambda: results.region.height >= 3, "the results list")
        rows = [line for line in widget_lines(app, results) if "8727" in line]
        assert len(rows) == len(panel.result.hits)


async def test_at_40x10_the_status_says_where_hidden_results_are(app_factory) -> None:
    """The list is on screen while the search bar has the focus; once a hit is opened
    and the list is gone, the count says how to get it back (issue 13.12)."""
    app = app_factory(language="en")
    async with app.run_test(size=(40, 10)) as pilot:
        panel = await _type_query(pilot, "djyl")
        results = app.screen.query_one(SearchResults)
        status = app.screen.query_one("#search-status")

        def status_text() -> str:
            return " ".join(widget_lines(app, status))

        await pilot.press("down")
        await wait_for(pilot, lambda: "Result 2 of 3" in status_text(), "the count")
        assert results.region.height >= 3 and "/ lists them" not in status_text()
        await pilot.press("enter")
        await wait_for(pilot, lambda: not results.display, "the hit opened")
        await wait_for(pilot, lambda: "/ lists them" in status_text(), "where the list is")
        assert status_text().strip().startswith("Result 2 of 3 · / lists them")
        await pilot.press("slash")
        await wait_for(pilot, lambda: results.region.height >= 3, "the list again")
        assert "Result 2 of 3" in status_text() and "/ lists them" not in status_text()
        assert panel.position == 1
