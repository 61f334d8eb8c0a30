"""Section overviews wrap by the same Chinese line-breaking rules as the text (issue 13.2)."""

from __future__ import annotations

import itertools

import pytest

from partybuild_tui.model import Report
from partybuild_tui.ui.text_wrap import NO_LINE_START
from partybuild_tui.ui.widgets.section_overview import SectionOverview

from .helpers import widget_lines


def _broken(lines: list[str]) -> list[str]:
    """Lines that break the rules: starting with closing punctuation, or a number cut."""
    bad = []
    for before, line in itertools.pairwise(lines):
        if line and line[0] in NO_LINE_START:
            bad.append(line)
        elif before and line and before[-1].isdigit() and line[0].isdigit():
            bad.append(f"{before} | {line}")
    return bad


@pytest.mark.parametrize("size", [(120, 40), (100, 30), (80, 24)])
async def test_overview_lines_follow_the_line_breaking_rules(
    app_factory, report: Report, size: tuple[int, int]
) -> None:
    parents = [s for s in report.sections if s.children]
    app = app_factory(start_section=parents[0].id)
    async with app.run_test(size=size) as pilot:
        for section in parents:
            app.session.go_to(section.id)
            await pilot.pause()
            overview = app.screen.query_one(SectionOverview)
            # All of it, as wrapped for its width …
            lines = overview.render().plain.split("\n")
            assert len(lines) > 3
            assert not _broken(lines), (section.id, _broken(lines))
            # … and what is on screen.
            shown = widget_lines(app, overview)
            assert not _broken(shown), (section.id, _broken(shown))
