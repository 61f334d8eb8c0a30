"""The compare view as a user drives it: `c` on a figure, the table, the chart, Enter to the quote.

The bundled report is compared within the bundled example library (the real report
plus invented 示例 reports); the expected numbers are the example library's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from partybuild_tui.compare import compare_library, suggest
from partybuild_tui.compare.figures import collect_figures
from partybuild_tui.compare.links import LINKS_FILE_NAME, read_links
from partybuild_tui.library import open_library
from partybuild_tui.model import Report
from partybuild_tui.ui.screens.compare import CompareScreen
from partybuild_tui.ui.screens.compare_open import push_compare
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.widgets.compare.chart import CompareChart
from partybuild_tui.ui.widgets.compare.table import CompareTable
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.section_text import SectionText
from tests.compare_library import LIBRARY

from .helpers import screen_text, wait_for, widget_lines

FIRST_TOPIC = "first-topic-sessions"  # 市委常委会“第一议题”学习 38次, linked to an indicator


async def open_compare(pilot, report: Report, metric_id: str = FIRST_TOPIC) -> CompareScreen:
    """From the metrics table: cursor on the figure, then `c`."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
    await pilot.press("m")
    await wait_for(pilot, lambda: app.screen.query_one("#metrics-table"), "the metrics table")
    table = app.screen.query_one("#metrics-table")
    metric = report.metric(metric_id)
    table.move_to_row(table.rows.index(report.metrics.index(metric)))
    await pilot.pause()
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
    await pilot.pause()
    return app.screen


async def test_c_shows_the_figure_across_the_example_library(app_factory, report) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_compare(pilot, report)
        table = screen.query_one(CompareTable)
        assert table.layout_name == "by_report"  # one indicator: a row per report
        lines = widget_lines(app, table)
        expected = [
            ("2023 晋城市 示例", "30次"),
            ("2024 晋城市 示例", "34次  +4次 (+13.3%)"),
            ("2024 阳城县 示例", "24次"),
            ("2025 晋城市", "38次  +4次 (+11.8%)"),
            ("2025 阳城县 示例", "26次  +2次 (+8.3%)"),
        ]
        for heading, cell in expected:
            line = next(line for line in lines if line.strip().startswith(heading))
            assert cell in line
        text = screen_text(app)
        assert "市委常委会“第一议题”学习" in text
        # The chart: a bar per report, the value at its end.
        chart = screen.query_one(CompareChart)
        chart_lines = widget_lines(app, chart)
        bars = [line for line in chart_lines if "│" in line and "█" in line]
        assert len(bars) == 5 and bars[3].rstrip().endswith("38次")


async def test_enter_on_the_real_cell_opens_its_quote_highlighted(app_factory, report) -> None:
    metric = report.metric(FIRST_TOPIC)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_compare(pilot, report)
        table = screen.query_one(CompareTable)
        row = next(
            i
            for i in range(table.row_count)
            if table.place(i, 1).figure
            and table.place(i, 1).figure.column.report_id == report.meta.id
        )
        table.move_cursor(row=row, column=1)
        await pilot.pause()
        assert metric.quote in screen_text(app)  # the line under the table quotes it
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        await pilot.pause()
        assert app.screen.query_one(DetailPane).section is report.section(metric.section_id)
        content = app.screen.query_one(SectionText).content
        current = [s for s in content.spans if s.style == ".section-text--current-match"]
        assert [content.plain[s.start : s.end] for s in current] == [metric.quote]
        visit = app.screen
        # H from the figure: back to the compare view, the cursor on the same cell; the
        # jump is undone, so the explorer underneath is where it was (the report card).
        await pilot.press("H")
        await wait_for(pilot, lambda: app.screen is screen, "the compare view again")
        assert (table.cursor_row, table.cursor_column) == (row, 1)
        assert visit not in app.screen_stack
        assert app.session.current.navigation.here == ""
        await pilot.press("escape")  # the metrics table the view came from
        await wait_for(pilot, lambda: app.screen.query("#metrics-table"), "the metrics table")
        await pilot.press("m")  # m there stays on it; Esc goes on to the explorer
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        assert app.screen.query_one(DetailPane).section is None


async def test_enter_on_an_example_cell_opens_that_report_marked_as_example(
    app_factory, report
) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_compare(pilot, report)
        table = screen.query_one(CompareTable)
        table.move_cursor(row=0, column=1)  # 2023 晋城市 示例
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(
            pilot,
            lambda: isinstance(app.screen, ExplorerScreen) and app.screen.report is not report,
            "the example report",
        )
        await pilot.pause()
        shown = app.screen.report
        assert shown.meta.id == "example-jincheng-2023"
        assert "示例 / example" in screen_text(app)
        content = app.screen.query_one(SectionText).content
        current = [s for s in content.spans if s.style == ".section-text--current-match"]
        assert [content.plain[s.start : s.end] for s in current] == ["学习30次"]
        # Moved away from the figure (to the section before it), H goes back along
        # the report's history first; the H after it, from the figure, returns to the view.
        navigation = app.screen.opened.navigation
        landing = navigation.here
        await pilot.press("left_square_bracket")  # the section before it: a jump
        await wait_for(pilot, lambda: navigation.here != landing, "the section before")
        await pilot.press("H")
        await wait_for(pilot, lambda: navigation.here == landing, "back at the figure")
        assert isinstance(app.screen, ExplorerScreen)
        await pilot.press("H")
        await wait_for(pilot, lambda: app.screen is screen, "the compare view again")
        assert (table.cursor_row, table.cursor_column) == (0, 1)
        assert app.session.current.report is report


async def test_t_shows_targets_against_results(app_factory, report) -> None:
    app = app_factory(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_compare(pilot, report)
        await pilot.press("t")
        await pilot.pause()
        table = screen.query_one(CompareTable)
        assert table.layout_name == "targets"
        lines = widget_lines(app, table)
        line = next(line for line in lines if "at least 36次" in line)
        assert "38次" in line and "105.6%" in line and "met" in line
        chart_lines = widget_lines(app, screen.query_one(CompareChart))
        assert any("▒" in line and "at least 36次" in line for line in chart_lines)
        assert any("█" in line and "38次 (105.6%, met)" in line for line in chart_lines)
        await pilot.press("t")
        await pilot.pause()
        assert table.layout_name == "by_report"


async def test_the_chart_reads_without_colour(app_factory, report, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot, report)
        chart_lines = widget_lines(app, screen.query_one(CompareChart))
        bars = [line for line in chart_lines if "│" in line]
        assert [line.split("│")[0].strip() for line in bars] == [
            "2023 晋城市 示例",
            "2024 晋城市 示例",
            "2024 阳城县 示例",
            "2025 晋城市",
            "2025 阳城县 示例",
        ]
        # Longer bars for larger values: 38 > 34 > 30 > 26 > 24, drawn in blocks.
        lengths = [line.count("█") for line in bars]
        assert lengths[3] > lengths[1] > lengths[0] > lengths[4] > lengths[2] > 0


async def test_escape_goes_back(app_factory, report) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(pilot, report)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, CompareScreen), "leaving")


async def test_accepting_a_suggestion_joins_the_figure_and_writes_no_report(
    app_factory, tmp_path: Path
) -> None:
    folder = tmp_path / "lib"
    shutil.copytree(LIBRARY, folder)
    path = folder / "yc-2025.yaml"
    text = path.read_text(encoding="utf-8").replace("发展新党员", "党员总人数")
    # 2.2万名 (metric a) loses its indicator, so the accepted 300名 is this report's figure.
    path.write_text(text.replace("        indicator: party-members\n", "", 1), encoding="utf-8")
    reports_before = {p.name: p.read_bytes() for p in folder.glob("*-20*.yaml")}
    library = open_library([folder], use_cache=False)
    pairs = [(e.report, e.path) for e in library.entries if e.report]
    _, figures = collect_figures(pairs, {})
    loose = next(f for f in figures if f.column.report_id == "yc-2025" and f.metric.id == "e")
    suggestions = suggest(loose, figures, library.registry)
    app = app_factory(language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        push_compare(app, library, compare_library(library, indicators=[]), suggestions)
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
        await pilot.pause()
        assert "Suggested matches" in screen_text(app) and "party-members" in screen_text(app)
        await pilot.press("a")
        await wait_for(pilot, lambda: app.screen.comparison.table.rows, "the joined table")
        await pilot.pause()
        table = app.screen.query_one(CompareTable)
        assert any("300名" in line for line in widget_lines(app, table))
    assert read_links(folder / LINKS_FILE_NAME) == {("yc-2025", "e"): "party-members"}
    assert {p.name: p.read_bytes() for p in folder.glob("*-20*.yaml")} == reports_before


def test_snapshot_80x24(snap_compare) -> None:
    from partybuild_tui.model import bundled_report_path, load_report
    from partybuild_tui.ui.app import AppOptions, make_app

    report = load_report(bundled_report_path())
    app = make_app(report, AppOptions(language="zh"))

    async def to_compare(pilot) -> None:
        await open_compare(pilot, report)

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_compare)


def test_snapshot_120x40(snap_compare) -> None:
    """A wider, taller terminal: the table, the quote and the whole chart at once."""
    from partybuild_tui.model import bundled_report_path, load_report
    from partybuild_tui.ui.app import AppOptions, make_app

    report = load_report(bundled_report_path())
    app = make_app(report, AppOptions(language="zh"))

    async def to_compare(pilot) -> None:
        await open_compare(pilot, report)

    assert snap_compare(app, terminal_size=(120, 40), run_before=to_compare)


async def test_c_on_marked_reports_in_the_library_compares_what_they_share(
    tmp_path: Path,
) -> None:
    from partybuild_tui.ui.app import AppOptions
    from partybuild_tui.ui.library_app import make_library_app
    from partybuild_tui.ui.screens.library import LibraryScreen
    from partybuild_tui.ui.widgets.library.report_list import ReportList

    folder = tmp_path / "lib"
    shutil.copytree(LIBRARY, folder)
    library = open_library([folder], use_cache=False)
    app = make_library_app(library, AppOptions(language="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen), "the library")
        listing = app.screen.query_one(ReportList)
        await pilot.press("c")  # nothing marked: a hint, no view
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        ids = [e.report.meta.id for e in library.entries]
        for wanted in ("jc-2024", "jc-2025"):
            listing.move_to_position(ids.index(wanted))
            await pilot.pause()
            await pilot.press("space")
        await pilot.pause()
        assert screen_text(app).count("●") == 2
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
        await pilot.pause()
        table = app.screen.query_one(CompareTable)
        assert table.layout_name == "matrix"
        lines = widget_lines(app, table)
        assert "2024 晋城市" in lines[0] and "2025 晋城市" in lines[0]
        study = next(line for line in lines if line.startswith(" “第一议题”学习"))
        assert "35次" in study and "38次  +3次 (+8.6%)" in study
        # Enter on the 2025 cell of that row: the report opens at its quote.
        table.move_cursor(
            row=next(
                i for i in range(table.row_count) if table.place(i, 0).indicator == "study-sessions"
            ),
            column=2,
        )
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: hasattr(app.screen, "opened"), "the explorer")
        await pilot.pause()
        assert app.screen.report.meta.id == "jc-2025"
        content = app.screen.query_one(SectionText).content
        current = [s for s in content.spans if s.style == ".section-text--current-match"]
        assert [content.plain[s.start : s.end] for s in current] == ["学习38次"]
        row, column = table.cursor_row, table.cursor_column
        compare = next(s for s in app.screen_stack if isinstance(s, CompareScreen))
        await pilot.press("H")  # back to the compare view (not to the library), same cell
        await wait_for(pilot, lambda: app.screen is compare, "the compare view again")
        assert (table.cursor_row, table.cursor_column) == (row, column)


async def test_c_in_the_explorer_compares_the_section_s_figures(app_factory, report) -> None:
    section = report.metric(FIRST_TOPIC).section_id
    app = app_factory(start_section=section)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
        await pilot.pause()
        table = app.screen.query_one(CompareTable)
        # The section's figures that have an indicator (through the example's link file).
        assert table.layout_name == "matrix"
        assert [table.place(i, 0).indicator for i in range(table.row_count)] == [
            "first-topic-study-sessions",
            "central-group-study-sessions",
        ]


async def test_c_after_a_jump_to_a_figure_compares_that_figure(app_factory, report) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        await pilot.press("m")
        await wait_for(pilot, lambda: app.screen.query_one("#metrics-table"), "the metrics table")
        table = app.screen.query_one("#metrics-table")
        metric = report.metric("central-group-study-sessions")
        table.move_to_row(table.rows.index(report.metrics.index(metric)))
        await pilot.pause()
        await pilot.press("enter")  # to the text, the quote highlighted
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        await pilot.pause()
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the compare view")
        await pilot.pause()
        rows = app.screen.comparison.table.rows
        assert [row.indicator for row in rows] == ["central-group-study-sessions"]


async def test_the_view_is_kept_and_shows_the_next_figure(app_factory, report) -> None:
    """The next ``c`` shows its comparison on the same view (composing a new one is most of
    the cost of opening it), from the top, with its own rows, quote and chart."""
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        first = await open_compare(pilot, report)
        table = first.query_one(CompareTable)
        table.move_cursor(row=3, column=1)
        await pilot.press("escape")  # back to the metrics table
        await wait_for(pilot, lambda: app.screen.query("#metrics-table"), "the metrics table")
        metrics = app.screen.query_one("#metrics-table")
        metric = report.metric("central-group-study-sessions")
        metrics.move_to_row(metrics.rows.index(report.metrics.index(metric)))
        await pilot.pause()
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen), "the view again")
        await pilot.pause()
        assert app.screen is first
        assert [row.indicator for row in first.comparison.table.rows] == [
            "central-group-study-sessions"
        ]
        assert (table.cursor_row, table.cursor_column) == (0, 1)
        text = screen_text(app)
        assert "市委理论学习中心组学习" in text and "市委常委会“第一议题”学习" not in text


async def test_m_in_a_report_opened_from_the_view_goes_back_to_its_metrics_table(
    app_factory, report
) -> None:
    """The metrics view is one per report: under the compare view already, ``m`` in the
    report opened from it goes back down to it instead of pushing it a second time."""
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_compare(pilot, report)
        metrics = next(s for s in app.screen_stack if s.query("#metrics-table"))
        table = screen.query_one(CompareTable)
        row = next(
            i
            for i in range(table.row_count)
            if table.place(i, 1).figure
            and table.place(i, 1).figure.column.report_id == report.meta.id
        )
        table.move_cursor(row=row, column=1)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        await pilot.press("m")
        await wait_for(pilot, lambda: app.screen is metrics, "the metrics table")
        assert app.screen_stack.count(metrics) == 1
        assert not any(isinstance(s, CompareScreen) for s in app.screen_stack)
