"""The export dialog: focus, Enter, the format remembered, names, small windows (issue 13.5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import RadioSet

from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.screens.export_dialog import ExportDialog
from partybuild_tui.ui.screens.metrics import MetricsScreen

from .helpers import screen_text, wait_for


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)


async def _open_export(pilot, from_metrics: bool) -> ExportDialog:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
    if from_metrics:
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, MetricsScreen), "the metrics")
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
    await pilot.pause()
    return app.screen  # type: ignore[return-value]


async def test_arrows_choose_the_format_and_enter_exports_from_there(
    app_factory, tmp_path: Path
) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_export(pilot, from_metrics=False)
        assert isinstance(app.focused, RadioSet)  # focus starts on the format
        assert dialog.format == "markdown"
        await pilot.press("right", "space")
        assert dialog.format == "csv"
        await pilot.press("enter")  # no need to go back to the file name
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog), "the export")
        assert [p.suffix for p in tmp_path.iterdir()] == [".csv"]
        # The format chosen is proposed next time.
        dialog = await _open_export(pilot, from_metrics=False)
        assert dialog.format == "csv"
        assert dialog.query_one("#format-csv").value
    # ... by the same run of the app only: another app starts from Markdown again.
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_export(pilot, from_metrics=False)
        assert dialog.format == "markdown"


async def test_from_the_metrics_table_the_name_says_metrics(app_factory, report) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await _open_export(pilot, from_metrics=True)
        name = dialog.query_one("#export-path").value
        assert name == f"{report.meta.id}-metrics.csv"


@pytest.mark.parametrize("size", [(40, 12), (60, 20)])
async def test_the_dialog_fits_small_windows(app_factory, size: tuple[int, int]) -> None:
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        dialog = await _open_export(pilot, from_metrics=True)
        screen = dialog.region
        frame = dialog.query_one("#export-dialog").region
        assert screen.contains_region(frame), (frame, screen)  # borders not clipped
        for selector in ("#export-path", "#export-go", "#export-cancel", "#format-markdown"):
            assert frame.contains_region(dialog.query_one(selector).region), selector
        assert "Markdown" in screen_text(app)
