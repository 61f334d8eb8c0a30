"""Widgets whose virtual size only Textual's layout sets: no second layout after it.

Textual's layout gives every widget its new size and then sets its ``virtual_size``,
a reactive that asks for *another* layout and a repaint of the screen when it
changes (``layout=True``). For a widget whose virtual size nothing but that layout
sets (a plain widget, whose virtual size is its region, or a scroll container, whose
scrollbars the layout has just updated), the second pass finds nothing to change; it
cost each step through the reading pane a second layout of the whole screen (and a
new drawing of the tree's scrollbar). ``SizedByLayout`` declares the same reactive
without the layout or repaint (its watchers still run). A line-API ``ScrollView``,
which sets its own virtual size to ask for a layout, must not use it.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive


class SizedByLayout:
    """Mixin, before the Textual base: ``class SectionText(SizedByLayout, Widget)``."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False, repaint=False)
