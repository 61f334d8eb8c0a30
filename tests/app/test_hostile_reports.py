"""Valid but hostile reports, driven through the real app: it draws them, never dies."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input

from partybuild_tui.model import load_report
from partybuild_tui.ui.screens.export_dialog import ConfirmOverwrite, ExportDialog
from partybuild_tui.ui.widgets.section_text import SectionText
from tests.attacks import RUNS, attack_file, broken_title_file

from .helpers import on_top, screen_text, wait_for


@pytest.mark.parametrize("name", ["chinese-320", "chinese-5000", "arabic-309"])
async def test_a_section_with_a_numeral_beyond_the_model_is_drawn(
    name: str, tmp_path: Path, app_factory
) -> None:
    report = load_report(str(attack_file(tmp_path, RUNS[name])))
    app = app_factory(report, start_section="a", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        content = app.screen.query_one(SectionText).content
        figures = [
            content.plain[span.start : span.end]
            for span in content.spans
            if span.style == ".section-text--figure"
        ]
        assert figures == ["38名"]
        assert "编号" in screen_text(app)
    assert app.return_code in (None, 0)


async def test_the_export_dialog_never_replaces_a_fifo(
    app_factory, tmp_path: Path, monkeypatch
) -> None:
    """The CLI refused a FIFO or a device as -o; the dialog asked "Overwrite?" and replaced it."""
    monkeypatch.chdir(tmp_path)
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    app = app_factory(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        await wait_for(pilot, lambda: on_top(app, ExportDialog), "the export dialog")
        path_input = app.screen.query_one("#export-path", Input)
        path_input.value = str(fifo)
        path_input.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "refusing to replace it" in screen_text(app), "the refusal")
        assert isinstance(app.screen, ExportDialog)  # no "Overwrite?" question
        assert not isinstance(app.screen, ConfirmOverwrite)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe.md"]  # no temporary file left


async def test_a_title_with_a_line_break_is_shown_whole(tmp_path: Path, app_factory) -> None:
    """The tree and the header showed only a title's first line: the rest could hide."""
    report = load_report(str(broken_title_file(tmp_path)))
    app = app_factory(report, start_section="a", language="en")
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for(pilot, lambda: "藏起来的字" in screen_text(app), "the whole title")
        text = screen_text(app)
        assert "正常标题⏎隐藏的第二行" in text  # the header
        assert "第一节⏎藏起来的字" in text  # the tree and the pane's breadcrumb
        assert "C:\\dir\\[b]x › 第一节⏎藏起来的字" in text


async def test_the_palette_shows_backslashes_as_written(tmp_path: Path, app_factory) -> None:
    """Textual's escape doubled a backslash before '[' in the palette's help line."""
    report = load_report(str(broken_title_file(tmp_path)))
    app = app_factory(report, language="en")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"第一节")
        await wait_for(pilot, lambda: "C:\\dir\\[b]x" in screen_text(app), "the parent's title")
        assert "C:\\dir\\\\[b]x" not in screen_text(app)
