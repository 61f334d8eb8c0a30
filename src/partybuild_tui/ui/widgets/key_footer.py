"""The footer: the keys that work where the focus is, whole entries only (issue 13.7).

Textual's ``Footer`` lays its keys in a row and cuts the row where the window ends,
so a narrow window showed ``f Filter tr`` and ``N Previ`` and lost ``? Help`` (the
App's keys come last). ``KeyFooter`` puts ``? Help``, ``q Quit``, the way back and
the keys of a search first, leaves out single printable keys while a text field has
the focus (they are typed there), and drops whole entries from the end of the row —
the least important, as each screen lists its keys most important first — until the
rest fits beside ``^p palette``.
The palette key goes only when even ``? Help`` and ``q Quit`` would not fit beside it.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey

FIRST = ("help", "quit_key", "close", "next_hit", "previous_hit", "toggle_filter")
"""Actions (without their namespace) listed first, in this order, on every screen: help,
quit, the way back, and the keys of a search once there is one (they show only then)."""


def _action_name(action: str) -> str:
    return action.rpartition(".")[2]


def _typed_in_a_field(key: str) -> bool:
    """A key that types a character (``q``, ``?``, ``/``): text in a field, not a command."""
    return len(key) == 1 or key in {"question_mark", "slash", "space", "full_stop", "comma"}


def entry_width(widget: Widget) -> int:
    """The cells ``widget`` takes in the row (its text, padding, border and margin)."""
    if isinstance(widget, FooterKey):
        text = cell_len(widget.render().plain)
    else:
        text = widget.outer_size.width
    return text + widget.styles.gutter.width + widget.styles.margin.width


class KeyFooter(Footer):
    """A ``Footer`` that never cuts an entry and keeps ``? Help`` and ``q Quit``."""

    def compose(self) -> ComposeResult:
        entries = list(super().compose())
        keys = [e for e in entries if not e.has_class("-command-palette")]
        palette = [e for e in entries if e.has_class("-command-palette")]
        for key in keys:
            if isinstance(key, FooterKey):
                # Textual's FooterKey starts compact and is then bound to the footer's
                # (not compact): mounting it added the class and removed it again, a style
                # pass each, on every recompose (every focus change). Start as it ends.
                key.set_reactive(FooterKey.compact, self.compact)
                key.set_class(self.compact, "-compact", update=False)
        if isinstance(self.screen.focused, Input):
            keys = [
                e
                for e in keys
                if not (isinstance(e, FooterKey) and _typed_in_a_field(e.key.split(",")[0]))
            ]

        def rank(entry: Widget) -> int:
            if isinstance(entry, FooterKey) and _action_name(entry.action) in FIRST:
                return FIRST.index(_action_name(entry.action))
            return len(FIRST)

        keys.sort(key=rank)  # stable: the screen's own order after ? and q
        yield from keys
        yield from palette

    _shown: tuple[object, ...] | None = None
    """What the entries were made from (``_source``): unchanged, they are not made again."""

    def _source(self) -> tuple[object, ...]:
        """Everything ``compose`` reads: the screen's bindings, whether a field is focused."""
        bindings = tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
        focused_field = isinstance(self.screen.focused, Input)
        return (bindings, focused_field, self.compact, self.show_command_palette)

    async def recompose(self) -> None:
        # Textual recomposes the footer whenever the bindings may have changed: every focus
        # change, screen switch and refresh_bindings, mostly to the same entries. Making and
        # styling them again was a tenth of the CPU of a pilot test (and of a key press).
        if not self.is_attached:  # removed with its screen since the call was queued
            return
        source = self._source() if self._bindings_ready else None
        if source is not None and source == self._shown and self.children:
            return
        await super().recompose()
        self._shown = source
        self.fit()

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        """Show the entries that fit whole, from the first; hide the rest."""
        width = self.size.width
        if not width:
            return
        keys = [c for c in self.children if not c.has_class("-command-palette")]
        palettes = [c for c in self.children if c.has_class("-command-palette")]
        widths = [entry_width(key) for key in keys]
        room = width - sum(entry_width(p) for p in palettes)
        first_two = sum(widths[:2])
        if palettes and first_two > room:
            room = width  # ? Help and q Quit before the palette key
            for palette in palettes:
                palette.display = False
        else:
            for palette in palettes:
                palette.display = True
        used = 0
        for key, key_width in zip(keys, widths, strict=True):
            fits = used + key_width <= room
            key.display = fits
            if fits:
                used += key_width
            else:
                room = used  # nothing after a dropped entry: the row keeps its order
