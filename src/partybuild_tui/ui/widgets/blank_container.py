"""A layout container that draws nothing of its own: its children cover it."""

from __future__ import annotations

from textual.containers import Container


class BlankContainer(Container):
    """Lays out its children (vertically unless the CSS says otherwise) and draws no line.

    With ``BLANK`` Textual gives the compositor one shared empty line for all of the
    container's rows instead of drawing each of them (background only) to be covered
    by the children: ~1 ms of the explorer's first frame per container at 120×40.
    Only for containers with no border, padding or background whose children fill them.
    """

    BLANK = True
