"""A screen ended just after it was opened ends quietly.

Textual starts a pushed screen's task a turn later. If the app quits in between (a
signal, a browser tab closed, a test ending), Textual closes the screen before it
ran: its compose mounts nothing, yet its ``on_mount`` and the messages already sent
to it are still handled. A screen that queried its children there raised
``NoMatches`` (seen once in a full run, the metrics view after a burst of keys), an
internal error for the user. Screens fill their widgets as they compose them and
hold those they update later, so a screen with none mounted has nothing to fail on.
The explorer too: opened from a library (Enter), then the app ends.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events

from partybuild_tui.library import open_library
from partybuild_tui.ui.app import AppOptions
from partybuild_tui.ui.library_app import make_library_app
from partybuild_tui.ui.screens.library_explorer import LibraryExplorerScreen
from partybuild_tui.ui.widgets.library.report_list import ReportList
from tests.library_support import make_library

from .helpers import wait_for


@pytest.mark.parametrize(
    ("key", "character"),
    [("m", "m"), ("question_mark", "?"), ("B", "B"), ("e", "e")],
    ids=["metrics", "help", "bookmarks", "export"],
)
async def test_the_app_ends_in_the_turn_a_key_opened_a_screen(app_factory, key, character) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen.query("#tree"), "the explorer")
        explorer = app.screen
        app.post_message(events.Key(key, character))
        while app.screen is explorer:  # not pilot.pause(): that lets the new screen start
            await asyncio.sleep(0)
        opened = app.screen
    # run_test re-raises what the app raised while ending
    assert opened is not explorer


@pytest.mark.parametrize("turns", [0, 1, 2])
async def test_the_app_ends_while_a_report_opened_from_the_library_composes(
    tmp_path: Path, turns: int
) -> None:
    """Each turn is a later stage of the explorer's compose: the screen, then the sidebar,
    then the reading pane had not composed when the app ended (each raised before)."""
    make_library(tmp_path / "lib", 2)
    app = make_library_app(open_library([tmp_path / "lib"]), AppOptions(language="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen.query(ReportList), "the library")
        library = app.screen
        app.post_message(events.Key("enter", None))
        while app.screen is library:
            await asyncio.sleep(0)
        opened = app.screen
        for _ in range(turns):
            await asyncio.sleep(0)
    assert isinstance(opened, LibraryExplorerScreen)
