"""Every list moves with j/k/g/G as the tree does (issue 13.10)."""

from __future__ import annotations

from textual.widgets import OptionList

from partybuild_tui.model import Report, bundled_report_path
from partybuild_tui.ui.screens.bookmarks import BookmarksScreen
from partybuild_tui.ui.screens.help import HelpScreen


async def test_bookmarks_list_moves_with_j_k_g_G_and_d_deletes_that_row(
    app_factory, report: Report
) -> None:
    sections = report.ordered[2:6]
    app = app_factory(start_section=sections[0].id, report_path=str(bundled_report_path()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for section in sections:
            app.session.go_to(section.id)
            await pilot.press("b")
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(sections) and options.highlighted == 0
        await pilot.press("j", "j")
        assert options.highlighted == 2
        await pilot.press("k")
        assert options.highlighted == 1
        await pilot.press("G")
        assert options.highlighted == len(sections) - 1
        await pilot.press("g")
        assert options.highlighted == 0
        await pilot.press("j", "d")
        await pilot.pause()
        left = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert left == [s.id for s in sections if s is not sections[1]]


async def test_help_scrolls_with_j_k_g_G(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > 3
        await pilot.press("j", "j")
        await pilot.pause()
        assert body.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y - 1
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
