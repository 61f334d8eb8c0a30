"""The style of the one thing the user must find at a glance: the current search hit
(and the current figure, stepped to with ``.``/``,``: ``current_figure_style``).

Textual (8.2) drops ``reverse`` from component-class styles used in ``Content``
spans and turns an opaque background in them into none at all, so a span styled
``.section-text--current-match`` came out as near-black on dark brown. This
module resolves the theme's colours itself and returns a full ``Style``:

- with colour: the theme's ``$warning`` as background and black or white text,
  whichever contrasts more (WCAG ratio; every built-in theme gets >= 4.5:1);
- without (``NO_COLOR``, a 16-colour console such as ``TERM=linux``, or the
  ``textual-ansi`` theme): reverse video, which every terminal draws.
"""

from __future__ import annotations

from textual.app import App
from textual.color import Color
from textual.style import Style
from textual.widget import Widget

BLACK = Color(0, 0, 0)
WHITE = Color(255, 255, 255)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: Color) -> float:
    """WCAG relative luminance."""
    return 0.2126 * _channel(color.r) + 0.7152 * _channel(color.g) + 0.0722 * _channel(color.b)


def contrast_ratio(one: Color, other: Color) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def strongest_text(background: Color) -> Color:
    """Black or white, whichever reads better on ``background``."""
    if contrast_ratio(BLACK, background) >= contrast_ratio(WHITE, background):
        return BLACK
    return WHITE


def colourless(app: App) -> bool:
    """True where colour cannot be relied on: reverse video is used instead."""
    system = app.console.color_system
    return (
        app.no_color
        or system in (None, "standard", "windows")
        or app.current_theme.name == "textual-ansi"
    )


def current_hit_style(widget: Widget) -> Style:
    """The style of the current search hit inside ``widget``'s text."""
    base = widget.styles
    background = widget.background_colors[1]
    text = background + base.color
    if colourless(widget.app):
        # Explicit colours first, so any match background below is replaced; the
        # terminal's reverse then shows text colour as the background.
        return Style(background=background, foreground=text, bold=True, reverse=True)
    warning = Color.parse(widget.app.theme_variables.get("warning", "#ffa62b"))
    fill = background + warning
    return Style(background=fill, foreground=strongest_text(fill), bold=True, underline=True)


def current_figure_style(widget: Widget) -> Style:
    """The style of the figure stepped to with ``.``/``,``: the theme's ``$primary`` behind
    black or white text, underlined — not the current search hit's ``$warning`` — and,
    without colour, reverse video underlined (the search hit's is bold, not underlined)."""
    background = widget.background_colors[1]
    text = background + widget.styles.color
    if colourless(widget.app):
        return Style(background=background, foreground=text, underline=True, reverse=True)
    primary = Color.parse(widget.app.theme_variables.get("primary", "#0178d4"))
    fill = background + primary
    return Style(background=fill, foreground=strongest_text(fill), bold=True, underline=True)
