"""History (H / Backspace back, L forward), bookmarks (b, B) and export/copy in the explorer."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, OptionList

from partybuild_tui.export import section_clip_text
from partybuild_tui.model import Report, bundled_report_path
from partybuild_tui.state import ENV_VAR
from partybuild_tui.ui.navigation import REST_SECONDS
from partybuild_tui.ui.screens.bookmarks import BookmarksScreen
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.screens.export_dialog import ConfirmOverwrite, ExportDialog
from partybuild_tui.ui.screens.metrics import MetricsScreen
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.metric_table import MetricTable
from partybuild_tui.ui.widgets.section_tree import SectionTree, section_label

from .helpers import on_top, screen_text, wait_for


def shown(app) -> str | None:
    section = app.screen.query_one(DetailPane).section
    return section.id if section else None


def messages(app) -> list[str]:
    return [n.message for n in app.notices]


async def test_back_returns_to_where_you_were_after_a_metric_jump(
    app_factory, report: Report
) -> None:
    start = report.ordered[1]
    metric = next(m for m in report.metrics if m.section_id not in (start.id,))
    app = app_factory(start_section=start.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert shown(app) == start.id
        await pilot.press("m")
        await pilot.pause()
        table = app.screen.query_one(MetricTable)
        table.move_to_row(table.rows.index(report.metrics.index(metric)))
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app) == metric.section_id
        await pilot.press("H")
        await pilot.pause()
        assert shown(app) == start.id
        assert app.screen.query_one(SectionTree).current_section is report.section(start.id)
        await pilot.press("L")  # forward again
        await pilot.pause()
        assert shown(app) == metric.section_id
        await pilot.press("backspace")  # Backspace is back too
        await pilot.pause()
        assert shown(app) == start.id


async def test_brackets_and_palette_jumps_are_recorded(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert shown(app) == report.ordered[1].id
        app.session.go_to(report.ordered[-1].id)  # what the palette does
        await pilot.pause()
        await pilot.press("H")
        assert shown(app) == report.ordered[1].id
        await pilot.press("H")
        assert shown(app) == report.ordered[0].id
        await pilot.press("H")
        assert shown(app) is None  # the report card, where we started
        await pilot.press("H")  # nothing further: says so, stays
        await pilot.pause()
        assert shown(app) is None
        assert any("没有可后退" in m for m in messages(app))


async def test_tree_steps_are_not_jumps_but_resting_is(app_factory, report: Report) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Walk quickly down three sections: no entries for the ones passed by.
        await pilot.press("down", "down", "down")
        passed_to = shown(app)
        assert passed_to == report.sections[2].id
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        assert app.session.current.navigation.history.entries == ("",)
        # A jump records where we were, so back returns there.
        await pilot.press("right_square_bracket")
        await pilot.press("H")
        assert shown(app) == passed_to
        # Resting on a tree position records it.
        await pilot.press("down")
        await pilot.pause(REST_SECONDS + 0.3)
        assert app.session.current.navigation.history.current == shown(app)


async def test_b_bookmarks_and_the_bookmark_survives_a_restart(
    app_factory, report: Report, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "state"))
    path = str(bundled_report_path())
    section = report.ordered[3]
    app = app_factory(start_section=section.id, report_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert any("已加书签" in m and section.title in m for m in messages(app))
    files = list((tmp_path / "state").rglob("*.json"))
    assert len(files) == 1 and section.id in json.loads(files[0].read_text())["bookmarks"]

    app = app_factory(report_path=path)  # a new start, on the report card
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert shown(app) is None
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert section_label(section) in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert shown(app) == section.id
        await pilot.press("H")  # a bookmark jump is in the history too
        assert shown(app) is None


async def test_d_deletes_a_bookmark_and_b_again_removes_one(
    app_factory, report: Report, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "state"))
    path = str(bundled_report_path())
    first, second = report.ordered[2], report.ordered[5]
    app = app_factory(start_section=first.id, report_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        app.session.go_to(second.id)
        await pilot.press("b", "B")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        await pilot.press("d")  # the first one
        await pilot.pause()
        assert options.option_count == 1
        assert section_label(first) not in screen_text(app)
        await pilot.press("escape")
        await pilot.press("b")  # un-bookmark the second
        await pilot.pause()
        assert any("已删除书签" in m for m in messages(app))
    app = app_factory(report_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("B")
        await pilot.pause()
        assert "还没有书签" in screen_text(app)


async def test_a_corrupt_state_file_warns_and_never_blocks(
    app_factory, report: Report, tmp_path: Path, monkeypatch
) -> None:
    state = tmp_path / "state"
    monkeypatch.setenv(ENV_VAR, str(state))
    path = str(bundled_report_path())
    app = app_factory(start_section=report.ordered[0].id, report_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("b")
    (file,) = state.rglob("*.json")
    file.write_bytes(b"{not json\x00")
    app = app_factory(report_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, ExplorerScreen)

        def warnings() -> list[str]:
            return [n.message for n in app.notices if n.severity == "warning"]

        # the saved state is read off the UI thread after the first frame
        await wait_for(pilot, warnings, "the warning about the broken file")
        assert "not valid JSON" in warnings()[0]
        app.session.go_to(report.ordered[2].id)
        await pilot.press("b")  # bookmarks still work, and replace the broken file
        await pilot.pause()
    assert json.loads(file.read_text())["bookmarks"] == [report.ordered[2].id]


async def test_the_last_position_is_one_back_at_the_next_start(
    app_factory, report: Report, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "state"))
    path = str(bundled_report_path())
    section = report.ordered[4]
    app = app_factory(start_section=section.id, report_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    app = app_factory(report_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        # the saved state is read off the UI thread after the first frame
        await wait_for(
            pilot,
            lambda: any("上次读到" in m and section.title in m for m in messages(app)),
            "the offer of the last place",
        )
        assert shown(app) is None  # nothing moves by itself
        await pilot.press("H")
        assert shown(app) == section.id
    # --section wins: no offer of the old place.
    other = report.ordered[6]
    app = app_factory(start_section=other.id, report_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        # read, and its notices given, before saying that none offers the old place
        await wait_for(pilot, lambda: app.session.current.saved is not None, "the saved state")
        assert shown(app) == other.id
        assert not any("上次读到" in m for m in messages(app))
        await pilot.press("H")
        assert shown(app) == other.id


async def test_y_copies_the_section_as_markdown(app_factory, report: Report) -> None:
    section = next(s for s in report.ordered if s.metrics)
    app = app_factory(start_section=section.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == section_clip_text(section, report)
        assert app.clipboard.lstrip().startswith(("#", "_", "*"))
        assert any("已复制" in m and section.title in m for m in messages(app))


async def test_e_exports_the_section_and_asks_before_overwriting(
    app_factory, report: Report, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    section = next(s for s in report.ordered if s.metrics)
    app = app_factory(start_section=section.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await wait_for(pilot, lambda: on_top(app, ExportDialog), "the export dialog")
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == f"{report.meta.id}-{section.id}.md"
        assert str(tmp_path) in screen_text(app)
        await pilot.press("enter")
        written = tmp_path / f"{report.meta.id}-{section.id}.md"
        await wait_for(
            pilot, lambda: any(str(written) in m for m in messages(app)), "the export's notice"
        )
        assert section.title in written.read_text(encoding="utf-8")

        written.write_text("keep me", encoding="utf-8")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "the dialog again")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmOverwrite), "the question")
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog), "back to the dialog")
        assert written.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmOverwrite), "the question")
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen), "the explorer")
        await wait_for(
            pilot,
            lambda: section.title in written.read_text(encoding="utf-8"),
            "the file written over",
        )


async def test_the_export_dialog_follows_the_format(
    app_factory, report: Report, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value == f"{report.meta.id}.md"
        await pilot.click("#format-json")
        await pilot.pause()
        assert path_input.value == f"{report.meta.id}.json"
        path_input.value = "sub/dir/out.json"  # a missing directory: an error, no crash
        path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "无法写入" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert not list(tmp_path.iterdir())


async def test_the_palette_offers_the_metrics_table(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"数据表")
        await wait_for(pilot, lambda: "全部数据的表格" in screen_text(app), "the command offered")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MetricsScreen), "the metrics view")


async def test_help_lists_the_new_keys_and_the_tmux_note(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = app.screen.query_one("#help-text").render()
        text = str(help_text)
        for needle in (
            "后退",
            "前进",
            "书签列表",
            "数据表",
            "排序",
            "分组",
            "set -g set-clipboard on",
        ):
            assert needle in text, needle


async def test_export_never_writes_over_the_report_being_read(
    app_factory, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy = tmp_path / "report.yaml"
    copy.write_bytes(bundled_report_path().read_bytes())
    before = copy.read_bytes()
    app = app_factory(report_path=str(copy))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        path_input.value = "report.yaml"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)  # no overwrite question either
        assert "正在阅读的报告文件" in screen_text(app)
    assert copy.read_bytes() == before
