"""What the screen looks like: snapshots at the sizes users have (review the SVGs)."""

from __future__ import annotations

import pytest

from partybuild_tui.model import bundled_report_path, load_report
from partybuild_tui.ui.app import AppOptions, make_app

SIZES = [(80, 24), (120, 40)]


def _app(**options):
    options.setdefault("language", "zh")
    return make_app(load_report(bundled_report_path()), AppOptions(**options))


def _leaf_id() -> str:
    report = load_report(bundled_report_path())
    leaf = next(s for s in report.ordered if not s.children and len(s.metrics) >= 3)
    return leaf.id


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_root(snap_compare, size) -> None:
    assert snap_compare(_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_leaf_section(snap_compare, size) -> None:
    assert snap_compare(_app(start_section=_leaf_id()), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, size) -> None:
    assert snap_compare(_app(), terminal_size=size, press=["question_mark"])


def test_narrow_window_without_sidebar(snap_compare) -> None:
    assert snap_compare(_app(start_section=_leaf_id()), terminal_size=(60, 20))


def test_english_interface(snap_compare) -> None:
    assert snap_compare(_app(language="en", start_section=_leaf_id()), terminal_size=(100, 30))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search_results(snap_compare, size) -> None:
    async def search(pilot) -> None:
        from .test_search_ui import _type_query

        await _type_query(pilot, "党员")

    assert snap_compare(_app(), terminal_size=size, run_before=search)
