"""The search summary is shown whole (on two lines if need be); a cut says so (issue 13.3)."""

from __future__ import annotations

import pytest

from partybuild_tui.ui.i18n import pick
from partybuild_tui.ui.widgets.search_panel import status_lines

from .helpers import widget_lines
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
