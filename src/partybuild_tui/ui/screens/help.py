"""The help screen: every key, grouped by where it works.

The list is read from the bindings the widgets really declare, so it cannot
drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.widgets.bindings import localize_bindings

_KEY_NAMES = {
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "slash": "/",
    "full_stop": ".",
    "comma": ",",
    "minus": "-",
    "plus": "+",
    "question_mark": "?",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "shift+tab": "Shift+Tab",
    "tab": "Tab",
    "enter": "Enter",
    "escape": "Esc",
    "space": "Space",
    "backspace": "Backspace",
    "delete": "Del",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "home": "Home",
    "end": "End",
}

EXTRA_KEYS: tuple[tuple[str, str], ...] = (
    ("tab", "Focus next"),
    ("shift+tab", "Focus previous"),
    ("ctrl+p", "Palette"),
)
"""Keys Textual provides that users should still find in the list."""


def key_names(keys: str) -> str:
    """``"down,j"`` → ``↓ / j``; ``"ctrl+b"`` → ``Ctrl+B``."""
    names = []
    for key in keys.split(","):
        key = key.strip()
        if key in _KEY_NAMES:
            names.append(_KEY_NAMES[key])
        elif key.startswith("ctrl+"):
            names.append("Ctrl+" + key[5:].upper())
        else:
            names.append(key)
    return " / ".join(names)


def _own_bindings(declared: Sequence[BindingType]) -> Iterable[Binding]:
    """Bindings as declared (a class's ``BINDINGS``), keys kept together (``"down,j"``)."""
    for binding in declared:
        if isinstance(binding, Binding):
            yield binding
        else:
            yield from Binding.make_bindings([binding])


def help_groups(
    groups: Sequence[tuple[str, Sequence[BindingType]]],
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group title, [(keys, description)]) for each (title, bindings) given."""
    merged: dict[str, list[tuple[str, str]]] = {}
    for title, owner in groups:
        rows = merged.setdefault(t(title), [])
        for binding in _own_bindings(owner):
            row = (key_names(binding.key), t(binding.tooltip or binding.description))
            if binding.description and row not in rows:
                rows.append(row)
    return [(title, rows) for title, rows in merged.items() if rows]


def render_help(groups: list[tuple[str, list[tuple[str, str]]]]) -> Content:
    width = max((cell_len(keys) for _, rows in groups for keys, _ in rows), default=4) + 3
    lines: list[Content] = []
    for title, rows in groups:
        if lines:
            lines.append(Content(""))
        lines.append(Content.styled(title, ".help-screen--heading"))
        for keys, description in rows:
            pad = " " * (width - cell_len(keys))
            lines.append(Content.assemble((keys, ".help-screen--key"), pad, description))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    """Every key; Esc, q or ? closes it."""

    CSS_PATH = "../styles/dialogs.tcss"

    COMPONENT_CLASSES = {"help-screen--heading", "help-screen--key"}

    AUTO_FOCUS = "#help-body"

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
        Binding("g,home", "scroll('home')", "First", show=False),
        Binding("G,end", "scroll('end')", "Last", show=False),
    ]

    def __init__(
        self, groups: Sequence[tuple[str, Sequence[BindingType]]], extra_note: str = ""
    ) -> None:
        super().__init__()
        localize_bindings(self)
        self.groups = list(groups)
        self.extra_note = extra_note

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = Content(t("Keys"))
            # Filled here, not in on_mount: a screen closed before its turn (the app quit,
            # Esc at once) is mounted without its children.
            yield Static(self._text(), id="help-text")

    def _text(self) -> Content:
        groups = help_groups(self.groups)
        groups.append(
            (t("Keys everywhere") + " (Textual)", [(key_names(k), t(d)) for k, d in EXTRA_KEYS])
        )
        content = render_help(groups)
        if self.extra_note:
            content = Content("\n").join([content, Content(""), Content(self.extra_note)])
        return content

    def action_scroll(self, where: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "home": body.scroll_home,
            "end": body.scroll_end,
        }[where](animate=False)

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
