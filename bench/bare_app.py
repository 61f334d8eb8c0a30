"""The floor for a first frame: a bare Textual app with a Tree, a Static and an Input.

``bench/run.py`` starts this and the explorer the same way, in the same tmux
pane, and times each until its content is on screen; the explorer's budget is a
multiple of this app's time, measured in the same run.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Static, Tree

READY = "bare-static-ready"
TREE_NODE = "bare-node-3"


class BareApp(App[None]):
    CSS = """
    Horizontal { height: 1fr; }
    Tree { width: 36; }
    Static { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        tree: Tree[None] = Tree("bare-root")
        tree.root.expand()
        for number in range(1, 8):
            tree.root.add_leaf(f"bare-node-{number}")
        with Horizontal():
            yield tree
            yield Static(READY)
        yield Input(placeholder="bare-input")


if __name__ == "__main__":
    BareApp().run()
