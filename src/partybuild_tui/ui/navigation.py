"""Which moves are jumps, and going back and forward along them (no Textual).

A *place* is a section id, or ``ROOT`` for the report card. The explorer tells
``Navigation`` what happened and asks it where back and forward lead; the list
itself is ``state.History``.

What counts as a jump (the decision, also in the README):

* Recorded at once: a jump by search, the command palette, a metric row of the
  metrics view, a bookmark, ``[`` / ``]``, the start section (``--section``), and
  Enter on a tree node. Each records where the user *was* (if it is not already
  the newest entry) and then where they went, so back always returns to the
  place left, even one reached by arrowing through the tree a moment before.
* Tree cursor moves are not jumps while the cursor is travelling: each step
  would flood the history. A tree position is recorded when the cursor *rests*
  on it for ``REST_SECONDS`` (the text has been on screen long enough to be read),
  or when the user opens it with Enter.
* Back and forward themselves record nothing new; going back from a place not
  yet recorded records it first, so forward returns to it.

Nothing moves at start-up: the last position of the previous session (if any)
is put *behind* the start, so back (``H``) goes there, and forward returns.
"""

from __future__ import annotations

from partybuild_tui.state import History

ROOT = ""
"""The place of the report card (no section); section ids are never empty."""

REST_SECONDS = 1.0
"""How long the tree cursor must stay on a section for it to enter the history."""


class Navigation:
    """The explorer's history policy on top of ``History``."""

    def __init__(self, history: History | None = None) -> None:
        self.history = history if history is not None else History()

    @property
    def current(self) -> str | None:
        return self.history.current

    def start(self, here: str, previous_session: str | None = None) -> bool:
        """Begin at ``here``; a different ``previous_session`` place goes behind it.

        Returns whether the previous session's place was put in the history.
        """
        self.history.clear()
        seeded = previous_session is not None and previous_session != here
        if seeded:
            self.history.visit(previous_session)  # type: ignore[arg-type]
        self.history.visit(here)
        return seeded

    def jump(self, here: str, there: str) -> None:
        """A jump from ``here`` to ``there``: both are recorded (once each)."""
        self.history.visit(here)
        self.history.visit(there)

    def arrive(self, here: str) -> None:
        """The user settled on ``here`` (rested on it, or opened it)."""
        self.history.visit(here)

    def back(self, here: str) -> str | None:
        """Where back leads from ``here`` (recorded first, for forward); ``None``: nowhere."""
        self.history.visit(here)
        return self.history.back()

    def forward(self) -> str | None:
        """Where forward leads; ``None`` at the newest entry."""
        return self.history.forward()

    @property
    def can_go_back(self) -> bool:
        return self.history.can_go_back

    @property
    def can_go_forward(self) -> bool:
        return self.history.can_go_forward
