"""Keys act in the order they were typed, however fast they come (issue 13, item 9).

Textual hands each key to the focused widget's queue as soon as the App reads it,
runs priority bindings at once, and runs the other bindings only when the key has
bubbled back up to the App. A burst (a paste, a fast typist, an SSH packet holding
several keys) is therefore reordered: in ``/`` Ctrl+U ``1542`` the digits reach the
search bar before Ctrl+U's binding clears it; in ``m /`` the ``/`` (a priority
binding) acts before ``m`` has opened the metrics view.

``KeySequencer`` lets one key travel at a time: the next is handed on only when the
previous one has been handled by the widget it went to and by each ancestor it
bubbled through (a callback queued behind it at every level), and the screen it
may have opened is mounted. A key that never comes back (the widget holding it was
removed) releases the next: checked every ``STUCK_SECONDS``. A key merely slow (a
loaded machine: ``m`` took over half a second to open the metrics view) is waited
for, up to ``GIVE_UP_SECONDS``: released on a timer alone, the keys behind it
overtook it (``/`` opened the search, ``%`` went into it, then the view opened).

It also undoes one guess of the terminal parser: Esc followed within Textual's
escape delay by a letter arrives as ``alt+<letter>``; the app binds no Alt key, so
it is Esc, then the letter (``/djyl`` Esc ``m``: the search is left, then ``m``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from time import monotonic

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen
from textual.timer import Timer

STUCK_SECONDS = 0.5
GIVE_UP_SECONDS = 10.0


def split_alt(event: events.Key) -> list[events.Key]:
    """``alt+m`` (Esc then ``m`` typed quickly) as the two keys it was."""
    key = event.key
    if key.startswith("alt+") and event.character and len(event.character) == 1:
        rest = key.removeprefix("alt+")
        escape, letter = events.Key("escape", "\x1b"), events.Key(rest, event.character)
        return [escape, letter]
    return [event]


class KeySequencer:
    """Hands the App's keys on one at a time (see the module docstring)."""

    def __init__(self, app: App[int], dispatch: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self.dispatch = dispatch
        """Textual's own handling of a key the App has read (``App.on_event``)."""
        self._waiting: deque[events.Key] = deque()
        self._in_flight: events.Key | None = None
        self._stuck: Timer | None = None
        self._screen: Screen[object] | None = None
        self._holder: DOMNode | None = None
        """Where the key in flight (or the callback behind it) waits to be handled."""
        self._sent_at = 0.0

    async def key(self, event: events.Key) -> None:
        """A key read from the terminal."""
        self._waiting.extend(split_alt(event))
        if self._in_flight is None:
            await self._next()

    async def _next(self) -> None:
        if self._in_flight is not None or not self._waiting:
            return
        screen = self.app.screen
        if screen is not self._screen or not screen.is_mounted:
            # A screen the last key opened (or closed to): keys wait for its first refresh,
            # when it is composed and has its focus.
            self._screen = screen
            self.app.call_after_refresh(self._next)
            return
        key = self._in_flight = self._waiting.popleft()
        target: DOMNode = self.app.focused or self.app.screen
        await self.dispatch(key)
        self._holder, self._sent_at = target, monotonic()
        self._stuck = self.app.set_timer(STUCK_SECONDS, lambda: self._check(key))
        if key.is_forwarded:  # on its way up from the widget: follow it
            self._behind(key, target, self._settle)
        else:  # a priority binding took it, here and now
            self.app.call_later(self._settle, key)

    def _behind(self, key: events.Key, node: DOMNode, then: Callable[[events.Key], object]) -> None:
        """Queue a callback behind ``key`` at ``node``; from there, at its parent…"""
        parent = node.parent
        if parent is None or node is self.app:
            self._holder = self.app
            self.app.call_later(then, key)
        else:
            self._holder = node
            if not node.call_later(self._behind, key, parent, then):  # closing: not there
                self._behind(key, parent, then)

    async def _check(self, key: events.Key) -> None:
        """The key is not back yet: lost if the node holding it is gone, else slow."""
        if self._in_flight is not key:
            return
        holder = self._holder
        gone = holder is not None and holder is not self.app and not holder.is_attached
        if gone or monotonic() - self._sent_at > GIVE_UP_SECONDS:
            await self._done(key)
        else:
            self._stuck = self.app.set_timer(STUCK_SECONDS, lambda: self._check(key))

    def _settle(self, key: events.Key) -> None:
        """The key is handled; once more up from the focus, behind the messages it sent
        (Esc in the search bar posts ``Closed``, whose handler moves the focus)."""
        if self._in_flight is key:
            self._behind(key, self.app.focused or self.app.screen, self._done)

    async def _done(self, key: events.Key) -> None:
        if self._in_flight is not key:
            return  # released already (the timer, or the callbacks: whichever came first)
        self._in_flight = None
        if self._stuck is not None:
            self._stuck.stop()
            self._stuck = None
        await self._next()
