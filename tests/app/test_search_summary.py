"""The search summary is shown whole (on two lines if need be); a cut says so (issue 13.3)."""

from __future__ import annotations

import pytest
from textual.content import Content

from partybuild_tui.ui.i18n import pick
from partybuild_tui.ui.widgets.search_panel import status_lines
from partybuild_tui.ui.widgets.search_results import SearchResults

from .helpers import wait_for, widget_lines
from .test_search_ui import _type_query


@pytest.mark.parametrize(
    ("language", "query", "size"),
    [("zh", "党员 >10000", (100, 30)), ("en", ">abc", (100, 30)), ("en", "党员 >10000", (60, 20))],
)
async def test_the_whole_summary_is_on_screen(
    app_factory, language: str, query: str, size: tuple[int, int]
) -> None:
    app = app_factory(language=language)
    async with app.run_test(size=size) as pilot:
        panel = await _type_query(pilot, query)
        await pilot.pause()
        assert panel.result is not None
        status = app.screen.query_one("#search-status")
        shown = "".join(line.strip() for line in widget_lines(app, status))
        understood = pick(panel.result.understood, panel.result.understood_zh)
        assert understood.replace(" ", "") in shown.replace(" ", ""), (shown, understood)


def test_a_summary_too_long_for_two_lines_ends_in_an_ellipsis() -> None:
    text = "第 1/7 项 · 数值指标:数值 > 10000 且 包含“党员” " * 4
    lines = status_lines(text, 30).split("\n")
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert status_lines("short", 30) == "short"


async def test_every_row_of_the_hits_fits_on_one_line(app_factory) -> None:
    """Figure rows keep label and value on their line with the scrollbar shown (at 100
    columns the value used to wrap under the kind)."""
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        panel = await _type_query(pilot, "dj")
        results = app.screen.query_one(SearchResults)
        for size in ((100, 30), (60, 20), (120, 40)):
            await pilot.resize_terminal(*size)
            await wait_for(pilot, lambda: results.size.width > 0, "the list laid out")
            await pilot.pause()
            assert panel.result is not None and results.option_count > results.size.height
            room = results.scrollable_content_region.width
            for index in range(results.option_count):
                prompt = results.get_option_at_index(index).prompt
                assert isinstance(prompt, Content)
                assert prompt.cell_length <= room, (size, index, prompt.plain)
