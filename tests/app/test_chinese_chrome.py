"""Textual's own words are in the interface language; the screenshot says where it went
(issue 13.13, 13.14)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from .helpers import screen_text, wait_for


def _notices(app) -> list[str]:
    return [f"{n.title} {n.message}" for n in app.notices]


async def test_palette_and_footer_speak_chinese(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "命令面板" in screen_text(app), "the footer")
        footer = screen_text(app).splitlines()[-1]
        assert "命令面板" in footer and "palette" not in footer
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await wait_for(pilot, lambda: "搜索命令…" in screen_text(app), "the palette's prompt")
        assert "Search for commands" not in screen_text(app)
        # Asked for by name: the report's sections also fill the list, in any order.
        for english, chinese in [("Theme", "主题"), ("Quit", "退出"), ("Screenshot", "截图")]:
            await pilot.press("ctrl+u", *chinese)
            await wait_for(pilot, lambda c=chinese: c in _palette_list(app), chinese)
            assert english not in screen_text(app), english


def _palette_list(app) -> str:
    """The palette's lines below its prompt (the typed query is above them)."""
    lines = screen_text(app).splitlines()
    start = next((i for i, line in enumerate(lines) if "🔎" in line), 0)
    return "\n".join(lines[start + 1 :])


async def test_screenshot_goes_to_the_working_directory_and_says_where(
    app_factory, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "no-home"))  # no ~/Downloads, as on a server
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"截图")
        await wait_for(pilot, lambda: "截图" in screen_text(app), "the Screenshot command")
        await pilot.press("enter")
        await wait_for(pilot, lambda: list(tmp_path.glob("*.svg")), "the screenshot file")
        saved = list(tmp_path.glob("*.svg"))
        assert len(saved) == 1, _notices(app)
        assert any("截图已保存" in n and str(saved[0]) in n for n in _notices(app))
