"""What the metrics view looks like at the sizes users have (review the SVGs)."""

from __future__ import annotations

import pytest

from partybuild_tui.model import bundled_report_path, load_report
from partybuild_tui.ui.app import AppOptions, make_app
from partybuild_tui.ui.screens.explorer import ExplorerScreen

from .helpers import wait_for

SIZES = [(80, 24), (120, 40)]


def _app(**options):
    options.setdefault("language", "zh")
    return make_app(load_report(bundled_report_path()), AppOptions(**options))


def _keys(*keys: str):
    async def run_before(pilot) -> None:
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExplorerScreen), "the explorer")
        await pilot.press("m", *keys)
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_metrics_view(snap_compare, size) -> None:
    assert snap_compare(_app(), terminal_size=size, run_before=_keys())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_metrics_sorted_by_value(snap_compare, size) -> None:
    assert snap_compare(_app(), terminal_size=size, run_before=_keys("s"))


def test_metrics_grouped_by_unit(snap_compare) -> None:
    assert snap_compare(_app(), terminal_size=(120, 40), run_before=_keys("u"))


def test_metrics_filtered_to_percentages(snap_compare) -> None:
    assert snap_compare(
        _app(), terminal_size=(100, 30), run_before=_keys("slash", *"unit:%", "enter")
    )


def test_metrics_view_in_english(snap_compare) -> None:
    assert snap_compare(_app(language="en"), terminal_size=(100, 30), run_before=_keys())
