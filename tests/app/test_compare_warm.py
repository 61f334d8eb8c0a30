"""The first `c` of a session in a library: the view composed and the comparisons worked out
while the app is idle, before the key; a `c` pressed before that work is done still right.

Speed itself is measured in bench/compare_bench.py; these tests hold what makes it fast
(the view is the one composed in advance, the comparison the one worked out in advance)
and that nothing of it shows: the library screen stays as it was.
"""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
from textual.command import CommandPalette

from partybuild_tui.compare import build
from partybuild_tui.library import Library, open_library
from partybuild_tui.ui.app import AppOptions
from partybuild_tui.ui.library_app import make_library_app
from partybuild_tui.ui.screens.compare import CompareScreen
from partybuild_tui.ui.screens.compare_open import COMPARE_SCREEN
from partybuild_tui.ui.screens.library import LibraryScreen
from partybuild_tui.ui.widgets.compare.table import CompareTable
from partybuild_tui.ui.widgets.library.report_list import ReportList
from tests.compare_library import LIBRARY

from .helpers import wait_for, widget_lines


def _library(tmp_path: Path) -> Library:
    folder = tmp_path / "lib"
    shutil.copytree(LIBRARY, folder)
    return open_library([folder], use_cache=False)


async def _c_on(pilot, library: Library, report_id: str, metric_id: str) -> None:
    """Open ``report_id`` from the library, its metrics table on ``metric_id``, press c."""
    app = pilot.app
    listing = app.screen.query_one(ReportList)
    listing.move_to_position([e.report.meta.id for e in library.entries].index(report_id))
    await pilot.pause()
    await pilot.press("enter")
    await wait_for(pilot, lambda: hasattr(app.screen, "opened"), "the explorer")
    await pilot.press("m")
    await wait_for(pilot, lambda: app.screen.query_one("#metrics-table"), "the metrics table")
    table = app.screen.query_one("#metrics-table")
    report = app.screen.report
    table.move_to_row(table.rows.index(report.metrics.index(report.metric(metric_id))))
    await pilot.pause()
    await pilot.press("c")


@pytest.mark.freezes
async def test_the_view_is_composed_while_idle_and_the_first_c_shows_it(tmp_path) -> None:
    library = _library(tmp_path)
    frozen_before = gc.get_freeze_count()  # the suite freezes what earlier tests left
    app = make_library_app(library, AppOptions(language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
        library_screen = app.screen
        await wait_for(
            pilot,
            lambda: (
                app.is_screen_installed(COMPARE_SCREEN)
                and app.get_screen(COMPARE_SCREEN).is_mounted
            ),
            "the compare view composed in advance",
        )
        index = build.figure_index(library)
        await wait_for(
            pilot, lambda: set(index.each) == set(index.by_indicator), "every comparison"
        )
        # ... and what the thread built is kept out of the collector's passes.
        await wait_for(pilot, lambda: gc.get_freeze_count() > frozen_before, "the indexes frozen")
        await pilot.pause()
        # Nothing of it showed: the library screen is on top, its list focused, unmarked.
        assert app.screen is library_screen and app.screen_stack == [library_screen]
        assert isinstance(app.focused, ReportList)
        assert not library_screen.has_class("-suspended")
        prepared = app.get_screen(COMPARE_SCREEN)

        await _c_on(pilot, library, "jc-2025", "m2")  # study-sessions
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
        await pilot.pause()
        assert app.screen is prepared  # the view composed in advance, not a new one
        assert app.screen.comparison is index.each["study-sessions"]
        lines = widget_lines(app, app.screen.query_one(CompareTable))
        assert "“第一议题”学习" in lines[0]  # one indicator: a row per report
        assert any(
            line.startswith(" 2025 晋城市") and "38次  +3次 (+8.6%)" in line for line in lines
        )
        # A full screen on top does not mark the screen under it (nothing of it shows);
        # a dialog does (its notices hide there), and the mark goes with the dialog.
        metrics = app.screen_stack[-2]
        assert not metrics.has_class("-suspended")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await wait_for(pilot, lambda: prepared.has_class("-suspended"), "the view marked")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is prepared, "the view again")
        await wait_for(pilot, lambda: not prepared.has_class("-suspended"), "the mark gone")


async def test_a_c_before_the_background_work_is_right_and_shares_its_build(
    tmp_path, monkeypatch
) -> None:
    """`c` pressed while the library's figure index is still being built waits for that
    one build (no second one beside it) and then shows the figure's comparison."""
    library = _library(tmp_path)
    builds: list[int] = []
    collect = build.collect_figures

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        builds.append(1)
        return collect(*args, **kwargs)

    monkeypatch.setattr(build, "collect_figures", counted)
    app = make_library_app(library, AppOptions(language="en"))
    build._BUILDING.acquire()  # the index build cannot finish before the key
    held = True
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
            await _c_on(pilot, library, "yc-2025", "d")  # petition-cases
            await pilot.pause()
            assert not isinstance(app.screen, CompareScreen)  # still waiting for the index
            assert not app.is_screen_installed(COMPARE_SCREEN)
            build._BUILDING.release()
            held = False
            await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the view")
            await pilot.pause()
            assert len(builds) == 1  # the screen's thread and the key's: one build
            comparison = app.screen.comparison
            assert comparison.indicators == ("petition-cases",)
            reports = [(e.report, e.path) for e in library.entries if e.report is not None]
            fresh = build.compare_reports(reports, library.registry, indicators=["petition-cases"])
            assert comparison.table == fresh.table
            assert [c.report_id for c in comparison.table.columns] == ["yc-2024", "yc-2025"]
    finally:
        if held:
            build._BUILDING.release()


@pytest.mark.freezes
async def test_the_first_search_index_is_kept_out_of_the_collector_s_passes(app_factory) -> None:
    """The first index brings the pinyin tables: ~200,000 objects a full collector pass
    walked again and again (40-90 ms, in the middle of a key such as `c`)."""
    app = app_factory()
    frozen_before = gc.get_freeze_count()  # the suite freezes what earlier tests left
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.session.current.index is not None, "the index")
        index = app.session.current.index
        assert gc.get_freeze_count() > frozen_before
        assert not any(o is index for o in gc.get_objects())  # frozen: out of every pass
