"""Where the user is in one report, and going back and forward (no Textual).

A *place* is a section id, or ``ROOT`` for the report card. ``Navigation.here``
is the one source of truth for where the user is: the tree cursor and the
reading pane are views of it, and whatever saves the position on exit reads it.
The list of places behind and ahead is ``state.History``.

What counts as a jump (the decision, also in the README):

* Recorded at once: a jump by search, the command palette, a metric row of the
  metrics view, a bookmark, ``[`` / ``]``, the start section (``--section``), and
  Enter on a tree node. Each records where the user *was* (if it is not already
  the newest entry) and then where they went, so back always returns to the
  place left, even one reached by arrowing through the tree a moment before.
* Tree cursor moves (``move``) are not jumps while the cursor is travelling: each
  step would flood the history. A tree position is recorded when the cursor
  *rests* on it for ``REST_SECONDS`` (the text has been on screen long enough to
  be read), or when the user opens it with Enter (``arrive``).
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
    """Where the user is (``here``) and the history policy on top of ``History``."""

    def __init__(self, history: History | None = None, here: str = ROOT) -> None:
        self.history = history if history is not None else History()
        self.here = here

    def start(self, previous_session: str | None = None) -> bool:
        """Begin the history at ``here``; a different ``previous_session`` place goes behind it.

        Returns whether the previous session's place was put in the history.
        """
        self.history.clear()
        seeded = previous_session is not None and previous_session != self.here
        if previous_session is not None and seeded:
            self.history.visit(previous_session)
        self.history.visit(self.here)
        return seeded

    def move(self, there: str) -> None:
        """The user stepped to ``there`` (the tree cursor): not recorded yet."""
        self.here = there

    def jump(self, there: str) -> None:
        """A jump from ``here`` to ``there``: both are recorded (once each)."""
        self.history.visit(self.here)
        self.history.visit(there)
        self.here = there

    def arrive(self) -> None:
        """The user settled on ``here`` (rested on it, or opened it)."""
        self.history.visit(self.here)

    def back(self) -> str | None:
        """Go back (``here`` is recorded first, for forward); ``None``: nowhere to go."""
        self.history.visit(self.here)
        place = self.history.back()
        if place is not None:
            self.here = place
        return place

    def forward(self) -> str | None:
        """Go forward again; ``None`` at the newest entry."""
        place = self.history.forward()
        if place is not None:
            self.here = place
        return place

    @property
    def can_go_back(self) -> bool:
        return self.history.can_go_back

    @property
    def can_go_forward(self) -> bool:
        return self.history.can_go_forward
