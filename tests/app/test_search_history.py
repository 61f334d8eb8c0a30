"""Search history (issue 13, habits): ↑ in an empty search bar recalls earlier queries,
↓ goes forward again; Esc keeps the query; the list is saved with the other state and
shared by the explorer and the library's filter bar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from partybuild_tui.library import open_library
from partybuild_tui.state.locations import state_dir
from partybuild_tui.state.search_history import FILE_NAME, SearchHistory
from partybuild_tui.ui.app import AppOptions
from partybuild_tui.ui.library_app import make_library_app
from partybuild_tui.ui.screens.library import FilterInput
from partybuild_tui.ui.widgets.search_panel import SearchInput, SearchPanel
from tests.library_support import make_library

from .helpers import wait_for


async def test_up_recalls_earlier_queries_down_goes_forward_and_esc_keeps_them(
    app_factory,
) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        bar = app.screen.query_one(SearchInput)
        panel = app.screen.query_one(SearchPanel)
        await pilot.press("slash", *"djyl", "escape")  # abandoned with Esc: still recallable
        await wait_for(pilot, lambda: bar.value == "" and not bar.has_focus, "the search left")
        await pilot.press("slash", *"党员")
        await wait_for(pilot, lambda: panel.active, "the hits of 党员")
        await pilot.press("enter")  # opened a hit; then Esc drops the marks
        await wait_for(pilot, lambda: not bar.has_focus, "the hit opened")
        await pilot.press("escape", "slash")
        await wait_for(pilot, lambda: bar.has_focus and bar.value == "", "an empty search bar")
        await pilot.press("up")
        await wait_for(pilot, lambda: bar.value == "党员", "the newest query")
        await pilot.press("up")
        assert bar.value == "djyl"
        await pilot.press("up")  # the oldest: it stays
        assert bar.value == "djyl"
        await pilot.press("down")
        assert bar.value == "党员"
        await wait_for(pilot, lambda: panel.active, "the recalled query searched")
        await pilot.press("down")  # past the newest: the empty bar again
        assert bar.value == ""
        await pilot.press("up", "end", "space")  # edited: ↑↓ are the results' again
        await wait_for(pilot, lambda: panel.query_text == "党员 " and panel.active, "its hits")
        await pilot.press("down")
        assert bar.value == "党员 " and panel.position == 1
    assert app.session.search_history.queries == ("djyl", "党员")


async def test_the_history_is_saved_bounded_deduplicated_and_sanitised(app_factory) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"党员", "escape", "slash", *"djyl", "escape")
        await pilot.press("slash")
        bar = app.screen.query_one(SearchInput)
        bar.value = "red\x1b]52;c;aGk=\x07 党员"  # a pasted escape sequence
        await pilot.press("escape", "slash", *"党员", "escape")  # again: moves to the newest
        await wait_for(pilot, lambda: not bar.has_focus, "the search left")
    saved = json.loads((state_dir() / FILE_NAME).read_text("utf-8"))
    assert saved["queries"] == ["djyl", "red␛]52;c;aGk=␇ 党员", "党员"]
    assert all("\x1b" not in q and "\x07" not in q for q in saved["queries"])

    again = app_factory(language="en")  # the next run recalls them
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", "up")
        bar = again.screen.query_one(SearchInput)
        await wait_for(pilot, lambda: bar.value == "党员", "the newest query of last run")


def test_the_history_keeps_the_newest_200_and_merges_with_another_window(
    tmp_path: Path,
) -> None:
    one = SearchHistory.load(tmp_path)
    other = SearchHistory.load(tmp_path)
    for number in range(250):
        one.add(f"q{number}")
    assert len(one) == 200 and one.queries[0] == "q50" and one.queries[-1] == "q249"
    assert one.save() == []
    other.add("from the other window")
    other.add("q100")  # searched again elsewhere: the newest
    assert other.save() == []
    queries = SearchHistory.load(tmp_path).queries
    assert len(queries) == 200
    assert queries[-2:] == ("from the other window", "q100")
    assert queries.count("q100") == 1


def test_a_corrupt_history_file_gives_an_empty_history_and_a_warning(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("{not json", "utf-8")
    history = SearchHistory.load(tmp_path)
    assert history.queries == () and "unreadable search history" in history.warnings[0]
    history.add("党员")
    assert history.save() == []
    assert SearchHistory.load(tmp_path).queries == ("党员",)


@pytest.fixture
def library_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_library(tmp_path / "lib", 2)
    monkeypatch.chdir(tmp_path)
    return Path("lib")


async def test_the_library_filter_bar_recalls_the_same_history(library_dir: Path) -> None:
    history = SearchHistory.load()
    history.add("阳泉")
    history.save()
    app = make_library_app(open_library([library_dir]), AppOptions(language="en"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("slash", *"太原", "enter")  # searched every report
        bar = app.screen.query_one(FilterInput)
        await pilot.press("escape", "escape")  # results, then the filter: gone
        await wait_for(pilot, lambda: bar.value == "", "the filter cleared")
        await pilot.press("slash", "up")
        await wait_for(pilot, lambda: bar.value == "太原", "the newest search")
        await pilot.press("up")
        assert bar.value == "阳泉"  # from the explorer's earlier run: one history
        await pilot.press("down", "down")
        assert bar.value == ""
