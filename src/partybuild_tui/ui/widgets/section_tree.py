"""The section tree in the sidebar: the report as root, sections and sub-topics below.

Nodes are added lazily, when their parent is first expanded, so building the
tree costs the same for a report of ten sections or ten thousand. Each label
shows the title and, right-aligned, the number of figures under it (or, while
the tree is filtered by a search, the number of hits).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from partybuild_tui.model import Report, Section
from partybuild_tui.model.display import breadcrumb_text, one_line
from partybuild_tui.ui.text_wrap import fit_cells
from partybuild_tui.ui.widgets.bindings import localize_bindings

SectionNode = TreeNode[Section | None]


class SectionTree(Tree[Section | None], can_focus=True):
    """The report's sections, lazily expanded, with a figure count per node."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Move", show=False),
        Binding("up,k", "cursor_up", "Move", show=False),
        Binding("right,l", "expand_or_descend", "Expand / open", show=False),
        Binding("enter", "open", "Open", show=False),
        Binding("left,h", "collapse_or_ascend", "Collapse / parent", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("asterisk", "expand_all", "Expand all", key_display="*", show=False),
        Binding("minus", "collapse_all", "Collapse all", key_display="-", show=False),
        # Paging reads the text, wherever the focus is (Tree would page its cursor).
        Binding("pagedown,space", "screen.detail_page_down", "Page down", show=False),
        Binding("pageup", "screen.detail_page_up", "Page up", show=False),
    ]

    highlighted: var[Section | None] = var(None, init=False)
    """The section under the cursor (``None``: the report itself), set as the cursor moves.

    A reactive, not a message: its watchers run in the same call as the key, so the
    reading pane is updated before the screen next paints and one frame shows both the
    cursor and the text (a message arrived a frame later: the tree's cursor was painted
    alone first, then the pane at least 1/60 s after)."""

    @dataclass
    class OpenRequested(Message):
        """Enter on a node that has nothing left to expand: read it."""

        tree: SectionTree
        section: Section | None

        @property
        def control(self) -> SectionTree:
            return self.tree

    def __init__(self, report: Report, *, id: str | None = None) -> None:
        # render_label runs inside Tree.__init__, so these come first.
        self.report = report
        self._section_nodes: dict[str, SectionNode] = {}
        self._populated: set[int] = set()
        self.hit_counts: dict[str, int] | None = None
        self._expanded_unfiltered: list[str] | None = None
        """Sections the user had open when a filter began: open again when it ends."""
        """While a search filters the tree: hits per section id (own and descendants)."""
        super().__init__(Text(one_line(report.meta.subtitle or report.title)), data=None, id=id)
        localize_bindings(self)
        self.show_root = True
        self.guide_depth = 2
        self.auto_expand = False
        self._populate(self.root)
        self.root.expand()

    # -- building -----------------------------------------------------------------

    def _children_of(self, node: SectionNode) -> tuple[Section, ...]:
        section = node.data
        children = self.report.sections if section is None else section.children
        if self.hit_counts is not None:
            children = tuple(c for c in children if self.hit_counts.get(c.id))
        return children

    def _populate(self, node: SectionNode) -> None:
        """Add ``node``'s children once (lazily)."""
        if node.id in self._populated:
            return
        self._populated.add(node.id)
        for child in self._children_of(node):
            added = node.add(
                Text(one_line(child.title)), data=child, allow_expand=bool(child.children)
            )
            self._section_nodes[child.id] = added

    def node_for(self, section_id: str) -> SectionNode | None:
        """The node of a section, adding its ancestors' children as needed."""
        node = self._section_nodes.get(section_id)
        if node is not None:
            return node
        section = self.report.get_section(section_id)
        if section is None:
            return None
        parent: SectionNode = self.root
        for ancestor_id in section.id_path:
            self._populate(parent)
            found = self._section_nodes.get(ancestor_id)
            if found is None:  # filtered out
                return None
            parent = found
        return parent

    def rebuild(self, hit_counts: dict[str, int] | None) -> None:
        """Show all sections, or only those with search hits (and their ancestors)."""
        current = self.cursor_node.data if self.cursor_node is not None else None
        if self.hit_counts is None and hit_counts is not None:
            self._expanded_unfiltered = [
                section_id for section_id, n in self._section_nodes.items() if n.is_expanded
            ]
        self.hit_counts = hit_counts
        self.clear()
        self._section_nodes.clear()
        self._populated.clear()
        self._populate(self.root)
        self.root.expand()
        if hit_counts is None and self._expanded_unfiltered is not None:
            for section_id in self._expanded_unfiltered:  # parents come before children
                node = self.node_for(section_id)
                if node is not None:
                    self._populate(node)
                    node.expand()
            self._expanded_unfiltered = None
        if hit_counts is not None:
            for node in list(self._section_nodes.values()):
                if node.data is not None and node.data.children:
                    self._populate(node)
                    node.expand()
        target = current.id if current is not None else None
        self.reveal(target)

    # -- moving ---------------------------------------------------------------------

    def reveal(self, section_id: str | None) -> None:
        """Expand down to a section and put the cursor on it (``None``: the root)."""
        if section_id is None:
            self.move_to(self.root)
            return
        node = self.node_for(section_id)
        if node is None:
            return
        ancestor = node.parent
        while ancestor is not None:
            if not ancestor.is_expanded:
                ancestor.expand()
            ancestor = ancestor.parent
        self.move_to(node)

    def move_to(self, node: SectionNode) -> None:
        """Put the cursor on ``node``, even if it was only just added or expanded."""
        # Tree numbers its lines lazily (on idle): a node shown a moment ago has no
        # line yet, and moving to it would send the cursor to the top.
        self._tree_lines  # noqa: B018 - the property rebuilds the line numbers
        self.move_cursor(node, animate=False)

    @property
    def current_section(self) -> Section | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def action_expand_or_descend(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if node.is_expanded:
            if node.children:
                self.move_to(node.children[0])
        else:
            self._populate(node)
            node.expand()

    def action_collapse_or_ascend(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.allow_expand and not node.is_root:
            node.collapse()
        elif node.parent is not None:
            self.move_to(node.parent)

    def action_open(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            self._populate(node)
            node.expand()
        else:
            self.post_message(self.OpenRequested(self, node.data))

    def action_expand_all(self) -> None:
        """``*``: every section open, down to the last sub-topic (the cursor stays put)."""
        current = self.current_section
        pending = [self.root]
        while pending:
            node = pending.pop()
            self._populate(node)
            node.expand()
            pending.extend(child for child in node.children if child.allow_expand)
        self.reveal(current.id if current is not None else None)

    def action_collapse_all(self) -> None:
        """``-``: back to the top-level sections, the cursor on the one it was in."""
        current = self.current_section
        for node in self.root.children:
            node.collapse_all()
        self.reveal(current.id_path[0] if current is not None else None)

    def action_first(self) -> None:
        self.move_to(self.root)

    def action_last(self) -> None:
        self._tree_lines  # noqa: B018 - see move_to
        self.cursor_line = self.last_line

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[Section | None]) -> None:
        # Mouse clicks on the toggle expand without our actions: populate here too.
        if event.node.id not in self._populated:
            self._populate(event.node)
            event.node.expand()

    def watch_cursor_line(self, previous_line: int, line: int) -> None:
        super().watch_cursor_line(previous_line, line)
        node = self.cursor_node
        if node is not None and line != previous_line:  # as Tree says NodeHighlighted
            self.highlighted = node.data

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[Section | None]) -> None:
        event.stop()  # told by ``highlighted``, at once

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[Section | None]) -> None:
        event.stop()

    # -- drawing ------------------------------------------------------------------------

    def _count_for(self, section: Section | None) -> int:
        if self.hit_counts is not None:
            if section is None:
                return sum(self.hit_counts.get(s.id, 0) for s in self.report.sections)
            return self.hit_counts.get(section.id, 0)
        return self.report.total_metrics if section is None else section.total_metrics

    def _label_parts(self, node: SectionNode) -> tuple[str, str, str, int]:
        """(icon, title cut to fit, count, cells available): what a label is made of."""
        icon = ""
        if node.allow_expand:
            icon = "▼ " if node.is_expanded else "▶ "
        count = self._count_for(node.data)
        count_text = str(count) if count else ""
        depth = 0
        ancestor = node.parent
        while ancestor is not None:
            depth += 1
            ancestor = ancestor.parent
        available = self.scrollable_content_region.width - depth * self.guide_depth - 1
        title = node.label.plain if isinstance(node.label, Text) else str(node.label)
        room = available - cell_len(icon) - len(count_text) - 1
        return icon, fit_cells(title, room), count_text, available

    def render_label(self, node: SectionNode, base_style: Style, style: Style) -> Text:
        icon, title, count_text, available = self._label_parts(node)
        label = Text(icon, style=base_style)
        label.append_text(Text(title, style=style))
        if count_text:
            gap = max(1, available - label.cell_len - len(count_text))
            label.append(" " * gap)
            label.append(count_text, style=base_style + Style(dim=True))
        return label

    def get_label_width(self, node: SectionNode) -> int:
        # Textual measures every visible line with render_label; with thousands of
        # sections open that was ~0.1 ms a line on each rebuild of the tree's lines.
        icon, title, count_text, available = self._label_parts(node)
        width = cell_len(icon) + cell_len(title)
        if count_text:
            width += max(1, available - width - len(count_text)) + len(count_text)
        return width


def section_label(section: Section) -> str:
    """How a section is named in messages: its breadcrumb."""
    return breadcrumb_text(section.breadcrumb)
