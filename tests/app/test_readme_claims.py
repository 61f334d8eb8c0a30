"""What the README promises about starting the app holds (issue 13, item 6)."""

from __future__ import annotations

from partybuild_tui.ui.app import available_themes


def test_textual_ansi_is_a_theme_the_command_line_accepts() -> None:
    assert "textual-ansi" in available_themes()


async def test_textual_ansi_draws_with_the_terminals_own_colours(app_factory) -> None:
    app = app_factory(theme="textual-ansi")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "ansi-dark"
        assert app.current_theme.name == "ansi-dark"
