"""Habits users bring from less, vim, ranger and visidata (issue 13): E opens the report
in $EDITOR, search history, stepping through figures, the metrics table's cells and columns."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from partybuild_tui.model import bundled_report_path, load_report
from partybuild_tui.ui.app import AppOptions, make_app
from partybuild_tui.ui.widgets.detail_pane import DetailPane

from .helpers import screen_text, wait_for

SECTION = "first-topic-system"

EDITOR = """\
import sys
from pathlib import Path
Path(sys.argv[1]).write_text(repr(sys.argv[2:]), encoding="utf-8")
report = Path(sys.argv[-1])
text = report.read_text(encoding="utf-8")
report.write_text(text.replace(sys.argv[2], sys.argv[3], 1), "utf-8")
"""


def _editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> Path:
    """$EDITOR: a script that logs its arguments and replaces ``old`` by ``new`` in the file."""
    script, log = tmp_path / "editor.py", tmp_path / "editor.log"
    script.write_text(EDITOR, encoding="utf-8")
    # the editor's own words come before +LINE FILE: here the log, and what to replace
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script} {log} '{old}' '{new}'")
    monkeypatch.delenv("VISUAL", raising=False)
    return log


def _app(tmp_path: Path):
    copy = tmp_path / "report.yaml"
    shutil.copyfile(bundled_report_path(), copy)
    options = AppOptions(start_section=SECTION, language="en", report_path=str(copy))
    return make_app(load_report(copy), options), copy


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip() == needle)


async def test_e_opens_the_editor_at_the_section_and_reads_the_report_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, copy = _app(tmp_path)
    line = _line_of(copy, f"- id: {SECTION}")
    log = _editor(tmp_path, monkeypatch, "落实“第一议题”制度", "落实第一议题制度（已改）")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "落实“第一议题”制度" in screen_text(app), "the section")
        await pilot.press("E")
        await wait_for(pilot, log.exists, "the editor to run")
        assert log.read_text(encoding="utf-8").endswith(f"'+{line}', '{copy}']")
        await wait_for(pilot, lambda: "落实第一议题制度（已改）" in screen_text(app), "the edit")
        assert app.session.current.here == SECTION  # still in the same section
        assert app.screen.query_one(DetailPane).section.title == "落实第一议题制度（已改）"


async def test_an_edit_that_breaks_the_report_is_reported_and_the_old_one_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the error line names the file as it was given: short
    app, copy = _app(Path("."))
    log = _editor(tmp_path, monkeypatch, f"- id: {SECTION}", "- id: [unclosed")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "落实“第一议题”制度" in screen_text(app), "the section")
        before = app.session.current.report
        await pilot.press("E")
        await wait_for(pilot, log.exists, "the editor to run")
        await pilot.pause()
        assert "[unclosed" in copy.read_text(encoding="utf-8")
        assert app.session.current.report is before
        assert "落实“第一议题”制度" in screen_text(app)


async def test_e_is_not_offered_without_a_file(app_factory) -> None:
    app = app_factory(language="en")  # the bundled report with no path: nothing to edit
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.check_action("edit_report", ()) is False


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Open the report in $EDITOR"), ("zh", "在 $EDITOR 中打开报告")]
)
async def test_e_is_listed_in_the_help_screen_in_both_languages(
    app_factory, language: str, words: str
) -> None:
    app = app_factory(language=language)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: app.screen.query("#help-text"), "the help screen")
        help_text = str(app.screen.query_one("#help-text").render())
        assert any(line.startswith("E ") and words in line for line in help_text.splitlines())


async def test_e_in_the_metrics_table_opens_the_editor_at_the_metric(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, copy = _app(tmp_path)
    log = _editor(tmp_path, monkeypatch, "unchanged", "unchanged")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        await wait_for(pilot, lambda: app.screen.query("#metrics-table"), "the metrics table")
        table = app.screen.query_one("#metrics-table")
        await wait_for(pilot, lambda: table.current_metric is not None, "a metric row")
        metric = table.current_metric
        await pilot.press("E")
        await wait_for(pilot, log.exists, "the editor to run")
        line = _line_of(copy, f"- id: {metric.id}")
        assert log.read_text(encoding="utf-8").endswith(f"'+{line}', '{copy}']")
        await wait_for(pilot, lambda: app.session.current.here == metric.section_id, "its section")
