"""The header names region and period; targets are marked apart from results (issue 15.5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from partybuild_tui.model import Report, load_report
from partybuild_tui.ui.widgets.figures_table import FiguresTable
from partybuild_tui.ui.widgets.report_header import ReportHeader

from .helpers import widget_lines
from .test_metrics_view import open_metrics, table_lines, type_filter

FIXTURE = Path(__file__).parent.parent / "fixtures/articles/govreport-jincheng-2024.expected.yaml"


@pytest.fixture(scope="module")
def with_targets() -> Report:
    return load_report(FIXTURE)


@pytest.mark.parametrize("width", [80, 120])
async def test_the_header_shows_region_and_period(app_factory, report: Report, width) -> None:
    app = app_factory()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        header = "".join(widget_lines(app, app.screen.query_one(ReportHeader)))
        assert f"{report.meta.region} {report.meta.period}" in header, header


@pytest.mark.parametrize(("language", "word"), [("zh", "目标"), ("en", "target")])
async def test_targets_are_marked_in_the_figures_and_the_metrics_table(
    app_factory, with_targets: Report, language: str, word: str
) -> None:
    target = next(m for m in with_targets.metrics if m.role == "target")
    result = next(m for m in with_targets.metrics if m.role == "result")
    app = app_factory(with_targets, language=language, start_section=target.section_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        figures = widget_lines(app, app.screen.query_one(FiguresTable))
        target_line = next(line for line in figures if target.label in line)
        assert f"{word} {target.target_period}" in target_line
        table = await open_metrics(pilot)
        await type_filter(pilot, target.label)
        await pilot.press("enter")
        await pilot.pause()
        row = next(line for line in table_lines(app, table) if target.label in line)
        assert f"{word} {target.target_period}" in row
        await pilot.press("slash", *["backspace"] * len(target.label), *result.label, "enter")
        await pilot.pause()
        row = next(line for line in table_lines(app, table) if result.label in line)
        assert word not in row
