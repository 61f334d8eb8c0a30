"""Back/forward navigation history: a list of section ids with a cursor (pure logic).

Like a browser: ``visit`` records a jump (dropping anything "forward" of the
cursor), ``back`` and ``forward`` move the cursor and return the section to show.
Visiting the section already current records nothing, so the app may call
``visit`` after every move, including the moves ``back``/``forward`` cause. The
list is capped; the oldest entries go first. No Textual here.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable

DEFAULT_LIMIT = 200


class History:
    """Section ids in the order they were visited, and where we are among them."""

    __slots__ = ("_cursor", "_entries", "limit")

    def __init__(self, limit: int = DEFAULT_LIMIT, entries: Iterable[str] = ()) -> None:
        if limit < 1:
            raise ValueError("a history holds at least one entry")
        self.limit = limit
        self._entries: list[str] = []
        self._cursor = -1
        for section_id in entries:
            self.visit(section_id)

    # --- what is there ---------------------------------------------------------

    @property
    def entries(self) -> tuple[str, ...]:
        return tuple(self._entries)

    @property
    def cursor(self) -> int:
        """Index of the current entry; -1 when the history is empty."""
        return self._cursor

    @property
    def current(self) -> str | None:
        return self._entries[self._cursor] if self._cursor >= 0 else None

    @property
    def can_go_back(self) -> bool:
        return self._cursor > 0

    @property
    def can_go_forward(self) -> bool:
        return 0 <= self._cursor < len(self._entries) - 1

    def peek_back(self) -> str | None:
        """Where ``back`` would go, without going."""
        return self._entries[self._cursor - 1] if self.can_go_back else None

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"History({self._entries!r}, cursor={self._cursor}, limit={self.limit})"

    # --- moving ---------------------------------------------------------------

    def visit(self, section_id: str) -> bool:
        """Record a jump to ``section_id``; ``False`` if it is already the current entry."""
        if section_id == self.current:
            return False
        del self._entries[self._cursor + 1 :]
        self._entries.append(section_id)
        overflow = len(self._entries) - self.limit
        if overflow > 0:
            del self._entries[:overflow]
        self._cursor = len(self._entries) - 1
        return True

    def back(self) -> str | None:
        """Step back; the section to show, or ``None`` (nothing moves) at the start."""
        if not self.can_go_back:
            return None
        self._cursor -= 1
        return self._entries[self._cursor]

    def forward(self) -> str | None:
        """Step forward again after ``back``; ``None`` at the newest entry."""
        if not self.can_go_forward:
            return None
        self._cursor += 1
        return self._entries[self._cursor]

    def back_while(self, skip: Callable[[str], bool]) -> str | None:
        """Step back past entries for which ``skip`` is true (say, sections now hidden)."""
        start = self._cursor
        while self.can_go_back:
            section_id = self.back()
            if section_id is not None and not skip(section_id):
                return section_id
        self._cursor = start
        return None

    def clear(self) -> None:
        self._entries.clear()
        self._cursor = -1

    def prune(self, valid: Container[str]) -> None:
        """Drop ids that are not in ``valid`` (the report changed) and the repeats this leaves.

        The cursor stays on the same entry if it survives, else on the nearest
        older one that does.
        """
        kept: list[str] = []
        cursor = -1
        for index, section_id in enumerate(self._entries):
            if section_id in valid and (not kept or kept[-1] != section_id):
                kept.append(section_id)
            if index == self._cursor:
                cursor = len(kept) - 1
        if kept and cursor < 0:
            cursor = 0
        self._entries = kept
        self._cursor = cursor
