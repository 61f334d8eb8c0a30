"""The footer offers what works where the focus is, and keeps ? and q (issue 13, item 7)."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from partybuild_tui.ui.screens.metrics import MetricsScreen

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


def footer_entries(app) -> list[str]:
    """The footer's entries as drawn (``? Help``), left of the palette key."""
    keys = footer_line(app).split("▏")[0]
    return [entry.strip() for entry in keys.split("  ") if entry.strip()]


def whole_entries(app) -> set[str]:
    """Every entry the footer could show on this screen, whole (``key description``)."""
    return {
        f"{app.get_key_display(binding)} {binding.description}"
        for _node, binding, _enabled, _tooltip in app.screen.active_bindings.values()
        if binding.show
    }


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_footer_entries_are_whole_at_every_width(app_factory, language) -> None:
    """At 60, 80 and 100 columns, before and after a search and in the metrics table:
    ? and q always there, every entry whole (before: ``f Filter tr``, ``N Previ``)."""
    app = app_factory(language=language)
    help_entry, quit_entry = ("? Help", "q Quit") if language == "en" else ("? 帮助", "q 退出")
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_for(pilot, lambda: help_entry in footer_line(app), "the footer")

        def fitted() -> bool:
            if app.screen.query_one(Footer).size.width != app.size.width:
                return False  # not laid out at the new width yet
            entries = footer_entries(app)
            whole = whole_entries(app)
            return entries[:2] == [help_entry, quit_entry] and all(e in whole for e in entries)

        async def check(where: str) -> None:
            for width in (60, 80, 100):
                await pilot.resize_terminal(width, 24)
                # the footer fits itself once it has its new width (a frame may come first)
                await wait_for(pilot, fitted, f"a footer of whole entries {where} at {width}")

        await check("start")
        await pilot.press("slash", *"8727")
        await wait_for(pilot, lambda: "Esc" in footer_line(app), "the search bar's keys")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.focused.id != "search-input", "the hit")
        await check("after a search")
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, MetricsScreen), "the metrics table")
        await check("metrics table")
