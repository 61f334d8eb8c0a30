"""Search only the current section (issue 13, habits): Ctrl+T writes ``in:ID`` into the
search bar (again: takes it out); the hits stay under the section and the status line
says the search is limited to it."""

from __future__ import annotations

import pytest

from partybuild_tui.model import Report
from partybuild_tui.ui.widgets.search_panel import SearchInput, SearchPanel

from .helpers import wait_for, widget_lines


def _status(app) -> str:
    """The status line under the search bar, its two lines joined."""
    return "".join(
        line.strip() for line in widget_lines(app, app.screen.query_one("#search-status"))
    )


def _inside(report: Report, root: str, section_id: str) -> bool:
    return root in report.section(section_id).id_path


async def test_ctrl_t_limits_the_search_to_the_section_and_says_so(
    app_factory, report: Report
) -> None:
    section = report.sections[1]  # 凝心铸魂…, with three sub-topics
    app = app_factory(start_section=section.id, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.screen.query_one(SearchPanel)
        bar = app.screen.query_one(SearchInput)
        await wait_for(pilot, lambda: panel.index is not None, "the search index")
        await pilot.press("ctrl+t")  # from the tree: opens the search bar, limited
        await wait_for(pilot, lambda: bar.has_focus, "the search bar")
        assert bar.value == f"in:{section.id} "
        await pilot.press(*"党员")
        await wait_for(pilot, lambda: panel.active and "党员" in panel.query_text, "the hits")
        result = panel.result
        assert result is not None
        assert all(_inside(report, section.id, h.section_id) for h in result.hits)
        whole = panel.index.search("党员")  # type: ignore[union-attr]
        assert 0 < result.total < whole.total
        status = _status(app)
        assert "only in “凝心铸魂,把稳政治引领“方向盘”” and its" in status  # wrapped: no space
        assert status.endswith("sub-topics")
        assert f"of {result.total}" in status or f"{result.total} results" in status
        await pilot.press("ctrl+t")  # again, in the search bar: everywhere
        await wait_for(pilot, lambda: bar.value == "党员", "the limit lifted")
        await wait_for(pilot, lambda: panel.result and panel.result.total == whole.total, "all")
        assert "only in" not in _status(app)
        await pilot.press("ctrl+t", "enter")  # limited again; Enter opens the first hit
        await wait_for(pilot, lambda: not bar.has_focus, "the hit opened")
        here = app.session.current.here
        assert _inside(report, section.id, here)
    assert app.session.search_history.queries[-1] == f"in:{section.id} 党员"


async def test_ctrl_t_on_the_report_card_says_to_open_a_section(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+t")
        said = lambda: any("Open a section first" in n.message for n in app.notices)  # noqa: E731
        await wait_for(pilot, said, "said (read as test_no_search_keys reads notices)")
        assert not app.screen.query_one(SearchInput).has_focus


HELP_ROWS = {
    "en": [
        ("Ctrl+T", "Search only this section and its sub-topics"),
        ("↑", "in an empty search bar: earlier searches"),
        (".", "Next figure of the text"),
        (",", "Previous figure of the text"),
    ],
    "zh": [
        ("Ctrl+T", "只在本节及其子部分中搜索"),
        ("↑", "搜索栏为空时:以前的搜索"),
        (".", "正文中的下一个数据"),
        (",", "正文中的上一个数据"),
    ],
}


@pytest.mark.parametrize("language", ["en", "zh"])
async def test_the_help_screen_lists_history_scope_and_figure_keys(
    app_factory, language: str
) -> None:
    app = app_factory(language=language)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: app.screen.query("#help-text"), "the help screen")
        lines = str(app.screen.query_one("#help-text").render()).splitlines()
        for key, words in HELP_ROWS[language]:
            assert any(line.split()[:1] == [key] and words in line for line in lines), key
