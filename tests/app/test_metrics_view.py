"""The metrics view as a user drives it: sort, filter, group, open, copy, export.

Expected rows are computed from the report model; what is asserted is what the
screen shows (the table's own lines), plus where the app ends up.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from partybuild_tui.export import metric_clip_text
from partybuild_tui.model import Report
from partybuild_tui.model.numbers import format_value
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.screens.metrics import MetricsScreen
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.metric_table import MetricTable
from partybuild_tui.ui.widgets.section_text import SectionText

from .helpers import on_top, screen_text, wait_for, widget_lines


async def open_metrics(pilot) -> MetricTable:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
    await pilot.press("m")
    await wait_for(pilot, lambda: on_top(app, MetricsScreen), "the metrics view")
    return app.screen.query_one(MetricTable)


def table_lines(app, table: MetricTable) -> list[str]:
    """The table's rows as drawn (header first), cut to the table's own region."""
    return widget_lines(app, table)


def row_index(lines: list[str], needle: str) -> int:
    return next(i for i, line in enumerate(lines) if needle in line)


async def type_filter(pilot, text: str) -> None:
    """Focus the filter line (``/``) unless it has the focus, and type."""
    if not isinstance(pilot.app.focused, Input):
        await pilot.press("slash")
    await pilot.press(*text)
    await pilot.pause()


async def test_m_shows_every_metric_with_aligned_columns(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_metrics(pilot)
        lines = table_lines(app, table)
        header = lines[0]
        for title in ("部分", "指标", "数值", "单位", "限定"):
            assert title in header
        assert f"{len(report.metrics)} / {len(report.metrics)}" in screen_text(app)
        # The value column is right-aligned at the same display column on every row,
        # whatever the width of the Chinese text before it.
        from rich.cells import cell_len

        visible = [m for m in report.metrics[: len(lines) - 1]]
        ends = set()
        for line, metric in zip(lines[1:], visible, strict=False):
            value = "8727" if metric.value == 8727 else None
            if value is None:
                continue
            ends.add(cell_len(line[: line.index(value) + len(value)]))
        first = lines[1]
        first_value = str(report.metrics[0].value)
        ends.add(cell_len(first[: first.index(first_value) + len(first_value)]))
        assert len(ends) == 1


async def test_sort_by_value_sorts_within_each_unit(app_factory, report: Report) -> None:
    """2750万元 beside 12.6万件 compares nothing: several units sort unit by unit."""
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_metrics(pilot)
        assert table.current_column.key == "value"
        await pilot.press("s")
        await pilot.pause()
        lines = table_lines(app, table)
        assert "▼" in lines[0]
        assert "各单位内排序" in screen_text(app)
        assert table.groups and all(
            len({report.metrics[p].unit for p in g.positions}) == 1 for g in table.groups
        )
        for group in table.groups:
            values = [float(report.metrics[p].value) for p in group.positions]
            assert values == sorted(values, reverse=True), group.key
        await pilot.press("s")  # again: smallest first, still within each unit
        await pilot.pause()
        for group in table.groups:
            values = [float(report.metrics[p].value) for p in group.positions]
            assert values == sorted(values), group.key
        await pilot.press("s")  # a third time: report order again, no groups
        await pilot.pause()
        assert table.metrics == list(report.metrics) and not table.groups
        # One unit shown: a plain sort, 1.7万 (17000) above 8727-sized figures.
        await type_filter(pilot, "unit:名")
        await pilot.press("enter", "s")
        await pilot.pause()
        assert not table.groups
        values = [float(m.value) for m in table.metrics]
        assert values == sorted(values, reverse=True) and values[0] == 50000
        assert row_index(table_lines(app, table), "1.7万") < row_index(
            table_lines(app, table), "1855"
        )


async def test_clicking_a_header_sorts_by_that_column(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_metrics(pilot)
        header = table_lines(app, table)[0]
        from rich.cells import cell_len

        x = cell_len(header[: header.index("单位")]) + 1
        await pilot.click(MetricTable, offset=(x, 0))
        await pilot.pause()
        assert table.sort_key == "unit"
        units = [m.unit for m in table.metrics]
        assert units.index("%") < units.index("个") or units.index("个") < units.index("%")
        # Same units end up together.
        seen: list[str] = []
        for unit in units:
            if not seen or seen[-1] != unit:
                assert unit not in seen
                seen.append(unit)


async def test_filtering_unit_percent_shows_only_percentages(app_factory, report: Report) -> None:
    percentages = [m for m in report.metrics if m.unit == "%"]
    others = [m for m in report.metrics if m.unit != "%"]
    assert percentages and others
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_metrics(pilot)
        await type_filter(pilot, "unit:%")
        lines = table_lines(app, table)
        rows = [line for line in lines[1:] if line.strip()]
        assert len(rows) == len(percentages)
        for row, metric in zip(rows, percentages, strict=True):
            assert metric.label[:5] in row
            assert "%" in row
        shown = "\n".join(rows)
        assert not any(format_value(m.value) + " " in shown for m in others if m.value > 1000)
        assert f"{len(percentages)} / {len(report.metrics)}" in screen_text(app)
        # The rest of the language works too: a range.
        await pilot.press("enter")  # back to the table
        assert app.focused is table


async def test_filter_as_you_type_understands_numbers_and_words(
    app_factory, report: Report
) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_metrics(pilot)
        await type_filter(pilot, ">10000")
        assert table.metrics == [m for m in report.metrics if m.value > 10000]
        for _ in range(6):
            await pilot.press("backspace")
        await type_filter(pilot, "覆盖率")
        assert table.metrics
        assert all(
            "覆盖率" in m.label or "覆盖率" in m.quote or any("覆盖率" in c for c in m.breadcrumb)
            for m in table.metrics
        )
        for _ in range(3):
            await pilot.press("backspace")
        await pilot.pause()
        assert len(table.metrics) == len(report.metrics)


async def test_nothing_matches_says_so(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_metrics(pilot)
        await type_filter(pilot, "unit:光年")
        assert table.metrics == []
        assert "没有符合筛选条件的数据" in screen_text(app)


async def test_group_by_unit_counts_and_sums_only_what_adds_up(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_metrics(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert table.group_by == "unit"
        text = "\n".join(table_lines(app, table))
        commonest = max(
            {m.unit for m in report.metrics},
            key=lambda u: sum(1 for m in report.metrics if m.unit == u),
        )
        count = sum(1 for m in report.metrics if m.unit == commonest)
        assert f"▼ {commonest}  ·  {count} 项数据" in text
        # Percentages are counted but never summed, and the view says why.
        await type_filter(pilot, "unit:%")
        text = "\n".join(table_lines(app, table))
        assert "不求和" in text and "百分比相加没有意义" in text
        assert "合计" not in text
        # Grids, organisations and documents (all 个) are different things: no total.
        await pilot.press(*["backspace"] * 6)
        await type_filter(pilot, "unit:个")
        text = "\n".join(table_lines(app, table))
        assert "不同事项不相加" in text and "合计" not in text
        # 次 holds per-person rows (年轻干部列席专题学习会(每人) 1次): never added.
        await pilot.press(*["backspace"] * 6)
        await type_filter(pilot, "unit:次")
        text = "\n".join(table_lines(app, table))
        assert "人均、每人数据相加没有意义" in text and "合计" not in text
        # Enter on a group folds it; again unfolds.
        await pilot.press("enter")  # focus back on the table
        table.move_to_row(0)
        await pilot.press("enter")
        await pilot.pause()
        assert table.current_group is not None and table.current_group.key in table.collapsed
        await pilot.press("u")  # by section
        await pilot.pause()
        assert table.group_by == "section"
        await pilot.press("u")  # and off again
        assert table.group_by is None


async def test_enter_opens_the_section_with_the_quote_highlighted(
    app_factory, report: Report
) -> None:
    metric = next(m for m in report.metrics if m.value == 17000)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        table = await open_metrics(pilot)
        await pilot.press("s")  # largest first
        await pilot.pause()
        table.move_to_row(table.rows.index(report.metrics.index(metric)))
        await pilot.pause()
        assert metric.quote in screen_text(app)  # the line under the table quotes it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        detail = app.screen.query_one(DetailPane)
        assert detail.section is report.section(metric.section_id)
        content = app.screen.query_one(SectionText).content
        current = [s for s in content.spans if s.style == ".section-text--current-match"]
        assert len(current) == 1
        assert content.plain[current[0].start : current[0].end] == metric.quote
        assert metric.quote in screen_text(app)
        # m comes back to the same view: still sorted, cursor on the same metric.
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MetricsScreen)
        assert table.sort_key == "value" and table.current_metric is metric


async def test_escape_returns_to_the_text(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_metrics(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)


async def test_y_copies_the_current_metric(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_metrics(pilot)
        await pilot.press("down", "y")
        await pilot.pause()
        metric = report.metrics[1]
        assert app.clipboard == metric_clip_text(metric, report)
        assert metric.quote in app.clipboard
        messages = [n.message for n in app.notices]
        assert any("已复制" in m and metric.label in m for m in messages)


async def test_e_exports_the_rows_shown(
    app_factory, report: Report, tmp_path: Path, monkeypatch
) -> None:
    import csv

    monkeypatch.chdir(tmp_path)
    percentages = [m for m in report.metrics if m.unit == "%"]
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_metrics(pilot)
        await type_filter(pilot, "unit:%")
        await pilot.press("enter", "e")
        await pilot.pause()
        await pilot.press("enter")  # the default: CSV in the working directory
        await pilot.pause()
        written = tmp_path / f"{report.meta.id}-metrics.csv"  # not the whole report's name
        assert written.exists()
        with written.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == len(percentages)
        messages = [n.message for n in app.notices]
        assert any(str(written) in m for m in messages)


async def test_a_report_without_metrics_says_so(app_factory, report: Report) -> None:
    import dataclasses

    bare = tuple(
        dataclasses.replace(s, metrics=(), total_metrics=0, children=()) for s in report.sections
    )
    empty = Report.build(report.schema, report.meta, bare)
    assert empty.metrics == ()
    app = app_factory(empty)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_metrics(pilot)
        assert table.metrics == []
        assert "本报告没有数据" in screen_text(app)
        await pilot.press("s", "u", "y", "enter", "down", "end")
        await pilot.pause()
        assert isinstance(app.screen, MetricsScreen)


async def test_report_text_is_never_markup(app_factory, report: Report) -> None:
    import dataclasses

    hostile = "[b]粗体[/b][@click=app.quit]点我[/]"
    section = next(s for s in report.ordered if s.metrics)
    metric = dataclasses.replace(section.metrics[0], label=hostile)
    changed = dataclasses.replace(section, metrics=(metric, *section.metrics[1:]))

    def swap(s):
        if s.id == changed.id:
            return changed
        return dataclasses.replace(s, children=tuple(swap(c) for c in s.children))

    odd = Report.build(report.schema, report.meta, tuple(swap(s) for s in report.sections))
    assert odd.metrics[0].label == hostile
    app = app_factory(odd)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_metrics(pilot)
        assert hostile in screen_text(app)
        await pilot.press("y")  # the notification names the metric, as written
        await pilot.pause()
        assert hostile in screen_text(app)
        assert isinstance(app.screen, MetricsScreen)  # nothing was clicked or run
