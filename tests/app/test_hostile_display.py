"""A hostile report on screen: markup shown as written, escapes never reach the terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from partybuild_tui.model import load_report
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.section_tree import SectionTree

from .helpers import screen_text, wait_for
from .pty_app import PtyApp

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile_display.yaml"

MARKUP = ["[@click=app.quit]点我[/]", "[b]x[/i]", "arr[i]", "[$5]", "[次]", "覆盖率[/]"]


@pytest.fixture(scope="module")
def hostile():
    return load_report(HOSTILE)


async def test_markup_is_shown_as_written(app_factory, hostile) -> None:
    app = app_factory(hostile, start_section="click-me")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        # Tree label, pane title and border title, figures table (label and unit).
        assert text.count("[@click=app.quit]点我[/]") >= 2
        assert "正文[b]不加粗[/b]" in text
        assert "[@click=app.bell]学习[/]" in text
        assert "[次]" in text
        assert "[link=https://evil.example]链接[/link]" in text  # header subtitle
        assert "[red]来源[/red]" in text
        await pilot.press("right_square_bracket")
        await pilot.pause()
        text = screen_text(app)
        assert "[b]x[/i] arr[i] [$5]" in text
        assert "覆盖率[/]" in text


async def test_escapes_are_visible_placeholders(app_factory, hostile) -> None:
    app = app_factory(hostile, start_section="click-me")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
        assert "␛]52;c;cm0gLXJmIH4=␇" in text
        assert "␛[2J清屏" in text


async def test_clicking_a_would_be_click_title_does_nothing(app_factory, hostile) -> None:
    app = app_factory(hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(SectionTree)
        node = tree.node_for("click-me")
        assert node is not None
        # Click the title in the tree, then the title in the pane and its figures.
        await pilot.click(SectionTree, offset=(6, node.line))
        await pilot.pause()
        detail = app.screen.query_one(DetailPane)
        await pilot.click("#detail-title", offset=(2, 0))
        await pilot.click(DetailPane, offset=(5, 1))
        await pilot.pause()
        assert app.is_running
        assert detail.section is not None and detail.section.id == "click-me"


async def test_search_snippets_and_palette_show_markup_as_written(app_factory, hostile) -> None:
    from .test_search_ui import _type_query

    app = app_factory(hostile)
    async with app.run_test(size=(120, 40)) as pilot:
        await _type_query(pilot, "点我")
        text = screen_text(app)
        assert "[@click=app.quit]点我[/]" in text
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"点我")
        await wait_for(pilot, lambda: "[@click=app.quit]点我" in screen_text(app), "the offer")
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_terminal_output_holds_none_of_the_reports_escapes() -> None:
    # Open the section full of escapes, then its child; Tab to the pane and page through.
    with PtyApp([str(HOSTILE), "--section", "click-me", "--lang", "zh"]) as app:
        app.wait_for("正文[b]不加粗[/b]".encode())  # the app really drew the report
        app.send(b"]]\t  q")
        assert app.wait_exit() == 0
    output = bytes(app.output)
    for payload in (
        b"\x1b]52;",  # clipboard
        b"\x1b]0;pwned",  # window title
        b"\x1b]8;;http://evil",  # hyperlink
        b"\x1b[2J\xe6\xb8\x85",  # clear screen followed by 清
        b"\x1b[31m\xe8\xae\xb0",  # colour before 记
        b"\x1b[5m",  # blink
        b"\xc2\x9b",  # C1 CSI
        "\u202e".encode(),  # right-to-left override
        "\u2066".encode(),  # isolate
    ):
        assert payload not in output, payload


def test_check_prints_hostile_titles_inertly() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "partybuild_tui", "check", str(HOSTILE)],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert b"\x1b" not in result.stdout
    assert "[@click=app.quit]点我退出[/]".encode() in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
@pytest.mark.parametrize(
    "env",
    [{"TERM": "dumb"}, {"TERM": "linux"}, {"TERM": "vt100"}, {"NO_COLOR": "1"}],
    ids=lambda env: ",".join(f"{k}={v}" for k, v in env.items()),
)
def test_plain_terminals_draw_and_quit_cleanly(env: dict[str, str]) -> None:
    with PtyApp(["--lang", "en", "--section", "first-topic-system"], env=env) as app:
        drawn = app.wait_for("落实“第一议题”制度".encode())
        app.send(b"]j/djyl")
        typed = app.wait_for(b"djyl", start=drawn)
        app.send(b"\x1b")
        app.wait_for(b"Help", start=typed)  # the explorer's footer is back
        app.send(b"q")
        assert app.wait_exit() == 0
