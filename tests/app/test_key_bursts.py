"""Keys typed at machine speed act as typed (issue 13, item 9).

Each test queues a whole burst before the app handles any of it, as a paste, a
fast typist or an SSH packet delivers keys; before ``ui/keys.py`` Textual let a
priority binding or a widget's typing overtake a binding still on its way.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.widgets import Input

from partybuild_tui.ui import keys
from partybuild_tui.ui.screens.explorer import ExplorerScreen
from partybuild_tui.ui.screens.metrics import MetricsScreen
from partybuild_tui.ui.widgets.search_panel import SearchPanel
from partybuild_tui.ui.widgets.section_tree import SectionTree

from .helpers import wait_for
from .pty_app import PtyApp


def burst(app, *keys: tuple[str, str | None]) -> None:
    for key, char in keys:
        app.post_message(events.Key(key, char))


async def test_slash_ctrl_u_and_digits_in_one_burst_leave_the_digits(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        digits = [(d, d) for d in "1542"]
        burst(app, ("slash", "/"), ("ctrl+u", None), *digits)
        field = app.screen.query_one(SearchPanel).input
        await wait_for(pilot, lambda: field.value == "1542", "1542 in the search bar")
        await pilot.pause()  # every queued key handled: Ctrl+U did not come after the digits
        assert field.value == "1542"


async def _m_then_slash_percent(app, pilot) -> None:
    """``m / %`` in one burst: the metrics view opens and ``%`` lands in its filter."""
    burst(app, ("m", "m"), ("slash", "/"), ("percent_sign", "%"))
    await wait_for(pilot, lambda: isinstance(app.screen, MetricsScreen), "the metrics view")
    # The screen is on the stack before it has composed: query its filter in the wait.
    await wait_for(
        pilot,
        lambda: app.screen.query_one("#metrics-filter", Input).value == "%",
        "% in the filter",
    )


async def test_m_then_slash_in_one_burst_filter_the_metrics(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _m_then_slash_percent(app, pilot)


async def test_escape_then_a_letter_read_as_alt_is_two_keys(app_factory) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        letters = [(c, c) for c in "djyl"]
        # What Textual's parser makes of Esc and m arriving within its escape delay.
        burst(app, ("slash", "/"), *letters, ("alt+m", "m"))
        await wait_for(pilot, lambda: isinstance(app.screen, MetricsScreen), "the metrics view")
        explorer = app.screen_stack[0]
        assert isinstance(explorer, ExplorerScreen)
        panel = explorer.query_one(SearchPanel)
        # Esc closed the search (the panel clears its input in a message of its own)
        await wait_for(pilot, lambda: panel.input.value == "", "the search bar emptied by Esc")


def test_escape_and_m_sent_together_to_a_real_terminal(tmp_path: Path) -> None:
    env = {"PARTYBUILD_TUI_STATE_DIR": str(tmp_path / "state")}
    with PtyApp(["--lang", "en"], env=env) as app:
        drawn = app.wait_for(b"Help")
        app.send(b"/djyl")
        typed = app.wait_for(b"djyl", start=drawn)
        app.send(b"\x1bm")  # one write: well within any escape delay
        app.wait_for(b"Metrics table", start=typed)  # m opened the metrics view
        app.send(b"q")
        app.wait_exit()
        assert b"djylm" not in bytes(app.output[typed:])


async def test_a_slow_key_holds_the_next_ones_until_it_is_handled(app_factory, monkeypatch) -> None:
    """A loaded machine: ``m`` reaches its binding later than the sequencer checks on it.
    The keys behind it wait for the view it opens rather than overtake it (before, a timer
    let ``/`` go: it opened the search, ``%`` went into it, then the view opened, empty)."""

    async def slow(self, event: events.Key) -> None:  # the tree busy before it sees the key
        await asyncio.sleep(0.1)

    monkeypatch.setattr(keys, "STUCK_SECONDS", 0.01)
    monkeypatch.setattr(SectionTree, "on_key", slow, raising=False)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _m_then_slash_percent(app, pilot)
        explorer = app.screen_stack[0]
        assert explorer.query_one(SearchPanel).input.value == ""  # nothing typed into the search
