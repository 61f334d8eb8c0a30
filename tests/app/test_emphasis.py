"""The search hit the user jumped to is the most visible thing on screen (issue 13.1)."""

from __future__ import annotations

import pytest
from rich.color import Color as RichColor
from textual.color import Color

from partybuild_tui.ui.widgets.emphasis import contrast_ratio
from partybuild_tui.ui.widgets.section_text import SectionText

from .helpers import styles_of, wait_for
from .test_search_ui import _type_query

THEMES = ["textual-dark", "textual-light", "nord", "gruvbox", "solarized-light", "dracula"]


def _color(value: RichColor | None) -> Color:
    assert value is not None and value.triplet is not None, value
    return Color(*value.triplet)


async def _hit_styles(pilot, query: str = "8727"):
    """Styles of the cells that draw the current hit in the section text."""
    app = pilot.app
    await _type_query(pilot, query)
    await pilot.press("enter")
    text = app.screen.query_one(SectionText)
    await wait_for(pilot, lambda: styles_of(app, query, within=text), "the hit on screen")
    return styles_of(app, query, within=text)


@pytest.mark.parametrize("theme", THEMES)
async def test_current_hit_reads_at_4_5_to_1_in_every_theme(app_factory, theme: str) -> None:
    app = app_factory(theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        styles = await _hit_styles(pilot)
        assert len(styles) == 4  # one per cell
        for style in styles:
            ratio = contrast_ratio(_color(style.color), _color(style.bgcolor))
            assert ratio >= 4.5, (theme, style, ratio)
            assert style.bold
        # Stronger than the ordinary text around it.
        pane = app.screen.query_one(SectionText)
        assert _color(styles[0].bgcolor) != pane.background_colors[1]


@pytest.mark.parametrize("environ", [{"NO_COLOR": "1"}, {"TERM": "linux", "COLORTERM": ""}])
async def test_current_hit_is_reverse_video_without_colour(
    app_factory, monkeypatch, environ: dict[str, str]
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        styles = await _hit_styles(pilot)
        assert styles and all(style.reverse and style.bold for style in styles), styles
