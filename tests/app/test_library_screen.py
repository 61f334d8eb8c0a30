"""The library screen, driven as a user drives it: open, sort, filter, Enter and back,
a broken file listed, search across reports and n/N from one report to the next."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybuild_tui.library import open_library
from partybuild_tui.ui.app import AppOptions
from partybuild_tui.ui.library_app import LibraryApp, make_library_app
from partybuild_tui.ui.screens.library import LibraryScreen
from partybuild_tui.ui.screens.library_explorer import LibraryExplorerScreen
from partybuild_tui.ui.widgets.library.report_list import ReportList
from partybuild_tui.ui.widgets.library.results import LibraryResults
from partybuild_tui.ui.widgets.search_panel import SearchPanel
from tests.library_support import make_library

from .helpers import screen_text, styles_of, wait_for

SIZE = (120, 30)


@pytest.fixture
def library_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Four reports (太原市 大同市 阳泉市 长治市, 2025) and one broken file, as ``lib``."""
    make_library(tmp_path / "lib", 4, broken=1)
    monkeypatch.chdir(tmp_path)
    return Path("lib")


def app_for(folder: Path, language: str = "en") -> LibraryApp:
    return make_library_app(open_library([folder]), AppOptions(language=language))


def listing(app: LibraryApp) -> ReportList:
    return app.screen.query_one(ReportList)


def regions(app: LibraryApp) -> list[str]:
    return [row.cells["region"] for row in listing(app).shown]


async def test_opens_with_one_row_per_report_and_the_counts(library_dir: Path) -> None:
    app = app_for(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "4 reports · 1 failed" in screen_text(app), "the counts")
        text = screen_text(app)
        assert text.splitlines()[0].strip() == "lib · 4 reports · 1 failed"
        for region in ("太原市", "大同市", "阳泉市", "长治市"):
            assert region in text
        assert "Title" in text and "Metrics" in text and "108" in text
        assert regions(app) == ["太原市", "大同市", "阳泉市", "长治市", ""]


async def test_a_broken_file_is_listed_greyed_with_its_error(library_dir: Path) -> None:
    app = app_for(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "⚠ broken-0.yaml" in screen_text(app), "the broken row")
        assert styles_of(app, "broken-0.yaml")[0].italic  # greyed: italic, dimmed colour
        await pilot.press("G")
        await wait_for(
            pilot,
            lambda: (
                "lib/broken-0.yaml:11:16: sections[0].metrics[0].value: expected a number"
                in screen_text(app)
            ),
            "the error under the list",
        )
        await pilot.press("enter")  # it cannot be opened: the error is said again, no crash
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_sort_by_a_column_then_reverse_then_library_order(library_dir: Path) -> None:
    app = app_for(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listing(app).row_count == 5, "the rows")
        # Region, by pinyin as the metrics table sorts (长 alone reads zhǎng: last).
        await pilot.press("l", "s")
        assert regions(app) == ["大同市", "太原市", "阳泉市", "长治市", ""]
        assert "Region ▲" in screen_text(app)
        await pilot.press("s")
        assert regions(app) == ["长治市", "阳泉市", "太原市", "大同市", ""]
        await pilot.press("s")
        assert regions(app) == ["太原市", "大同市", "阳泉市", "长治市", ""]


async def test_filter_as_you_type_by_text_and_pinyin(library_dir: Path) -> None:
    app = app_for(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listing(app).row_count == 5, "the rows")
        await pilot.press("/", "大", "同")
        assert regions(app) == ["大同市"]
        assert "shown 1" in screen_text(app)
        await pilot.press("backspace", "backspace", *"yq")  # 阳泉 by initials
        assert regions(app) == ["阳泉市"]
        await pilot.press("backspace", "backspace", *"changzhi")  # 长 read cháng here
        assert regions(app) == ["长治市"]
        await pilot.press("escape")
        assert len(regions(app)) == 5


async def test_enter_opens_the_report_and_backspace_returns_to_the_same_row(
    library_dir: Path,
) -> None:
    app = app_for(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listing(app).row_count == 5, "the rows")
        await pilot.press("down", "down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryExplorerScreen), "the explorer")
        await wait_for(pilot, lambda: "阳泉市党的建设综述" in screen_text(app), "阳泉's report")
        assert app.session.current.report is app.screen.report
        await pilot.press("backspace")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
        assert listing(app).highlighted_position == 2
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: "长治市党的建设综述" in screen_text(app), "长治's report")
        await pilot.press("H")
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
        assert listing(app).highlighted_position == 3


async def _search(pilot, app: LibraryApp, query: str) -> LibraryScreen:
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    await pilot.press("/", *query, "enter")
    await wait_for(pilot, lambda: screen.result is not None, "the results across reports")
    return screen


async def test_search_across_reports_groups_hits_by_report(library_dir: Path) -> None:
    app = app_for(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _search(pilot, app, "djyl")
        result = screen.result
        assert result is not None and len(result.groups) == 4
        text = screen_text(app)
        assert "大同市 · 2025" in text and "hits" in text
        assert [g.report.meta.region for g in result.groups] == [
            "太原市",
            "大同市",
            "阳泉市",
            "长治市",
        ]
        assert all(g.total == result.groups[0].total for g in result.groups)


async def test_enter_on_a_hit_opens_the_report_there_and_n_goes_on_to_the_next_report(
    library_dir: Path,
) -> None:
    app = app_for(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _search(pilot, app, "党员队伍")
        assert screen.result is not None
        per_report = screen.result.groups[0].total
        results = app.screen.query_one(LibraryResults)
        await pilot.press("down", "enter")  # the first hit of 太原市
        await wait_for(
            pilot,
            lambda: app.screen.query_one(SearchPanel).position == 0,
            "the explorer at the first hit",
        )
        explorer = app.screen
        assert isinstance(explorer, LibraryExplorerScreen)
        assert explorer.report.meta.region == "太原市"
        panel = explorer.query_one(SearchPanel)
        assert panel.position == 0 and panel.result is not None
        assert panel.result.total == per_report
        for _ in range(per_report):
            await pilot.press("n")
        await wait_for(
            pilot,
            lambda: (
                app.screen.report.meta.region == "大同市"  # type: ignore[attr-defined]
                and app.screen.query_one(SearchPanel).position == 0
            ),
            "the first hit of the next report",
        )
        await pilot.press("N")
        await wait_for(
            pilot,
            lambda: (
                app.screen.report.meta.region == "太原市"  # type: ignore[attr-defined]
                and app.screen.query_one(SearchPanel).position == per_report - 1
            ),
            "the last hit of the previous report",
        )
        assert results.is_mounted


async def test_report_text_is_never_markup(tmp_path: Path, monkeypatch) -> None:
    written = make_library(tmp_path / "lib", 1)
    text = written[0].read_text(encoding="utf-8")
    written[0].write_text(
        text.replace(
            "title: 党建领航聚合力 铸魂固本启新程", 'title: "[b]粗[/b] [@click=app.quit]x"'
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    app = app_for(Path("lib"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "[b]粗[/b]" in screen_text(app), "the title as written")


async def test_help_lists_the_library_keys(library_dir: Path) -> None:
    app = app_for(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: listing(app).row_count == 5, "the rows")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: "Filter / search" in screen_text(app), "the help")
        text = screen_text(app)
        assert "Sort by this column" in text and "Back to the library" in text
