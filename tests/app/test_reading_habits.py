"""Habits users bring from less and vim (issue 13): paging, position, expand/collapse all."""

from __future__ import annotations

from partybuild_tui.model import Report
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.section_tree import SectionTree

from .helpers import screen_text, wait_for


def _long_section(report: Report):
    return max(report.ordered, key=lambda s: sum(len(p) for p in s.paragraphs))


async def test_ctrl_d_ctrl_u_ctrl_f_page_and_the_frame_says_how_far(
    app_factory, report: Report
) -> None:
    section = _long_section(report)
    app = app_factory(start_section=section.id, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        detail = app.screen.query_one(DetailPane)
        await wait_for(pilot, lambda: detail.position_percent() is not None, "a long text")
        start = detail.position_percent()
        assert f"{start}%" in screen_text(app)  # in the frame, as less shows it
        half = detail.scrollable_content_region.height // 2
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: detail.scroll_y == half, "half a page down")
        await pilot.press("ctrl+u")
        await wait_for(pilot, lambda: detail.scroll_y == 0, "back up")
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: detail.scroll_y > half, "a page down")
        later = detail.position_percent()
        assert later is not None and start is not None and later > start
        await wait_for(pilot, lambda: f"{later}%" in screen_text(app), "the new position")


async def test_star_expands_every_section_and_minus_folds_them(app_factory, report: Report) -> None:
    deepest = max(report.ordered, key=lambda s: s.depth)
    app = app_factory(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(SectionTree)
        assert not any(n.is_expanded for n in tree.root.children)  # the start: folded
        await pilot.press("asterisk")
        node = tree.node_for(deepest.id)
        assert node is not None
        ancestor = node.parent
        while ancestor is not None:
            assert ancestor.is_expanded
            ancestor = ancestor.parent
        await pilot.press("down", "down")
        inside = tree.current_section
        assert inside is not None
        await pilot.press("minus")
        assert all(not n.is_expanded for n in tree.root.children)
        assert tree.current_section is report.section(inside.id_path[0])
