"""The footer offers what works where the focus is, and keeps ? and q (issue 13, item 7)."""

from __future__ import annotations

from textual.widgets import Footer

from .helpers import screen_text, wait_for


def footer_line(app) -> str:
    footer = app.screen.query_one(Footer)
    return screen_text(app).splitlines()[footer.region.y]


async def test_help_and_quit_survive_a_narrow_window(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_for(pilot, lambda: "Help" in footer_line(app), "the footer")
        line = footer_line(app)
        assert "? Help" in line and "q Quit" in line


async def test_in_the_search_bar_the_footer_lists_its_keys_not_letters(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Help" in footer_line(app), "the footer")
        await pilot.press("slash")
        await wait_for(pilot, lambda: "Esc" in footer_line(app), "the search bar's keys")
        line = footer_line(app)
        assert "Clear search" in line and "Enter" in line
        for typed in ("s Sidebar", "q Quit", "? Help", "m Metrics"):
            assert typed not in line  # these letters are text in the search bar
        await pilot.press("s", "q")
        assert app.screen.query_one("#search-input").value == "sq"
