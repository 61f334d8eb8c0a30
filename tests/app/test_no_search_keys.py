"""n, N and f without a search say so; f off keeps what the user had expanded (issue 13.18)."""

from __future__ import annotations

from partybuild_tui.model import Report
from partybuild_tui.ui.widgets.search_panel import SearchPanel
from partybuild_tui.ui.widgets.section_tree import SectionTree

from .helpers import wait_for
from .test_search_ui import _type_query


def _said(app, words: str) -> bool:
    return any(words in n.message for n in app.notices)


async def test_n_N_f_without_a_search_say_no_search(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.screen.query_one(SearchPanel)
        # The index is built after the first frame; n/N/f are about searches, so wait.
        await wait_for(pilot, lambda: panel.index is not None, "the search index")
        for key in ("n", "N", "f"):
            app.notices.clear()
            await pilot.press(key)
            await wait_for(pilot, lambda: _said(app, "没有搜索"), f"a notice for {key}")
        # With a search, n still walks the hits.
        panel = await _type_query(pilot, "党员")
        await pilot.press("enter", "n")
        await pilot.pause()
        assert panel.position == 1


async def test_f_off_keeps_the_sections_the_user_expanded(app_factory, report: Report) -> None:
    parents = [s for s in report.sections if s.children]
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        tree = app.screen.query_one(SectionTree)
        for section in parents[:2]:
            tree.node_for(section.id).expand()
        await pilot.pause()
        open_before = {s.id for s in parents if tree.node_for(s.id).is_expanded}
        assert len(open_before) >= 2
        await _type_query(pilot, "党员")
        await pilot.press("enter", "f")
        panel = app.screen.query_one(SearchPanel)
        await wait_for(pilot, lambda: tree.hit_counts is not None, "the filtered tree")
        await pilot.press("f")
        await wait_for(pilot, lambda: tree.hit_counts is None, "the whole tree again")
        assert panel.active
        open_after = {s.id for s in parents if tree.node_for(s.id).is_expanded}
        assert open_before <= open_after
