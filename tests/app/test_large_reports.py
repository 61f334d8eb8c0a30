"""The tree costs what it shows, not what the report holds (no timing here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rich.style import Style
from textual.widgets import OptionList

from partybuild_tui.model import load_report
from partybuild_tui.ui.widgets.detail_pane import DetailPane
from partybuild_tui.ui.widgets.search_panel import SearchPanel
from partybuild_tui.ui.widgets.section_tree import SectionTree

from .helpers import wait_for

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


@pytest.fixture(scope="module")
def big_report(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    subprocess.run(
        [sys.executable, str(GENERATOR), "--sections", "600", "--metrics", "3", "-o", str(path)],
        check=True,
        capture_output=True,
    )
    return load_report(path)


def _tree_nodes(tree: SectionTree) -> int:
    """Every node the tree has created (root included), walked through the public API."""
    count, stack = 0, [tree.root]
    while stack:
        node = stack.pop()
        count += 1
        stack.extend(node.children)
    return count


async def test_tree_creates_only_the_nodes_it_shows(app_factory, big_report) -> None:
    assert len(big_report.ordered) >= 600
    app = app_factory(big_report)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(SectionTree)
        assert _tree_nodes(tree) == 1 + len(big_report.sections)
        parent = next(s for s in big_report.sections if s.children)
        index = big_report.sections.index(parent)
        await pilot.press(*(["down"] * (index + 1)), "l")
        await pilot.pause()
        assert _tree_nodes(tree) == 1 + len(big_report.sections) + len(parent.children)
        _assert_label_widths_are_drawn_widths(tree)
        await pilot.resize_terminal(44, 20)  # titles cut, counts squeezed
        await pilot.pause()
        _assert_label_widths_are_drawn_widths(tree)


def _assert_label_widths_are_drawn_widths(tree: SectionTree) -> None:
    """The cheap width the tree sizes itself by is the width of the label it draws."""
    stack = list(tree.root.children)
    checked = 0
    while stack:
        node = stack.pop()
        drawn = tree.render_label(node, Style(), Style()).cell_len
        assert tree.get_label_width(node) == drawn, node.label
        checked += 1
        stack.extend(node.children)
    assert checked == _tree_nodes(tree) - 1 > 10


async def test_deep_link_adds_only_the_path(app_factory, big_report) -> None:
    deepest = max(big_report.ordered, key=lambda s: s.depth)
    assert deepest.depth >= 2
    app = app_factory(big_report, start_section=deepest.id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(SectionTree)
        assert app.screen.query_one(DetailPane).section is deepest
        expected = 1 + len(big_report.sections)
        for ancestor_id in deepest.id_path[:-1]:
            expected += len(big_report.section(ancestor_id).children)
        assert _tree_nodes(tree) == expected


async def test_a_long_list_of_hits_is_whole_once_drawn(app_factory, big_report) -> None:
    """The rows off screen come after the first frame, in order, and the next query's
    list ends with its own rows only."""
    app = app_factory(big_report)
    async with app.run_test(size=(100, 30)) as pilot:
        panel = app.screen.query_one(SearchPanel)
        await wait_for(pilot, lambda: panel.index is not None, "the search index")
        await pilot.press("slash", "党")
        await wait_for(pilot, lambda: panel.query_text == "党", "the results of 党")
        results = app.screen.query_one(OptionList)
        assert panel.result is not None and panel.result.total > 100
        await wait_for(pilot, lambda: results.option_count == 100, "a whole page of rows")
        ids = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert ids == [str(n) for n in range(100)] and results.highlighted == 0
        await pilot.press("员")
        await wait_for(pilot, lambda: panel.query_text == "党员", "the results of 党员")
        result = panel.result
        assert result is not None
        await wait_for(
            pilot,
            lambda: results.option_count == min(result.total, 100),
            "the second query's rows",
        )
        for _ in range(3):
            await pilot.pause()
        assert results.option_count == min(result.total, 100)
