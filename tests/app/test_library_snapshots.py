"""What the library screen looks like at the sizes users have (review the SVGs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybuild_tui.library import open_library
from partybuild_tui.ui.app import AppOptions
from partybuild_tui.ui.library_app import make_library_app
from tests.library_support import make_library

from .helpers import wait_for

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def library_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_library(tmp_path / "lib", 6, broken=2)
    monkeypatch.chdir(tmp_path)  # the screen shows paths as given: "lib/…"
    return make_library_app(open_library([Path("lib")]), AppOptions(language="zh"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library_list(snap_compare, library_app, size) -> None:
    assert snap_compare(library_app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_library_search_results(snap_compare, library_app, size) -> None:
    async def search(pilot) -> None:
        await wait_for(pilot, lambda: pilot.app.screen.query_one("ReportList").row_count, "rows")
        await pilot.press("/", *"阳泉", "enter")
        await wait_for(pilot, lambda: pilot.app.screen.result is not None, "the results")
        await pilot.pause()

    assert snap_compare(library_app, terminal_size=size, run_before=search)
